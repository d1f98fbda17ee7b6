#pragma once
// Text layout: line breaking, geometry and hit-testing of one document's text, for a view that
// draws only the visible lines. No ImGui here: glyph widths come from a GlyphAdvances function.
//
// Model. The text (exact UTF-8, CRLF kept) is split once, O(n), into paragraphs at "\n", "\r\n"
// and "\r"; the terminator belongs to no line. A paragraph is broken into lines (line_breaker.h)
// only when a query touches it, then cached. Every line is a slot of `extra_above` px (room for
// span label bands, asked per line from the ExtraAboveFn) followed by `line_height` px of text.
// Paragraph heights live in a Fenwick tree (height_index.h): estimated from the code point count
// until laid out, exact afterwards, so "paragraph at y" and "y of paragraph" are O(log n).
// set_width()/set_line_height()/set_advances() re-estimate every paragraph in O(paragraphs) and
// re-break lazily; invalidate_extras() re-asks band heights of laid-out paragraphs in a range
// without re-breaking. Queries lay out what they touch, hence non-const. Coordinates are px with
// (0, 0) at the top-left of the first line's slot; every line starts at x = 0.
// Offsets are code points (what leaves the program) unless named byte_*. Clusters (extended
// grapheme clusters of UAX #29: a character with its combining marks, an emoji ZWJ sequence, a
// flag, a Hangul syllable in jamo, a Devanagari conjunct) are one caret stop: no query returns
// an offset inside one. Lines break as UAX #14 allows (line_breaker.h). At a soft wrap, offset k is both the end of one line and the start of the
// next: `upstream` picks the end of the earlier line (what a click past a line's end means).
// Estimated heights settle as paragraphs get laid out: to keep the view still, anchor scrolling on
// a code point (remember the top line's cp_start, scroll to caret_position(cp).y afterwards).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/glyph_advances.h"
#include "core/height_index.h"
#include "core/line_breaker.h"
#include "core/shaped_line.h"

namespace inkspan {

// Shaping (issue 13): a paragraph holding right-to-left text, a complex script (Arabic, Indic,
// Thai, …) or combining marks (needs_shaping in text_shaper.h) is shaped with HarfBuzz, ordered
// with FriBidi and drawn from its ShapedLines; every other paragraph keeps the plain path, whose
// results are what they were without shaping. Without a shaper every paragraph is plain.
struct ShapingOptions {
    TextShaper* shaper = nullptr;     // not owned; outlives the layout (or the next set_shaping)
    std::vector<FontId> fonts;        // in preference order: the first that has a code point draws it
    float size_px = 16.0f;            // the fonts' em in px
    DirectionChoice direction = DirectionChoice::automatic;  // paragraph direction (per document)
};

struct LayoutStyle {
    float wrap_width = 0.0f;             // px; <= 0 means no wrapping
    float line_height = 28.0f;           // px of one text line (font size x line spacing)
    float estimated_extra_above = 0.0f;  // band px per line assumed for paragraphs not laid out yet
};

// Extra px above the line holding code points [cp_start, cp_end) of paragraph `paragraph`, e.g.
// band height x the deepest nesting of spans overlapping that range. Called once per line when a
// paragraph is laid out or invalidate_extras() covers it; it must not call back into the layout.
using ExtraAboveFn = std::function<float(std::size_t paragraph, std::size_t cp_start, std::size_t cp_end)>;

struct LayoutLine {
    std::size_t paragraph = 0;
    std::size_t line_in_paragraph = 0;
    std::size_t byte_start = 0, byte_end = 0;  // trailing spaces in, line terminator out
    std::size_t cp_start = 0, cp_end = 0;      // the same range in code points
    float x = 0.0f;            // left edge of the text (right-to-left lines align right); the view adds its origin
    float top = 0.0f;          // top of the slot; the band area starts here
    float extra_above = 0.0f;  // px of band area above the text
    float y = 0.0f;            // top of the text box = top + extra_above
    float height = 0.0f;       // text box height (the style's line_height)
    float width = 0.0f;        // advance of the whole line, trailing spaces included
    bool rtl = false;          // its paragraph runs right to left (then x = wrap width - width)
    // The shaped line (glyphs by run, clusters in visual order, offsets from the paragraph's
    // start) when its paragraph is shaped; null on the plain path.
    std::shared_ptr<const ShapedLine> shaped;
    bool ends_paragraph = false;  // ends at a hard break or the end of the text, not a soft wrap
    // Every cluster is a single code point: drawing the line's bytes in one call with the font that
    // gave the advances lands each glyph where the layout put it. Otherwise (marks, emoji
    // sequences, flags) draw clusters() one by one at their x.
    bool plain = true;
};

struct TextHit {
    std::size_t cp = 0;     // caret offset: a cluster boundary
    bool upstream = false;  // cp is a soft-wrap point and the caret belongs at the earlier line's end
};

struct CharHit {
    std::size_t cp_start = 0, cp_end = 0;  // the cluster under the point
};

struct CaretBox {
    float x = 0.0f, y = 0.0f, height = 0.0f;  // caret line from (x, y) to (x, y + height)
};

struct LayoutRect {
    float x0 = 0.0f, y0 = 0.0f, x1 = 0.0f, y1 = 0.0f;  // text box part only, bands excluded
};

// One cluster of a line, for drawing glyph by glyph at the layout's own x positions.
struct ClusterBox {
    std::size_t byte_start = 0, byte_end = 0, cp_start = 0, cp_end = 0;
    float x = 0.0f, width = 0.0f;
};

struct LayoutStats {
    std::size_t paragraphs_broken = 0;    // break_paragraph runs
    std::size_t paragraphs_reextra = 0;   // band-height refreshes without re-breaking
    std::size_t lines_cut = 0;            // shaped lines cut from their paragraph's shaping
    std::size_t lines_reshaped = 0;       // shaped lines shaped again on their own
};

class TextLayout {
public:
    // `text` must be valid UTF-8 (refused at the door with find_invalid_utf8); it is copied.
    TextLayout(std::string text, GlyphAdvances advances, LayoutStyle style = {}, ExtraAboveFn extra_above = {});

