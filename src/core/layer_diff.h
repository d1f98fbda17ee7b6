#pragma once
// Two members of one layer group (two annotators, or an annotator and the gold layer) side by side
// (issue 18's compare view): every span classified, relation differences, and the disagreements in
// text order to step through. Spans are paired one to one, the closest pairs first: the same
// extent and label (agreement), then the same extent (label conflict), then overlapping with the
// same label (boundary conflict), then overlapping with another label and extent (overlap); a span
// left without a partner is "only A" or "only B".
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace inkspan {

enum class DiffKind {
    Agreement,         // same start, end and label
    LabelConflict,     // same start and end, different label
    BoundaryConflict,  // overlapping, same label, different extent
    Overlap,           // overlapping, different label and extent
    OnlyA,             // no span of B left to pair with it
    OnlyB,
    RelationOnlyA,     // no relation of the same type between the paired spans in B
    RelationOnlyB,
};
inline constexpr std::size_t kDiffKinds = 8;

// "agreement", "label conflict", "boundary conflict", "overlap", "only A", "only B",
// "relation only A", "relation only B" (the legend's words).
[[nodiscard]] std::string_view diff_kind_name(DiffKind kind);

struct DiffItem {
    DiffKind kind = DiffKind::Agreement;
    std::size_t start = 0, end = 0;  // code points: both sides' spans (a relation: its two spans)
    const Span* a = nullptr;         // A's span (nullptr for only B); for a relation, its head
    const Span* b = nullptr;
    const Relation* relation = nullptr;  // RelationOnlyA/B: the relation, in A's or B's document
    [[nodiscard]] bool disagrees() const { return kind != DiffKind::Agreement; }
};

struct LayerDiff {
    std::vector<DiffItem> items;              // every span pair, lone span and relation difference, in text order
    std::vector<std::size_t> disagreements;   // indices into items of those that disagree, in text order
    std::size_t count[kDiffKinds] = {};       // items per kind
};

// A and B must have the same text (members of one group); the pointers point into them.
[[nodiscard]] LayerDiff diff_layers(const Document& a, const Document& b);

}  // namespace inkspan
