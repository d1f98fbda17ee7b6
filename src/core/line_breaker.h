#pragma once
// Clusters and greedy line breaking of one paragraph; TextLayout calls these lazily.
//
// A cluster is what the caret never enters and a line never splits: a code point plus the
// combining marks, variation selectors, emoji skin tones and tag characters after it, anything
// joined by U+200D ZWJ, and regional-indicator pairs (flags); see is_extender in unicode_class.h.
// Extenders advance 0 whatever the font says; the cluster's first code point, ZWJ-joined ones and
// a flag's second half advance what GlyphAdvances says.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/glyph_advances.h"

namespace inkspan {

struct Cluster {
    std::size_t byte_end = 0;      // one past the cluster's last byte
    std::uint32_t code_points = 0; // code points in the cluster (>= 1)
    float advance = 0.0f;          // px
    bool breaks_after = false;     // whitespace: a line may end after it, and it may hang past the width
};

// The cluster that starts at byte `pos` < `end` of valid UTF-8 text; it never extends past `end`.
[[nodiscard]] Cluster next_cluster(std::string_view text, std::size_t pos, std::size_t end,
                                   const GlyphAdvances& advances);

// One line of a laid-out paragraph. Offsets are absolute in the text; lines are contiguous and
// cover the paragraph's content exactly (the line terminator belongs to no line).
struct LineBox {
    std::uint32_t byte_start = 0, byte_end = 0;
    std::uint32_t cp_start = 0, cp_end = 0;
    float width = 0.0f;        // advance of the whole line, trailing spaces included
    float top = 0.0f;          // top of the line's slot, relative to the paragraph's top
    float extra_above = 0.0f;  // px reserved above the text for span label bands
    bool plain = true;         // every cluster is one code point (see LayoutLine::plain)
};

// Breaks text[byte_start, byte_end) (one paragraph without its terminator, starting at code point
// cp_start) into lines at most `wrap_width` px wide: after whitespace where possible, between
// clusters when a word alone is wider than the line; trailing whitespace hangs. wrap_width <= 0
// means no wrapping. Returns at least one line (an empty paragraph has one empty line). `top` and
// `extra_above` are left 0 for the caller.
[[nodiscard]] std::vector<LineBox> break_paragraph(std::string_view text, std::size_t byte_start,
                                                   std::size_t byte_end, std::size_t cp_start,
                                                   const GlyphAdvances& advances, float wrap_width);

}  // namespace inkspan
