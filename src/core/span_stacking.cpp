#include "core/span_stacking.h"

#include <algorithm>
#include <numeric>

namespace inkspan {

std::vector<int> stack_levels(const std::vector<StackItem>& items) {
    const std::size_t n = items.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto extent_end = [&](std::size_t i) { return std::max(items[i].end, items[i].start + items[i].label_width); };
    // Shortest first (inner spans nearest the text); ties by start so the result is stable.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t la = items[a].end - items[a].start, lb = items[b].end - items[b].start;
        return la != lb ? la < lb : items[a].start < items[b].start;
    });
    std::vector<int> levels(n, 0);
    // Per band, the extents already placed in it.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> bands;
    for (std::size_t i : order) {
        const std::size_t s = items[i].start, e = std::max(extent_end(i), s + 1);
        std::size_t band = 0;
        for (; band < bands.size(); ++band) {
            const bool clash = std::any_of(bands[band].begin(), bands[band].end(),
                                           [&](const auto& x) { return s < x.second && x.first < e; });
            if (!clash) break;
        }
        if (band == bands.size()) bands.emplace_back();
        bands[band].emplace_back(s, e);
        levels[i] = static_cast<int>(band);
    }
    return levels;
}

std::vector<StackItem> line_stack_items(const std::vector<const Span*>& spans, std::size_t cp_start, std::size_t cp_end) {
    std::vector<StackItem> items;
    items.reserve(spans.size());
    for (const Span* s : spans)
        items.push_back({std::max(s->start, cp_start), std::min(s->end, cp_end), s->label.size() * 6 / 10 + 2});
    return items;
}

float line_extra_above(const Document& doc, std::size_t cp_start, std::size_t cp_end, BandMetrics metrics) {
    const auto spans = doc.spans_overlapping(cp_start, std::max(cp_end, cp_start + 1));
    if (spans.empty()) return 0.0f;
    const bool relations = std::any_of(spans.begin(), spans.end(), [&](const Span* s) { return doc.has_relations(s->id); });
    return static_cast<float>(band_count(stack_levels(line_stack_items(spans, cp_start, cp_end)))) * metrics.band_height +
           (relations ? metrics.arc_row_height : 0.0f);
}

int band_count(const std::vector<int>& levels) {
    int top = -1;
    for (int l : levels) top = std::max(top, l);
    return top + 1;
}

}  // namespace inkspan
