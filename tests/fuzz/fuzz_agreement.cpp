// libFuzzer target: agreement over layers built from the input (spans anywhere, nested, crossing,
// duplicated, out of range; relations to spans that exist or not). Checks that compute_agreement
// never crashes, refuses only what is invalid, and that its figures hold their invariants: pairs
// within the counts, exact pairs never more than overlap pairs, a pair seen the other way round
// gives the same F1 and kappa and the transposed confusion, a run a document at a time gives the
// same report; and adjudication's first step (accept_by_quorum) keeps every span either accepted
// or in one disagreement. Invariants are checked with __builtin_trap so they hold in release-like
// builds too.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/adjudication.h"
#include "core/agreement.h"
#include "core/agreement_report.h"

using namespace inkspan;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint32_t take(std::uint32_t n) { return pos_ < size_ ? data_[pos_++] % n : 0; }
    [[nodiscard]] bool more() const { return pos_ < size_; }

private:
    const std::uint8_t* data_;
    std::size_t size_, pos_ = 0;
};

const char* const kTexts[] = {"Zoë met Émile in 東京 😀, l’ONU a dit: « oui ».", "a b c d e f",
                              "Ann\r\nBob  Carl-Dee 3,5 km", ""};
const char* const kLabels[] = {"PER", "LOC", "ORG", "O"};
const char* const kAnnotators[] = {"ann", "bob", "cem", "dan"};

bool same(std::optional<double> x, std::optional<double> y) {
    if (!x || !y) return !x && !y;
    return *x - *y < 1e-12 && *y - *x < 1e-12;
}

