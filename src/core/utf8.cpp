#include "core/utf8.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/byte_source.h"

namespace inkspan {

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const std::size_t len = utf8_sequence_length(b0);
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    pos += len;
    return cp;
}

char32_t peek_utf8(std::string_view s, std::size_t at, std::size_t& len) {
    if (at >= s.size()) {
        len = 0;
        return kNoCodePoint;
    }
    std::size_t p = at;
    const char32_t c = decode_utf8(s, p);
    len = p - at;
    return c;
}

namespace {
// Most text is mostly ASCII: from `k`, eight bytes at a time while none has its high bit set
// (import checks every file at the door, 49.6 MB for the largest corpus the benchmark opens).
std::size_t skip_ascii(std::string_view s, std::size_t k) {
    std::uint64_t word = 0;
    while (k + 8 <= s.size() && (std::memcpy(&word, s.data() + k, 8), (word & 0x8080808080808080ULL) == 0)) k += 8;
    // Straight to the first byte that is not ASCII (text with accents has one every few bytes).
    if constexpr (std::endian::native == std::endian::little)
        if (k + 8 <= s.size()) k += static_cast<std::size_t>(std::countr_zero(word & 0x8080808080808080ULL)) / 8;
    return k;
}
}  // namespace

// One checker for whole texts and for texts read in pieces.
std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    Utf8Checker checker;
    if (auto bad = checker.feed(s)) return bad;
    return checker.finish();
}

std::optional<std::size_t> Utf8Checker::feed(std::string_view piece) {
    // One byte at a time, the state carried between pieces; an error is placed at the start of
    // its sequence.
    const std::size_t n = piece.size();
    for (std::size_t k = 0; k < n; ++k) {
        if (need_ == 0) {  // between sequences
            k = skip_ascii(piece, k);
            if (k >= n) break;
        }
        const auto b = static_cast<unsigned char>(piece[k]);
        const std::size_t at = offset_ + k;
        if (need_ == 0) {
            if (b < 0x80) continue;
            // The most common sequences (é, ’), whole in this piece and well formed, at once: two
            // or three bytes whose second byte may be any continuation byte.
            if (b >= 0xC2 && b <= 0xDF && k + 1 < n && is_utf8_continuation(static_cast<unsigned char>(piece[k + 1]))) {
                k += 1;
                continue;
            }
            if (((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && k + 2 < n &&
                is_utf8_continuation(static_cast<unsigned char>(piece[k + 1])) &&
                is_utf8_continuation(static_cast<unsigned char>(piece[k + 2]))) {
                k += 2;
                continue;
            }
            lo_ = 0x80, hi_ = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) need_ = 2;
            else if (b == 0xE0) { need_ = 3; lo_ = 0xA0; }
            else if (b >= 0xE1 && b <= 0xEC) need_ = 3;
            else if (b == 0xED) { need_ = 3; hi_ = 0x9F; }
            else if (b >= 0xEE && b <= 0xEF) need_ = 3;
            else if (b == 0xF0) { need_ = 4; lo_ = 0x90; }
            else if (b >= 0xF1 && b <= 0xF3) need_ = 4;
            else if (b == 0xF4) { need_ = 4; hi_ = 0x8F; }
            else return at;
            start_ = at;
            got_ = 1;
            continue;
        }
        if (got_ == 1 ? (b < lo_ || b > hi_) : !is_utf8_continuation(b)) return start_;
        if (++got_ == need_) need_ = 0;
    }
    offset_ += piece.size();
    return std::nullopt;
}

std::optional<std::size_t> Utf8Checker::finish() const {
    return need_ ? std::optional<std::size_t>(start_) : std::nullopt;
}

std::optional<std::size_t> find_invalid_utf8(const ByteSource& source, std::size_t window) {
    window = std::max<std::size_t>(window, 1);
    Utf8Checker checker;
    std::string piece;
    for (std::size_t at = 0; at < source.size(); at += window) {
        piece.resize(std::min(window, source.size() - at));
        source.read(at, piece.size(), piece.data());
        if (auto bad = checker.feed(piece)) return bad;
    }
    return checker.finish();
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !is_utf8_continuation(static_cast<unsigned char>(c));
    return n;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && is_utf8_continuation(static_cast<unsigned char>(s[end]))) --end;
    return s.substr(0, end);
}

}  // namespace inkspan
