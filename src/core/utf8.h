#pragma once
// UTF-8 decoding and validation. Text is kept as the exact bytes the user gave; invalid UTF-8 is
// refused at the door (with the byte position), never silently replaced.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace inkspan {

// Decodes the code point starting at byte `pos` of valid UTF-8 and advances `pos` past it.
// Precondition: `s` is valid UTF-8 and pos < s.size().
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// No code point: what a reader sees before the start or past the end of a text.
inline constexpr char32_t kNoCodePoint = 0xFFFFFFFF;
// The code point at byte `at` of valid UTF-8 `s` without moving: its byte length goes to `len`;
// kNoCodePoint (and len 0) at or past the end.
char32_t peek_utf8(std::string_view s, std::size_t at, std::size_t& len);

// Byte length of the UTF-8 sequence that starts with lead byte `lead` (1 for continuation bytes).
[[nodiscard]] inline std::size_t utf8_sequence_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
[[nodiscard]] inline bool is_utf8_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Byte offset of the first invalid sequence (overlong forms, surrogates, > U+10FFFF, truncated
// sequences, stray continuation bytes), or nullopt when `s` is valid UTF-8.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// find_invalid_utf8 over a text given in pieces, in order (a file read a window at a time): a
// sequence may continue in the next piece. Offsets count from the start of the first piece.
class Utf8Checker {
public:
    // The offset of the first invalid sequence, once a piece shows it (then stop feeding).
    [[nodiscard]] std::optional<std::size_t> feed(std::string_view piece);
    // After the last piece: a sequence the end of the text cut short.
    [[nodiscard]] std::optional<std::size_t> finish() const;

private:
    std::size_t offset_ = 0;            // bytes fed so far
    std::size_t start_ = 0;             // where the open sequence began
    unsigned need_ = 0, got_ = 0;       // its length and the bytes seen; need_ 0: none open
    unsigned char lo_ = 0x80, hi_ = 0xBF;  // allowed range of its second byte
};

struct ByteSource;
// The same for a file read `window` bytes at a time.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(const ByteSource& source, std::size_t window);

// Appends the UTF-8 encoding of `cp` (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t cp);

// The longest prefix of valid UTF-8 `s` of at most `max_bytes` bytes that ends between code points
// (a short label never ends in half a character).
[[nodiscard]] std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// Number of code points in valid UTF-8.
[[nodiscard]] std::size_t count_code_points(std::string_view s);

// Number of UTF-16 code units needed for code point `cp`.
[[nodiscard]] inline std::size_t utf16_length(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

}  // namespace inkspan
