#pragma once
// Pairing two annotators' spans and relations on one document (docs/AGREEMENT.md).
#include <vector>

#include "core/agreement.h"
#include "core/agreement_layer.h"

namespace inkspan::agreement {

// Exact match: same start, end and label; each span pairs at most once (multisets).
void count_exact(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table);
// Overlap match: same label and at least one code point in common; the largest one-to-one pairing.
void count_overlap(const std::vector<SpanKey>& a, const std::vector<SpanKey>& b, MatchTable& table);
// Relations: same type, same head and tail spans (exactly); each relation pairs at most once.
void count_relations(const std::vector<RelationKey>& a, const std::vector<RelationKey>& b, MatchTable& table);

}  // namespace inkspan::agreement
