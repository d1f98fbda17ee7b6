// The accessible mirror's description of the visible text (core/accessible_view): paragraphs as
// real text, every span once as a named element, relations named by their ends; and what an
// edit announces (core/edit_announcement).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/accessible_view.h"
#include "core/edit_announcement.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

Span span_over(const Document& doc, const std::string& id, std::string_view text, const std::string& label) {
    const std::size_t start = cp_of(doc, text);
    return Span{id, start, start + cp_length(text), label, {}, {}};
}

std::string joined_text(const MirrorParagraph& p) {
    std::string all;
    for (const MirrorPiece& piece : p.pieces) all += piece.text;
    return all;
}

}  // namespace

TEST_CASE("a paragraph is split into plain text and named spans; the text reads whole, once") {
    Document doc = make_doc("d1", "Alexandre Darchiev met Sonata Coulter in Istanbul.\nSecond paragraph.");
    doc.insert_span(span_over(doc, "T1", "Alexandre Darchiev", "PER"));
    doc.insert_span(span_over(doc, "T2", "Istanbul", "LOC"));
    const auto paragraphs = mirror_paragraphs(doc, 5, 10);  // inside the first paragraph
    REQUIRE(paragraphs.size() == 1);
    const MirrorParagraph& p = paragraphs[0];
    CHECK(p.start == 0);
    CHECK(p.end == 50);
    CHECK(joined_text(p) == "Alexandre Darchiev met Sonata Coulter in Istanbul.");
    REQUIRE(p.pieces.size() == 4);
    CHECK(p.pieces[0] == MirrorPiece{"Alexandre Darchiev", "T1", "PER: Alexandre Darchiev"});
    CHECK(p.pieces[1] == MirrorPiece{" met Sonata Coulter in ", "", ""});
    CHECK(p.pieces[2] == MirrorPiece{"Istanbul", "T2", "LOC: Istanbul"});
    CHECK(p.pieces[3] == MirrorPiece{".", "", ""});
}

TEST_CASE("nested and crossing spans come after the span around them, named, with no text") {
    Document doc = make_doc("d1", "Alexandre Darchiev spoke.");
    doc.insert_span(span_over(doc, "T1", "Alexandre Darchiev", "PER"));
    doc.insert_span(span_over(doc, "T2", "Darchiev", "MISC"));
    const auto p = mirror_paragraphs(doc, 0, 1).at(0);
    REQUIRE(p.pieces.size() == 3);
    CHECK(p.pieces[0] == MirrorPiece{"Alexandre Darchiev", "T1", "PER: Alexandre Darchiev"});
    CHECK(p.pieces[1] == MirrorPiece{"", "T2", "MISC: Darchiev"});
    CHECK(joined_text(p) == "Alexandre Darchiev spoke.");
}

TEST_CASE("the visible range takes every paragraph it touches, and only those") {
    Document doc = make_doc("d1", "One.\nTwo.\n\nThree.\nFour.");
    const auto ps = mirror_paragraphs(doc, cp_of(doc, "wo"), cp_of(doc, "hree"));
    REQUIRE(ps.size() == 2);  // the empty paragraph between is left out
    CHECK(joined_text(ps[0]) == "Two.");
    CHECK(joined_text(ps[1]) == "Three.");
    CHECK(ps[1].start == cp_of(doc, "Three"));
}

TEST_CASE("a long paragraph is cut around the visible range (a 1 MB document stays small)") {
    std::string text;
    while (text.size() < 200000) text += "word ";
    Document doc = make_doc("d1", text);
    const auto ps = mirror_paragraphs(doc, 100000, 100400);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].start == 98000);
    CHECK(ps[0].end == 102400);
}

TEST_CASE("relations with an end in view are named by their ends") {
    Corpus c = sample_corpus();
    Document& doc = c.documents[0];
    doc.insert_span(span_over(doc, "T1", "Alexandre Darchiev", "PER"));
    doc.insert_span(span_over(doc, "T2", "Sonata Coulter", "PER"));
    doc.insert_relation({"R1", "meets", "T1", "T2"});
    const std::size_t at = cp_of(doc, "Alexandre Darchiev");
    const auto ps = mirror_paragraphs(doc, at, at + 1);
    const auto relations = mirror_relations(doc, c.schema, ps);
    REQUIRE(relations.size() == 1);
    CHECK(relations[0].name == "meets, from Alexandre Darchiev (PER) to Sonata Coulter (PER)");
    CHECK(mirror_relations(doc, c.schema, {}).empty());
}

