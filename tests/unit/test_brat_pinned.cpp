// What the brat reader and the import builder make of awkward files, pinned whole: documents (as
// inkspan JSON: ids, spans, relations, notes, attributes), the skip sentences, the violations and
// the new types. A speed change to either must leave every byte of this the same.
#include <doctest/doctest.h>

#include "core/formats/brat.h"
#include "core/inkspan_json.h"
#include "core/utf8_text.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string described(const Result<ImportedCorpus>& r) {
    if (!r.ok()) return "refused: " + r.error().message;
    std::string out;
    for (const Document& d : r->documents) out += write_document_json(d) + "\n";
    for (const std::string& s : r->skipped) out += "skipped: " + s + "\n";
    for (const SchemaViolation& v : r->violations) out += "violation: " + v.doc + " " + v.annotation + " " + v.what + "\n";
    for (const EntityType& e : r->new_entity_types) out += "entity: " + e.name + "\n";
    for (const RelationType& t : r->new_relation_types) out += "relation: " + describe_rule(t) + (t.directed ? "" : " (undirected)") + "\n";
    return out;
}

// Both ways in: checked once as the app does, and unchecked; they must agree.
std::string imported(const std::map<std::string, std::string>& files) {
    auto checked = Utf8Files::check(files);
    REQUIRE(checked.ok());
    const std::string once = described(import_utf8_files("brat", *checked, fixture_schema()));
    CHECK(once == described(import_files("brat", files, fixture_schema())));
    return once;
}

const char* const kText = "Zoë met Émile in 東京.\nSony and Ericsson  \t talk.\r\nAnaïs 😀 left.\n";

}  // namespace

TEST_CASE("brat pinned: ids T1 and T01, duplicates, blanks, fragments, notes, attributes, events and bad references") {
    const std::string ann =
        "T1\tPER 0 3\tZoë\r\n"
        "T01\tPER 8 13\tÉmile\n"
        "\n"
        "T3\tLOC 17 19\t東京\n"
        "T4\tPER 0 3\tZoë\n"                            // a duplicate of T1: skipped, its relations go to T1
        "T5\tORG 21 25;30 38\tSony Ericsson\n"         // text between the fragments
        "T6\tORG 30 38;38 41\n"                        // fragments without text between them
        "T7\tMISC 38 41\n"                             // blank: skipped
        "T8\tNew_Type 57 61\tleft\n"                   // undeclared by annotation.conf
        "T10\tPER 49 54\tAnaïs\n"
        "E1\tPER:T10\n"
        "R1\tmeets Arg1:T1 Arg2:T01\n"
        "R2\tmeets Arg1:T4 Arg2:T01\n"                 // through the duplicate: the same relation as R1
        "R3\tlocated_in Arg1:T01 Arg2:T3\n"
        "R4\tmeets Arg1:T1 Arg2:T7\n"                  // to the blank span
        "R5\tmeets Arg1:T1 Arg2:E1\n"                  // to an event
        "R6\tmeets Arg1:T1 Arg2:T01 Arg3:T3\n"         // three arguments
        "R7\tmeets Arg1:T1 Arg2:T4\n"                  // a span to itself (through the duplicate)
        "R8\tbrand_new Arg1:T5 Arg2:T6\n"
        "R9\tmember_of Arg1:T3 Arg2:T5\n"              // not allowed by the schema
        "R02\tnegotiates_with Arg1:T5 Arg2:T6\n"
        "R10\tnegotiates_with Arg1:T6 Arg2:T5\n"       // undirected: a duplicate of R02
        "A1\tNegated T1\n"
        "M2\tConfidence T01 High\n"
        "A3\tNegated R1\n"
        "#1\tAnnotatorNotes T1\tfirst note\n"
        "#2\tAnnotatorNotes T1\tsecond note\n"
        "#3\tLemma T01\temile\n"
        "#4\tAnnotatorNotes E1\ton an event\n"
        "*\tAlias T1 T4\n"
        "N1\tReference T1 Wikipedia:1\tZoë\n";
    const std::map<std::string, std::string> files = {
        {"doc.txt", kText},
        {"doc.ann", ann},
        {"annotation.conf", "[entities]\nPER\nORG\nLOC\nMISC\n[relations]\nbrand_new\tArg1:ORG, Arg2:ORG\n[events]\n[attributes]\n"},
        {"other.txt", "Plain text, no annotations."},
        {"readme.md", "x"}};
    CHECK(imported(files) == R"pin({
      "id": "doc",
      "name": "doc.txt",
      "text": "Zoë met Émile in 東京.\nSony and Ericsson  \t talk.\r\nAnaïs 😀 left.\n",
      "status": "new",
      "annotator": "",
      "created": "",
      "modified": "",
      "spans": [
        {"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Zoë", "note": "first note\nsecond note", "attributes": {"Negated": "true"}},
        {"id": "T01", "start": 8, "end": 13, "label": "PER", "text": "Émile", "attributes": {"#Lemma": "emile", "Confidence": "High"}},
        {"id": "T3", "start": 17, "end": 19, "label": "LOC", "text": "東京"},
        {"id": "T5", "start": 21, "end": 38, "label": "ORG", "text": "Sony and Ericsson"},
        {"id": "T6", "start": 30, "end": 41, "label": "ORG", "text": "Ericsson  \t"},
        {"id": "T10", "start": 49, "end": 54, "label": "PER", "text": "Anaïs"},
        {"id": "T8", "start": 57, "end": 61, "label": "New_Type", "text": "left"}
      ],
      "relations": [
        {"id": "R1", "type": "meets", "head": "T1", "tail": "T01"},
        {"id": "R02", "type": "negotiates_with", "head": "T5", "tail": "T6"},
        {"id": "R3", "type": "located_in", "head": "T01", "tail": "T3"},
        {"id": "R8", "type": "brand_new", "head": "T5", "tail": "T6"},
        {"id": "R9", "type": "member_of", "head": "T3", "tail": "T5"}
      ]
    }
{
      "id": "other",
      "name": "other.txt",
      "text": "Plain text, no annotations.",
      "status": "new",
      "annotator": "",
      "created": "",
      "modified": "",
      "spans": [],
      "relations": []
    }
skipped: brat: 1 discontinuous span imported as its covering range (Inkspan spans are contiguous) (first: doc.ann line 6)
skipped: brat: 1 event (E line) skipped; its trigger was kept as a span (first: doc.ann line 11)
skipped: brat: 1 equivalence (* line) skipped (first: doc.ann line 30)
skipped: brat: 1 normalization (N line) skipped (first: doc.ann line 31)
skipped: brat: 1 relation involving an event or a relation skipped (first: doc.ann line 16)
skipped: brat: 1 relation without exactly two arguments skipped (first: doc.ann line 17)
skipped: brat: 1 attribute of an event or a relation skipped (first: doc.ann line 25)
skipped: brat: 1 note on an event or a relation skipped (first: doc.ann line 29)
skipped: brat: 1 duplicate span skipped (same offsets and label) (first: doc.ann line 5)
skipped: brat: 1 empty or whitespace-only span skipped (first: doc.ann line 8)
skipped: brat: 2 duplicate relations skipped (first: doc.ann line 13)
skipped: brat: 1 relation to a skipped span skipped (first: doc.ann line 15)
skipped: brat: 1 relation from a span to itself skipped (first: doc.ann line 18)
skipped: brat: file readme.md ignored (not a .txt, .ann or annotation.conf)
violation: doc T8 label New_Type is not declared in annotation.conf
violation: doc R9 relation type member_of does not allow LOC → ORG (the schema allows PER → ORG)
entity: New_Type
relation: ORG → ORG
)pin");
}

