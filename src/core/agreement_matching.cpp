#include "core/agreement_matching.h"

#include <algorithm>

namespace inkspan::agreement {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Counts both sides and the common items of two sorted multisets, per category.
template <typename Key, typename CategoryOf>
void count_common(const std::vector<Key>& a, const std::vector<Key>& b, MatchTable& table, CategoryOf category_of) {
    for (const Key& k : a) ++table.per_label[category_of(k)].a;
    for (const Key& k : b) ++table.per_label[category_of(k)].b;
    table.overall.a += a.size();
    table.overall.b += b.size();
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++table.per_label[category_of(*i)].matched;
            ++table.overall.matched;
            ++i;
            ++j;
        }
    }
}

}  // namespace

void count_exact(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table) {
    count_common(a, b, table, [](const SpanKey& k) { return k.label; });
}

void count_relations(const std::vector<RelationKey>& a, const std::vector<RelationKey>& b, MatchTable& table) {
    count_common(a, b, table, [](const RelationKey& k) { return k.type; });
}

void OverlapMatching::count(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table) {
    for (const SpanKey& s : a) ++table.per_label[s.label].a;
    for (const SpanKey& s : b) ++table.per_label[s.label].b;
    table.overall.a += a.size();
    table.overall.b += b.size();

    // Edges by a sweep in start order: active_ holds the b spans begun before the end of some a
    // span so far and not ended before this one starts; an edge needs the same label and the b
    // span to begin before this a span ends.
    edge_begin_.assign(1, 0);
    edges_.clear();
    active_.clear();
    std::size_t next = 0;
    for (const SpanKey& s : a) {
        while (next < b.size() && b[next].start < s.end) active_.push_back(static_cast<std::uint32_t>(next++));
        std::erase_if(active_, [&](std::uint32_t j) { return b[j].end <= s.start; });
        for (std::uint32_t j : active_)
            if (b[j].label == s.label && b[j].start < s.end) edges_.push_back(j);
        edge_begin_.push_back(static_cast<std::uint32_t>(edges_.size()));
    }

    match_of_b_.assign(b.size(), kNone);
    visited_.assign(b.size(), 0);
    visit_ = 0;
    std::vector<std::uint32_t>& unmatched = active_;  // reused: the a spans the greedy pass left alone
    unmatched.clear();
    for (std::uint32_t i = 0; i < a.size(); ++i) {
        bool taken = false;
        for (std::uint32_t e = edge_begin_[i]; e < edge_begin_[i + 1] && !taken; ++e)
            if (match_of_b_[edges_[e]] == kNone) {
                match_of_b_[edges_[e]] = i;
                taken = true;
            }
        if (!taken && edge_begin_[i] < edge_begin_[i + 1]) unmatched.push_back(i);
    }
    for (std::uint32_t i : unmatched) {
        ++visit_;
        (void)augment(i);
    }
    for (std::uint32_t j = 0; j < b.size(); ++j)
        if (match_of_b_[j] != kNone) {
            ++table.per_label[b[j].label].matched;
            ++table.overall.matched;
        }
}

// Looks for an augmenting path from a span `root` (depth first, with an explicit stack so that a
// long path cannot exhaust the wasm stack) and flips the matches along it.
bool OverlapMatching::augment(std::uint32_t root) {
    path_.assign(1, Frame{root, edge_begin_[root], kNone});
    while (!path_.empty()) {
        Frame& top = path_.back();
        if (top.edge == edge_begin_[top.i + 1]) {
            path_.pop_back();
            continue;
        }
        const std::uint32_t j = edges_[top.edge++];
        if (visited_[j] == visit_) continue;
        visited_[j] = visit_;
        if (match_of_b_[j] == kNone) {
            std::uint32_t take = j;
            for (std::size_t k = path_.size(); k-- > 0;) {
                match_of_b_[take] = path_[k].i;
                take = path_[k].via;
            }
            return true;
        }
        const std::uint32_t holder = match_of_b_[j];
        path_.push_back(Frame{holder, edge_begin_[holder], j});
    }
    return false;
}

}  // namespace inkspan::agreement