    // These three re-estimate every paragraph and re-break lazily (no-op when the value is unchanged).
    void set_width(float wrap_width);
    void set_line_height(float line_height);
    void set_advances(GlyphAdvances advances);  // font or zoom changed
    void set_shaping(ShapingOptions shaping);    // fonts, zoom or the document's direction changed
    // Same as invalidate_extras() over the whole text with the new function.
    void set_extra_above(ExtraAboveFn extra_above);
    // Spans changed in [cp_start, cp_end): re-asks the band heights of laid-out paragraphs that
    // overlap it (an empty range touches its paragraph). No line is re-broken.
    void invalidate_extras(std::size_t cp_start, std::size_t cp_end);

    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] std::size_t code_point_count() const { return code_points_; }
    [[nodiscard]] const LayoutStyle& style() const { return style_; }
    [[nodiscard]] float total_height() const { return static_cast<float>(heights_.total()); }

    // Lines whose slot (band + text) overlaps [y0, y1), top to bottom; lays out only those.
    [[nodiscard]] std::vector<LayoutLine> visible_lines(float y0, float y1);
    // Lays out the paragraphs visible_lines(y0, y1) would, without making its lines; returns how
    // many were not laid out yet (a view lays out the screen below ahead of the wheel).
    std::size_t lay_out_between(float y0, float y1);
    // Whether visible_lines(y0, y1) would lay out nothing (every paragraph it shows is laid out).
    [[nodiscard]] bool laid_out_between(float y0, float y1) const;
    // Nearest caret offset; above the text -> first line, below -> last line, a band belongs to
    // the line below it, past a line's end -> that line's end.
    [[nodiscard]] TextHit hit_test(float x, float y);
    // The cluster whose text box contains the point, if any (for hover).
    [[nodiscard]] std::optional<CharHit> char_at(float x, float y);
    // The caret before code point cp (clamped to the text; an offset inside a cluster snaps to its
    // start, one inside a CRLF to the paragraph's end).
    [[nodiscard]] CaretBox caret_position(std::size_t cp, bool upstream = false);
    // One rectangle per line covering code points [cp_start, cp_end), clusters entered partly are
    // covered whole; a covered line terminator adds a space-wide box at the line's end. Lines
    // outside [clip_y0, clip_y1) are skipped (and, when their paragraph is not laid out yet, not
    // laid out either).
    [[nodiscard]] std::vector<LayoutRect> range_rects(std::size_t cp_start, std::size_t cp_end,
                                                      float clip_y0 = -1e30f, float clip_y1 = 1e30f);
    // Caret stops after/before cp (cluster boundaries; a line terminator is crossed in one step).
    [[nodiscard]] std::size_t next_caret_stop(std::size_t cp);
    [[nodiscard]] std::size_t prev_caret_stop(std::size_t cp);
    // Where [cp_start, cp_end) lies on a line returned by visible_lines(): one stretch per visual
    // piece, left to right, x from the layout's left edge (line.x included), whole clusters.
    [[nodiscard]] std::vector<LineSpan> line_range(const LayoutLine& line, std::size_t cp_start, std::size_t cp_end) const;
    // The clusters of a line returned by visible_lines(), left to right.
    [[nodiscard]] std::vector<ClusterBox> clusters(const LayoutLine& line) const;
    // The same into `out` (cleared first; its memory is kept for the next line).
    void clusters(const LayoutLine& line, std::vector<ClusterBox>& out) const;
    [[nodiscard]] std::string_view line_text(const LayoutLine& line) const {
        return std::string_view(text_).substr(line.byte_start, line.byte_end - line.byte_start);
    }

