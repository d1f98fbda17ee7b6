#include "core/span_stacking.h"

#include <algorithm>
#include <numeric>

namespace inkspan {

std::vector<int> stack_levels(const std::vector<StackItem>& items) {
    std::vector<int> levels;
    StackScratch scratch;
    stack_levels(items, levels, scratch);
    return levels;
}

void stack_levels(const std::vector<StackItem>& items, std::vector<int>& levels, StackScratch& scratch) {
    const std::size_t n = items.size();
    std::vector<std::size_t>& order = scratch.order;
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    auto extent_end = [&](std::size_t i) { return std::max(items[i].end, items[i].start + items[i].label_width); };
    // Shortest first (inner spans nearest the text); ties by start so the result is stable.
    auto before = [&](std::size_t a, std::size_t b) {
        const std::size_t la = items[a].end - items[a].start, lb = items[b].end - items[b].start;
        return la != lb ? la < lb : items[a].start < items[b].start;
    };
    // A line holds a few spans: an insertion sort (stable, like std::stable_sort, so the same
    // order) needs no buffer; many go through std::stable_sort.
    constexpr std::size_t kInsertionSortMax = 32;
    if (n <= kInsertionSortMax) {
        for (std::size_t k = 1; k < n; ++k)
            for (std::size_t j = k; j > 0 && before(order[j], order[j - 1]); --j) std::swap(order[j], order[j - 1]);
    } else {
        std::stable_sort(order.begin(), order.end(), before);
    }
    levels.assign(n, 0);
    // Per band, the extents already placed in it (the first `used` bands of the scratch).
    auto& bands = scratch.bands;
    std::size_t used = 0;
    for (std::size_t i : order) {
        const std::size_t s = items[i].start, e = std::max(extent_end(i), s + 1);
        std::size_t band = 0;
        for (; band < used; ++band) {
            const bool clash = std::any_of(bands[band].begin(), bands[band].end(),
                                           [&](const auto& x) { return s < x.second && x.first < e; });
            if (!clash) break;
        }
        if (band == used) {
            if (used == bands.size()) bands.emplace_back();
            bands[used++].clear();
        }
        bands[band].emplace_back(s, e);
        levels[i] = static_cast<int>(band);
    }
}

std::vector<StackItem> line_stack_items(const std::vector<const Span*>& spans, std::size_t cp_start, std::size_t cp_end) {
    std::vector<StackItem> items;
    line_stack_items(spans, cp_start, cp_end, items);
    return items;
}

void line_stack_items(const std::vector<const Span*>& spans, std::size_t cp_start, std::size_t cp_end,
                      std::vector<StackItem>& items) {
    items.clear();
    items.reserve(spans.size());
    for (const Span* s : spans)
        items.push_back({std::max(s->start, cp_start), std::min(s->end, cp_end), s->label.size() * 6 / 10 + 2});
}

float line_extra_above(const Document& doc, std::size_t cp_start, std::size_t cp_end, BandMetrics metrics) {
    BandScratch scratch;
    return line_extra_above(doc, cp_start, cp_end, metrics, scratch);
}

float line_extra_above(const Document& doc, std::size_t cp_start, std::size_t cp_end, BandMetrics metrics,
                       BandScratch& scratch) {
    std::vector<const Span*>& spans = scratch.spans;
    doc.spans_overlapping(cp_start, std::max(cp_end, cp_start + 1), spans);
    if (spans.empty()) return 0.0f;
    const bool relations = std::any_of(spans.begin(), spans.end(), [&](const Span* s) { return doc.has_relations(s->id); });
    line_stack_items(spans, cp_start, cp_end, scratch.items);
    stack_levels(scratch.items, scratch.levels, scratch.stacking);
    return static_cast<float>(band_count(scratch.levels)) * metrics.band_height + (relations ? metrics.arc_row_height : 0.0f);
}

int band_count(const std::vector<int>& levels) {
    int top = -1;
    for (int l : levels) top = std::max(top, l);
    return top + 1;
}

}  // namespace inkspan
