#pragma once
// Pairing two annotators' spans and relations on one document (docs/AGREEMENT.md).
#include <vector>

#include "core/agreement.h"
#include "core/agreement_layer.h"

namespace inkspan::agreement {

// Exact match: same start, end and label; each span pairs at most once (multisets).
void count_exact(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table);
// Relations: same type, same head and tail spans (exactly); each relation pairs at most once.
void count_relations(const std::vector<RelationKey>& a, const std::vector<RelationKey>& b, MatchTable& table);

// Overlap match: same label and at least one code point in common; the largest one-to-one
// pairing (maximum bipartite matching by augmenting paths after a greedy start). Keeps its
// buffers from one document to the next.
class OverlapMatching {
public:
    void count(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table);

private:
    bool augment(std::uint32_t root);

    struct Frame {
        std::uint32_t i;    // an a span on the path
        std::uint32_t edge; // the next of its edges to try
        std::uint32_t via;  // the b span whose match led to it
    };
    std::vector<std::uint32_t> edge_begin_, edges_;  // a span i overlaps b spans edges_[edge_begin_[i] .. edge_begin_[i + 1])
    std::vector<std::uint32_t> active_, match_of_b_, visited_;
    std::uint32_t visit_ = 0;  // visited_[j] == visit_: b span j seen by this search
    std::vector<Frame> path_;
};

}  // namespace inkspan::agreement
