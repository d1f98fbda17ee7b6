#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/inkspan_json.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

constexpr std::string_view kNow = "2025-03-01T10:00:00Z";

std::string refusal(Editor& e, Corpus& c, const Command& cmd) {
    Status st = e.apply(c, cmd, kNow);
    REQUIRE_FALSE(st.ok());
    return st.error().message;
}

ErrorKind refusal_kind(Editor& e, Corpus& c, const Command& cmd) {
    Status st = e.apply(c, cmd, kNow);
    REQUIRE_FALSE(st.ok());
    return st.error().kind;
}

const Document& d1(const Corpus& c) { return *c.find_document("d1"); }

}  // namespace

TEST_CASE("AddSpan adds a span with a fresh id and stamps the document") {
    Corpus c = sample_corpus();
    Editor e;
    REQUIRE(e.apply(c, cmd::AddSpan{"d1", 118, 126, "LOC"}, kNow).ok());
    CHECK(e.last_created() == std::vector<std::string>{"T1"});
    const Span* s = d1(c).find_span("T1");
    REQUIRE(s);
    CHECK(d1(c).span_text(*s) == "Istanbul");
    CHECK(d1(c).modified() == kNow);
    CHECK(e.can_undo("d1"));
    CHECK(e.undo_description("d1") == "add span LOC");
    const std::uint64_t rev = e.revision();
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).span_count() == 0);
    CHECK(d1(c).modified().empty());
    CHECK(e.revision() == rev + 1);
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(d1(c).find_span("T1")->start == 118);
    CHECK(d1(c).modified() == kNow);
}

TEST_CASE("AddSpan refusals have exact messages") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"}) == "span [118, 126) \"Istanbul\" is already labelled LOC");
    CHECK(refusal_kind(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"}) == ErrorKind::Refused);
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 118, 126, "FOO"}) == "unknown label \"FOO\"");
    CHECK(refusal_kind(e, c, cmd::AddSpan{"d1", 118, 126, "FOO"}) == ErrorKind::Invalid);
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 126, 128, "LOC"}) == "empty or whitespace-only span [126, 128)");
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 5, 5, "LOC"}) == "empty or whitespace-only span [5, 5)");
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 10, 5, "LOC"}) == "span [10, 5) ends before it starts");
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 2770, 2780, "LOC"}) ==
          "span [2770, 2780) is past the end of the text (2777 code points)");
    CHECK(refusal(e, c, cmd::AddSpan{"d9", 0, 1, "LOC"}) == "unknown document \"d9\"");
    CHECK(refusal_kind(e, c, cmd::AddSpan{"d9", 0, 1, "LOC"}) == ErrorKind::NotFound);
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 0, 2, "LOC", std::string(20000, 'n')}) ==
          "note: 20000 bytes, over the limit of 16384");
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 0, 2, "LOC", "", {{"a b", "x"}}}) ==
          "invalid attribute name \"a b\" (1 to 256 bytes, no spaces or control characters)");
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 0, 2, "LOC", "bad \xFF"}) == "note: invalid UTF-8 at byte 4");

    // crossing is fine by default, refused when the schema forbids it; nesting stays allowed
    must(e, c, cmd::AddSpan{"d1", 114, 120, "MISC"});
    CHECK(refusal(e, c, cmd::SetAllowCrossingSpans{false}) ==
          "document \"d1\" has crossing spans T2 [114, 120) \"s à Is\" and T1 [118, 126) \"Istanbul\"");
    REQUIRE(e.undo(c, "d1").ok());
    must(e, c, cmd::SetAllowCrossingSpans{false});
    CHECK(refusal(e, c, cmd::AddSpan{"d1", 114, 120, "MISC"}) ==
          "span [114, 120) \"s à Is\" crosses T1 [118, 126) \"Istanbul\" and the schema does not allow crossing spans");
    must(e, c, cmd::AddSpan{"d1", 116, 126, "MISC"});  // contains T1
    must(e, c, cmd::AddSpan{"d1", 118, 121, "MISC"});  // inside T1
    // the failed commands left no trace
    CHECK(d1(c).span_count() == 3);
}

