#pragma once
// The first step of adjudication (issue 18): what a quorum of annotators agree on exactly goes into
// the gold layer at once, with who agreed (provenance); everything else is left as disagreements
// for the curator to settle one by one (take one side, neither, or edit), in text order.
#include <cstddef>
#include <string>
#include <vector>

#include "core/annotation_layers.h"
#include "core/result.h"

namespace inkspan {

// One annotator's span or relation that no quorum accepted.
struct SpanCandidate {
    std::string annotator;
    Span span;
};
struct RelationCandidate {
    std::string annotator;
    Relation relation;  // head and tail are ids in that annotator's layer
    Span head, tail;    // the spans it links, for display
};

// Non-accepted spans that overlap one another (transitively), with the stretch of text they cover.
struct Disagreement {
    std::size_t start = 0, end = 0;           // code points: from the first start to the last end
    std::vector<SpanCandidate> spans;         // by (start, end, label), then annotator order
};

struct QuorumGold {
    // The gold layer (annotator ""): accepted spans T1, T2, ... in (start, end, label) order and
    // accepted relations R1, R2, ... in (head, tail, type) order.
    AnnotationLayer gold;
    std::vector<std::vector<std::string>> span_agreed;      // per gold span: the annotators who have it
    std::vector<std::vector<std::string>> relation_agreed;  // per gold relation
    std::vector<Disagreement> disagreements;                // in text order
    std::vector<RelationCandidate> relation_disagreements;  // by the head span's start
};

// A span is accepted when at least `quorum` of the chosen annotators have a span with the same
// start, end and label; a relation when at least `quorum` have one of the same type between
// spans with the same start, end and label (either way round for an undirected type). Only the
// chosen annotators with a layer on the document take part. Refused when the quorum is 0 or more
// than the annotators chosen, or a chosen annotator appears twice (ErrorKind::Refused), or a
// layer is inconsistent (Invalid, as compute_agreement says it).
[[nodiscard]] Result<QuorumGold> accept_by_quorum(const LayeredDocument& document, const std::vector<std::string>& annotators,
                                                  std::size_t quorum,
                                                  const std::vector<std::string>& undirected_relation_types = {});

}  // namespace inkspan
