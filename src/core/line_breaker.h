#pragma once
// Clusters and greedy line breaking of one paragraph; TextLayout calls these lazily.
//
// A cluster is an extended grapheme cluster (UAX #29, graphemes.h): what the caret never enters
// and a line never splits. Lines break where UAX #14 (libunibreak) allows it, and only at cluster
// boundaries: after spaces, between ideographs, after hyphens, never before a closing mark or
// after an opening one; a word or URL wider than the line breaks between clusters (emergency
// breaks); a mandatory break (VT, FF, NEL, U+2028, U+2029) inside a paragraph ends the line.
// Advances: combining marks, variation selectors, skin tones, tags, ZWJ and other extenders
// (is_extender in unicode_class.h) advance 0 whatever the font says; every other code point of a
// cluster advances what GlyphAdvances says (the renderer draws a cluster glyph by glyph).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/glyph_advances.h"
#include "core/graphemes.h"

namespace inkspan {

struct Cluster {
    std::size_t byte_end = 0;      // one past the cluster's last byte
    std::uint32_t code_points = 0; // code points in the cluster (>= 1)
    float advance = 0.0f;          // px
    bool hangs = false;            // whitespace: it may hang past the line's width
};

// The clusters of text[.., end) (valid UTF-8) one after the other, from a cluster boundary.
class ClusterScanner {
public:
    ClusterScanner(std::string_view text, std::size_t end, const GlyphAdvances& advances)
        : text_(text), end_(end), advances_(advances), graphemes_(text, end) {}
    // Shaped advances instead of the font's: shaped[b - base] is the advance of the shaped cluster
    // whose first code point starts at byte b (0 for every other byte); a cluster advances the sum
    // over its bytes.
    ClusterScanner(std::string_view text, std::size_t end, const GlyphAdvances& advances, std::span<const float> shaped,
                   std::size_t base)
        : text_(text), end_(end), advances_(advances), graphemes_(text, end), shaped_(shaped), base_(base) {}
    // The cluster that starts at byte `pos` < end: a cluster boundary, in increasing order.
    [[nodiscard]] Cluster next(std::size_t pos);

private:
    std::string_view text_;
    std::size_t end_;
    const GlyphAdvances& advances_;
    GraphemeScanner graphemes_;
    std::span<const float> shaped_;
    std::size_t base_ = 0;
};

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
// cp_start) into lines at most `wrap_width` px wide, greedily at the last UAX #14 opportunity that
// fits, between clusters when no opportunity does; trailing whitespace hangs. wrap_width <= 0
// means no wrapping (mandatory breaks still end lines). Returns at least one line (an empty
// paragraph has one empty line). `top` and `extra_above` are left 0 for the caller. A shaped
// paragraph passes its shaped advances by byte (see ClusterScanner), from byte_start.
[[nodiscard]] std::vector<LineBox> break_paragraph(std::string_view text, std::size_t byte_start,
                                                   std::size_t byte_end, std::size_t cp_start,
                                                   const GlyphAdvances& advances, float wrap_width,
                                                   std::span<const float> shaped_advances = {});

// Code point offsets 0 < k < code points of `text` (valid UTF-8) before which a line may or must
// break (UAX #14 as libunibreak implements it: no language tailoring, CJ as NS).
[[nodiscard]] std::vector<std::size_t> line_break_opportunities(std::string_view text);

}  // namespace inkspan
