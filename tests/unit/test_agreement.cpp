// Agreement measures (core/agreement.h) on cases small enough to compute by hand. Every figure on
// the larger fixtures (tests/fixtures/agreement/) is checked against scikit-learn, statsmodels
// and NLTK by tests/check_agreement.py, fed by the last test case here.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/agreement.h"
#include "core/agreement_report.h"
#include "core/inkspan_json.h"
#include "core/tokenizer.h"
#include "model_fixtures.h"

using namespace inkspan;
using inkspan::testing::read_file;

namespace {

Span span(std::string id, std::size_t start, std::size_t end, std::string label) {
    Span s;
    s.id = std::move(id);
    s.start = start;
    s.end = end;
    s.label = std::move(label);
    return s;
}

AnnotationLayer layer(std::string annotator, std::vector<Span> spans, std::vector<Relation> relations = {}) {
    return AnnotationLayer{std::move(annotator), std::move(spans), std::move(relations)};
}

// One document "a b c d e f" (six one-letter tokens at 0, 2, 4, 6, 8, 10).
LayeredDocument six_tokens(std::vector<AnnotationLayer> layers) {
    return LayeredDocument{"d1", "a b c d e f", std::move(layers)};
}

std::size_t label_index(const AgreementReport& r, std::string_view label) {
    for (std::size_t i = 0; i < r.labels.size(); ++i)
        if (r.labels[i] == label) return i;
    FAIL("no label " << label);
    return 0;
}

void check_close(std::optional<double> value, double expected) {
    REQUIRE(value.has_value());
    CHECK(std::abs(*value - expected) < 1e-12);
}

}  // namespace

TEST_CASE("agreement: span F1, exact and overlap, computed by hand") {
    // ann: PER [0,5) LOC [10,15) ORG [20,30); bob: PER [0,5) LOC [11,15) PER [20,30) LOC [40,45)
    const std::string text(50, 'x');
    const LayeredDocument doc{"d1", text,
                              {layer("ann", {span("T1", 0, 5, "PER"), span("T2", 10, 15, "LOC"), span("T3", 20, 30, "ORG")}),
                               layer("bob", {span("T1", 0, 5, "PER"), span("T2", 11, 15, "LOC"), span("T3", 20, 30, "PER"),
                                             span("T4", 40, 45, "LOC")})}};
    auto r = compute_agreement({doc}, AgreementOptions{.label_order = {"PER", "LOC", "ORG"}});
    REQUIRE(r.ok());
    REQUIRE(r->pairs.size() == 1);
    const PairAgreement& p = r->pairs[0];
    CHECK(r->annotators == std::vector<std::string>{"ann", "bob"});
    CHECK(r->labels == std::vector<std::string>{"PER", "LOC", "ORG"});
    CHECK(p.documents == 1);

    CHECK(p.exact.overall == MatchCounts{3, 4, 1});
    check_close(precision(p.exact.overall), 1.0 / 4);
    check_close(recall(p.exact.overall), 1.0 / 3);
    check_close(f1(p.exact.overall), 2.0 / 7);
    CHECK(p.exact.per_label[0] == MatchCounts{1, 2, 1});  // PER
    CHECK(p.exact.per_label[1] == MatchCounts{1, 2, 0});  // LOC
    CHECK(p.exact.per_label[2] == MatchCounts{1, 0, 0});  // ORG
    CHECK_FALSE(precision(p.exact.per_label[2]).has_value());  // bob has no ORG: undefined, not 0
    check_close(f1(p.exact.per_label[2]), 0.0);

    CHECK(p.overlap.overall == MatchCounts{3, 4, 2});
    check_close(f1(p.overlap.overall), 4.0 / 7);
    CHECK(p.overlap.per_label[1] == MatchCounts{1, 2, 1});
}

