#pragma once
// One line of a paragraph, shaped and placed: its bidi runs (visual order) are split where the
// script or the font changes, each piece is shaped with HarfBuzz (with the whole paragraph as
// context), and the pieces are laid left to right from x = 0. Hit-testing works on clusters —
// the smallest groups of code points with their own glyphs (a letter with its marks, a conjunct,
// a ligature) — so a caret or a span edge never lands inside one.
// Offsets are code points from the start of the paragraph.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/bidi.h"
#include "core/text_shaper.h"

namespace inkspan {

// A piece of the line with one level, one script and one font, in visual order.
struct ShapedRun {
    std::size_t cp_start = 0, cp_end = 0;
    std::uint8_t level = 0;  // odd: right to left
    std::uint32_t script = 0;
    FontId font;
    float x = 0.0f, width = 0.0f;     // left edge on the line, sum of advances
    std::vector<ShapedGlyph> glyphs;  // left to right from x; clusters are paragraph offsets
};

struct ShapedCluster {
    std::size_t cp_start = 0, cp_end = 0;  // the code points its glyphs draw
    float x0 = 0.0f, x1 = 0.0f;            // left and right edges on the line
    TextDirection direction = TextDirection::ltr;
};

struct LineSpan {
    float x0 = 0.0f, x1 = 0.0f;
};

class ShapedLine {
public:
    // Shapes code points [cp_start, cp_end) of `paragraph` (whose bidi analysis is `bidi`) at
    // `size_px`. Each code point is drawn by the first of `fonts` that has a glyph for it (a mark,
    // a joiner or a space keeps its neighbour's font when that font has it); with none, the first.
    ShapedLine(TextShaper& shaper, std::u32string_view paragraph, const BidiParagraph& bidi, std::size_t cp_start,
               std::size_t cp_end, std::span<const FontId> fonts, float size_px);

    // Line [cp_start, cp_end) of a paragraph of one direction (bidi.is_uniform()) cut from the
    // paragraph shaped whole, without shaping again: the same glyphs, runs and clusters that
    // shaping the line would give. nullopt when that cannot be promised — mixed directions, or
    // HarfBuzz marks a glyph at either end unsafe to break, or an end falls inside a cluster.
    [[nodiscard]] static std::optional<ShapedLine> slice(const ShapedLine& whole, const BidiParagraph& bidi,
                                                         std::size_t cp_start, std::size_t cp_end);

    [[nodiscard]] std::size_t cp_start() const { return cp_start_; }
    [[nodiscard]] std::size_t cp_end() const { return cp_end_; }
    [[nodiscard]] float width() const { return width_; }
    [[nodiscard]] const std::vector<ShapedRun>& runs() const { return runs_; }
    // Every cluster of the line, left to right; together they cover [cp_start, cp_end) once.
    [[nodiscard]] const std::vector<ShapedCluster>& clusters() const { return clusters_; }

    // The cluster that draws code point `cp`, or nullopt when cp is outside the line.
    [[nodiscard]] std::optional<ShapedCluster> box_of(std::size_t cp) const;
    // The cluster under x (the nearest one left or right of the line); nullopt for an empty line.
    [[nodiscard]] std::optional<ShapedCluster> cluster_at(float x) const;
    // x of the caret before code point `cp` (a cluster boundary in [cp_start, cp_end]): the leading
    // edge of the cluster that starts there — its left edge when it runs left to right, its right
    // edge when right to left; at cp_end, the trailing edge of the line's last cluster. An offset
    // inside a cluster gives the cluster's caret.
    [[nodiscard]] float caret_x(std::size_t cp) const;
    // Where the logical range [cp_start, cp_end) is on screen: one span per visual stretch, left to
    // right (a span across a direction change is two or more), widened to whole clusters.
    [[nodiscard]] std::vector<LineSpan> range_spans(std::size_t cp_start, std::size_t cp_end) const;

private:
    ShapedLine() = default;
    std::size_t cp_start_ = 0, cp_end_ = 0;
    float width_ = 0.0f;
    std::vector<ShapedRun> runs_;
    std::vector<ShapedCluster> clusters_;
};

}  // namespace inkspan
