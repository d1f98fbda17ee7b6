#include "core/agreement_matching.h"

#include <algorithm>

namespace inkspan::agreement {

namespace {

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

// The largest matching between the spans of one label of a and b (edges: overlapping spans), by
// augmenting paths (Kuhn) after a greedy start. Spans are sorted by start.
class OverlapMatcher {
public:
    OverlapMatcher(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b) : a_(a), b_(b) {
        // Edges by a sweep in start order: `active` holds the b spans begun before some a span so far
        // ended and not ended before this one starts; an edge needs the b span to begin before it ends.
        edges_.resize(a.size());
        std::vector<std::uint32_t> active;
        std::size_t next = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            while (next < b.size() && b[next].start < a[i].end) active.push_back(static_cast<std::uint32_t>(next++));
            std::erase_if(active, [&](std::uint32_t j) { return b[j].end <= a[i].start; });
            for (std::uint32_t j : active)
                if (b[j].start < a[i].end) edges_[i].push_back(j);
        }
    }

    std::size_t size() {
        match_of_b_.assign(b_.size(), UINT32_MAX);
        std::vector<bool> matched_a(a_.size(), false);
        std::size_t count = 0;
        for (std::uint32_t i = 0; i < a_.size(); ++i)
            for (std::uint32_t j : edges_[i])
                if (match_of_b_[j] == UINT32_MAX) {
                    match_of_b_[j] = i;
                    matched_a[i] = true;
                    ++count;
                    break;
                }
        for (std::uint32_t i = 0; i < a_.size(); ++i) {
            if (matched_a[i]) continue;
            visited_.assign(b_.size(), false);
            if (augment(i)) ++count;
        }
        return count;
    }

private:
    // Looks for an augmenting path from a's span `root` (depth-first, with an explicit stack so a
    // long path cannot exhaust the wasm stack) and flips the matches along it.
    bool augment(std::uint32_t root) {
        struct Frame {
            std::uint32_t i;     // a span on the path
            std::size_t edge;    // the next of its edges to try
            std::uint32_t via;   // the b span whose match led to it
        };
        std::vector<Frame> path = {{root, 0, UINT32_MAX}};
        while (!path.empty()) {
            Frame& top = path.back();
            if (top.edge == edges_[top.i].size()) {
                path.pop_back();
                continue;
            }
            const std::uint32_t j = edges_[top.i][top.edge++];
            if (visited_[j]) continue;
            visited_[j] = true;
            if (match_of_b_[j] == UINT32_MAX) {
                std::uint32_t take = j;
                for (std::size_t k = path.size(); k-- > 0;) {
                    match_of_b_[take] = path[k].i;
                    take = path[k].via;
                }
                return true;
            }
            path.push_back({match_of_b_[j], 0, j});
        }
        return false;
    }

    const std::vector<SpanKey>& a_;
    const std::vector<SpanKey>& b_;
    std::vector<std::vector<std::uint32_t>> edges_;
    std::vector<std::uint32_t> match_of_b_;
    std::vector<bool> visited_;
};

// The spans of one label, in start order.
std::vector<SpanKey> of_label(const std::vector<SpanKey>& spans, std::uint32_t label) {
    std::vector<SpanKey> out;
    for (const SpanKey& s : spans)
        if (s.label == label) out.push_back(s);
    return out;
}

}  // namespace

void count_exact(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table) {
    count_common(a, b, table, [](const SpanKey& k) { return k.label; });
}

void count_relations(const std::vector<RelationKey>& a, const std::vector<RelationKey>& b, MatchTable& table) {
    count_common(a, b, table, [](const RelationKey& k) { return k.type; });
}

void count_overlap(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table) {
    std::vector<bool> in_a(table.per_label.size(), false), in_b(table.per_label.size(), false);
    for (const SpanKey& s : a) {
        ++table.per_label[s.label].a;
        in_a[s.label] = true;
    }
    for (const SpanKey& s : b) {
        ++table.per_label[s.label].b;
        in_b[s.label] = true;
    }
    table.overall.a += a.size();
    table.overall.b += b.size();
    for (std::uint32_t label = 0; label < table.per_label.size(); ++label) {
        if (!in_a[label] || !in_b[label]) continue;
        const std::vector<SpanKey> la = of_label(a, label), lb = of_label(b, label);
        const std::size_t matched = OverlapMatcher(la, lb).size();
        table.per_label[label].matched += matched;
        table.overall.matched += matched;
    }
}

}  // namespace inkspan::agreement
