// find_json_string_special against the byte-by-byte rule it speeds up, on strings where the byte
// that ends a run sits at every place of an 8-byte word, after bytes of every kind.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/json_string_bytes.h"

using namespace inkspan;

namespace {

std::size_t first_special_slowly(std::string_view s, std::size_t k) {
    while (k < s.size() && s[k] != '"' && s[k] != '\\' && static_cast<unsigned char>(s[k]) >= 0x20) ++k;
    return k;
}

}  // namespace

TEST_CASE("json string bytes: the first quote, backslash or control character, a word at a time") {
    // Plain bytes of every kind, among them the ones next to the specials (0x1F, 0x21, 0x5B,
    // 0x5D) and bytes with the high bit set, which borrow-based word tests can confuse.
    const std::string plain = std::string("a \x21\x5B\x5D\x7F\x80\xC3\xA9\xFF\x1F", 11).substr(0, 10);
    const char specials[] = {'"', '\\', '\0', '\x01', '\x1F', '\n'};
    std::uint32_t seed = 1;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 4000; ++round) {
        std::string s;
        const std::size_t length = next() % 40;
        for (std::size_t i = 0; i < length; ++i) {
            const std::uint32_t r = next();
            s += r % 7 == 0 ? specials[(r >> 8) % sizeof specials] : plain[(r >> 8) % plain.size()];
        }
        for (std::size_t k = 0; k <= s.size(); ++k) {
            CAPTURE(s);
            CAPTURE(k);
            REQUIRE(find_json_string_special(s, k) == first_special_slowly(s, k));
        }
    }
}
