#pragma once
// Which band above a line each span's label goes in, so that nested and overlapping spans stay
// visible and their label chips never collide. Band 0 is nearest the text; shorter spans get the
// lower bands (inner spans sit closest to their words, as in brat).
#include <cstddef>
#include <vector>

namespace inkspan {

struct StackItem {
    std::size_t start = 0, end = 0;  // the span's code points within the line (clipped to it)
    std::size_t label_width = 0;     // the label chip's width, in code points of body text
};

// Bands for `items` (same order). Two items share a band only when their extents — the span and
// its label chip, whichever reaches further right — do not overlap. O(n · bands).
[[nodiscard]] std::vector<int> stack_levels(const std::vector<StackItem>& items);

// 1 + the highest band, 0 for no items.
[[nodiscard]] int band_count(const std::vector<int>& levels);

}  // namespace inkspan
