#include "core/agreement.h"

#include <algorithm>
#include <array>
#include <bit>
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

Result<Selection> select(const std::vector<LayeredDocument>& documents, const AgreementOptions& options) {
    Selection chosen;
    if (options.document_ids.empty()) {
        for (const LayeredDocument& d : documents) chosen.documents.push_back(&d);
    } else {
        std::unordered_map<std::string_view, const LayeredDocument*> by_id;
        for (const LayeredDocument& d : documents) by_id.try_emplace(d.id, &d);
        std::unordered_set<std::string_view> taken;
        for (const std::string& id : options.document_ids) {
            const auto it = by_id.find(id);
            if (it == by_id.end()) return make_error(ErrorKind::NotFound, "document " + quoted(id) + " does not exist");
            if (taken.insert(id).second) chosen.documents.push_back(it->second);
        }
    }
    std::vector<std::string> found;
    std::unordered_set<std::string_view> seen;
    for (const LayeredDocument* d : chosen.documents)
        for (const AnnotationLayer& l : d->layers) {
            if (&l != d->layer(l.annotator))
                return make_error(ErrorKind::Invalid, d->id + ": annotator " + quoted(l.annotator) + " has two layers");
            if (seen.insert(l.annotator).second) found.push_back(l.annotator);
        }
    if (options.annotators.empty()) {
        chosen.annotators = found;
    } else {
        std::unordered_set<std::string_view> taken;
        for (const std::string& a : options.annotators) {
            if (!seen.contains(a)) return make_error(ErrorKind::NotFound, "annotator " + quoted(a) + " has no layer in any document");
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
    return chosen;
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

Vocabulary make_vocabulary(const Selection& chosen, const AgreementOptions& options, AgreementReport& report) {
    NameIndex labels, types;
    for (const LayeredDocument* d : chosen.documents)
        for (const std::string& a : chosen.annotators)
            if (const AnnotationLayer* l = d->layer(a)) {
                for (const Span& s : l->spans) labels.insert(s.label);
                for (const Relation& r : l->relations) types.insert(r.type);
            }
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
    Selection chosen;
    AgreementReport report;  // names so far; figures at finish()
    Vocabulary vocabulary;
    Totals totals;
    Workspace work;
    std::size_t next = 0;  // the next document of chosen.documents to count

    State(Selection selection, AgreementReport names, Vocabulary v)
        : chosen(std::move(selection)), report(std::move(names)), vocabulary(std::move(v)),
          totals(report.annotators.size(), report.labels.size()) {
        for (PairAgreement& p : totals.pairs) p.relations.per_label.resize(report.relation_types.size());
    }
};

AgreementRun::AgreementRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
AgreementRun::AgreementRun(AgreementRun&&) noexcept = default;
AgreementRun& AgreementRun::operator=(AgreementRun&&) noexcept = default;
AgreementRun::~AgreementRun() = default;

Result<AgreementRun> AgreementRun::start(const std::vector<LayeredDocument>& documents, const AgreementOptions& options) {
    auto chosen = select(documents, options);
    if (!chosen.ok()) return chosen.error();
    AgreementReport names;
    names.annotators = chosen->annotators;
    for (const LayeredDocument* d : chosen->documents) names.document_ids.push_back(d->id);
    Vocabulary vocabulary = make_vocabulary(*chosen, options, names);
    return AgreementRun(std::make_unique<State>(std::move(chosen.value()), std::move(names), std::move(vocabulary)));
}

std::size_t AgreementRun::documents_done() const { return state_->next; }
std::size_t AgreementRun::documents_total() const { return state_->chosen.documents.size(); }

Status AgreementRun::step(std::size_t max_documents) {
    State& s = *state_;
    const std::size_t end = std::min(s.chosen.documents.size(), s.next + max_documents);
    for (; s.next < end; ++s.next)
        if (Status st = count_document(*s.chosen.documents[s.next], s.chosen, s.vocabulary, s.totals, s.work); !st.ok())
            return st.error();
    return Ok{};
}

AgreementReport AgreementRun::finish() && {
    State& s = *state_;
    Totals& totals = s.totals;
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
    auto run = AgreementRun::start(documents, options);
    if (!run.ok()) return run.error();
    if (Status st = run->step(run->documents_total()); !st.ok()) return st.error();
    return std::move(run.value()).finish();
}

}  // namespace inkspan
