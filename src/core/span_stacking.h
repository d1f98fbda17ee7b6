#pragma once
// Which band above a line each span's label goes in, so that nested and overlapping spans stay
// visible and their label chips never collide. Band 0 is nearest the text; shorter spans get the
// lower bands (inner spans sit closest to their words, as in brat).
#include <cstddef>
#include <vector>

#include "core/document.h"

namespace inkspan {

struct StackItem {
    std::size_t start = 0, end = 0;  // the span's code points within the line (clipped to it)
    std::size_t label_width = 0;     // the label chip's width, in code points of body text
};

// Bands for `items` (same order). Two items share a band only when their extents — the span and
// its label chip, whichever reaches further right — do not overlap. O(n · bands).
[[nodiscard]] std::vector<int> stack_levels(const std::vector<StackItem>& items);

// The working memory of stack_levels, kept by a caller that stacks line after line (a view
// drawing lines): once it has grown to a line's size, stacking the next allocates nothing.
struct StackScratch {
    std::vector<std::size_t> order;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> bands;  // extents placed per band
};
// The same bands, into `levels` (resized to items.size()).
void stack_levels(const std::vector<StackItem>& items, std::vector<int>& levels, StackScratch& scratch);

// 1 + the highest band, 0 for no items.
[[nodiscard]] int band_count(const std::vector<int>& levels);

// The stack items of `spans` (those overlapping a line) clipped to the line [cp_start, cp_end);
// a label chip is estimated at 0.6 body characters per label character plus padding.
[[nodiscard]] std::vector<StackItem> line_stack_items(const std::vector<const Span*>& spans, std::size_t cp_start,
                                                      std::size_t cp_end);
// The same into `items` (cleared first).
void line_stack_items(const std::vector<const Span*>& spans, std::size_t cp_start, std::size_t cp_end,
                      std::vector<StackItem>& items);

struct BandMetrics {
    float band_height = 0;     // px of one band of label chips
    float arc_row_height = 0;  // px above the bands for relation arcs
};
// Extra px above the line of `doc` holding [cp_start, cp_end): its label bands, plus the arc row
// when one of its spans has a relation. What the text view gives TextLayout as ExtraAboveFn.
[[nodiscard]] float line_extra_above(const Document& doc, std::size_t cp_start, std::size_t cp_end, BandMetrics metrics);
// The working memory of line_extra_above, kept by a caller that asks line after line (the text
// view laying out paragraphs): once grown, a line allocates nothing.
struct BandScratch {
    std::vector<const Span*> spans;  // the last line's
    std::vector<StackItem> items;
    std::vector<int> levels;
    StackScratch stacking;
};
[[nodiscard]] float line_extra_above(const Document& doc, std::size_t cp_start, std::size_t cp_end, BandMetrics metrics,
                                     BandScratch& scratch);

}  // namespace inkspan