TEST_CASE("agreement: overlap matching pairs as many spans as possible, one to one") {
    // a1 [0,10) overlaps b1 and b2; a2 [1,3) overlaps only b1. Taking b1 for a1 (the first
    // overlapping span) would leave a2 alone: the largest matching pairs a1-b2 and a2-b1.
    const LayeredDocument doc{"d1", std::string(20, 'x'),
                              {layer("a", {span("T1", 0, 10, "X"), span("T2", 1, 3, "X")}),
                               layer("b", {span("T1", 1, 2, "X"), span("T2", 5, 6, "X"), span("T3", 12, 15, "X")})}};
    auto r = compute_agreement({doc});
    REQUIRE(r.ok());
    CHECK(r->pairs[0].overlap.overall == MatchCounts{2, 3, 2});
    CHECK(r->pairs[0].exact.overall == MatchCounts{2, 3, 0});
    // Spans that only touch do not overlap; a span of another label never matches.
    const LayeredDocument touching{"d1", std::string(20, 'x'),
                                   {layer("a", {span("T1", 0, 5, "X"), span("T2", 10, 12, "X")}),
                                    layer("b", {span("T1", 5, 9, "X"), span("T2", 10, 12, "Y")})}};
    auto t = compute_agreement({touching});
    REQUIRE(t.ok());
    CHECK(t->pairs[0].overlap.overall == MatchCounts{2, 2, 0});
}

namespace {

// The largest one-to-one pairing of same-label overlapping spans, by trying every choice.
std::size_t brute_force_pairs(const std::vector<Span>& a, std::size_t i, const std::vector<Span>& b, std::vector<bool>& used) {
    if (i == a.size()) return 0;
    std::size_t best = brute_force_pairs(a, i + 1, b, used);  // a[i] unpaired
    for (std::size_t j = 0; j < b.size(); ++j)
        if (!used[j] && b[j].label == a[i].label && b[j].start < a[i].end && a[i].start < b[j].end) {
            used[j] = true;
            best = std::max(best, 1 + brute_force_pairs(a, i + 1, b, used));
            used[j] = false;
        }
    return best;
}

}  // namespace

TEST_CASE("agreement: overlap pairing is as large as an exhaustive search finds, on random layers") {
    std::uint32_t state = 12345;
    auto next = [&](std::uint32_t n) {  // a small LCG: the same cases on every machine
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % n;
    };
    auto random_spans = [&] {
        std::vector<Span> spans;
        const std::uint32_t count = next(7);
        for (std::uint32_t k = 0; k < count; ++k) {
            const std::size_t start = next(14), length = 1 + next(6);
            std::string id = "T";  // (not "T" + ...: GCC 12 warns about it, bug 105329)
            id += std::to_string(k + 1);
            spans.push_back(span(id, start, std::min<std::size_t>(start + length, 16), next(3) ? "X" : "Y"));
        }
        return spans;
    };
    for (int round = 0; round < 2000; ++round) {
        const std::vector<Span> a = random_spans(), b = random_spans();
        auto r = compute_agreement({LayeredDocument{"d1", std::string(16, 'x'), {layer("a", a), layer("b", b)}}});
        REQUIRE(r.ok());
        std::vector<bool> used(b.size(), false);
        const std::size_t expected = brute_force_pairs(a, 0, b, used);
        INFO("round " << round);
        REQUIRE(r->pairs[0].overlap.overall.matched == expected);
    }
}

TEST_CASE("agreement: Cohen's kappa on tokens with O counted, computed by hand") {
    // Tags ann: X X O Y O O   bob: X O O Y Y O  (bob's X covers only "a", his Y "d e")
    auto r = compute_agreement({six_tokens({layer("ann", {span("T1", 0, 3, "X"), span("T2", 6, 7, "Y")}),
                                            layer("bob", {span("T1", 0, 1, "X"), span("T2", 6, 9, "Y")})})});
    REQUIRE(r.ok());
    const PairAgreement& p = r->pairs[0];
    CHECK(p.tokens == 6);
    // p_o = 4/6, p_e = (2*1 + 1*2 + 3*3)/36 = 13/36: kappa = (24 - 13)/(36 - 13)
    check_close(p.cohen_kappa.overall, 11.0 / 23);
    // X: ann yes yes no no no no, bob yes no no no no no: p_o = 5/6, p_e = 22/36
    check_close(p.cohen_kappa.per_label[label_index(*r, "X")], 4.0 / 7);
    // Confusion: rows ann, columns bob, categories X, Y, O.
    CHECK(r->labels == std::vector<std::string>{"X", "Y"});
    CHECK(p.confusion == std::vector<std::vector<std::uint64_t>>{{1, 0, 1}, {0, 1, 0}, {0, 1, 2}});
}

