#pragma once
// The chance-corrected agreement coefficients, from exact integer counts (docs/AGREEMENT.md).
// Each returns nullopt when its formula divides by zero (no variation to correct for).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace inkspan::agreement {

// How many raters (or values) of one item put it in a category; items list only nonzero ones.
struct CategoryCount {
    std::uint32_t category = 0;
    std::uint32_t count = 0;
};

// Cohen's kappa from a square contingency table: table[i][j] = items the first annotator put in
// category i and the second in j. kappa = 1 - n * disagreements / (n^2 - sum_i rows_i * columns_i).
[[nodiscard]] std::optional<double> cohen_kappa(const std::vector<std::vector<std::uint64_t>>& table);
// The same for a yes/no question: both yes, only the first, only the second, neither.
[[nodiscard]] std::optional<double> cohen_kappa_binary(std::uint64_t both, std::uint64_t first_only,
                                                       std::uint64_t second_only, std::uint64_t neither);

// Fleiss' kappa, accumulated one item (token) at a time; every item has the same `raters`.
class FleissCounts {
public:
    FleissCounts(std::size_t categories, std::size_t raters) : totals_(categories, 0), raters_(raters) {}
    void add_item(std::span<const CategoryCount> counts);
    // `items` items on which every rater chose `category`.
    void add_unanimous(std::uint32_t category, std::uint64_t items);
    [[nodiscard]] std::uint64_t items() const { return items_; }
    // P = (S - N m) / (N m (m - 1)) with S the sum of squared counts, P_e = sum_c (total_c / N m)^2,
    // kappa = (P - P_e) / (1 - P_e).
    [[nodiscard]] std::optional<double> kappa() const;

private:
    std::vector<std::uint64_t> totals_;
    std::uint64_t raters_ = 0, items_ = 0, sum_of_squares_ = 0;
};

// Krippendorff's alpha with the nominal distance, accumulated one unit (token) at a time; a unit
// with fewer than two values is not pairable and is left out.
class AlphaCounts {
public:
    AlphaCounts(std::size_t categories, std::size_t max_values) : totals_(categories, 0), disagreements_(max_values + 1, 0) {}
    void add_unit(std::span<const CategoryCount> counts);
    // `units` pairable units holding `values` values in all, every one of them `category`.
    void add_unanimous(std::uint32_t category, std::uint64_t units, std::uint64_t values);
    [[nodiscard]] std::uint64_t units() const { return units_; }
    [[nodiscard]] std::uint64_t values() const { return values_; }
    // alpha = 1 - D_o / D_e with D_o = (1/n) sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1) and
    // D_e = (n^2 - sum_c n_c^2) / (n (n - 1)), n = the pairable values.
    [[nodiscard]] std::optional<double> alpha() const;

private:
    std::vector<std::uint64_t> totals_;
    // disagreements_[m]: sum over units with m values of (m^2 - sum_c n_uc^2), exact; divided by
    // m - 1 only at the end.
    std::vector<std::uint64_t> disagreements_;
    std::uint64_t units_ = 0, values_ = 0;
};

}  // namespace inkspan::agreement