    // Idle work (issue 16): lays out up to `max_paragraphs` paragraphs not laid out yet, in text
    // order, so heights settle without a query waiting for them; false once every paragraph is
    // laid out. The results are those the queries would give (tested).
    bool lay_out_more(std::size_t max_paragraphs);
    // The same within a time budget: from `now()` on, lays out one paragraph, then steps that
    // double while a step takes under an eighth of the budget, until `now()` passes the budget —
    // so a slice overruns by at most a quarter of it, or by one paragraph that alone costs more.
    bool lay_out_for(double budget_ms, const std::function<double()>& now);
    [[nodiscard]] bool fully_laid_out() const { return next_unlaid_ >= paragraphs_.size(); }

    [[nodiscard]] std::size_t paragraph_count() const { return paragraphs_.size(); }
    [[nodiscard]] std::size_t paragraph_of(std::size_t cp) const;  // the paragraph holding cp
    [[nodiscard]] float paragraph_y(std::size_t paragraph) const {
        return static_cast<float>(heights_.prefix(paragraph));
    }
    [[nodiscard]] std::size_t paragraph_at_y(float y) const { return heights_.find(y); }
    [[nodiscard]] const LayoutStats& stats() const { return stats_; }

private:
    struct Paragraph {
        std::uint32_t byte_start, byte_end;  // content, terminator excluded
        std::uint32_t cp_start, cp_end;
    };
    struct Cache {
        std::vector<LineBox> lines;
        std::vector<std::shared_ptr<const ShapedLine>> shaped;  // one per line when shaped, else empty
        bool rtl = false;
        std::uint32_t generation = 0;  // laid out iff == generation_
    };

    void split_paragraphs();
    void invalidate_all();
    [[nodiscard]] double estimate_height(const Paragraph& p) const;
    const std::vector<LineBox>& ensure(std::size_t paragraph);
    [[nodiscard]] bool needs_shaping(const Paragraph& p) const;
    void shape_paragraph(std::size_t paragraph);
    [[nodiscard]] const ShapedLine* shaped(std::size_t paragraph, std::size_t line) const {
        const Cache& c = cache_[paragraph];
        return c.shaped.empty() ? nullptr : c.shaped[line].get();
    }
    [[nodiscard]] float line_x(std::size_t paragraph, const LineBox& line) const;
    // The line (index in its paragraph) holding cp; upstream picks the earlier line at a soft wrap.
    [[nodiscard]] std::size_t line_of(std::size_t paragraph, std::size_t cp, bool upstream = false);
    void apply_extras(std::size_t paragraph);
    // Paragraph and line index of the slot at y, laying out what it needs.
    void locate(double y, std::size_t& paragraph, std::size_t& line);
    [[nodiscard]] LayoutLine make_line(std::size_t paragraph, std::size_t line, double paragraph_top) const;
    // x of the cluster boundary at cp within a line (cp inside a cluster: its start, or its end
    // when round_up).
    [[nodiscard]] float x_in_line(const LineBox& line, std::size_t cp, bool round_up) const;

    std::string text_;
    GlyphAdvances advances_;
    ShapingOptions shaping_;
    LayoutStyle style_;
    ExtraAboveFn extra_above_;
    std::size_t code_points_ = 0;
    float average_advance_ = 0.0f;  // px per code point, for height estimates
    std::vector<Paragraph> paragraphs_;
    std::vector<Cache> cache_;
    HeightIndex heights_;
    std::uint32_t generation_ = 1;
    std::size_t next_unlaid_ = 0;  // paragraphs before it are laid out (lay_out_more's cursor)
    LayoutStats stats_;
};

}  // namespace inkspan
