#include "core/agreement_stats.h"

namespace inkspan::agreement {

std::optional<double> cohen_kappa(const std::vector<std::vector<std::uint64_t>>& table) {
    const std::size_t k = table.size();
    std::vector<std::uint64_t> rows(k, 0), columns(k, 0);
    std::uint64_t n = 0, agreements = 0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            rows[i] += table[i][j];
            columns[j] += table[i][j];
            n += table[i][j];
            if (i == j) agreements += table[i][j];
        }
    std::uint64_t chance = 0;  // sum_i rows_i * columns_i: n^2 times the expected agreement
    for (std::size_t i = 0; i < k; ++i) chance += rows[i] * columns[i];
    const std::uint64_t expected_disagreement = n * n - chance;
    if (n == 0 || expected_disagreement == 0) return std::nullopt;
    return 1.0 - static_cast<double>(n * (n - agreements)) / static_cast<double>(expected_disagreement);
}

std::optional<double> cohen_kappa_binary(std::uint64_t both, std::uint64_t first_only, std::uint64_t second_only,
                                         std::uint64_t neither) {
    return cohen_kappa({{both, first_only}, {second_only, neither}});
}

void FleissCounts::add_item(std::span<const CategoryCount> counts) {
    for (const CategoryCount& c : counts) {
        sum_of_squares_ += std::uint64_t{c.count} * c.count;
        totals_[c.category] += c.count;
    }
    ++items_;
}

void FleissCounts::add_unanimous(std::uint32_t category, std::uint64_t items) {
    sum_of_squares_ += items * raters_ * raters_;
    totals_[category] += items * raters_;
    items_ += items;
}

std::optional<double> FleissCounts::kappa() const {
    // With R = N m ratings and T = sum_c total_c^2:
    // kappa = ((S - R) R - T (m - 1)) / ((m - 1) (R^2 - T)), in exact integers until the division.
    const std::int64_t m = static_cast<std::int64_t>(raters_), ratings = static_cast<std::int64_t>(items_) * m;
    if (items_ == 0 || m < 2) return std::nullopt;
    std::int64_t total_squares = 0;
    for (std::uint64_t t : totals_) total_squares += static_cast<std::int64_t>(t * t);
    const std::int64_t denominator = (m - 1) * (ratings * ratings - total_squares);
    if (denominator == 0) return std::nullopt;  // every rating in one category
    const std::int64_t numerator =
        (static_cast<std::int64_t>(sum_of_squares_) - ratings) * ratings - total_squares * (m - 1);
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

void AlphaCounts::add_unit(std::span<const CategoryCount> counts) {
    std::uint64_t values = 0, squares = 0;
    for (const CategoryCount& c : counts) {
        values += c.count;
        squares += std::uint64_t{c.count} * c.count;
    }
    if (values < 2) return;
    for (const CategoryCount& c : counts) totals_[c.category] += c.count;
    disagreements_[values] += values * values - squares;
    ++units_;
    values_ += values;
}

void AlphaCounts::add_unanimous(std::uint32_t category, std::uint64_t units, std::uint64_t values) {
    totals_[category] += values;
    units_ += units;
    values_ += values;
}

std::optional<double> AlphaCounts::alpha() const {
    const std::uint64_t n = values_;
    std::uint64_t total_squares = 0;
    for (std::uint64_t t : totals_) total_squares += t * t;
    if (n < 2 || n * n == total_squares) return std::nullopt;  // every value the same category
    const std::uint64_t expected = n * n - total_squares;       // n (n - 1) D_e
    double observed = 0;                                        // n D_o
    for (std::size_t m = 2; m < disagreements_.size(); ++m)
        observed += static_cast<double>(disagreements_[m]) / static_cast<double>(m - 1);
    return 1.0 - static_cast<double>(n - 1) * observed / static_cast<double>(expected);
}

}  // namespace inkspan::agreement
