#include "core/text_index.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"

namespace inkspan {

namespace {

// Whether the 8 bytes at `p` are all ASCII: most texts are mostly ASCII, and a run of them is 8
// code points (and 8 UTF-16 units) found with one test.
bool ascii8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ull) == 0;
}

// How many of the 8 bytes at `p` start a code point (are not continuation bytes 10xxxxxx).
std::size_t code_point_starts8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t continuation = (word & ~(word << 1) & 0x8080808080808080ull) >> 7;  // 1 in each byte 10xxxxxx
    return 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ull) >> 56);  // the sum of the bytes (no popcnt needed)
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : bytes_(text.size()) {
    checkpoints_.reserve(text.size() / kStride + 1);
    std::size_t pos = 0, cp = 0, u16 = 0;
    while (pos < text.size()) {
        if (cp % kStride == 0)
            checkpoints_.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(u16)});
        if (cp % kStride <= kStride - 8 && text.size() - pos >= 8 && ascii8(text.data() + pos)) {  // no checkpoint inside
            pos += 8;
            cp += 8;
            u16 += 8;
            continue;
        }
        u16 += utf8_sequence_length(static_cast<unsigned char>(text[pos])) == 4 ? 2 : 1;
        pos += utf8_sequence_length(static_cast<unsigned char>(text[pos]));
        ++cp;
    }
    if (cp % kStride == 0)
        checkpoints_.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(u16)});
    code_points_ = cp;
    utf16_ = u16;
}

std::size_t TextIndex::code_point_to_byte(std::string_view text, std::size_t cp) const {
    if (cp >= code_points_) return bytes_;
    std::size_t k = cp / kStride;
    std::size_t pos = checkpoints_[k].byte;
    // The left-th code point start from pos on: skip 8 bytes at a time while they hold no more
    // starts than that (pos may then stop inside a sequence; the count still holds), then bytes.
    std::size_t left = cp - k * kStride;
    while (text.size() - pos >= 8) {
        const std::size_t starts = code_point_starts8(text.data() + pos);
        if (starts > left) break;
        left -= starts;
        pos += 8;
    }
    for (;; ++pos)
        if (!is_utf8_continuation(static_cast<unsigned char>(text[pos])) && left-- == 0) return pos;
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