TEST_CASE("DeleteSpan takes its relations in the same undo step; undo restores exact ids") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});  // T1 Alexandre Darchiev
    must(e, c, cmd::AddSpan{"d1", 748, 762, "PER"});  // T2 Sonata Coulter
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});  // T3 Istanbul
    must(e, c, cmd::AddRelation{"d1", "meets", "T1", "T2"});
    must(e, c, cmd::AddRelation{"d1", "located_in", "T2", "T3"});
    const std::string before = write_inkspan_json(c);
    must(e, c, cmd::DeleteSpan{"d1", "T2"});
    CHECK(d1(c).relations().empty());
    CHECK(d1(c).span_count() == 2);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(write_inkspan_json(c) == before);
    CHECK(d1(c).find_relation("R1")->tail == "T2");
    CHECK(d1(c).find_relation("R2")->head == "T2");
    // a deleted id is never reused
    must(e, c, cmd::DeleteSpan{"d1", "T3"});
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});
    CHECK(e.last_created() == std::vector<std::string>{"T4"});
    CHECK(refusal(e, c, cmd::DeleteSpan{"d1", "T99"}) == "unknown span \"T99\" in document \"d1\"");
}

TEST_CASE("SetSpanLabel, SetSpanNote, SetSpanAttribute") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});  // T1
    must(e, c, cmd::AddSpan{"d1", 381, 414, "ORG"});  // T2 ministère des Affaires étrangères
    must(e, c, cmd::AddSpan{"d1", 582, 600, "MISC"}); // T3, same extent, other label
    must(e, c, cmd::AddRelation{"d1", "member_of", "T1", "T2"});
    CHECK(refusal(e, c, cmd::SetSpanLabel{"d1", "T1", "LOC"}) ==
          "relabelling T1 as LOC would break relation R1: relation type member_of does not allow LOC → ORG");
    CHECK(refusal(e, c, cmd::SetSpanLabel{"d1", "T1", "MISC"}) ==
          "span [582, 600) \"Alexandre Darchiev\" is already labelled MISC");
    CHECK(refusal(e, c, cmd::SetSpanLabel{"d1", "T1", "NOPE"}) == "unknown label \"NOPE\"");
    must(e, c, cmd::SetSpanLabel{"d1", "T3", "DATE"});
    CHECK(d1(c).find_span("T3")->label == "DATE");

    const std::uint64_t rev = e.revision();
    must(e, c, cmd::SetSpanLabel{"d1", "T3", "DATE"});  // no change: no undo step
    CHECK(e.revision() == rev);

    must(e, c, cmd::SetSpanNote{"d1", "T1", "directeur du département"});
    must(e, c, cmd::SetSpanAttribute{"d1", "T1", "role", "diplomat"});
    must(e, c, cmd::SetSpanAttribute{"d1", "T1", "country", "RU"});
    CHECK(d1(c).find_span("T1")->attributes == Attributes{{"country", "RU"}, {"role", "diplomat"}});
    must(e, c, cmd::SetSpanAttribute{"d1", "T1", "role", std::nullopt});
    CHECK(d1(c).find_span("T1")->attributes == Attributes{{"country", "RU"}});
    for (int i = 0; i < 4; ++i) REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).find_span("T1")->note.empty());
    CHECK(d1(c).find_span("T1")->attributes.empty());
    CHECK(d1(c).find_span("T3")->label == "DATE");
}

