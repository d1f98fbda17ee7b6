// Agreement spread over frames (issue 18, "without freezing the page"): the corpus's layers
// gathered a few documents per step (LayeredDocumentsBuilder), the run started at no cost and then
// reading the layers and counting a few documents per step (AgreementRun) — each giving what the
// whole computation at once gives, on the agreement fixtures (tests/fixtures/agreement/).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/agreement.h"
#include "core/agreement_report.h"
#include "core/annotation_layers.h"
#include "core/inkspan_json.h"
#include "model_fixtures.h"

using namespace inkspan;
using inkspan::testing::read_file;

namespace {

// The four annotators' fixture files (ann 5 texts, bob 4, cem 3, dan 2) as one corpus, in file
// order: cem's copies are layers of ann's documents (layer_of set), the others separate copies of
// the same texts; plus a copy of d1 with no annotator and a second copy of d2's text by bob, which
// layered_documents leaves out.
Corpus fixture_corpus() {
    Corpus corpus;
    for (const char* who : {"ann", "bob", "cem", "dan"}) {
        auto c = parse_inkspan_json(read_file(std::string(INKSPAN_SOURCE_DIR "/tests/fixtures/agreement/") + who + ".inkspan.json"));
        if (!c.ok()) FAIL(std::string(who) << ": " << c.error().message);
        if (corpus.documents.empty()) corpus.schema = c->schema;
        for (Document& d : c->documents) {
            if (std::string(who) == "cem") d.set_layer_of(d.id());
            corpus.documents.push_back(std::move(d));
        }
    }
    Document nobody = inkspan::testing::make_doc("nobody", corpus.documents[0].text());
    corpus.documents.push_back(std::move(nobody));
    Document again = inkspan::testing::make_doc("bob-2-again", corpus.documents[1].text());
    again.set_annotator("bob");
    corpus.documents.push_back(std::move(again));
    return corpus;
}

void check_same(const std::vector<LayeredDocument>& got, const std::vector<LayeredDocument>& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].id == expected[i].id);
        CHECK(got[i].text == expected[i].text);
        REQUIRE(got[i].layers.size() == expected[i].layers.size());
        for (std::size_t k = 0; k < got[i].layers.size(); ++k) {
            CHECK(got[i].layers[k].annotator == expected[i].layers[k].annotator);
            CHECK(got[i].layers[k].spans == expected[i].layers[k].spans);
            CHECK(got[i].layers[k].relations == expected[i].layers[k].relations);
        }
    }
}

// The fixtures' texts with every annotator's layer (what the Python check reads).
std::vector<LayeredDocument> fixture_layers() {
    const Corpus corpus = fixture_corpus();
    std::vector<const Document*> copies;
    for (const Document& d : corpus.documents)
        if (!d.annotator().empty() && d.id() != "bob-2-again") copies.push_back(&d);
    auto grouped = group_by_text(copies);
    REQUIRE(grouped.ok());
    return std::move(grouped.value());
}

// The selections tests/check_agreement.py checks.
std::vector<AgreementOptions> fixture_selections(const Schema& schema) {
    const AgreementOptions all = agreement_options(schema);
    AgreementOptions two = all, some = all;
    two.annotators = {"bob", "ann"};
    some.annotators = {"bob", "cem", "dan"};
    some.document_ids = {"d1", "d3", "d2", "d3"};  // a repeated id counts once
    return {all, two, some};
}

}  // namespace

TEST_CASE("annotation layers: gathered a few documents per step, the same as layered_documents") {
    const Corpus corpus = fixture_corpus();
    const std::vector<LayeredDocument> whole = layered_documents(corpus);
    // Hand-checked: five texts (ann's order), the copy with no annotator and bob's second copy left out.
    REQUIRE(whole.size() == 5);
    CHECK(whole[0].id == "d1");
    CHECK(whole[0].layers.size() == 4);
    CHECK(whole[1].layer("bob")->spans.size() == 6);  // bob-2, not the empty bob-2-again
    CHECK(whole[4].layers.size() == 1);
    // group_by_text (which refuses a second copy) agrees once the left-out copies are left out.
    check_same(whole, fixture_layers());

    for (const std::size_t per_step : {std::size_t{1}, std::size_t{7}}) {
        CAPTURE(per_step);
        LayeredDocumentsBuilder builder(corpus);
        CHECK(builder.units_total() == corpus.documents.size());
        CHECK(builder.units_done() == 0);
        std::size_t steps = 0;
        while (!builder.done()) {
            builder.step(per_step);
            ++steps;
            CHECK(builder.units_done() == std::min(steps * per_step, corpus.documents.size()));
            REQUIRE(steps <= corpus.documents.size());
        }
        CHECK(steps == (corpus.documents.size() + per_step - 1) / per_step);
        check_same(std::move(builder).take(), whole);
    }
    const Corpus nothing;
    LayeredDocumentsBuilder empty(nothing);
    CHECK(empty.done());
    CHECK(std::move(empty).take().empty());
}