TEST_CASE("agreement: a token takes the outermost span's label; per label, any span of that label counts") {
    // "a b c d e f": ann ORG [0,7) with LOC [2,3) nested inside; bob LOC [2,3) only.
    auto r = compute_agreement({six_tokens({layer("ann", {span("T1", 0, 7, "ORG"), span("T2", 2, 3, "LOC")}),
                                            layer("bob", {span("T1", 2, 3, "LOC")})})},
                               AgreementOptions{.label_order = {"LOC", "ORG"}});
    REQUIRE(r.ok());
    const PairAgreement& p = r->pairs[0];
    // Tags: ann ORG ORG ORG ORG O O, bob O LOC O O O O: "b" is ORG for ann (outermost) ...
    CHECK(p.confusion[1] == std::vector<std::uint64_t>{1, 0, 3});  // ann ORG row: bob LOC 1, ORG 0, O 3
    // ... while the LOC question sees ann's nested LOC: both say yes on "b", no elsewhere.
    check_close(p.cohen_kappa.per_label[0], 1.0);
}

TEST_CASE("agreement: Fleiss' kappa and Krippendorff's alpha for three annotators, computed by hand") {
    // ann and cem: X X O Y O O, bob: X O O Y Y O
    auto r = compute_agreement({six_tokens({layer("ann", {span("T1", 0, 3, "X"), span("T2", 6, 7, "Y")}),
                                            layer("bob", {span("T1", 0, 1, "X"), span("T2", 6, 9, "Y")}),
                                            layer("cem", {span("T1", 0, 3, "X"), span("T2", 6, 7, "Y")})})});
    REQUIRE(r.ok());
    CHECK(r->pairs.size() == 3);
    REQUIRE(r->fleiss.has_value());
    CHECK(r->fleiss->tokens == 6);
    // P_i: 1, 1/3, 1, 1, 1/3, 1 (mean 7/9); category shares 5, 4, 9 of 18: P_e = 122/324
    check_close(r->fleiss->kappa.overall, 65.0 / 101);
    // Disagreeing pairs: 2 in "b" and 2 in "e" (each over m - 1 = 2): D_o = 4/18, D_e = 202/306
    CHECK(r->alpha.units == 6);
    CHECK(r->alpha.values == 18);
    check_close(r->alpha.alpha.overall, 67.0 / 101);
}

TEST_CASE("agreement: Krippendorff's alpha keeps documents an annotator missed; Fleiss leaves them out") {
    const LayeredDocument d1 = six_tokens({layer("ann", {span("T1", 0, 3, "X")}), layer("bob", {span("T1", 0, 3, "X")}),
                                           layer("cem", {span("T1", 0, 1, "X")})});
    LayeredDocument d2{"d2", "g h", {layer("ann", {span("T1", 0, 1, "X")}), layer("bob", {})}};  // cem never read d2
    LayeredDocument d3{"d3", "i j", {layer("ann", {span("T1", 0, 1, "X")})}};                      // only ann: no pair
    auto r = compute_agreement({d1, d2, d3});
    REQUIRE(r.ok());
    CHECK(r->document_ids == std::vector<std::string>{"d1", "d2", "d3"});
    CHECK(r->fleiss->documents == 1);
    CHECK(r->fleiss->tokens == 6);
    CHECK(r->alpha.documents == 2);
    CHECK(r->alpha.units == 8);
    CHECK(r->alpha.values == 22);
    CHECK(r->pairs[0].documents == 2);  // ann-bob: d1, d2
    CHECK(r->pairs[1].documents == 1);  // ann-cem: d1
    CHECK(r->pairs[0].exact.overall == MatchCounts{2, 1, 1});
}