TEST_CASE("AddRelation and SetRelationType refusals have exact messages") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});  // T1
    must(e, c, cmd::AddSpan{"d1", 748, 762, "PER"});  // T2
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});  // T3
    must(e, c, cmd::AddSpan{"d1", 381, 414, "ORG"});  // T4
    must(e, c, cmd::AddRelation{"d1", "meets", "T1", "T2"});
    CHECK(e.last_created() == std::vector<std::string>{"R1"});
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "meets", "T1", "T2"}) == "relation meets T1 → T2 already exists (R1)");
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "likes", "T1", "T2"}) == "unknown relation type \"likes\"");
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "member_of", "T3", "T4"}) ==
          "relation type member_of does not allow LOC → ORG");
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "meets", "T1", "T1"}) == "a relation needs two different spans");
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "meets", "T1", "T9"}) == "unknown span \"T9\" in document \"d1\"");
    must(e, c, cmd::AddRelation{"d1", "meets", "T2", "T1"});  // directed: the other way round is another relation
    must(e, c, cmd::AddRelation{"d1", "member_of", "T1", "T4"});
    CHECK(refusal(e, c, cmd::SetRelationType{"d1", "R3", "located_in"}) ==
          "relation type located_in does not allow PER → ORG");
    must(e, c, cmd::AddRelationType{{"allied", {"PER"}, {"PER"}, false}});
    must(e, c, cmd::SetRelationType{"d1", "R1", "allied"});
    CHECK(refusal(e, c, cmd::SetRelationType{"d1", "R2", "allied"}) == "relation allied T2 → T1 already exists (R1)");
    CHECK(refusal(e, c, cmd::AddRelation{"d1", "allied", "T2", "T1"}) == "relation allied T2 → T1 already exists (R1)");
    CHECK(refusal(e, c, cmd::DeleteRelation{"d1", "R7"}) == "unknown relation \"R7\" in document \"d1\"");
    must(e, c, cmd::DeleteRelation{"d1", "R2"});
    CHECK(d1(c).find_relation("R2") == nullptr);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).find_relation("R2")->head == "T2");
}

TEST_CASE("a batch is one undo step: annotate all occurrences") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 191, 199, "LOC"});  // the second "Istanbul", labelled by hand
    std::vector<Command> all;
    for (std::size_t at : {118u, 191u, 1970u}) all.push_back(cmd::AddSpan{"d1", at, at + 8, "LOC"});
    // all or nothing: one occurrence is already labelled
    Status st = e.apply(c, all, kNow);
    CHECK(st.error().message == "span [191, 199) \"Istanbul\" is already labelled LOC");
    CHECK(d1(c).span_count() == 1);
    // skip the refused ones
    REQUIRE(e.apply(c, all, kNow, {"annotate all \"Istanbul\"", true}).ok());
    CHECK(e.last_skipped() == 1);
    // ids are never reused, not even those of a batch that was refused and rolled back
    CHECK(e.last_created() == std::vector<std::string>{"T3", "T4"});
    CHECK(d1(c).span_count() == 3);
    CHECK(e.undo_description("d1") == "annotate all \"Istanbul\"");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).span_count() == 1);
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(d1(c).span_count() == 3);
    CHECK(d1(c).find_span("T4")->start == 1970);
    // a batch where later commands use what earlier ones created
    std::vector<Command> chain{cmd::AddSpan{"d1", 582, 600, "PER"}, cmd::AddSpan{"d1", 748, 762, "PER"},
                               cmd::AddRelation{"d1", "meets", "T5", "T6"}};
    REQUIRE(e.apply(c, chain, kNow).ok());
    CHECK(e.undo_description("d1") == "add span PER (and 2 more)");
    CHECK(d1(c).relations().size() == 1);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).span_count() == 3);
    CHECK(d1(c).relations().empty());
}

