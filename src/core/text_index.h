#pragma once
// Conversions between the three offset units of a text: UTF-8 bytes (inside the program), code
// points (every offset that leaves the program) and UTF-16 units (formats that use them).
// Built once in O(n); each conversion is O(log n) plus a scan of at most kStride code points.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace inkspan {

// The byte offset `n` code points after byte `pos` of valid UTF-8 `text` (`pos` starts a code
// point; `n` at most the code points from there to the end, which gives text.size()). Skips 8
// bytes at a time; for a walk from a known place, where building a TextIndex would cost more.
[[nodiscard]] std::size_t skip_code_points(std::string_view text, std::size_t pos, std::size_t n);

class TextIndex {
public:
    TextIndex() = default;
    // `text` must be valid UTF-8 (see find_invalid_utf8) and must outlive no use: the index keeps
    // no pointer to it, so every query takes the same text again.
    explicit TextIndex(std::string_view text);

    [[nodiscard]] std::size_t byte_count() const { return bytes_; }
    [[nodiscard]] std::size_t code_point_count() const { return code_points_; }
    [[nodiscard]] std::size_t utf16_count() const { return utf16_; }

    // cp <= code_point_count(). Returns the byte offset where code point `cp` starts.
    [[nodiscard]] std::size_t code_point_to_byte(std::string_view text, std::size_t cp) const;
    // byte <= byte_count(); a byte inside a sequence maps to the code point that contains it.
    [[nodiscard]] std::size_t byte_to_code_point(std::string_view text, std::size_t byte) const;
    // cp <= code_point_count().
    [[nodiscard]] std::size_t code_point_to_utf16(std::string_view text, std::size_t cp) const;
    // nullopt when `u16` is past the end or falls between the two halves of a surrogate pair.
    [[nodiscard]] std::optional<std::size_t> utf16_to_code_point(std::string_view text, std::size_t u16) const;

    static constexpr std::size_t kStride = 64;  // code points between two checkpoints

private:
    struct Checkpoint {
        std::uint32_t byte;   // byte offset of code point k * kStride
        std::uint32_t utf16;  // UTF-16 offset of the same code point
    };
    std::vector<Checkpoint> checkpoints_;
    std::size_t bytes_ = 0, code_points_ = 0, utf16_ = 0;
};

}  // namespace inkspan
