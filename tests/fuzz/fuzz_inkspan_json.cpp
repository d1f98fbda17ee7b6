// libFuzzer target for the native format: whatever parses must write back and parse again to an
// equal corpus, and writing that again must give the same bytes; read in 7-byte windows, it
// must give the same corpus or message. Failures trap; a throw inside
// nlohmann/json aborts (JSON_NOEXCEPTION), which the fuzzer reports as a crash too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/inkspan_json.h"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inkspan;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    for (bool add_unknown : {false, true}) {
        auto corpus = parse_inkspan_json(input, {add_unknown});
        // Read a few bytes at a time, the file gives the same corpus or the same message.
        InkspanReadOptions windowed{add_unknown};
        windowed.read_window = 7;
        auto pieces = parse_inkspan_json(StringByteSource(input), windowed);
        check(pieces.ok() == corpus.ok());
        check(corpus ? write_inkspan_json(*pieces) == write_inkspan_json(*corpus)
                     : pieces.error().message == corpus.error().message);
        if (!corpus) {
            check(!corpus.error().message.empty());
            continue;
        }
        const std::string saved = write_inkspan_json(*corpus);
        auto again = parse_inkspan_json(saved);
        check(again.ok());
        check(*again == *corpus);
        check(write_inkspan_json(*again) == saved);
        for (const Document& d : again->documents) {
            const std::string one = write_inkspan_json(again->schema, d);
            auto single = parse_inkspan_json(one);
            check(single.ok() && single->documents.size() == 1 && single->documents[0] == d);
        }
    }
    return 0;
}
