// Annotator layers in the model and in the inkspan format (issue 18): a document's layers by other
// annotators and the gold layer, version 2 files, and the rules a layer keeps.
#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/editor.h"
#include "core/inkspan_json.h"
#include "core/layers.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

constexpr const char* kNow = "2026-12-04T02:00:00Z";

// The sample article by alice (the document), with layers by bob and cem and a gold layer.
Corpus layered_corpus() {
    Corpus c = sample_corpus();
    Editor e;
    Document& d1 = c.documents[0];
    d1.set_annotator("alice");
    const std::size_t ist = cp_of(d1, "Istanbul"), lav = cp_of(d1, "Lavrov");
    must(e, c, cmd::AddSpan{"d1", ist, ist + 8, "LOC"});
    must(e, c, cmd::AddSpan{"d1", lav, lav + 6, "PER"});
    for (const char* who : {"bob", "cem"}) {
        auto layer = make_layer(c.documents[0], make_doc("x", c.documents[0].text()), std::string("d1-") + who, who);
        REQUIRE(layer.ok());
        must(e, c, cmd::AddDocument{std::move(*layer)});
        must(e, c, cmd::AddSpan{std::string("d1-") + who, ist, ist + 8, std::string(who) == "bob" ? "LOC" : "ORG"});
    }
    auto gold = make_layer(c.documents[0], make_doc("x", c.documents[0].text()), "d1-gold", std::string(kGoldAnnotator));
    REQUIRE(gold.ok());
    must(e, c, cmd::AddDocument{std::move(*gold)});
    cmd::AddSpan agreed{"d1-gold", ist, ist + 8, "LOC"};
    agreed.agreed_by = {"alice", "bob"};
    must(e, c, agreed);
    must(e, c, cmd::AddSpan{"d1-gold", lav, lav + 6, "PER"});
    must(e, c, cmd::AddRelation{"d1-gold", "located_in", "T2", "T1", {"alice"}}, kNow);
    return c;
}

std::string error_of(const std::string& json) {
    auto r = parse_inkspan_json(json);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

const std::string kSchema =
    R"("schema": {"entities": [{"name": "PER", "color": "#4e79a7", "hotkey": "p"}], "relations": []})";
std::string file_with(const std::string& documents, int version = 2) {
    return R"({"format": "inkspan", "version": )" + std::to_string(version) + ", " + kSchema +
           R"(, "documents": [)" + documents + "]}";
}
const std::string kBase = R"({"id": "d1", "name": "a.txt", "text": "Ada Lovelace", "annotator": "ann", "spans": [], "relations": []})";

}  // namespace

TEST_CASE("layers: a version 2 file with three annotators and a gold layer saves and loads byte-identical") {
    const Corpus c = layered_corpus();
    const std::string saved = write_inkspan_json(c);
    CHECK(saved.find("\"version\": 2") != std::string::npos);
    CHECK(saved.find("\"layer_of\": \"d1\"") != std::string::npos);
    CHECK(saved.find("\"agreed_by\": [\"alice\", \"bob\"]") != std::string::npos);
    auto loaded = parse_inkspan_json(saved);
    REQUIRE(loaded.ok());
    CHECK(*loaded == c);
    CHECK(write_inkspan_json(*loaded) == saved);
    const auto group = layer_group(*loaded, "d1-cem");
    REQUIRE(group.size() == 4);
    CHECK(group[0]->id() == "d1");
    CHECK(group[3]->annotator() == kGoldAnnotator);
    CHECK(group[3]->text() == group[0]->text());  // a layer's text is its document's, not repeated in the file
    CHECK(group[3]->relations().at(0).agreed_by == std::vector<std::string>{"alice"});
    // The text is written once, not once per layer: four members, and the file is not much more than one text.
    CHECK(saved.size() < c.documents[0].text().size() * 2);
}

TEST_CASE("layers: a version 1 file loads as one layer per document, and a corpus without layers still writes version 1") {
    const std::string v1 = file_with(kBase, 1);
    auto loaded = parse_inkspan_json(v1);
    REQUIRE(loaded.ok());
    CHECK_FALSE(loaded->documents[0].is_layer());
    CHECK(layer_group(*loaded, "d1").size() == 1);
    CHECK(write_inkspan_json(*loaded).find("\"version\": 1") != std::string::npos);
    CHECK(inkspan_version_needed(*loaded) == 1);
    CHECK(inkspan_version_needed(layered_corpus()) == 2);
}