// Adjudication's first step: every span of the chosen annotators is either accepted (then at
// least `quorum` have it) or in exactly one disagreement; disagreements are in text order, apart.
void check_quorum(const std::vector<LayeredDocument>& docs, std::uint32_t quorum, const std::vector<std::string>& undirected) {
    const std::vector<std::string> chosen(std::begin(kAnnotators), std::end(kAnnotators));
    for (const LayeredDocument& doc : docs) {
        auto gold = accept_by_quorum(doc, chosen, quorum, undirected);
        check(gold.ok());
        check(gold->span_agreed.size() == gold->gold.spans.size());
        check(gold->relation_agreed.size() == gold->gold.relations.size());
        for (const auto& agreed : gold->span_agreed) check(agreed.size() >= quorum);
        for (const auto& agreed : gold->relation_agreed) check(agreed.size() >= quorum);
        std::size_t open = 0, previous_end = 0;
        for (const Disagreement& d : gold->disagreements) {
            check(!d.spans.empty() && d.start < d.end && d.start >= previous_end);
            previous_end = d.end;
            open += d.spans.size();
        }
        std::size_t accepted = 0, total = 0;
        for (const AnnotationLayer& l : doc.layers)
            for (const Span& s : l.spans) {
                ++total;
                for (const Span& g : gold->gold.spans)
                    if (g.start == s.start && g.end == s.end && g.label == s.label) {
                        ++accepted;
                        break;
                    }
            }
        check(accepted + open == total);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(data, size);
    std::vector<LayeredDocument> docs;
    const std::uint32_t doc_count = 1 + in.take(3);
    bool valid = true;
    for (std::uint32_t d = 0; d < doc_count; ++d) {
        LayeredDocument doc{"d" + std::to_string(d), kTexts[in.take(4)], {}};
        const std::size_t length = [&] {
            std::size_t n = 0;
            for (char c : doc.text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            return n;
        }();
        for (const char* name : kAnnotators) {
            if (in.take(4) == 0) continue;  // this annotator never did this document
            AnnotationLayer layer{name, {}, {}};
            const std::uint32_t spans = in.take(8);
            for (std::uint32_t k = 0; k < spans; ++k) {
                Span s;
                s.id = "T" + std::to_string(layer.spans.size());
                if (in.take(32) == 0) {  // now and then a span that is empty or runs past the text
                    s.start = in.take(64);
                    s.end = s.start + in.take(3);
                } else if (length > 0) {
                    s.start = in.take(static_cast<std::uint32_t>(length));
                    s.end = std::min(length, s.start + 1 + in.take(12));
                } else {
                    continue;
                }
                s.label = kLabels[in.take(4)];
                valid = valid && s.start < s.end && s.end <= length;
                layer.spans.push_back(std::move(s));
            }
            const auto kept = static_cast<std::uint32_t>(layer.spans.size());
            const std::uint32_t relations = kept ? in.take(4) : 0;
            for (std::uint32_t k = 0; k < relations; ++k) {
                const std::uint32_t head = in.take(32) == 0 ? kept : in.take(kept), tail = in.take(kept);
                valid = valid && head < kept;
                layer.relations.push_back({"R" + std::to_string(k), in.take(2) ? "r" : "s", "T" + std::to_string(head),
                                           "T" + std::to_string(tail)});
            }
            doc.layers.push_back(std::move(layer));
        }
        docs.push_back(std::move(doc));
    }
    AgreementOptions options;
    options.undirected_relation_types = {"s"};
    if (valid) check_quorum(docs, 1 + in.take(4), options.undirected_relation_types);
    auto report = compute_agreement(docs, options);
    if (!report.ok()) {
        // Fewer than two annotators, or a layer that is invalid.
        check(report.error().kind == ErrorKind::Refused || (!valid && report.error().kind == ErrorKind::Invalid));
        return 0;
    }
    check(valid);
    const AgreementReport& r = *report;
    const std::size_t categories = r.labels.size() + 1;
    for (const PairAgreement& p : r.pairs) {
        for (const MatchTable* t : {&p.exact, &p.overlap, &p.relations})
            check(t->overall.matched <= t->overall.a && t->overall.matched <= t->overall.b);
        check(p.exact.overall.matched <= p.overlap.overall.matched);
        std::uint64_t tokens = 0;
        for (const auto& row : p.confusion) {
            check(row.size() == categories);
            for (std::uint64_t n : row) tokens += n;
        }
        check(tokens == p.tokens);
        if (p.cohen_kappa.overall) check(*p.cohen_kappa.overall <= 1.0 + 1e-12);

        // The pair alone gives the same counts; the other way round, the same F1 and kappa and the
        // transposed confusion.
        AgreementOptions alone = options, swapped = options;
        alone.annotators = {r.annotators[p.a], r.annotators[p.b]};
        swapped.annotators = {r.annotators[p.b], r.annotators[p.a]};
        auto forth = compute_agreement(docs, alone), back = compute_agreement(docs, swapped);
        check(forth.ok() && back.ok() && forth->labels == back->labels);
        const PairAgreement& f = forth->pairs[0];
        const PairAgreement& q = back->pairs[0];
        check(f.exact.overall == p.exact.overall && f.overlap.overall == p.overlap.overall &&
              f.relations.overall == p.relations.overall && same(f.cohen_kappa.overall, p.cohen_kappa.overall));
        check(same(f1(q.exact.overall), f1(f.exact.overall)) && same(f1(q.overlap.overall), f1(f.overlap.overall)));
        check(q.overlap.overall.matched == f.overlap.overall.matched && q.relations.overall.matched == f.relations.overall.matched);
        check(same(q.cohen_kappa.overall, f.cohen_kappa.overall));
        for (std::size_t i = 0; i < f.confusion.size(); ++i)
            for (std::size_t j = 0; j < f.confusion.size(); ++j) check(q.confusion[i][j] == f.confusion[j][i]);
    }
    AgreementRun run = AgreementRun::start(docs, options);
    while (!run.done()) check(run.step(1).ok());
    auto stepped = std::move(run).finish();
    check(stepped.ok());
    const std::string json = agreement_json(r);
    check(agreement_json(*stepped) == json);
    check(!agreement_csv(r).empty() && !agreement_html(r).empty());
    return 0;
}
