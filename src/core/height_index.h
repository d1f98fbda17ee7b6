#pragma once
// Heights of a sequence of items (paragraphs) with O(log n) "top of item i", "item at y" and
// single-item updates: a Fenwick tree of prefix sums. Doubles, so a tall document keeps sub-pixel
// accuracy after many updates.
#include <cstddef>
#include <vector>

namespace inkspan {

class HeightIndex {
public:
    // Replaces all heights, O(n).
    void assign(std::vector<double> heights);
    // Sets the height of item i (< size()), O(log n).
    void set(std::size_t i, double height);

    [[nodiscard]] std::size_t size() const { return values_.size(); }
    [[nodiscard]] double get(std::size_t i) const { return values_[i]; }
    // Sum of the heights of items [0, i), i <= size(): the top of item i.
    [[nodiscard]] double prefix(std::size_t i) const;
    [[nodiscard]] double total() const { return prefix(values_.size()); }
    // The item i with prefix(i) <= y < prefix(i + 1); 0 when y < 0, size() - 1 when y >= total().
    // Precondition: size() > 0.
    [[nodiscard]] std::size_t find(double y) const;

private:
    std::vector<double> values_;
    std::vector<double> tree_;  // 1-based Fenwick tree: tree_[k] sums values_[k - lowbit(k), k)
};

}  // namespace inkspan