TEST_CASE("agreement: a figure that divides by zero is undefined, not 0 or 1") {
    // Both annotators leave everything "O": no variation, so kappa and alpha are undefined.
    auto r = compute_agreement({six_tokens({layer("ann", {}), layer("bob", {})})});
    REQUIRE(r.ok());
    CHECK(r->labels.empty());
    CHECK_FALSE(r->pairs[0].cohen_kappa.overall.has_value());
    CHECK_FALSE(r->alpha.alpha.overall.has_value());
    CHECK(r->pairs[0].exact.overall == MatchCounts{0, 0, 0});
    CHECK_FALSE(f1(r->pairs[0].exact.overall).has_value());
}

TEST_CASE("agreement: relations match on type and exact head and tail spans; undirected types either way round") {
    const std::string text = "Ann met Bob in Rome";
    auto spans = [] { return std::vector<Span>{span("T1", 0, 3, "PER"), span("T2", 8, 11, "PER"), span("T3", 15, 19, "LOC")}; };
    auto a = layer("a", spans(), {{"R1", "meets", "T1", "T2"}, {"R2", "in", "T2", "T3"}});
    auto b = layer("b", spans(), {{"R1", "meets", "T2", "T1"}, {"R2", "in", "T1", "T3"}});
    const LayeredDocument doc{"d1", text, {a, b}};

    auto directed = compute_agreement({doc});
    REQUIRE(directed.ok());
    CHECK(directed->relation_types == std::vector<std::string>{"in", "meets"});
    CHECK(directed->pairs[0].relations.overall == MatchCounts{2, 2, 0});

    auto undirected = compute_agreement({doc}, AgreementOptions{.undirected_relation_types = {"meets"}});
    REQUIRE(undirected.ok());
    CHECK(undirected->pairs[0].relations.overall == MatchCounts{2, 2, 1});
    CHECK(undirected->pairs[0].relations.per_label[1] == MatchCounts{1, 1, 1});

    // A head span of another extent or label is another head.
    auto c = layer("c", {span("T1", 0, 3, "PER"), span("T2", 8, 11, "MISC"), span("T3", 15, 19, "LOC")},
                   {{"R1", "in", "T2", "T3"}});
    auto r = compute_agreement({LayeredDocument{"d1", text, {a, c}}});
    REQUIRE(r.ok());
    CHECK(r->pairs[0].relations.overall == MatchCounts{2, 1, 0});
}

TEST_CASE("agreement: choosing annotators and documents") {
    const LayeredDocument d1 = six_tokens({layer("ann", {span("T1", 0, 1, "X")}), layer("bob", {span("T1", 0, 1, "X")}),
                                           layer("cem", {span("T1", 2, 3, "X")})});
    LayeredDocument d2 = d1;
    d2.id = "d2";
    auto r = compute_agreement({d1, d2}, AgreementOptions{.annotators = {"cem", "ann"}, .document_ids = {"d2"}});
    REQUIRE(r.ok());
    CHECK(r->annotators == std::vector<std::string>{"cem", "ann"});
    CHECK(r->document_ids == std::vector<std::string>{"d2"});
    REQUIRE(r->pairs.size() == 1);
    CHECK(r->pairs[0].exact.overall == MatchCounts{1, 1, 0});
    CHECK_FALSE(r->fleiss.has_value());
}

