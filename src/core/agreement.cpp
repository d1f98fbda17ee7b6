#include "core/agreement.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/agreement_layer.h"
#include "core/agreement_matching.h"
#include "core/agreement_stats.h"
#include "core/tokenizer.h"
#include "core/utf8.h"

namespace inkspan {

AgreementOptions agreement_options(const Schema& schema) {
    AgreementOptions options;
    for (const EntityType& e : schema.entities) options.label_order.push_back(e.name);
    for (const RelationType& t : schema.relations) {
        options.relation_type_order.push_back(t.name);
        if (!t.directed) options.undirected_relation_types.push_back(t.name);
    }
    return options;
}

std::optional<double> precision(const MatchCounts& c) {
    if (c.b == 0) return std::nullopt;
    return static_cast<double>(c.matched) / static_cast<double>(c.b);
}

std::optional<double> recall(const MatchCounts& c) {
    if (c.a == 0) return std::nullopt;
    return static_cast<double>(c.matched) / static_cast<double>(c.a);
}

std::optional<double> f1(const MatchCounts& c) {
    if (c.a + c.b == 0) return std::nullopt;
    return 2.0 * static_cast<double>(c.matched) / static_cast<double>(c.a + c.b);
}

namespace {

using namespace agreement;

constexpr std::uint32_t kYes = 0, kNo = 1;  // the categories of a per-label question

struct Selection {
    std::vector<const LayeredDocument*> documents;
    std::vector<std::string> annotators;
};

std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.append(1, '"').append(s).append(1, '"');
    return out;
}

// The names in use: those `order` lists first, in its order, then the others in byte order.
std::vector<std::string> ordered_names(const NameIndex& used, const std::vector<std::string>& order) {
    std::vector<std::string> names;
    NameIndex listed;
    for (const std::string& n : order)
        if (used.find(n) && !listed.find(n)) {
            listed.insert(n);
            names.push_back(n);
        }
    std::vector<std::string> rest;
    for (const std::string& n : used.names())
        if (!listed.find(n)) rest.push_back(n);
    std::sort(rest.begin(), rest.end());
    names.insert(names.end(), rest.begin(), rest.end());
    return names;
}

// The report's labels and relation types from those the chosen annotators' layers use.
Vocabulary make_vocabulary(const NameIndex& labels, const NameIndex& types, const AgreementOptions& options,
                           AgreementReport& report) {
    report.labels = ordered_names(labels, options.label_order);
    report.relation_types = ordered_names(types, options.relation_type_order);

    Vocabulary v;
    std::vector<std::uint32_t> by_bytes(report.labels.size());
    for (std::uint32_t i = 0; i < report.labels.size(); ++i) {
        v.labels.insert(report.labels[i]);
        by_bytes[i] = i;
    }
    std::sort(by_bytes.begin(), by_bytes.end(), [&](auto x, auto y) { return report.labels[x] < report.labels[y]; });
    v.label_byte_rank.resize(report.labels.size());
    for (std::uint32_t rank = 0; rank < by_bytes.size(); ++rank) v.label_byte_rank[by_bytes[rank]] = rank;
    for (const std::string& t : report.relation_types) {
        v.relation_types.insert(t);
        v.undirected.push_back(std::find(options.undirected_relation_types.begin(), options.undirected_relation_types.end(),
                                         t) != options.undirected_relation_types.end());
    }
    v.coverage_words = std::max<std::size_t>(1, (report.labels.size() + 63) / 64);
    return v;
}

// Counts per category for one token, over the annotators that tagged it; reset by take().
class Tally {
public:
    explicit Tally(std::size_t categories) : counts_(categories, 0) {}
    void add(std::uint32_t category) {
        if (counts_[category]++ == 0) touched_.push_back(category);
    }
    // The nonzero counts, in `out`, leaving the tally empty.
    void take(std::vector<CategoryCount>& out) {
        out.clear();
        for (std::uint32_t c : touched_) {
            out.push_back({c, counts_[c]});
            counts_[c] = 0;
        }
        touched_.clear();
    }

private:
    std::vector<std::uint32_t> counts_;
    std::vector<std::uint32_t> touched_;
};

// Everything summed over documents before the figures are derived.
struct Totals {
    std::vector<PairAgreement> pairs;
    std::vector<std::vector<std::array<std::uint64_t, 3>>> label_questions;  // per pair, per label: both, a only, b only
    std::optional<FleissAgreement> fleiss;
    std::optional<FleissCounts> fleiss_overall;
    std::vector<FleissCounts> fleiss_labels;
    AlphaAgreement alpha;
    AlphaCounts alpha_overall;
    std::vector<AlphaCounts> alpha_labels;