TEST_CASE("schema edits: rename follows every use, recolor, hotkeys, and undo") {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Moscou et Washington."));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});
    must(e, c, cmd::AddSpan{"d2", 0, 6, "LOC"});
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});
    const std::string before = write_inkspan_json(c);
    must(e, c, cmd::RenameEntityType{"LOC", "PLACE"}, "2025-03-02T00:00:00Z");
    CHECK(c.schema.find_entity("LOC") == nullptr);
    CHECK(c.schema.find_entity("PLACE")->hotkey == "l");
    CHECK(c.schema.find_relation("located_in")->tail == std::vector<std::string>{"PLACE"});
    CHECK(c.schema.find_relation("located_in")->head == std::vector<std::string>{"ORG", "PER", "PLACE"});
    CHECK(d1(c).find_span("T2")->label == "PLACE");
    CHECK(c.find_document("d2")->find_span("T1")->label == "PLACE");
    CHECK(c.find_document("d2")->modified() == "2025-03-02T00:00:00Z");
    CHECK(refusal(e, c, cmd::RenameEntityType{"PER", "PLACE"}) == "entity type \"PLACE\" already exists");
    CHECK(refusal(e, c, cmd::RenameEntityType{"NOPE", "X"}) == "unknown entity type \"NOPE\"");
    CHECK(refusal(e, c, cmd::RenameEntityType{"PER", "A B"}) ==
          "invalid entity type name \"A B\" (1 to 64 bytes, no spaces or control characters)");
    CHECK(e.undo_description("d1") == "rename entity type LOC to PLACE");
    REQUIRE(e.undo(c, "d2").ok());  // the corpus step is the newest: any document's undo reaches it
    CHECK(write_inkspan_json(c) == before);

    must(e, c, cmd::RecolorEntityType{"PER", "#000000"});
    CHECK(c.schema.find_entity("PER")->color == "#000000");
    CHECK(refusal(e, c, cmd::RecolorEntityType{"PER", "black"}) == "invalid color \"black\" (expected #rrggbb)");
    CHECK(refusal(e, c, cmd::SetEntityHotkey{"ORG", "p"}) == "hotkey \"p\" is already used by PER");
    CHECK(refusal(e, c, cmd::SetEntityHotkey{"ORG", "or"}) == "invalid hotkey \"or\" (expected one character)");
    must(e, c, cmd::SetEntityHotkey{"PER", ""});
    must(e, c, cmd::SetEntityHotkey{"ORG", "p"});
    CHECK(c.schema.find_entity_by_hotkey("p")->name == "ORG");
    must(e, c, cmd::SetEntityDescription{"ORG", "Organisation, company"});
    must(e, c, cmd::AddEntityType{{"EVENT", "", "e", "Named event"}});
    CHECK(c.schema.find_entity("EVENT")->color == std::string(palette_color(5)));
    CHECK(refusal(e, c, cmd::AddEntityType{{"EVENT", "", "", ""}}) == "entity type \"EVENT\" already exists");
    CHECK(refusal(e, c, cmd::AddEntityType{{"", "", "", ""}}) ==
          "invalid entity type name \"\" (1 to 64 bytes, no spaces or control characters)");
    for (int i = 0; i < 5; ++i) REQUIRE(e.undo(c, "").ok());
    CHECK(write_inkspan_json(c) == before);
    CHECK_FALSE(e.undo(c, "").ok());  // the corpus history is empty now; d1 still has its own
    CHECK(e.can_undo("d1"));
}

TEST_CASE("deleting a type in use is refused unless cascading, and cascades undo exactly") {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Moscou et Washington."));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});   // T1
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});   // T2
    must(e, c, cmd::AddSpan{"d1", 748, 762, "PER"});   // T3
    must(e, c, cmd::AddSpan{"d2", 0, 6, "LOC"});       // d2 T1
    must(e, c, cmd::AddRelation{"d1", "located_in", "T1", "T2"});
    must(e, c, cmd::AddRelation{"d1", "meets", "T1", "T3"});
    const std::string before = write_inkspan_json(c);

    CHECK(refusal(e, c, cmd::DeleteEntityType{"LOC"}) == "entity type LOC is used by 2 spans in 2 documents");
    CHECK(refusal(e, c, cmd::DeleteEntityType{"DATE2"}) == "unknown entity type \"DATE2\"");
    must(e, c, cmd::AddEntityType{{"CITY", "", "", ""}});
    must(e, c, cmd::AddRelationType{{"capital_of", {"CITY"}, {"LOC"}, true}});
    CHECK(refusal(e, c, cmd::DeleteEntityType{"CITY"}) == "entity type CITY is the only head label of relation type capital_of");
    REQUIRE(e.undo(c, "").ok());
    REQUIRE(e.undo(c, "").ok());

    must(e, c, cmd::DeleteEntityType{"LOC", true}, "2025-04-01T00:00:00Z");
    CHECK(c.schema.find_entity("LOC") == nullptr);
    CHECK(c.schema.find_relation("located_in") == nullptr);  // its tail list was only LOC: the type went too
    CHECK(d1(c).span_count() == 2);
    CHECK(d1(c).relations().size() == 1);
    CHECK(d1(c).find_relation("R2")->type == "meets");
    CHECK(c.find_document("d2")->span_count() == 0);
    CHECK(c.find_document("d2")->modified() == "2025-04-01T00:00:00Z");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(write_inkspan_json(c) == before);
    REQUIRE(e.redo(c, "d2").ok());
    CHECK(c.schema.find_entity("LOC") == nullptr);
    REQUIRE(e.undo(c, "d2").ok());

    CHECK(refusal(e, c, cmd::DeleteRelationType{"meets"}) == "relation type meets is used by 1 relation in 1 document");
    must(e, c, cmd::DeleteRelationType{"meets", true});
    CHECK(d1(c).relations().size() == 1);
    CHECK(c.schema.find_relation("meets") == nullptr);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(write_inkspan_json(c) == before);

    must(e, c, cmd::DeleteEntityType{"DATE"});  // unused: no cascade needed
    CHECK(c.schema.entities.size() == 4);
    REQUIRE(e.undo(c, "").ok());
    CHECK(c.schema.entities[3].name == "DATE");  // back in its place
}