TEST_CASE("agreement: counted a few documents at a time, the report is the same") {
    std::vector<LayeredDocument> docs;
    for (const int i : {0, 1, 2, 3, 4}) {
        LayeredDocument d = six_tokens({layer("ann", {span("T1", 0, 3, "X"), span("T2", 6, 7, "Y")}),
                                        layer("bob", {span("T1", static_cast<std::size_t>(i % 3) * 2, 9, "X")}),
                                        layer("cem", {span("T1", 4, 5, i % 2 ? "X" : "Y")})});
        d.id = std::to_string(i);
        if (i == 3) d.layers.pop_back();
        docs.push_back(std::move(d));
    }
    auto whole = compute_agreement(docs);
    REQUIRE(whole.ok());
    AgreementRun run = AgreementRun::start(docs);
    CHECK(run.units_total() == 5 + 5 + 5);  // each document selected, read, counted
    int steps = 0;
    while (!run.done()) {
        REQUIRE(run.step(2).ok());
        ++steps;
    }
    CHECK(steps == 8);
    auto stepped = std::move(run).finish();
    REQUIRE(stepped.ok());
    CHECK(agreement_json(*stepped) == agreement_json(*whole));
}

TEST_CASE("agreement: refusals name the place") {
    const LayeredDocument d1 = six_tokens({layer("ann", {span("T1", 0, 1, "X")}), layer("bob", {})});
    auto one = compute_agreement({six_tokens({layer("ann", {})})});
    REQUIRE_FALSE(one.ok());
    CHECK(one.error().kind == ErrorKind::Refused);
    CHECK(one.error().message == "agreement needs at least two annotators (found 1: ann)");

    auto who = compute_agreement({d1}, AgreementOptions{.annotators = {"ann", "zoe"}});
    REQUIRE_FALSE(who.ok());
    CHECK(who.error().kind == ErrorKind::NotFound);
    CHECK(who.error().message == "annotator \"zoe\" has no layer in any document");

    auto which = compute_agreement({d1}, AgreementOptions{.document_ids = {"d9"}});
    REQUIRE_FALSE(which.ok());
    CHECK(which.error().kind == ErrorKind::NotFound);
    CHECK(which.error().message == "document \"d9\" does not exist");

    auto outside = compute_agreement({six_tokens({layer("ann", {span("T1", 4, 12, "X")}), layer("bob", {})})});
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error().kind == ErrorKind::Invalid);
    CHECK(outside.error().message == "d1, annotator \"ann\", span T1: [4, 12) is not inside the text (11 code points)");

    auto twice = compute_agreement({six_tokens({layer("ann", {}), layer("bob", {}), layer("ann", {})})});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().kind == ErrorKind::Invalid);
    CHECK(twice.error().message == "d1: annotator \"ann\" has two layers");

    auto dangling = compute_agreement(
        {six_tokens({layer("ann", {span("T1", 0, 1, "X")}, {{"R1", "r", "T1", "T7"}}), layer("bob", {})})});
    REQUIRE_FALSE(dangling.ok());
    CHECK(dangling.error().message == "d1, annotator \"ann\", relation R1: tail T7 is not a span of this layer");
}

TEST_CASE("annotation layers: copies of a document are matched by their text, not their id") {
    Document a1 = inkspan::testing::make_doc("d1", "Same text.");
    a1.set_annotator("ann");
    a1.insert_span(span("T1", 0, 4, "X"));
    Document b1 = inkspan::testing::make_doc("copy-of-d1", "Same text.");
    b1.set_annotator("bob");
    Document b2 = inkspan::testing::make_doc("d1", "Other text.");
    b2.set_annotator("bob");
    auto grouped = group_by_text(std::vector<const Document*>{&a1, &b1, &b2});
    REQUIRE(grouped.ok());
    REQUIRE(grouped->size() == 2);
    CHECK((*grouped)[0].id == "d1");
    REQUIRE((*grouped)[0].layers.size() == 2);
    CHECK((*grouped)[0].layer("ann")->spans.size() == 1);
    CHECK((*grouped)[0].layer("bob")->spans.empty());
    CHECK((*grouped)[0].layer("cem") == nullptr);
    CHECK((*grouped)[1].id == "d1");  // the first copy's id, even when another text has it too
    CHECK((*grouped)[1].text == "Other text.");

    Document b3 = inkspan::testing::make_doc("again", "Same text.");
    b3.set_annotator("bob");
    auto twice = group_by_text(std::vector<const Document*>{&a1, &b1, &b3});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().kind == ErrorKind::Invalid);
    CHECK(twice.error().message == "annotator \"bob\" has two copies of the same text: copy-of-d1 and again");
}

