// libFuzzer target for the JSON guard and format sniffing. On text that nlohmann/json accepts, the
// guard refuses for depth exactly when the text nests deeper than kMaxJsonDepth, and never calls
// an accepted number infinite (so strings, escapes and numbers are read as the parser reads them).
// Sniffing any text never crashes, and its errors name the file. Failures trap.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/formats/format.h"
#include "core/json_guard.h"
#include "core/json_sax.h"
#include "core/limits.h"

namespace {

using Json = nlohmann::json;

void check(bool ok) {
    if (!ok) __builtin_trap();
}

// The deepest nesting of arrays and objects, as the parser sees it.
struct DepthMeter : inkspan::JsonSaxAcceptAll {
    std::size_t depth = 0, deepest = 0;
    bool open() {
        deepest = std::max(deepest, ++depth);
        return true;
    }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return --depth, true; }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return --depth, true; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inkspan;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // nlohmann/json takes a NUL byte for the end of the input; the guard reads on (and may refuse).
    const std::string_view json = input.substr(0, input.find('\0'));
    const Status guarded = check_json_limits(json);
    DepthMeter meter;
    if (Json::sax_parse(json, &meter)) {
        const bool too_deep = meter.deepest > kMaxJsonDepth;
        check(guarded.ok() ? !too_deep : (guarded.error().message.starts_with("JSON nested deeper") == too_deep));
        check(guarded.ok() || guarded.error().message.find("not finite") == std::string::npos);
    }
    for (const char* name : {"data.json", "data.jsonl", "data"}) {
        auto format = formats::detect_format(name, input);
        check(format.ok() || format.error().message.starts_with(name));
    }
    return 0;
}
