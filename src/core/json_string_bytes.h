#pragma once
// Running through the inside of a JSON string quickly: most of an inkspan file is the texts'
// strings, and most of their bytes stand for themselves.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace inkspan {

// The first byte of `s` from `k` on that ends a run of plain string bytes: a quote, a backslash
// or a control character (which JSON refuses in strings); s.size() if none. Eight bytes at a
// time while none of them is one, then straight to it.
inline std::size_t find_json_string_special(std::string_view s, std::size_t k) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    // The high bit of each byte of w below n (n <= 128), or equal to b: exact for the lowest such
    // byte (a borrow from it may mark bytes above it too).
    const auto below = [](std::uint64_t w, std::uint64_t n) { return (w - ones * n) & ~w & highs; };
    const auto equal = [&](std::uint64_t w, unsigned char b) { return below(w ^ (ones * b), 1); };
    std::uint64_t word;
    while (k + 8 <= s.size()) {
        std::memcpy(&word, s.data() + k, 8);
        const std::uint64_t special = below(word, 0x20) | equal(word, '"') | equal(word, '\\');
        if (special) {
            // The lowest marked byte is the first special one (little-endian: first in memory).
            if constexpr (std::endian::native == std::endian::little)
                return k + static_cast<std::size_t>(std::countr_zero(special)) / 8;
            break;
        }
        k += 8;
    }
    while (k < s.size() && s[k] != '"' && s[k] != '\\' && static_cast<unsigned char>(s[k]) >= 0x20) ++k;
    return k;
}

}  // namespace inkspan