TEST_CASE("relation type edits: rename, rule changes that would break relations are refused") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});  // T1
    must(e, c, cmd::AddSpan{"d1", 748, 762, "PER"});  // T2
    must(e, c, cmd::AddRelation{"d1", "meets", "T1", "T2"});
    must(e, c, cmd::AddRelation{"d1", "meets", "T2", "T1"});
    must(e, c, cmd::RenameRelationType{"meets", "met"});
    CHECK(d1(c).find_relation("R1")->type == "met");
    CHECK(refusal(e, c, cmd::RenameRelationType{"met", "member_of"}) == "relation type \"member_of\" already exists");
    CHECK(refusal(e, c, cmd::SetRelationRule{"met", {"ORG"}, {"PER"}, true}) ==
          "relation R1 in document \"d1\" (PER → PER) would not be allowed");
    CHECK(refusal(e, c, cmd::SetRelationRule{"met", {"PER"}, {"PER"}, false}) ==
          "relations R1 and R2 in document \"d1\" would be duplicates");
    CHECK(refusal(e, c, cmd::SetRelationRule{"met", {"PER", "GHOST"}, {"PER"}, true}) ==
          "unknown label \"GHOST\" in the head of relation type met");
    must(e, c, cmd::SetRelationRule{"met", {"PER", "ORG"}, {}, true});
    CHECK(c.schema.find_relation("met")->tail.empty());
    CHECK(refusal(e, c, cmd::AddRelationType{{"met", {}, {}, true}}) == "relation type \"met\" already exists");
    CHECK(refusal(e, c, cmd::AddRelationType{{"x", {"PER", "PER"}, {}, true}}) ==
          "label \"PER\" is listed twice in the head of relation type x");
}

TEST_CASE("per-document histories; a schema step waits for later edits elsewhere") {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Moscou et Washington."));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});   // step 1 (d1)
    must(e, c, cmd::AddEntityType{{"CITY", "", "c", ""}});  // step 2 (corpus)
    must(e, c, cmd::AddSpan{"d2", 0, 6, "CITY"});      // step 3 (d2) uses CITY
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});   // step 4 (d1)
    // d1's undo takes its own newest step, then reaches the schema step, which must wait for d2
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(e.undo_description("d1") == "add entity type CITY");
    Status st = e.undo(c, "d1");
    CHECK(st.error().message == "cannot undo \"add entity type CITY\" before the later edits in document \"d2\"");
    REQUIRE(e.undo(c, "d2").ok());  // d2's span
    REQUIRE(e.undo(c, "d1").ok());  // now the schema step
    CHECK(c.schema.find_entity("CITY") == nullptr);
    REQUIRE(e.undo(c, "d1").ok());  // step 1
    CHECK_FALSE(e.can_undo("d1"));
    CHECK(e.undo(c, "d1").error().message == "nothing to undo");
    // redo in order: d2's step must wait for the schema step, which waits for d1's first step
    CHECK(e.redo(c, "d2").error().message ==
          "cannot redo \"add entity type CITY\" before the earlier edits in document \"d1\"");
    REQUIRE(e.redo(c, "d1").ok());  // step 1
    REQUIRE(e.redo(c, "d2").ok());  // step 2 (corpus, older than d2's step)
    REQUIRE(e.redo(c, "d2").ok());  // step 3
    REQUIRE(e.redo(c, "d1").ok());  // step 4
    CHECK(c.find_document("d2")->find_span("T1")->label == "CITY");
    CHECK(d1(c).span_count() == 2);
    // a new edit clears that document's redo
    REQUIRE(e.undo(c, "d1").ok());
    must(e, c, cmd::SetDocStatus{"d1", DocStatus::Done});
    CHECK_FALSE(e.can_redo("d1"));
}

