#include "core/height_index.h"

#include <utility>

namespace inkspan {

void HeightIndex::assign(std::vector<double> heights) {
    values_ = std::move(heights);
    const std::size_t n = values_.size();
    tree_.assign(n + 1, 0.0);
    for (std::size_t k = 1; k <= n; ++k) {
        tree_[k] += values_[k - 1];
        const std::size_t parent = k + (k & (~k + 1));
        if (parent <= n) tree_[parent] += tree_[k];
    }
}

void HeightIndex::set(std::size_t i, double height) {
    const double delta = height - values_[i];
    if (delta == 0.0) return;
    values_[i] = height;
    for (std::size_t k = i + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] += delta;
}

double HeightIndex::prefix(std::size_t i) const {
    double sum = 0.0;
    for (std::size_t k = i; k > 0; k -= k & (~k + 1)) sum += tree_[k];
    return sum;
}

std::size_t HeightIndex::find(double y) const {
    const std::size_t n = values_.size();
    if (y < 0.0) return 0;
    std::size_t step = 1;
    while (step * 2 <= n) step *= 2;
    std::size_t pos = 0;  // number of items known to end at or above y
    for (; step > 0; step /= 2) {
        if (pos + step <= n && tree_[pos + step] <= y) {
            pos += step;
            y -= tree_[pos];
        }
    }
    return pos < n ? pos : n - 1;
}

}  // namespace inkspan