TEST_CASE("relations in view are listed once each, in the document's order, and no others") {
    Document doc = make_doc("d1", "Ann met Bob. Cy saw Di.\n\nEve far away.");
    doc.insert_span(span_over(doc, "T1", "Ann", "PER"));
    doc.insert_span(span_over(doc, "T2", "Bob", "PER"));
    doc.insert_span(span_over(doc, "T3", "Cy", "PER"));
    doc.insert_span(span_over(doc, "T4", "Di", "PER"));
    doc.insert_span(span_over(doc, "T5", "Eve", "PER"));
    doc.insert_relation({"R9", "meets", "T3", "T4"});  // inserted first: the document's order is by id
    doc.insert_relation({"R2", "meets", "T1", "T2"});
    doc.insert_relation({"R5", "meets", "T2", "T3"});
    doc.insert_relation({"R7", "meets", "T5", "T5"});  // out of view
    const auto ps = mirror_paragraphs(doc, 0, cp_of(doc, "Di"));
    std::vector<std::string> ids, expected;
    for (const MirrorRelation& r : mirror_relations(doc, default_news_schema(), ps)) ids.push_back(r.id);
    for (const Relation& r : doc.relations())
        if (r.id != "R7") expected.push_back(r.id);
    CHECK(ids == expected);
    CHECK(ids.size() == 3);
}

TEST_CASE("the view serialises to the JSON the page reads") {
    AccessibleView v;
    v.toolbar.push_back({"undo", "Undo", "Control+Z", true, false, false, false});
    v.paragraphs.push_back({0, 5, {{"Hello", "T1", "PER: Hello"}, {"!", "", ""}}});
    v.message = "Labelled Hello as PER";
    const auto j = nlohmann::json::parse(accessible_view_json(v, 7));
    CHECK(j["version"] == 7);
    CHECK(j["toolbar"][0]["name"] == "Undo");
    CHECK(j["toolbar"][0]["disabled"] == true);
    CHECK(j["paragraphs"][0]["pieces"][0]["name"] == "PER: Hello");
    CHECK(j["paragraphs"][0]["pieces"][1] == "!");
    CHECK(j["message"]["text"] == "Labelled Hello as PER");
}

TEST_CASE("an edit announces what it did, in the words of the text") {
    Corpus c = sample_corpus();
    Document& doc = c.documents[0];
    const Span ist = span_over(doc, "T1", "Istanbul", "LOC");
    CHECK(announce_edit(doc, Command(cmd::AddSpan{"d1", ist.start, ist.end, "LOC", {}, {}})) == "Labelled Istanbul as LOC");
    doc.insert_span(ist);
    doc.insert_span(span_over(doc, "T2", "Alexandre Darchiev", "PER"));
    doc.insert_span(span_over(doc, "T3", "Sonata Coulter", "PER"));
    CHECK(announce_edit(doc, Command(cmd::SetSpanLabel{"d1", "T1", "ORG"})) == "Labelled Istanbul as ORG");
    CHECK(announce_edit(doc, Command(cmd::DeleteSpan{"d1", "T1"})) == "Deleted LOC: Istanbul");
    CHECK(announce_edit(doc, Command(cmd::AddRelation{"d1", "meets", "T2", "T3"})) ==
          "Related Alexandre Darchiev to Sonata Coulter as meets");
    doc.insert_relation({"R1", "meets", "T2", "T3"});
    CHECK(announce_edit(doc, Command(cmd::DeleteRelation{"d1", "R1"})) ==
          "Deleted relation meets from Alexandre Darchiev to Sonata Coulter");
    CHECK(announce_edit(doc, Command(cmd::SetDocStatus{"d1", DocStatus::Done})) == "Marked istanbul-talks.fr.txt done");
}