    Totals(std::size_t annotators, std::size_t labels)
        : alpha_overall(labels + 1, annotators), alpha_labels(labels, AlphaCounts(2, annotators)) {
        for (std::size_t a = 0; a < annotators; ++a)
            for (std::size_t b = a + 1; b < annotators; ++b) {
                PairAgreement p;
                p.a = a;
                p.b = b;
                p.exact.per_label.resize(labels);
                p.overlap.per_label.resize(labels);
                p.confusion.assign(labels + 1, std::vector<std::uint64_t>(labels + 1, 0));
                pairs.push_back(std::move(p));
                label_questions.emplace_back(labels, std::array<std::uint64_t, 3>{0, 0, 0});
            }
        if (annotators >= 3) {
            fleiss.emplace();
            fleiss_overall.emplace(labels + 1, annotators);
            fleiss_labels.assign(labels, FleissCounts(2, annotators));
        }
    }
};

// Buffers kept from one document to the next.
struct Workspace {
    std::vector<TokenBounds> tokens;
    std::vector<PreparedLayer> prepared;  // per chosen annotator
    OverlapMatching overlap;
};

void count_pair(const PreparedLayer& a, const PreparedLayer& b, std::size_t tokens, std::size_t words, PairAgreement& pair,
                std::vector<std::array<std::uint64_t, 3>>& questions, OverlapMatching& overlap) {
    ++pair.documents;
    pair.tokens += tokens;
    count_exact(a.spans, b.spans, pair.exact);
    overlap.count(a.spans, b.spans, pair.overlap);
    count_relations(a.relations, b.relations, pair.relations);
    for (std::size_t t = 0; t < tokens; ++t) {
        ++pair.confusion[a.tags[t]][b.tags[t]];
        for (std::size_t w = 0; w < words; ++w) {
            const std::uint64_t x = a.coverage[t * words + w], y = b.coverage[t * words + w];
            const std::uint64_t parts[3] = {x & y, x & ~y, ~x & y};
            for (int k = 0; k < 3; ++k)
                for (std::uint64_t bits = parts[k]; bits; bits &= bits - 1)
                    ++questions[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))][k];
        }
    }
}

