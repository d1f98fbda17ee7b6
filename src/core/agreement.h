#pragma once
// Inter-annotator agreement (issue 18, docs/AGREEMENT.md): for a set of annotators on a set of
// documents, per label and overall,
//   - span precision/recall/F1 between each pair, exact match and overlap match;
//   - relation precision/recall/F1 (same type, same head and tail spans);
//   - token-level Cohen's kappa for each pair, Fleiss' kappa for three or more annotators, and
//     Krippendorff's alpha (nominal, tolerates missing annotators), on the tokens of
//     core/tokenizer with the outside tag "O" counted as a category;
//   - a token-level label confusion matrix for each pair.
// Counts are kept exact (integers); figures are derived from them, and a figure whose formula
// divides by zero is undefined (std::nullopt, null in JSON, an empty CSV cell).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/annotation_layers.h"
#include "core/result.h"
#include "core/schema.h"

namespace inkspan {

struct AgreementOptions {
    std::vector<std::string> annotators;    // empty: every annotator found, in order of first appearance
    std::vector<std::string> document_ids;  // empty: every document
    // Labels and relation types in the order reports list them (the schema's legend order); ones
    // the layers use and these lack follow in byte order.
    std::vector<std::string> label_order;
    std::vector<std::string> relation_type_order;
    // Relation types whose head and tail may swap (a schema's `directed: false`).
    std::vector<std::string> undirected_relation_types;
};

// Options listing the schema's labels and relation types in legend order, with its undirected
// relation types; every annotator and document.
[[nodiscard]] AgreementOptions agreement_options(const Schema& schema);

// Spans (or relations) of annotator a (the reference) and b, and how many were paired.
struct MatchCounts {
    std::size_t a = 0, b = 0, matched = 0;
    MatchCounts& operator+=(const MatchCounts& o) { a += o.a; b += o.b; matched += o.matched; return *this; }
    bool operator==(const MatchCounts&) const = default;
};
[[nodiscard]] std::optional<double> precision(const MatchCounts& c);  // matched / b
[[nodiscard]] std::optional<double> recall(const MatchCounts& c);     // matched / a
[[nodiscard]] std::optional<double> f1(const MatchCounts& c);         // 2 matched / (a + b)

// Overall (micro: counts summed over labels and documents) and per label (indexed like the
// report's labels or relation_types).
struct MatchTable {
    MatchCounts overall;
    std::vector<MatchCounts> per_label;
};

// A chance-corrected figure: overall (every tag a category, "O" included) and per label (the
// yes/no question "is this token inside a span of this label?").
struct ChanceCorrected {
    std::optional<double> overall;
    std::vector<std::optional<double>> per_label;
};

struct PairAgreement {
    std::size_t a = 0, b = 0;     // indexes into AgreementReport::annotators; a is the reference
    std::size_t documents = 0;    // documents both annotated
    std::size_t tokens = 0;       // tokens of those documents
    MatchTable exact, overlap, relations;
    ChanceCorrected cohen_kappa;
    // Token counts: confusion[i][j] = tokens a tagged category i and b category j; categories are
    // the report's labels followed by "O" (index labels.size()).
    std::vector<std::vector<std::uint64_t>> confusion;
};

struct FleissAgreement {
    std::size_t documents = 0;  // documents every chosen annotator annotated (the others are left out)
    std::size_t tokens = 0;
    ChanceCorrected kappa;
};

struct AlphaAgreement {
    std::size_t documents = 0;  // documents at least two chosen annotators annotated
    std::size_t units = 0;      // tokens with at least two values (the pairable units)
    std::size_t values = 0;     // tags given to those tokens
    ChanceCorrected alpha;
};

struct AgreementReport {
    std::vector<std::string> annotators;
    std::vector<std::string> document_ids;  // the documents considered
    std::vector<std::string> labels;
    std::vector<std::string> relation_types;
    std::vector<PairAgreement> pairs;       // (0,1), (0,2), ..., (1,2), ...
    std::optional<FleissAgreement> fleiss;  // with three or more annotators
    AlphaAgreement alpha;
};

// The name of the outside category in reports.
inline constexpr const char* kOutsideTag = "O";

// Refused when fewer than two annotators are chosen or found (ErrorKind::Refused), a chosen
// annotator or document does not exist (NotFound), or a layer is inconsistent (Invalid: two
// layers of one annotator on a document, a span outside the text, a relation whose head or tail
// is not a span of its layer), naming the document, the annotator and the item.
[[nodiscard]] Result<AgreementReport> compute_agreement(const std::vector<LayeredDocument>& documents,
                                                        const AgreementOptions& options = {});

// The same a few documents at a time, so the page can spread the work over frames (counts add up
// per document; the figures come at the end). Starting costs nothing: the steps first look at each
// document to select the chosen ones, then read each chosen one's layers (annotators, labels and
// relation types: the report's names), then count each. `documents` must outlive the run and not
// change.
//   AgreementRun run = AgreementRun::start(docs, options);
//   while (!run.done()) if (!run.step(50).ok()) break;         // a refusal ends the run
//   Result<AgreementReport> report = std::move(run).finish();  // what compute_agreement returns
class AgreementRun {
public:
    [[nodiscard]] static AgreementRun start(const std::vector<LayeredDocument>& documents, const AgreementOptions& options = {});
    static AgreementRun start(const std::vector<LayeredDocument>&&, const AgreementOptions& = {}) = delete;  // kept by pointer
    // At most `max_units` units of work. A refusal of compute_agreement's (the first it finds, in
    // the same order) ends the run: this call and every later one return it.
    [[nodiscard]] Status step(std::size_t max_units);
    [[nodiscard]] bool done() const;  // everything counted, or refused
    // A unit is a document looked at while selecting, a chosen document read, or one counted.
    [[nodiscard]] std::size_t units_done() const;
    [[nodiscard]] std::size_t units_total() const;
    // The report (taking the steps left first), or the refusal.
    [[nodiscard]] Result<AgreementReport> finish() &&;

    AgreementRun(AgreementRun&&) noexcept;
    AgreementRun& operator=(AgreementRun&&) noexcept;
    ~AgreementRun();

private:
    struct State;
    explicit AgreementRun(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace inkspan
