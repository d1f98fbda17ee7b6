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