// Fleiss' kappa (when every chosen annotator read the document) and Krippendorff's alpha (when at
// least two did), token by token over the annotators present.
void count_multi(const std::vector<const PreparedLayer*>& present, std::size_t tokens, std::size_t words, bool all_present,
                 std::size_t labels, Totals& totals) {
    Tally tags(labels + 1), label_tally(labels);
    std::vector<CategoryCount> counts, label_counts;
    std::vector<std::uint64_t> touched(labels, 0);         // tokens on which someone chose the label
    std::vector<std::uint64_t> unanimous(labels + 1, 0);   // tokens everyone tagged alike, by tag
    std::vector<std::uint64_t> unanimous_yes(labels, 0);   // ... and on which everyone chose the label
    const auto m = static_cast<std::uint32_t>(present.size());
    const PreparedLayer& first = *present.front();
    for (std::size_t t = 0; t < tokens; ++t) {
        // Most tokens (the "O" ones above all) get the same tag and labels from everyone: counted in bulk.
        bool alike = true;
        for (std::size_t k = 1; k < present.size() && alike; ++k) {
            alike = present[k]->tags[t] == first.tags[t];
            for (std::size_t w = 0; w < words && alike; ++w) alike = present[k]->coverage[t * words + w] == first.coverage[t * words + w];
        }
        if (alike) {
            ++unanimous[first.tags[t]];
            for (std::size_t w = 0; w < words; ++w)
                for (std::uint64_t bits = first.coverage[t * words + w]; bits; bits &= bits - 1)
                    ++unanimous_yes[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
            continue;
        }
        for (const PreparedLayer* p : present) {
            tags.add(p->tags[t]);
            for (std::size_t w = 0; w < words; ++w)
                for (std::uint64_t bits = p->coverage[t * words + w]; bits; bits &= bits - 1)
                    label_tally.add(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
        }
        tags.take(counts);
        totals.alpha_overall.add_unit(counts);
        if (all_present) totals.fleiss_overall->add_item(counts);
        label_tally.take(label_counts);
        for (const CategoryCount& c : label_counts) {
            ++touched[c.category];
            const CategoryCount yes_no[2] = {{kYes, c.count}, {kNo, m - c.count}};
            totals.alpha_labels[c.category].add_unit(yes_no);
            if (all_present) totals.fleiss_labels[c.category].add_item(yes_no);
        }
    }
    for (std::uint32_t tag = 0; tag <= labels; ++tag) {
        if (unanimous[tag] == 0) continue;
        totals.alpha_overall.add_unanimous(tag, unanimous[tag], unanimous[tag] * m);
        if (all_present) totals.fleiss_overall->add_unanimous(tag, unanimous[tag]);
    }
    for (std::uint32_t l = 0; l < labels; ++l) {
        const std::uint64_t yes = unanimous_yes[l], no = tokens - touched[l] - yes;
        totals.alpha_labels[l].add_unanimous(kYes, yes, yes * m);
        totals.alpha_labels[l].add_unanimous(kNo, no, no * m);
        if (all_present) {
            totals.fleiss_labels[l].add_unanimous(kYes, yes);
            totals.fleiss_labels[l].add_unanimous(kNo, no);
        }
    }
}

Status count_document(const LayeredDocument& doc, const Selection& chosen, const Vocabulary& vocabulary, Totals& totals,
                      Workspace& work) {
    if (auto bad = find_invalid_utf8(doc.text))
        return make_error(ErrorKind::InvalidUtf8, doc.id + ": text: invalid UTF-8 at byte " + std::to_string(*bad));
    const std::size_t m = chosen.annotators.size();
    std::vector<const AnnotationLayer*> layers(m, nullptr);
    std::size_t present = 0;
    for (std::size_t k = 0; k < m; ++k)
        if ((layers[k] = doc.layer(chosen.annotators[k]))) ++present;
    if (present == 0) return Ok{};

    std::vector<TokenBounds>& tokens = work.tokens;
    tokens.clear();
    if (present >= 2)
        for (const Token& t : tokenize(doc.text))
            tokens.push_back({static_cast<std::uint32_t>(t.start), static_cast<std::uint32_t>(t.end)});
    const std::size_t length = count_code_points(doc.text);
    work.prepared.resize(m);
    for (std::size_t k = 0; k < m; ++k)
        if (layers[k])
            if (Status st = prepare_layer(*layers[k], tokens, length, vocabulary,
                                          doc.id + ", annotator " + quoted(chosen.annotators[k]), work.prepared[k]);
                !st.ok())
                return st.error();
    if (present < 2) return Ok{};

    const std::size_t words = vocabulary.coverage_words, labels = vocabulary.label_byte_rank.size();
    for (std::size_t i = 0; i < totals.pairs.size(); ++i) {
        PairAgreement& pair = totals.pairs[i];
        if (layers[pair.a] && layers[pair.b])
            count_pair(work.prepared[pair.a], work.prepared[pair.b], tokens.size(), words, pair, totals.label_questions[i],
                       work.overlap);
    }
    std::vector<const PreparedLayer*> with_layer;
    for (std::size_t k = 0; k < m; ++k)
        if (layers[k]) with_layer.push_back(&work.prepared[k]);
    const bool all_present = totals.fleiss && present == m;
    count_multi(with_layer, tokens.size(), words, all_present, labels, totals);
    ++totals.alpha.documents;
    if (all_present) {
        ++totals.fleiss->documents;
        totals.fleiss->tokens += tokens.size();
    }
    return Ok{};
}

}  // namespace

struct AgreementRun::State {
    enum class Phase { Selecting, Reading, Counting, Finished };
    const std::vector<LayeredDocument>* documents;
    AgreementOptions options;
    Phase phase = Phase::Selecting;
    std::size_t next = 0;  // the next document of the phase: of *documents while selecting, else of chosen.documents
    std::size_t units_done = 0, units_total = 0;
    std::optional<Error> refusal;
    std::unordered_map<std::string_view, const LayeredDocument*> by_id;  // selecting, when the options name documents
    Selection chosen;
    NameIndex found;                             // reading: annotators in order of first appearance
    std::vector<NameIndex> labels_of, types_of;  // per found annotator: the labels and relation types of its layers
    AgreementReport report;                      // names; figures at finish()
    Vocabulary vocabulary;
    std::optional<Totals> totals;
    Workspace work;

    [[nodiscard]] std::size_t phase_size() const {
        switch (phase) {
            case Phase::Selecting: return documents->size();
            case Phase::Reading:
            case Phase::Counting: return chosen.documents.size();
            case Phase::Finished: break;
        }
        return 0;
    }

    void select_one(const LayeredDocument& d) {
        if (options.document_ids.empty()) chosen.documents.push_back(&d);
        else by_id.try_emplace(d.id, &d);
    }

    [[nodiscard]] Status read_one(const LayeredDocument& d) {
        for (const AnnotationLayer& l : d.layers) {
            if (&l != d.layer(l.annotator))
                return make_error(ErrorKind::Invalid, d.id + ": annotator " + quoted(l.annotator) + " has two layers");
            const std::uint32_t k = found.insert(l.annotator);
            if (k == labels_of.size()) {
                labels_of.emplace_back();
                types_of.emplace_back();
            }
            for (const Span& span : l.spans) labels_of[k].insert(span.label);
            for (const Relation& r : l.relations) types_of[k].insert(r.type);
        }
        return Ok{};
    }

    // The chosen documents in the options' order (each once).
    [[nodiscard]] Status end_selecting() {
        if (options.document_ids.empty()) return Ok{};
        std::unordered_set<std::string_view> taken;
        for (const std::string& id : options.document_ids) {
            const auto it = by_id.find(id);
            if (it == by_id.end()) return make_error(ErrorKind::NotFound, "document " + quoted(id) + " does not exist");
            if (taken.insert(id).second) chosen.documents.push_back(it->second);
        }
        by_id.clear();
        return Ok{};
    }

    // The chosen annotators, the report's names and what counting needs.
    [[nodiscard]] Status end_reading() {
        if (options.annotators.empty()) {
            chosen.annotators = found.names();
        } else {
            std::unordered_set<std::string_view> taken;
            for (const std::string& a : options.annotators) {
                if (!found.find(a)) return make_error(ErrorKind::NotFound, "annotator " + quoted(a) + " has no layer in any document");
                if (taken.insert(a).second) chosen.annotators.push_back(a);
            }
        }
        if (chosen.annotators.size() < 2) {
            std::string names;
            for (const std::string& a : chosen.annotators) names += (names.empty() ? "" : ", ") + a;
            return make_error(ErrorKind::Refused, "agreement needs at least two annotators (found " +
                                                      std::to_string(chosen.annotators.size()) +
                                                      (names.empty() ? "" : ": " + names) + ")");
        }
        NameIndex labels, types;
        for (const std::string& a : chosen.annotators) {
            const std::uint32_t k = *found.find(a);
            for (const std::string& n : labels_of[k].names()) labels.insert(n);
            for (const std::string& n : types_of[k].names()) types.insert(n);
        }
        report.annotators = chosen.annotators;
        for (const LayeredDocument* d : chosen.documents) report.document_ids.push_back(d->id);
        vocabulary = make_vocabulary(labels, types, options, report);
        totals.emplace(report.annotators.size(), report.labels.size());
        for (PairAgreement& p : totals->pairs) p.relations.per_label.resize(report.relation_types.size());
        return Ok{};
    }

    // The phase's documents are all done: the next phase (or a refusal).
    [[nodiscard]] Status end_phase() {
        next = 0;
        switch (phase) {
            case Phase::Selecting: phase = Phase::Reading; return end_selecting();
            case Phase::Reading: phase = Phase::Counting; return end_reading();
            case Phase::Counting:
            case Phase::Finished: phase = Phase::Finished; break;
        }
        return Ok{};
    }

    [[nodiscard]] Status unit() {
        switch (phase) {
            case Phase::Selecting: select_one((*documents)[next]); return Ok{};
            case Phase::Reading: return read_one(*chosen.documents[next]);
            case Phase::Counting: return count_document(*chosen.documents[next], chosen, vocabulary, *totals, work);
            case Phase::Finished: break;
        }
        return Ok{};
    }
};

AgreementRun::AgreementRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
AgreementRun::AgreementRun(AgreementRun&&) noexcept = default;
AgreementRun& AgreementRun::operator=(AgreementRun&&) noexcept = default;
AgreementRun::~AgreementRun() = default;

AgreementRun AgreementRun::start(const std::vector<LayeredDocument>& documents, const AgreementOptions& options) {
    auto s = std::make_unique<State>();
    s->documents = &documents;
    s->options = options;
    std::size_t chosen = documents.size();
    if (!options.document_ids.empty()) {
        const std::unordered_set<std::string_view> ids(options.document_ids.begin(), options.document_ids.end());
        chosen = ids.size();
    }
    s->units_total = documents.size() + 2 * chosen;
    return AgreementRun(std::move(s));
}

bool AgreementRun::done() const { return state_->refusal || state_->phase == State::Phase::Finished; }
std::size_t AgreementRun::units_done() const { return state_->units_done; }
std::size_t AgreementRun::units_total() const { return state_->units_total; }

Status AgreementRun::step(std::size_t max_units) {
    State& s = *state_;
    while (!done()) {
        Status st = Ok{};
        if (s.next == s.phase_size()) {
            st = s.end_phase();
        } else if (max_units == 0) {
            break;
        } else {
            --max_units;
            st = s.unit();
            ++s.next;
            ++s.units_done;
        }
        if (!st.ok()) s.refusal = st.error();
    }
    if (s.refusal) return *s.refusal;
    return Ok{};
}

Result<AgreementReport> AgreementRun::finish() && {
    if (Status st = step(std::numeric_limits<std::size_t>::max()); !st.ok()) return st.error();
    State& s = *state_;
    Totals& totals = *s.totals;
    AgreementReport report = std::move(s.report);
    for (std::size_t i = 0; i < totals.pairs.size(); ++i) {
        PairAgreement& p = totals.pairs[i];
        p.cohen_kappa.overall = cohen_kappa(p.confusion);
        for (const auto& [both, a_only, b_only] : totals.label_questions[i])
            p.cohen_kappa.per_label.push_back(cohen_kappa_binary(both, a_only, b_only, p.tokens - both - a_only - b_only));
    }
    report.pairs = std::move(totals.pairs);
    if (totals.fleiss) {
        report.fleiss = *totals.fleiss;
        report.fleiss->kappa.overall = totals.fleiss_overall->kappa();
        for (const FleissCounts& f : totals.fleiss_labels) report.fleiss->kappa.per_label.push_back(f.kappa());
    }
    report.alpha = totals.alpha;
    report.alpha.units = totals.alpha_overall.units();
    report.alpha.values = totals.alpha_overall.values();
    report.alpha.alpha.overall = totals.alpha_overall.alpha();
    for (const AlphaCounts& a : totals.alpha_labels) report.alpha.alpha.per_label.push_back(a.alpha());
    return report;
}

Result<AgreementReport> compute_agreement(const std::vector<LayeredDocument>& documents, const AgreementOptions& options) {
    return AgreementRun::start(documents, options).finish();
}

}  // namespace inkspan
