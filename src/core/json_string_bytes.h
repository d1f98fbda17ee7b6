#pragma once
// Running through the inside of a JSON string quickly: most of an inkspan file is the texts'
// strings, and most of their bytes stand for themselves.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace inkspan {

// The first byte of `s` from `k` on that ends a run of plain string bytes: a quote, a backslash
// or a control character (which JSON refuses in strings); s.size() if none. Eight bytes at a
// time while none of them is one.
inline std::size_t find_json_string_special(std::string_view s, std::size_t k) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    // Nonzero if some byte of w is below n (n <= 128), or equals b.
    const auto below = [](std::uint64_t w, std::uint64_t n) { return (w - ones * n) & ~w & highs; };
    const auto equal = [&](std::uint64_t w, unsigned char b) { return below(w ^ (ones * b), 1); };
    std::uint64_t word;
    while (k + 8 <= s.size()) {
        std::memcpy(&word, s.data() + k, 8);
        if (below(word, 0x20) | equal(word, '"') | equal(word, '\\')) break;
        k += 8;
    }
    while (k < s.size() && s[k] != '"' && s[k] != '\\' && static_cast<unsigned char>(s[k]) >= 0x20) ++k;
    return k;
}

}  // namespace inkspan