TEST_CASE("layers: the reader refuses a layer that breaks the rules, naming the place") {
    const std::string layer = R"({"id": "d1-bob", "layer_of": "d1", "annotator": "bob", "spans": [], "relations": []})";
    CHECK(parse_inkspan_json(file_with(kBase + ", " + layer)).ok());
    CHECK(error_of(file_with(layer + ", " + kBase)) == "documents[0].layer_of: no document \"d1\" before this layer");
    CHECK(error_of(file_with(kBase + R"(, {"id": "d2", "layer_of": "d1", "text": "Ada Lovelace", "annotator": "bob"})")) ==
          "documents[1].text: a layer takes its text from its document \"d1\"");
    CHECK(error_of(file_with(kBase + R"(, {"id": "d2", "layer_of": "d1"})")) == "documents[1]: a layer needs an \"annotator\"");
    CHECK(error_of(file_with(kBase + R"(, {"id": "d2", "layer_of": "d1", "annotator": "ann"})")) ==
          "documents[1].annotator: document \"d1\" already has a layer by \"ann\"");
    CHECK(error_of(file_with(kBase + ", " + layer + R"(, {"id": "d3", "layer_of": "d1-bob", "annotator": "cem"})")) ==
          "documents[2].layer_of: \"d1-bob\" is itself a layer");
    CHECK(error_of(file_with(R"({"id": "d1", "text": "Ada", "spans": [{"id": "T1", "start": 0, "end": 3, "label": "PER", "agreed_by": "ann"}]})")) ==
          "documents[0].spans[0].agreed_by: expected an array, got string \"ann\"");
    // A layer's spans are checked against the text it takes from its document.
    CHECK(error_of(file_with(kBase + R"(, {"id": "d2", "layer_of": "d1", "annotator": "bob", "spans": [{"id": "T1", "start": 4, "end": 40, "label": "PER"}]})")) ==
          "documents[1].spans[0].end: 40 is past the end of the text (12 code points)");
}

TEST_CASE("layers: adding a layer keeps its group together and refuses a second layer by the same annotator") {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Autre texte."));
    Editor e;
    auto bob = make_layer(c.documents[0], make_doc("x", c.documents[0].text()), "d1-bob", "bob");
    REQUIRE(bob.ok());
    must(e, c, cmd::AddDocument{std::move(*bob)});  // no index: after d1, not at the end
    CHECK(c.documents[1].id() == "d1-bob");
    auto again = make_layer(c.documents[0], make_doc("y", c.documents[0].text()), "d1-bob2", "bob");
    REQUIRE(again.ok());
    Status st = e.apply(c, cmd::AddDocument{std::move(*again)}, kNow);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message == "document \"istanbul-talks.fr.txt\" already has a layer by \"bob\"");
    CHECK_FALSE(make_layer(c.documents[0], make_doc("z", "Autre texte."), "d1-x", "x").ok());
    // Renaming the annotator of a layer to one the group has is refused.
    st = e.apply(c, cmd::SetDocAnnotator{"d1-bob", ""}, kNow);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message == "a layer needs an annotator");
}

TEST_CASE("layers: removing a document removes its layers in one step, and undo brings them all back in place") {
    Corpus c = layered_corpus();
    c.documents.push_back(make_doc("d9", "Fin."));
    const Corpus before = c;
    Editor e;
    must(e, c, cmd::RemoveDocument{"d1"});
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].id() == "d9");
    REQUIRE(e.undo(c, "").ok());
    CHECK(c == before);
    // Removing one layer leaves the rest.
    must(e, c, cmd::RemoveDocument{"d1-cem"});
    CHECK(layer_group(c, "d1").size() == 3);
}

TEST_CASE("layers: a document's name, language and direction reach its layers, and undo takes them back") {
    Corpus c = layered_corpus();
    Editor e;
    must(e, c, cmd::SetDocName{"d1-bob", "istanbul.txt"});  // from any member of the group
    must(e, c, cmd::SetDocDirection{"d1", DirectionChoice::rtl});
    for (const Document* d : layer_group(c, "d1")) {
        CHECK(d->name() == "istanbul.txt");
        CHECK(d->direction() == DirectionChoice::rtl);
    }
    CHECK(parse_inkspan_json(write_inkspan_json(c)).ok());  // still a valid file
    REQUIRE(e.undo(c, "d1").ok());
    REQUIRE(e.undo(c, "d1-bob").ok());
    for (const Document* d : layer_group(c, "d1")) {
        CHECK(d->name() == "istanbul-talks.fr.txt");
        CHECK(d->direction() == DirectionChoice::automatic);
    }
}