TEST_CASE("annotation layers: the corpus's layers leave out documents with no annotator and second copies") {
    Corpus corpus;
    auto add = [&](const char* id, const char* text, const char* annotator) -> Document& {
        corpus.documents.push_back(inkspan::testing::make_doc(id, text));
        corpus.documents.back().set_annotator(annotator);
        return corpus.documents.back();
    };
    add("d1", "Same text.", "ann").insert_span(span("T1", 0, 4, "X"));
    add("nobody", "Same text.", "");
    add("b1", "Same text.", "bob");
    add("b1-again", "Same text.", "bob").insert_span(span("T1", 5, 9, "X"));
    add("d2", "Other text.", "bob");
    const std::vector<LayeredDocument> layered = layered_documents(corpus);
    REQUIRE(layered.size() == 2);
    CHECK(layered[0].id == "d1");
    REQUIRE(layered[0].layers.size() == 2);
    CHECK(layered[0].layer("ann")->spans.size() == 1);
    CHECK(layered[0].layer("bob")->spans.empty());  // the first copy of bob's counts
    CHECK(layered[0].layer("") == nullptr);
    CHECK(layered[1].id == "d2");
    CHECK(layered[1].layers.size() == 1);
}

TEST_CASE("agreement report: CSV, one figure per row") {
    auto r = compute_agreement({six_tokens({layer("ann", {span("T1", 0, 3, "X"), span("T2", 6, 7, "Y")}),
                                            layer("bob", {span("T1", 0, 1, "X"), span("T2", 6, 9, "Y")})})});
    REQUIRE(r.ok());
    const std::string csv = agreement_csv(*r);
    CHECK(csv.rfind("measure,annotator_a,annotator_b,label,label_b,value\n", 0) == 0);
    CHECK(csv.find("\ncohen_kappa,ann,bob,,,0.478260869565217") != std::string::npos);  // 11/23
    CHECK(csv.find("\nconfusion,ann,bob,X,O,1\n") != std::string::npos);
    CHECK(csv.find("\nspan_exact_f1,ann,bob,X,,0.0\n") != std::string::npos);
    CHECK(csv.find("\nspan_exact_precision,ann,bob,,,0.0\n") != std::string::npos);
    CHECK(csv.find("\nfleiss_kappa") == std::string::npos);  // two annotators: Cohen's kappa only
    CHECK(csv.back() == '\n');
}

TEST_CASE("agreement report: CSV quotes fields and leaves undefined figures empty") {
    auto r = compute_agreement({six_tokens({layer("a,1", {span("T1", 0, 1, "say \"hi\"")}), layer("b", {})})});
    REQUIRE(r.ok());
    const std::string csv = agreement_csv(*r);
    CHECK(csv.find("\nspan_exact_precision,\"a,1\",b,,,\n") != std::string::npos);
    CHECK(csv.find("\"say \"\"hi\"\"\"") != std::string::npos);
}

TEST_CASE("agreement report: a self-contained HTML page, names escaped") {
    auto r = compute_agreement({six_tokens({layer("<ann>", {span("T1", 0, 1, "X&Y")}), layer("bob", {span("T1", 0, 1, "X&Y")})})});
    REQUIRE(r.ok());
    const std::string html = agreement_html(*r, "Team <report>");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<title>Team &lt;report&gt;</title>") != std::string::npos);
    CHECK(html.find("&lt;ann&gt;") != std::string::npos);
    CHECK(html.find("X&amp;Y") != std::string::npos);
    CHECK(html.find("<ann>") == std::string::npos);
    CHECK(html.find("Cohen") != std::string::npos);
    CHECK(html.find("\"O\"") != std::string::npos);  // says that the outside tag is counted
    for (const char* external : {"src=", "href=", "@import", "url("}) CHECK(html.find(external) == std::string::npos);
}

