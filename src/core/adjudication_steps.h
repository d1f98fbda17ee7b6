#pragma once
// Adjudication of one document's group into its gold layer (issue 18), as commands: the gold layer
// made from what a quorum accepted (one AddDocument), then one step per disagreement left, each
// settled by the curator taking one annotator's version (an ordinary Batch of AddSpan/AddRelation
// on the gold layer, with agreed_by = the annotators who had it), neither, or a manual edit.
// Running it again on a group that has a gold layer continues: what the gold layer already holds
// is neither added again nor asked about.
#include <cstddef>
#include <string>
#include <vector>

#include "core/adjudication.h"
#include "core/commands.h"

namespace inkspan {

// The name a member of a group takes part under: its annotator, or its id when it has none.
[[nodiscard]] std::string annotator_name(const Document& member);

// One way to settle a step: spans that some annotators had there, and who had exactly these.
struct AdjudicationOption {
    std::vector<Span> spans;
    std::vector<std::string> annotators;
};

struct AdjudicationStep {
    std::size_t start = 0, end = 0;            // code points
    std::vector<AdjudicationOption> options;   // key 1 takes options[0], key 2 options[1], ...
    bool relation = false;                     // a relation step: options[0] holds its head and tail
    std::string relation_type;                 // and the relation's type
};

struct AdjudicationPlan {
    QuorumGold quorum;
    std::vector<AdjudicationStep> steps;  // span disagreements in text order, then relations by head
};

// The group's members except the gold layer as a LayeredDocument (one layer per annotator_name).
[[nodiscard]] LayeredDocument layered_group(const std::vector<const Document*>& group);

// accept_by_quorum on the group's annotators `annotators` (names as annotator_name gives them),
// and the steps its disagreements leave. Refusals as accept_by_quorum's.
[[nodiscard]] Result<AdjudicationPlan> plan_adjudication(const std::vector<const Document*>& group,
                                                         const std::vector<std::string>& annotators, std::size_t quorum,
                                                         const std::vector<std::string>& undirected_relation_types = {});

// The gold layer of `base` under `id`: the accepted spans and relations with their agreed_by.
[[nodiscard]] Result<Document> make_gold_layer(const Document& base, const QuorumGold& quorum, std::string id);

// For an existing gold layer: the accepted spans and relations it lacks, as commands (one Batch).
[[nodiscard]] std::vector<Command> accept_missing(const QuorumGold& quorum, const Document& gold);

// Whether the gold layer already holds one of the step's options (a span of it, or the relation).
[[nodiscard]] bool step_settled(const AdjudicationStep& step, const Document& gold);

// The commands (one Batch) that put options[option] into the gold layer: AddSpan for each of its
// spans the gold layer lacks, and for a relation step the AddRelation between them. Empty when the
// gold layer holds it already; refused (Refused) for an option the step does not have.
[[nodiscard]] Result<std::vector<Command>> take_option(const AdjudicationStep& step, std::size_t option,
                                                       const Document& gold);

}  // namespace inkspan
