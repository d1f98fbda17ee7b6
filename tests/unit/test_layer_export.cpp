#include <doctest/doctest.h>

#include "core/layer_export.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace fixtures;

// layered_corpus(): 0 d1 (alice), 1 d1-bob, 2 d1-gold, 3 d2 (alice, no layers).

TEST_CASE("layer export: the documents, each once, never their layers") {
    const Corpus c = layered_corpus();
    const LayerPick all = pick_layer(c, formats::all_documents(c), "");
    CHECK(all.documents == std::vector<std::size_t>{0, 3});
    CHECK(all.missing == 0);
    // A layer in the scope stands for its group: its document.
    CHECK(pick_layer(c, {2}, "").documents == std::vector<std::size_t>{0});
}

TEST_CASE("layer export: the gold layer or one annotator's member of each group; groups without it are counted") {
    const Corpus c = layered_corpus();
    const LayerPick gold = pick_layer(c, formats::all_documents(c), kGoldAnnotator);
    CHECK(gold.documents == std::vector<std::size_t>{2});
    CHECK(gold.missing == 1);
    const LayerPick bob = pick_layer(c, formats::all_documents(c), "bob");
    CHECK(bob.documents == std::vector<std::size_t>{1});
    CHECK(bob.missing == 1);
    // The document itself when it is the annotator's.
    const LayerPick alice = pick_layer(c, formats::all_documents(c), "alice");
    CHECK(alice.documents == std::vector<std::size_t>{0, 3});
    CHECK(alice.missing == 0);
    // One document's scope: that group only, from any of its members.
    CHECK(pick_layer(c, {0}, "bob").documents == std::vector<std::size_t>{1});
    CHECK(pick_layer(c, {3}, "bob").missing == 1);
    CHECK(pick_layer(c, {0}, "nobody").documents.empty());
}

TEST_CASE("layer export: the annotators present, alphabetically, gold last") {
    CHECK(corpus_annotators(layered_corpus()) == strings({"alice", "bob", "gold"}));
    CHECK(corpus_annotators(fixture_corpus()).empty());
}

TEST_CASE("layer export: the gold layer as a corpus of its own holds plain documents with their annotator") {
    const Corpus c = layered_corpus();
    const Corpus gold = picked_corpus(c, pick_layer(c, formats::all_documents(c), kGoldAnnotator));
    REQUIRE(gold.documents.size() == 1);
    CHECK_FALSE(gold.documents[0].is_layer());
    CHECK(gold.documents[0].annotator() == "gold");
    Document expected = c.documents[2];
    expected.set_layer_of("");
    CHECK(gold.documents[0] == expected);  // spans, relations and provenance too
    CHECK(gold.schema == c.schema);
}