TEST_CASE("agreement report: JSON keeps the counts and writes undefined figures as null") {
    auto r = compute_agreement({six_tokens({layer("ann", {span("T1", 0, 3, "X")}), layer("bob", {span("T1", 0, 1, "X")})})});
    REQUIRE(r.ok());
    const auto j = nlohmann::json::parse(agreement_json(*r), nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["annotators"] == nlohmann::json{"ann", "bob"});
    CHECK(j["outside_tag"] == "O");
    const auto& pair = j["pairs"][0];
    CHECK(pair["a"] == "ann");
    CHECK(pair["spans"]["exact"]["overall"]["matched"] == 0);
    CHECK(pair["spans"]["overlap"]["labels"]["X"]["f1"] == 1.0);
    CHECK(pair["relations"]["overall"]["f1"].is_null());
    CHECK(pair["confusion"]["categories"] == nlohmann::json{"X", "O"});
    CHECK(j["fleiss_kappa"].is_null());
    CHECK(j["krippendorff_alpha"]["units"] == 6);
}

// Writes the fixture reports and their tokens for tests/check_agreement.py (scripts/test.sh sets
// INKSPAN_AGREEMENT_DIR); without the variable it only checks that the fixtures load.
TEST_CASE("agreement: write the fixture reports for the Python check") {
    std::vector<Corpus> files;
    for (const char* who : {"ann", "bob", "cem", "dan"}) {
        auto c = parse_inkspan_json(read_file(std::string(INKSPAN_SOURCE_DIR "/tests/fixtures/agreement/") + who + ".inkspan.json"));
        if (!c.ok()) FAIL(std::string(who) << ": " << c.error().message);
        files.push_back(std::move(c.value()));
    }
    std::vector<const Document*> copies;
    for (const Corpus& c : files)
        for (const Document& d : c.documents) copies.push_back(&d);
    auto documents = group_by_text(copies);
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 5);

    const AgreementOptions base = agreement_options(files[0].schema);
    CHECK(base.label_order == std::vector<std::string>{"PER", "LOC", "ORG", "DATE", "MISC"});
    CHECK(base.undirected_relation_types == std::vector<std::string>{"meets"});
    std::vector<std::pair<std::string, AgreementOptions>> selections = {{"all", base}};
    AgreementOptions two = base;
    two.annotators = {"bob", "ann"};
    selections.emplace_back("bob-ann", two);
    AgreementOptions some = base;
    some.annotators = {"bob", "cem", "dan"};
    some.document_ids = {"d1", "d2", "d3"};
    selections.emplace_back("bob-cem-dan-d1-d3", some);

    const char* dir = std::getenv("INKSPAN_AGREEMENT_DIR");
    for (const auto& [name, options] : selections) {
        auto report = compute_agreement(*documents, options);
        REQUIRE(report.ok());
        if (!dir || !*dir) continue;
        std::filesystem::create_directories(dir);
        std::ofstream(std::filesystem::path(dir) / (name + ".json"), std::ios::binary) << agreement_json(*report);
        std::ofstream(std::filesystem::path(dir) / (name + ".csv"), std::ios::binary) << agreement_csv(*report);
    }
    if (!dir || !*dir) return;
    nlohmann::ordered_json tokens = nlohmann::ordered_json::object();
    for (const LayeredDocument& d : *documents) {
        auto& list = tokens[d.id] = nlohmann::ordered_json::array();
        for (const Token& t : tokenize(d.text)) list.push_back({t.start, t.end});
    }
    std::ofstream out(std::filesystem::path(dir) / "tokens.json", std::ios::binary);
    out << tokens.dump() << '\n';
    REQUIRE(out.good());
}
