#pragma once
// The Unicode bidirectional algorithm (UAX #9, by GNU FriBidi) for one paragraph: its direction
// (from the first strong character, or chosen per document), the embedding level of each code
// point, and, per line, the runs of one level in visual order (left to right on screen).
// Offsets are code points from the start of the paragraph; the paragraph holds no line terminator
// (and fewer than 2^31 code points: FriBidi indexes with int).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace inkspan {

enum class TextDirection : std::uint8_t { ltr, rtl };

// How a paragraph's direction is chosen: by its first strong character (UAX #9 P2–P3: letters of
// left-to-right scripts say ltr, Hebrew/Arabic/… say rtl, characters inside isolates are skipped;
// ltr when there is none), or forced by a per-document override.
enum class DirectionChoice : std::uint8_t { automatic, ltr, rtl };

// A stretch of a line's code points with one embedding level; odd levels run right to left.
struct BidiRun {
    std::size_t cp_start = 0, cp_end = 0;
    std::uint8_t level = 0;
    [[nodiscard]] TextDirection direction() const { return level % 2 ? TextDirection::rtl : TextDirection::ltr; }
};

class BidiParagraph {
public:
    BidiParagraph(std::u32string_view paragraph, DirectionChoice choice);

    [[nodiscard]] TextDirection direction() const { return base_level_ % 2 ? TextDirection::rtl : TextDirection::ltr; }
    [[nodiscard]] std::uint8_t base_level() const { return base_level_; }
    [[nodiscard]] std::size_t size() const { return levels_.size(); }
    // Resolved level of each code point before line breaking (through rule I2, and L1 for
    // separators); a line's final levels are its visual_runs'.
    [[nodiscard]] const std::vector<std::uint8_t>& levels() const { return levels_; }
    // True when every level equals the base level and it is even: plain left-to-right text.
    [[nodiscard]] bool is_plain_ltr() const { return plain_ltr_; }
    // True when every level equals the base level: one direction throughout (all Arabic, all
    // Hindi), so every line's runs are the paragraph's runs cut at the line's ends.
    [[nodiscard]] bool is_uniform() const { return uniform_; }

    // The line [cp_start, cp_end) of this paragraph as runs in visual order, with rule L1 applied
    // (trailing whitespace and isolates, segment separators back to the paragraph level) and L2's
    // reversals: reading the runs left to right, each from its start (ltr) or its end (rtl), gives
    // the code points in screen order. Explicit formatting characters (LRE…PDF) and boundary
    // neutrals stay inside their neighbours' runs, zero-width when shaped.
    [[nodiscard]] std::vector<BidiRun> visual_runs(std::size_t cp_start, std::size_t cp_end) const;

private:
    std::vector<std::uint32_t> types_;  // FriBidi's bidi class of each code point
    std::vector<std::uint8_t> levels_;
    std::uint8_t base_level_ = 0;
    bool plain_ltr_ = true;
    bool uniform_ = true;
};

// The direction UAX #9 P2–P3 gives a paragraph (ltr when it has no strong character).
[[nodiscard]] TextDirection first_strong_direction(std::u32string_view paragraph);
// True when the (valid) UTF-8 text holds a strong right-to-left letter (Arabic, Hebrew, …).
[[nodiscard]] bool has_right_to_left(std::string_view utf8);

}  // namespace inkspan
