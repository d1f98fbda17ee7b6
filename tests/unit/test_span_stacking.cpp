#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/span_stacking.h"

using namespace inkspan;

TEST_CASE("spans far apart share band 0") {
    const auto levels = stack_levels({{0, 8, 3}, {20, 28, 3}});
    CHECK(levels == std::vector<int>{0, 0});
    CHECK(band_count(levels) == 1);
}

TEST_CASE("a nested span sits nearer the text than the span around it") {
    // "Alexandre Darchiev" [0, 18) PER around "Darchiev" [10, 18) MISC
    const auto levels = stack_levels({{0, 18, 3}, {10, 18, 4}});
    CHECK(levels == std::vector<int>{1, 0});
    CHECK(band_count(levels) == 2);
}

TEST_CASE("labels wider than their spans push neighbours up a band") {
    // two one-character spans side by side whose labels are 6 characters wide
    const auto levels = stack_levels({{0, 1, 6}, {2, 3, 6}});
    CHECK(levels == std::vector<int>{0, 1});
}

TEST_CASE("crossing spans get different bands, a third clear one reuses band 0") {
    const auto levels = stack_levels({{0, 10, 3}, {5, 15, 3}, {30, 35, 3}});
    CHECK(levels[0] != levels[1]);
    CHECK(levels[2] == 0);
    CHECK(band_count({}) == 0);
}

TEST_CASE("line_extra_above: bands for the spans of a line, an arc row when one has a relation") {
    auto doc = Document::create("d", "n", "Alexandre Darchiev rencontre Sonata Coulter.").value();
    doc.insert_span({"T1", 0, 18, "PER", "", {}});
    doc.insert_span({"T2", 10, 18, "MISC", "", {}});
    doc.insert_span({"T3", 28, 42, "PER", "", {}});
    const BandMetrics m{10.0f, 4.0f};
    CHECK(line_extra_above(doc, 0, 19, m) == 20.0f);   // two nested spans: two bands
    CHECK(line_extra_above(doc, 19, 28, m) == 0.0f);   // "rencontre ": no span
    CHECK(line_extra_above(doc, 28, 44, m) == 10.0f);
    doc.insert_relation({"R1", "meets", "T1", "T3"});
    CHECK(line_extra_above(doc, 0, 19, m) == 24.0f);   // + the arc row
    CHECK(line_extra_above(doc, 28, 44, m) == 14.0f);
}

// The text view asks line after line with one scratch: what a line with more spans or a relation
// left there must not count for the next one.
TEST_CASE("line_extra_above with a scratch kept from line to line gives what a fresh one gives") {
    auto doc = Document::create("d", "n", "Alexandre Darchiev rencontre Sonata Coulter.").value();
    doc.insert_span({"T1", 0, 18, "PER", "", {}});
    doc.insert_span({"T2", 10, 18, "MISC", "", {}});
    doc.insert_span({"T3", 28, 42, "PER", "", {}});
    doc.insert_relation({"R1", "meets", "T1", "T2"});
    const BandMetrics m{10.0f, 4.0f};
    BandScratch scratch;
    CHECK(line_extra_above(doc, 0, 19, m, scratch) == 24.0f);  // two bands and the arc row
    CHECK(line_extra_above(doc, 28, 44, m, scratch) == 10.0f);  // one band, no relation
    CHECK(line_extra_above(doc, 19, 28, m, scratch) == 0.0f);   // no span
    CHECK(line_extra_above(doc, 0, 19, m, scratch) == 24.0f);
    CHECK(scratch.spans.size() == 2);  // it held the line's spans (the kept list is the one used)
}

namespace {

// The bands as first written (a stable sort, a fresh list of extents per band): what the
// scratch version, with its insertion sort and reused bands, must give.
std::vector<int> reference_levels(const std::vector<StackItem>& items) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t la = items[a].end - items[a].start, lb = items[b].end - items[b].start;
        return la != lb ? la < lb : items[a].start < items[b].start;
    });
    std::vector<int> levels(items.size(), 0);
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> bands;
    for (std::size_t i : order) {
        const std::size_t s = items[i].start, e = std::max({items[i].end, items[i].start + items[i].label_width, s + 1});
        std::size_t band = 0;
        while (band < bands.size() && std::any_of(bands[band].begin(), bands[band].end(),
                                                  [&](const auto& x) { return s < x.second && x.first < e; }))
            ++band;
        if (band == bands.size()) bands.emplace_back();
        bands[band].emplace_back(s, e);
        levels[i] = static_cast<int>(band);
    }
    return levels;
}

}  // namespace

TEST_CASE("stack_levels with a scratch kept from line to line gives the bands of a fresh one") {
    StackScratch scratch;
    std::vector<int> levels;
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t below) { seed = seed * 1664525u + 1013904223u; return (seed >> 8) % below; };
    for (int line = 0; line < 400; ++line) {
        // Lines of 0 to 60 spans (over the insertion sort's 32), many of equal length and start.
        const std::size_t n = next(line % 10 == 0 ? 61 : 12);
        std::vector<StackItem> items;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t start = next(40), len = 1 + next(6);
            items.push_back({start, start + len, 1 + next(5)});
        }
        stack_levels(items, levels, scratch);
        INFO("line ", line, ", ", n, " spans");
        CHECK(levels == reference_levels(items));
    }
}
