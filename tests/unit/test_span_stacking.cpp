#include <doctest/doctest.h>

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