TEST_CASE("layers: another annotator's copy is matched by its exact text, not its name, and never to a layer") {
    Corpus c = layered_corpus();
    c.documents.push_back(make_doc("d2", "Ada Lovelace", "same-name.txt"));
    const DocumentsByText by_text(c);
    const Document* found = by_text.find(c.documents[0].text());
    REQUIRE(found);
    CHECK(found->id() == "d1");
    CHECK(by_text.find("Ada Lovelace")->id() == "d2");
    CHECK(by_text.find("Ada Lovelace ") == nullptr);  // one space more is another text
    CHECK(by_text.find("ada lovelace") == nullptr);
    CHECK(by_text.find("Ada Lovelacf") == nullptr);  // the same size, another text
    CHECK(by_text.find("") == nullptr);
}

TEST_CASE("layers: among texts of one size, the exact one is found, the first in corpus order") {
    Corpus c;
    c.documents.push_back(make_doc("a", "abcd"));
    c.documents.push_back(make_doc("b", "abce"));
    c.documents.push_back(make_doc("c", "abce"));  // a copy kept on purpose ("keep both")
    c.documents.push_back(make_doc("e", "é"));     // two bytes
    const DocumentsByText by_text(c);
    CHECK(by_text.find("abcd")->id() == "a");
    CHECK(by_text.find("abce")->id() == "b");
    CHECK(by_text.find("abcf") == nullptr);
    CHECK(by_text.find("é")->id() == "e");
    CHECK(by_text.find("ab") == nullptr);  // two bytes too
}

TEST_CASE("layers: exporting one layer on its own gives a document with its text, readable anywhere") {
    const Corpus c = layered_corpus();
    const std::string alone = write_inkspan_json(c.schema, *c.find_document("d1-bob"));
    CHECK(alone.find("layer_of") == std::string::npos);
    auto loaded = parse_inkspan_json(alone);
    REQUIRE(loaded.ok());
    CHECK(loaded->documents[0].annotator() == "bob");
    CHECK(loaded->documents[0].text() == c.documents[0].text());
    CHECK(loaded->documents[0].span_count() == 1);
}

TEST_CASE("layers: progress counts documents, not their layers") {
    Corpus c = layered_corpus();
    Editor e;
    must(e, c, cmd::SetDocStatus{"d1-bob", DocStatus::Done});
    const Progress p = progress(c);
    CHECK(p.total == 1);
    CHECK(p.done == 0);
    CHECK(p.fresh == 1);
}

TEST_CASE("layers: the next document to adjudicate has two annotators who labelled something and no gold layer, after the given one, wrapping") {
    Corpus c = layered_corpus();  // d1: alice, bob, cem and a gold layer
    Editor e;
    auto add_text = [&](const char* id, const char* text, std::vector<const char*> labelled_by) {
        Document base = make_doc(id, text);
        must(e, c, cmd::AddDocument{base});
        for (const char* who : labelled_by) {
            auto layer = make_layer(base, base, std::string(id) + "-" + who, who);
            REQUIRE(layer.ok());
            must(e, c, cmd::AddDocument{std::move(*layer)});
            must(e, c, cmd::AddSpan{std::string(id) + "-" + who, 0, 3, "LOC"});
        }
    };
    add_text("d2", "Rome est belle.", {"bob"});            // one annotator: nothing to settle
    add_text("d3", "Oslo est froide.", {"bob", "cem"});    // to adjudicate
    add_text("d4", "Lima est haute.", {"bob", "cem"});     // to adjudicate
    CHECK(next_to_adjudicate(c, "d1")->id() == "d3");
    CHECK(next_to_adjudicate(c, "d3-cem")->id() == "d4");  // any member stands for its document
    CHECK(next_to_adjudicate(c, "d4")->id() == "d3");      // wrapping; d1 has its gold layer
    CHECK(count_to_adjudicate(c) == 2);
    auto gold = make_layer(*c.find_document("d3"), *c.find_document("d3"), "d3-gold", std::string(kGoldAnnotator));
    REQUIRE(gold.ok());
    must(e, c, cmd::AddDocument{std::move(*gold)});
    CHECK(next_to_adjudicate(c, "d4") == nullptr);  // d4 itself is not "next"
    CHECK(count_to_adjudicate(c) == 1);
}