TEST_CASE("brat pinned: refusals name the line, whichever check finds them") {
    auto refused = [](const std::string& ann) { return imported({{"doc.txt", kText}, {"doc.ann", ann}}); };
    CHECK(refused("T1\tPER 0 3\tZoë\nT01\tPER 8 13\tÉmile\nT1\tPER 17 19\t東京\n") == R"pin(refused: doc.ann line 3: T1 is defined twice)pin");
    CHECK(refused("T1\tPER 0 3\tZoë\nR1\tmeets Arg1:T1 Arg2:T2\n") == R"pin(refused: doc.ann line 2: R1 refers to "T2", which is not defined)pin");
    CHECK(refused("T1\tPER 0 3\tZoë\nA1\tNegated T9\n") == R"pin(refused: doc.ann line 2: A1 refers to "T9", which is not defined)pin");
    CHECK(refused("T1\tPER 0 3\tZoë\n#1\tAnnotatorNotes T9\tx\n") == R"pin(refused: doc.ann line 2: #1 refers to "T9", which is not defined)pin");
    CHECK(refused("T1\tPER 0 3\tZoe\n") == R"pin(refused: doc.ann line 1: the span text "Zoe" differs from doc.txt at 0 3: "Zoë")pin");
    CHECK(refused("T1\tPER 0 3;2 1\tZoë\n") == R"pin(refused: doc.ann line 1: span [2, 1) ends before it starts)pin");
    CHECK(refused("T1\tPER 0 300\n") == R"pin(refused: doc.ann line 1: span end 300 is past the end of the text (63 code points))pin");
    CHECK(refused("T1\tPER\n") == R"pin(refused: doc.ann line 1: expected "LABEL start end", got "PER")pin");
    CHECK(refused("T1\tP R 0 3\tZoë\n") == R"pin(refused: doc.ann line 1: bad offsets "R 0 3" (expected "start end", fragments separated by ;))pin");
    CHECK(refused("T1\tPER 0 3\tZoë\nR1\tmeets\n") == R"pin(refused: doc.ann line 2: expected "type Arg1:T1 Arg2:T2", got "meets")pin");
    CHECK(refused("\tPER 0 3\n") == R"pin(refused: doc.ann line 1: expected an id, a tab and an annotation, got "\tPER 0 3")pin");
}

TEST_CASE("brat pinned: fragments listed out of order start the span at the earliest one") {
    // A reader that kept the first-listed fragment's start (or its byte) would find a blank span here.
    CHECK(imported({{"doc.txt", "ab     x"}, {"doc.ann", "T1\tPER 2 5;0 1\n"}}) == R"pin({
      "id": "doc",
      "name": "doc.txt",
      "text": "ab     x",
      "status": "new",
      "annotator": "",
      "created": "",
      "modified": "",
      "spans": [
        {"id": "T1", "start": 0, "end": 5, "label": "PER", "text": "ab   "}
      ],
      "relations": []
    }
)pin");
}
