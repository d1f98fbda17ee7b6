#include "core/text_index.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"

namespace inkspan {

namespace {

std::uint64_t load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// Sums the bytes of a word whose bytes are each 0 or 1.
std::size_t byte_sum(std::uint64_t ones) { return static_cast<std::size_t>((ones * 0x0101010101010101ull) >> 56); }

// How many of the 8 bytes of `word` start a code point (are not continuation bytes 10xxxxxx).
std::size_t code_point_starts8(std::uint64_t word) {
    return 8 - byte_sum((word & ~(word << 1) & 0x8080808080808080ull) >> 7);  // continuation: bit 7 set, bit 6 clear
}

// How many of them start a 4-byte sequence (11110xxx: two UTF-16 units).
std::size_t four_byte_starts8(std::uint64_t word) {
    return byte_sum((word & (word << 1) & (word << 2) & (word << 3) & 0x8080808080808080ull) >> 7);
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : bytes_(text.size()) {
    checkpoints_.reserve(text.size() / kStride + 1);
    // A checkpoint at every kStride-th code point and at the end when the count is a multiple of
    // it. From one to the next: 8 bytes at a time while they start no more code points than are
    // left to go (the count holds even when a word ends inside a sequence), then byte by byte.
    std::size_t pos = 0, cp = 0, u16 = 0;
    for (;;) {
        checkpoints_.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(u16)});
        std::size_t left = kStride;
        while (text.size() - pos >= 8) {
            const std::uint64_t word = load8(text.data() + pos);
            const std::size_t starts = code_point_starts8(word);
            if (starts > left) break;
            left -= starts;
            u16 += starts + four_byte_starts8(word);
            pos += 8;
        }
        for (; pos < text.size(); ++pos) {
            const auto b = static_cast<unsigned char>(text[pos]);
            if (is_utf8_continuation(b)) continue;
            if (left == 0) break;  // the next checkpoint's code point
            --left;
            u16 += b >= 0xF0 ? 2 : 1;
        }
        cp += kStride - left;
        if (pos < text.size()) continue;  // at the next checkpoint's code point
        if (left == 0)                    // the end is one too
            checkpoints_.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(u16)});
        break;
    }
    code_points_ = cp;
    utf16_ = u16;
}

std::size_t skip_code_points(std::string_view text, std::size_t pos, std::size_t n) {
    // The n-th code point start from pos on: skip 8 bytes at a time while they hold no more starts
    // than that (pos may then stop inside a sequence; the count still holds), then bytes.
    while (text.size() - pos >= 8) {
        const std::size_t starts = code_point_starts8(load8(text.data() + pos));
        if (starts > n) break;
        n -= starts;
        pos += 8;
    }
    for (; pos < text.size(); ++pos)
        if (!is_utf8_continuation(static_cast<unsigned char>(text[pos])) && n-- == 0) return pos;
    return text.size();
}

std::size_t TextIndex::code_point_to_byte(std::string_view text, std::size_t cp) const {
    if (cp >= code_points_) return bytes_;
    const std::size_t k = cp / kStride;
    return skip_code_points(text, checkpoints_[k].byte, cp - k * kStride);
}

std::size_t TextIndex::byte_to_code_point(std::string_view text, std::size_t byte) const {
    if (byte >= bytes_) return code_points_;
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                               [](std::size_t b, const Checkpoint& c) { return b < c.byte; });
    std::size_t k = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
    std::size_t pos = checkpoints_[k].byte, cp = k * kStride;
    while (true) {
        std::size_t next = pos + utf8_sequence_length(static_cast<unsigned char>(text[pos]));
        if (next > byte) return cp;
        pos = next;
        ++cp;
    }
}

std::size_t TextIndex::code_point_to_utf16(std::string_view text, std::size_t cp) const {
    if (cp >= code_points_) return utf16_;
    std::size_t k = cp / kStride;
    std::size_t pos = checkpoints_[k].byte, u16 = checkpoints_[k].utf16;
    for (std::size_t c = k * kStride; c < cp; ++c) {
        std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text[pos]));
        u16 += len == 4 ? 2 : 1;
        pos += len;
    }
    return u16;
}

std::optional<std::size_t> TextIndex::utf16_to_code_point(std::string_view text, std::size_t u16) const {
    if (u16 > utf16_) return std::nullopt;
    if (u16 == utf16_) return code_points_;
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), u16,
                               [](std::size_t u, const Checkpoint& c) { return u < c.utf16; });
    std::size_t k = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
    std::size_t pos = checkpoints_[k].byte, cur = checkpoints_[k].utf16, cp = k * kStride;
    while (cur < u16) {
        std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text[pos]));
        cur += len == 4 ? 2 : 1;
        pos += len;
        ++cp;
    }
    if (cur != u16) return std::nullopt;  // inside a surrogate pair
    return cp;
}

}  // namespace inkspan