TEST_CASE("agreement run: stepped by 1, by 3 or all at once, the report is compute_agreement's, on the fixtures") {
    const std::vector<LayeredDocument> documents = fixture_layers();
    const std::vector<std::size_t> chosen = {5, 5, 3};  // documents each selection counts
    const auto selections = fixture_selections(fixture_corpus().schema);
    for (std::size_t s = 0; s < selections.size(); ++s) {
        CAPTURE(s);
        const auto expected = compute_agreement(documents, selections[s]);
        REQUIRE(expected.ok());
        CHECK(expected->document_ids.size() == chosen[s]);
        for (const std::size_t per_step : {std::size_t{1}, std::size_t{3}, std::size_t{0}}) {
            CAPTURE(per_step);
            AgreementRun run = AgreementRun::start(documents, selections[s]);
            // Selecting looks at each document; then each chosen one is read, then counted.
            const std::size_t total = run.units_total();
            CHECK(total == documents.size() + 2 * chosen[s]);
            CHECK(run.units_done() == 0);
            CHECK_FALSE(run.done());
            const std::size_t n = per_step ? per_step : total;
            std::size_t steps = 0;
            while (!run.done()) {
                REQUIRE(run.step(n).ok());
                ++steps;
                CHECK(run.units_done() == std::min(steps * n, total));
                REQUIRE(steps <= total);
            }
            CHECK(steps == (total + n - 1) / n);
            auto report = std::move(run).finish();
            REQUIRE(report.ok());
            CHECK(agreement_json(*report) == agreement_json(*expected));
        }
    }
}

TEST_CASE("agreement run: starting reads nothing; each refusal comes from the step that finds it") {
    auto six = [](std::string id, std::vector<AnnotationLayer> layers) {
        return LayeredDocument{std::move(id), "a b c d e f", std::move(layers)};
    };
    const AnnotationLayer ann{"ann", {Span{"T1", 0, 1, "X", {}, {}, {}}}, {}}, bob{"bob", {}, {}};
    // d3 has two layers by ann: found while reading it, after the five documents are selected and
    // d1 and d2 read.
    const std::vector<LayeredDocument> docs = {six("d1", {ann, bob}), six("d2", {ann, bob}), six("d3", {ann, bob, ann}),
                                               six("d4", {ann, bob}), six("d5", {ann, bob})};
    AgreementRun run = AgreementRun::start(docs);
    for (int i = 0; i < 7; ++i) REQUIRE(run.step(1).ok());
    CHECK(run.units_done() == 7);
    const Status refused = run.step(1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Invalid);
    CHECK(refused.error().message == "d3: annotator \"ann\" has two layers");
    CHECK(run.done());  // over: stepping again says the same and does nothing
    CHECK(run.step(5).error().message == refused.error().message);
    auto report = std::move(run).finish();
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().message == refused.error().message);

    // An annotator no document has: known once every chosen document is read (the step reading the last one).
    AgreementRun who = AgreementRun::start(docs, AgreementOptions{.annotators = {"ann", "zoe"}});
    for (int i = 0; i < 5 + 1; ++i) REQUIRE(who.step(1).ok());  // selected, d1 read
    const Status zoe = who.step(4);  // d2 … d5: d3's two layers come first
    REQUIRE_FALSE(zoe.ok());
    CHECK(zoe.error().message == "d3: annotator \"ann\" has two layers");

    const std::vector<LayeredDocument> fine = {six("d1", {ann, bob}), six("d2", {ann, bob})};
    AgreementRun missing = AgreementRun::start(fine, AgreementOptions{.annotators = {"ann", "zoe"}});
    REQUIRE(missing.step(2 + 1).ok());  // selected, d1 read
    const Status last = missing.step(1);
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().kind == ErrorKind::NotFound);
    CHECK(last.error().message == "annotator \"zoe\" has no layer in any document");

    // Nothing to read at all: the first step refuses; a span outside the text is found while counting it.
    const std::vector<LayeredDocument> no_documents;
    AgreementRun none = AgreementRun::start(no_documents);
    CHECK(none.units_total() == 0);
    CHECK(none.step(1).error().message == "agreement needs at least two annotators (found 0)");
    const std::vector<LayeredDocument> outside = {six("d1", {ann, bob}), six("d2", {{"ann", {Span{"T1", 4, 12, "X", {}, {}, {}}}, {}}, bob})};
    AgreementRun counting = AgreementRun::start(outside);
    REQUIRE(counting.step(2 + 2 + 1).ok());  // selected, read, d1 counted
    const Status bad = counting.step(1);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "d2, annotator \"ann\", span T1: [4, 12) is not inside the text (11 code points)");
    CHECK(compute_agreement(outside).error().message == bad.error().message);
}