TEST_CASE("documents: status, annotator, add and remove with undo") {
    Corpus c = sample_corpus();
    Editor e;
    must(e, c, cmd::SetDocStatus{"d1", DocStatus::InProgress});
    must(e, c, cmd::SetDocAnnotator{"d1", "ayse"});
    CHECK(d1(c).status() == DocStatus::InProgress);
    CHECK(d1(c).annotator() == "ayse");
    CHECK(progress(c) == Progress{0, 1, 0, 1});
    Document d2 = make_doc("d2", "Moscou et Washington.");
    d2.insert_span(Span{"T1", 0, 6, "LOC", "", {}});
    must(e, c, cmd::AddDocument{d2, std::nullopt});
    CHECK(c.documents.size() == 2);
    CHECK(refusal(e, c, cmd::AddDocument{d2, std::nullopt}) == "document \"d2\" already exists");
    Document d3 = make_doc("d3", "xyz");
    d3.insert_span(Span{"T1", 0, 1, "GHOST", "", {}});
    CHECK(refusal(e, c, cmd::AddDocument{d3, std::nullopt}) == "document \"d3\" uses unknown label \"GHOST\"");
    must(e, c, cmd::AddSpan{"d2", 10, 20, "LOC"});
    must(e, c, cmd::RemoveDocument{"d1"});
    CHECK(c.documents.size() == 1);
    REQUIRE(e.undo(c, "d2").ok());  // the removal
    CHECK(c.documents[0].id() == "d1");
    CHECK(d1(c).annotator() == "ayse");
    REQUIRE(e.undo(c, "d2").ok());  // d2's span
    REQUIRE(e.undo(c, "d2").ok());  // adding d2
    CHECK(c.documents.size() == 1);
    REQUIRE(e.undo(c, "d1").ok());
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(d1(c).status() == DocStatus::New);
    CHECK(refusal(e, c, cmd::RemoveDocument{"d7"}) == "unknown document \"d7\"");
}

TEST_CASE("label counts per document and for the corpus") {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Moscou et Washington."));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 118, 126, "LOC"});
    must(e, c, cmd::AddSpan{"d1", 191, 199, "LOC"});
    must(e, c, cmd::AddSpan{"d1", 582, 600, "PER"});
    must(e, c, cmd::AddSpan{"d2", 0, 6, "LOC"});
    must(e, c, cmd::AddRelation{"d1", "located_in", "T3", "T1"});
    LabelCounts one = count_labels(c.schema, d1(c));
    CHECK(one.entities.at("LOC") == 2);
    CHECK(one.entities.at("DATE") == 0);
    CHECK(one.relations.at("located_in") == 1);
    CHECK(one.relations.at("meets") == 0);
    LabelCounts all = count_labels(c);
    CHECK(all.entities.at("LOC") == 3);
    CHECK(all.entities.at("PER") == 1);
    CHECK(all.entities.size() == 5);
    must(e, c, cmd::SetDocStatus{"d2", DocStatus::Done});
    CHECK(progress(c) == Progress{1, 0, 1, 2});
}
