#include <doctest/doctest.h>

#include <chrono>

#include "core/editor.h"
#include "core/inkspan_json.h"
#include "core/limits.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

const char* kSchema = R"("schema": {"entities": [{"name": "PER", "color": "#4e79a7", "hotkey": "p"},
                                                  {"name": "ORG", "color": "#f28e2b", "hotkey": "o"},
                                                  {"name": "LOC", "color": "#59a14f", "hotkey": "l"}],
                                     "relations": [{"name": "member_of", "head": ["PER"], "tail": ["ORG"], "directed": true},
                                                   {"name": "allied", "head": ["ORG"], "tail": ["ORG"], "directed": false}]})";

// A file with the small schema above and the given documents array contents.
std::string file_with(const std::string& documents) {
    return std::string(R"({"format": "inkspan", "version": 1, )") + kSchema + R"(, "documents": [)" + documents + "]}";
}

// One document "d1" with this text, spans and relations (JSON array contents).
std::string doc_with(const std::string& text, const std::string& spans, const std::string& relations = "") {
    return file_with(R"({"id": "d1", "name": "x", "text": ")" + text + R"(", "spans": [)" + spans +
                     R"(], "relations": [)" + relations + "]}");
}

std::string error_of(const std::string& json, InkspanReadOptions options = {}) {
    auto r = parse_inkspan_json(json, options);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

ErrorKind kind_of(const std::string& json) {
    auto r = parse_inkspan_json(json);
    REQUIRE_FALSE(r.ok());
    return r.error().kind;
}

Corpus annotated_sample() {
    Corpus c = sample_corpus();
    Editor e;
    const Document& d = c.documents[0];
    auto add = [&](std::string_view word, const char* label, std::size_t nth = 0) {
        const std::size_t at = cp_of(d, word, nth);
        must(e, c, cmd::AddSpan{"d1", at, at + cp_length(word), label});
    };
    add("États-Unis", "LOC");            // T1, starts with an accented capital
    add("ministère des affaires étrangères", "ORG");  // T2
    add("Alexandre Darchiev", "PER");    // T3
    add("l’Atlantique Nord", "LOC");     // T4, curly apostrophe
    add("« irritants »", "MISC");        // T5, guillemets with narrow spaces
    add("Sergueï Lavrov", "PER");        // T6
    add("18 février", "DATE");           // T7
    add("Istanbul", "LOC", 2);           // T8
    must(e, c, cmd::AddRelation{"d1", "member_of", "T3", "T2"});
    must(e, c, cmd::AddRelation{"d1", "meets", "T6", "T3"});
    must(e, c, cmd::SetSpanNote{"d1", "T6", "ministre des affaires étrangères\nnote on two lines"});
    must(e, c, cmd::SetSpanAttribute{"d1", "T1", "wikidata", "Q30"});
    must(e, c, cmd::SetDocStatus{"d1", DocStatus::InProgress});
    must(e, c, cmd::SetDocAnnotator{"d1", "zeynep"});
    c.documents[0].set_created("2025-02-28T09:00:00Z");
    // a second text with emoji, combining marks, CRLF and control characters
    Document d2 = make_doc("d2", "Cafe\u0301 😀 à Zürich\r\nLine\ttwo \"quoted\" \\ end\u0001", "unicode.txt");
    d2.insert_spans({Span{"T1", 0, 5, "MISC", "", {}}, Span{"T2", 6, 7, "MISC", "", {}}, Span{"T3", 10, 16, "LOC", "", {}},
                     Span{"T4", 18, 22, "MISC", "", {}}});
    c.documents.push_back(std::move(d2));
    return c;
}

}  // namespace

TEST_CASE("round trip of the annotated sample article: load(save(x)) == x and save(load(s)) == s") {
    const Corpus c = annotated_sample();
    const std::string saved = write_inkspan_json(c);
    auto loaded = parse_inkspan_json(saved);
    REQUIRE(loaded.ok());
    CHECK(*loaded == c);
    CHECK(write_inkspan_json(*loaded) == saved);
    CHECK(saved.back() == '\n');
    // spans carry their text; offsets are code points
    CHECK(saved.find(R"({"id": "T4", "start": 630, "end": 647, "label": "LOC", "text": "l’Atlantique Nord"})") != std::string::npos);
    CHECK(saved.find(R"("text": "😀")") != std::string::npos);
    CHECK(saved.find(R"({"id": "T3", "start": 10, "end": 16, "label": "LOC", "text": "Zürich"})") != std::string::npos);
    CHECK(saved.find(R"(\r\nLine\ttwo \"quoted\" \\ end\u0001)") != std::string::npos);
    const Document& d2 = loaded->documents[1];
    CHECK(d2.span_text(*d2.find_span("T1")) == "Cafe\u0301");
    CHECK(d2.span_text(*d2.find_span("T4")) == "Line");
    // one document with the schema
    const std::string one = write_inkspan_json(c.schema, c.documents[1]);
    auto back = parse_inkspan_json(one);
    REQUIRE(back.ok());
    CHECK(back->documents.size() == 1);
    CHECK(back->documents[0] == c.documents[1]);
    CHECK(back->schema == c.schema);
}

TEST_CASE("the canonical layout: fixed key order, one span per line") {
    Corpus c;
    c.schema.entities = {{"LOC", "#59a14f", "l", ""}};
    c.documents.push_back(make_doc("d1", "à Istanbul", "a.txt"));
    c.documents[0].insert_span(Span{"T1", 2, 10, "LOC", "", {}});
    CHECK(write_inkspan_json(c) == R"({
  "format": "inkspan",
  "version": 1,
  "schema": {
    "entities": [
      {"name": "LOC", "color": "#59a14f", "hotkey": "l"}
    ],
    "relations": [],
    "allow_crossing_spans": true
  },
  "documents": [
    {
      "id": "d1",
      "name": "a.txt",
      "text": "à Istanbul",
      "status": "new",
      "annotator": "",
      "created": "",
      "modified": "",
      "spans": [
        {"id": "T1", "start": 2, "end": 10, "label": "LOC", "text": "Istanbul"}
      ],
      "relations": []
    }
  ]
}
)");
}

TEST_CASE("optional fields take defaults; spans are sorted on load") {
    auto r = parse_inkspan_json(R"({"format": "inkspan", "version": 1,
        "schema": {"entities": [{"name": "LOC", "color": "#59a14f"}]},
        "documents": [{"id": "d1", "text": "ab Istanbul",
                       "spans": [{"id": "T2", "start": 3, "end": 11, "label": "LOC"},
                                 {"id": "T1", "start": 0, "end": 2, "label": "LOC", "text": "ab"}]}]})");
    REQUIRE(r.ok());
    const Document& d = r->documents[0];
    CHECK(d.name().empty());
    CHECK(d.status() == DocStatus::New);
    CHECK(r->schema.relations.empty());
    CHECK(r->schema.allow_crossing_spans);
    CHECK(r->schema.entities[0].hotkey.empty());
    CHECK(d.span_at(0).id == "T1");
    CHECK(d.next_span_id() == "T3");
    CHECK(d.relations().empty());
}

TEST_CASE("refusals: input, syntax, format and version") {
    CHECK(error_of("") == "empty input");
    CHECK(kind_of(" \n ") == ErrorKind::Malformed);
    CHECK(error_of("{\"format\": \"inkspan\", \"version\": 1,}") ==
          "JSON syntax error at byte 36 (line 1, column 36): syntax error while parsing object key - unexpected '}'; "
          "expected string literal");
    CHECK(error_of("{\"format\": \"inkspan\",\n \"version\": tru}") ==
          "JSON syntax error at byte 38 (line 2, column 16): syntax error while parsing value - invalid literal; last read: "
          "'\"version\": tru}'");
    CHECK(error_of("{\"a\": \"x\xC3\x28\"}") == "invalid UTF-8 at byte 8");
    CHECK(kind_of("{\"a\": \"x\xC3\x28\"}") == ErrorKind::InvalidUtf8);
    CHECK(error_of("[1, 2]") == "expected a JSON object at the top level, got an array");
    CHECK(error_of("{}") == "missing required key \"format\"");
    CHECK(error_of(R"({"format": "brat"})") == "format: expected \"inkspan\", got \"brat\"");
    CHECK(kind_of(R"({"format": "brat"})") == ErrorKind::Unsupported);
    CHECK(error_of(R"({"format": "inkspan"})") == "missing required key \"version\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 3})") == "version: 3 is newer than this app supports (2)");
    CHECK(kind_of(R"({"format": "inkspan", "version": 3})") == ErrorKind::Unsupported);
    CHECK(error_of(R"({"format": "inkspan", "version": 0})") == "version: 0 is not a valid version");
    CHECK(error_of(R"({"format": "inkspan", "version": "1"})") == "version: expected a positive integer, got string \"1\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1})") == "missing required key \"schema\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": []})") == "schema: expected an object, got an array");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {}})") == "schema: missing required key \"entities\"");
    CHECK(error_of(std::string(R"({"format": "inkspan", "version": 1, )") + kSchema + "}") ==
          "missing required key \"documents\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": 3, "color": "#000000"}]}, "documents": []})") ==
          "schema.entities[0].name: expected a string, got 3");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "A", "color": "#000000"}, {"name": "A", "color": "#000000"}]}, "documents": []})") ==
          "schema.entities[1].name: duplicate entity type \"A\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "A", "color": "#000000", "hotkey": "ab"}]}, "documents": []})") ==
          "schema.entities[0].hotkey: invalid hotkey \"ab\" (expected one character)");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "A", "color": "#0000001"}]}, "documents": []})") ==
          "schema.entities[0].color: invalid color \"#0000001\" (expected #rrggbb)");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "A"}]}, "documents": []})") ==
          "schema.entities[0]: missing required key \"color\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [], "relations": [{"name": "r", "head": "A"}]}, "documents": []})") ==
          "schema.relations[0].head: expected an array, got string \"A\"");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [], "relations": [{"name": "r", "directed": 1}]}, "documents": []})") ==
          "schema.relations[0].directed: expected true or false, got 1");
    CHECK(error_of(R"({"format": "inkspan", "version": 1, "schema": {"entities": [], "relations": [{"name": "r", "tail": ["X"]}]}, "documents": []})") ==
          "schema.relations[0].tail[0]: unknown entity type \"X\"");
}

TEST_CASE("refusals: documents") {
    CHECK(error_of(file_with("3")) == "documents[0]: expected an object, got 3");
    CHECK(error_of(file_with(R"({"text": "x"})")) == "documents[0]: missing required key \"id\"");
    CHECK(error_of(file_with(R"({"id": "d1"})")) == "documents[0]: missing required key \"text\"");
    CHECK(error_of(file_with(R"({"id": "d1", "text": ["x"]})")) == "documents[0].text: expected a string, got an array");
    CHECK(error_of(file_with(R"({"id": "d 1", "text": "x"})")) ==
          "documents[0].id: invalid id \"d 1\" (1 to 64 bytes, no spaces or control characters)");
    CHECK(error_of(file_with(R"({"id": "d1", "text": "x"}, {"id": "d1", "text": "y"})")) ==
          "documents[1].id: duplicate document id \"d1\"");
    CHECK(error_of(file_with(R"({"id": "d1", "text": "x", "status": "finished"})")) ==
          "documents[0].status: expected one of \"new\", \"in_progress\", \"done\", got \"finished\"");
    CHECK(error_of(file_with(R"({"id": "d1", "text": "x", "spans": {}})")) ==
          "documents[0].spans: expected an array, got an object");
}

TEST_CASE("a corpus is parsed one document at a time, with the same results and messages as one tree") {
    // Documents before the schema; brackets, quotes and the word "documents" inside strings.
    const std::string tricky = std::string(R"({"format": "inkspan", "version": 1, "documents": [)") +
                               R"({"id": "d1", "name": "\"documents\": [", "text": "a ] } [ { \\ b"},)" +
                               R"( {"id": "d2", "text": "« x »", "spans": [{"id": "T1", "start": 2, "end": 3, "label": "PER"}]}], )" +
                               kSchema + "}";
    auto r = parse_inkspan_json(tricky);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    REQUIRE(r->documents.size() == 2);
    CHECK(r->documents[0].name() == "\"documents\": [");
    CHECK(r->documents[0].text() == "a ] } [ { \\ b");
    CHECK(r->documents[1].span_count() == 1);
    auto again = parse_inkspan_json(write_inkspan_json(*r));
    REQUIRE(again.ok());
    CHECK(write_inkspan_json(*again) == write_inkspan_json(*r));
    // A syntax error inside a document is placed in the whole file.
    const std::string broken = file_with(R"({"id": "d1", "text": "x"}, {"id": "d2", "text": "y",})");
    const std::size_t brace = broken.find(",}") + 1;
    CHECK(error_of(broken).rfind("JSON syntax error at byte " + std::to_string(brace + 1) + " ", 0) == 0);
    // Two "documents" keys, or something other than objects in the array: read as one tree.
    CHECK(error_of(file_with(R"({"id": "d1", "text": "x"}, null)")) == "documents[1]: expected an object, got null");
    CHECK(error_of(file_with(R"({"id": "d1", "text": "x"}, [])")) == "documents[1]: expected an object, got an array");
}

TEST_CASE("refusals: spans, with the place and the code point offsets") {
    // "Le délégué à Istanbul": Istanbul is [13, 21)
    const std::string text = "Le délégué à Istanbul";
    CHECK(parse_inkspan_json(doc_with(text, R"({"id": "T1", "start": 13, "end": 21, "label": "LOC", "text": "Istanbul"})")).ok());
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 21, "label": "LOC", "text": "Istanbu"})")) ==
          "documents[0].spans[0].text: \"Istanbu\" does not match the text at [13, 21) (\"Istanbul\")");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 5120, "label": "LOC"})")) ==
          "documents[0].spans[0].end: 5120 is past the end of the text (21 code points)");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 18446744073709551615, "label": "LOC"})")) ==
          "documents[0].spans[0].end: 18446744073709551615 is past the end of the text (21 code points)");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 13, "label": "LOC"})")) ==
          "documents[0].spans[0]: start 13 is not before end 13");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "label": "LOC"})")) ==
          "documents[0].spans[0]: missing required key \"end\"");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": "13", "end": 21, "label": "LOC"})")) ==
          "documents[0].spans[0].start: expected a non-negative integer, got string \"13\"");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": -1, "end": 21, "label": "LOC"})")) ==
          "documents[0].spans[0].start: expected a non-negative integer, got -1");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 1.5, "end": 21, "label": "LOC"})")) ==
          "documents[0].spans[0].start: expected a non-negative integer, got 1.5");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 21, "label": null})")) ==
          "documents[0].spans[0].label: expected a string, got null");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 21, "label": "LOC", "note": 1})")) ==
          "documents[0].spans[0].note: expected a string, got 1");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 13, "end": 21, "label": "LOC", "attributes": {"a": true}})")) ==
          "documents[0].spans[0].attributes.a: expected a string, got true");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 0, "end": 2, "label": "LOC"}, {"id": "T1", "start": 3, "end": 5, "label": "LOC"})")) ==
          "documents[0].spans[1].id: duplicate id \"T1\"");
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 0, "end": 2, "label": "LOC"}, {"id": "T2", "start": 3, "end": 5, "label": "PER"}, {"id": "T3", "start": 0, "end": 2, "label": "LOC"})")) ==
          "documents[0].spans[2]: duplicate of spans[0] ([0, 2) LOC)");
    // crossing is accepted unless the schema forbids it
    const std::string crossing = R"({"id": "T1", "start": 0, "end": 10, "label": "LOC"}, {"id": "T2", "start": 3, "end": 5, "label": "PER"}, {"id": "T3", "start": 5, "end": 15, "label": "ORG"})";
    CHECK(parse_inkspan_json(doc_with(text, crossing)).ok());
    std::string strict = doc_with(text, crossing);
    strict.replace(strict.find("\"relations\": [{"), 0, "\"allow_crossing_spans\": false, ");
    CHECK(error_of(strict) == "documents[0].spans[2]: [5, 15) crosses spans[0] [0, 10) and the schema does not allow crossing spans");
}

TEST_CASE("refusals: unknown labels and types are listed, and can be added on request") {
    const std::string text = "Le délégué à Istanbul";
    const std::string two = doc_with(text, R"({"id": "T1", "start": 0, "end": 2, "label": "FOO"}, {"id": "T2", "start": 3, "end": 10, "label": "LOC"}, {"id": "T3", "start": 13, "end": 21, "label": "CITY"}, {"id": "T4", "start": 11, "end": 12, "label": "FOO"})",
                                     R"({"id": "R1", "type": "near", "head": "T1", "tail": "T3"})");
    CHECK(error_of(two) == "documents[0].spans[0].label: unknown labels \"FOO\", \"CITY\" and unknown relation type \"near\"");
    CHECK(kind_of(two) == ErrorKind::Invalid);
    CHECK(error_of(doc_with(text, R"({"id": "T1", "start": 0, "end": 2, "label": "FOO"})")) ==
          "documents[0].spans[0].label: unknown label \"FOO\"");
    auto added = parse_inkspan_json(two, {true});
    REQUIRE(added.ok());
    REQUIRE(added->schema.entities.size() == 5);
    CHECK(added->schema.entities[3] == EntityType{"FOO", std::string(palette_color(3)), "", ""});
    CHECK(added->schema.entities[4].name == "CITY");
    CHECK(added->schema.relations.back() == RelationType{"near", {}, {}, true});
    // and the result is a valid corpus that round-trips
    auto again = parse_inkspan_json(write_inkspan_json(*added));
    REQUIRE(again.ok());
    CHECK(*again == *added);
}

TEST_CASE("refusals: relations") {
    const std::string text = "Ali Veli Acme Corp";
    const std::string spans = R"({"id": "T1", "start": 0, "end": 3, "label": "PER"}, {"id": "T2", "start": 4, "end": 8, "label": "PER"}, {"id": "T3", "start": 9, "end": 13, "label": "ORG"}, {"id": "T4", "start": 14, "end": 18, "label": "ORG"})";
    CHECK(parse_inkspan_json(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T3"})")).ok());
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T9"})")) ==
          "documents[0].relations[0].tail: no span \"T9\" in this document");
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T1"})")) ==
          "documents[0].relations[0]: missing required key \"tail\"");
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T1"})")) ==
          "documents[0].relations[0]: head and tail are the same span \"T1\"");
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T3", "tail": "T1"})")) ==
          "documents[0].relations[0]: relation type member_of does not allow ORG → PER");
    CHECK(error_of(doc_with(text, spans, R"({"id": "T2", "type": "member_of", "head": "T1", "tail": "T3"})")) ==
          "documents[0].relations[0].id: duplicate id \"T2\"");
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T3"}, {"id": "R2", "type": "member_of", "head": "T1", "tail": "T3"})")) ==
          "documents[0].relations[1]: duplicate of relations[0] (member_of T1 → T3)");
    // symmetric types: the reverse is a duplicate too
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "allied", "head": "T3", "tail": "T4"}, {"id": "R2", "type": "allied", "head": "T4", "tail": "T3"})")) ==
          "documents[0].relations[1]: duplicate of relations[0] (allied T4 → T3)");
    CHECK(error_of(doc_with(text, spans, R"({"id": "R1", "type": "likes", "head": "T1", "tail": "T2"})")) ==
          "documents[0].relations[0].type: unknown relation type \"likes\"");
}

TEST_CASE("refusals: documented limits") {
    std::string many_docs = std::string(R"({"format": "inkspan", "version": 1, )") + kSchema + R"(, "documents": [)";
    for (std::size_t i = 0; i <= kMaxDocuments; ++i) many_docs += i ? ",{}" : "{}";
    many_docs += "]}";
    CHECK(error_of(many_docs) == "documents: 10001 documents, over the limit of 10000");
    CHECK(kind_of(many_docs) == ErrorKind::TooLarge);
    CHECK(error_of(doc_with(std::string(kMaxTextBytes + 1, 'a'), "")) ==
          "documents[0].text: 16777217 bytes, over the limit of 16777216");
    std::string many_spans;
    for (std::size_t i = 0; i <= kMaxSpansPerDocument; ++i) many_spans += i ? ",0" : "0";
    CHECK(error_of(doc_with("x", many_spans)) == "documents[0].spans: 250001 spans, over the limit of 250000");
    CHECK(error_of(doc_with("x", R"({"id": "T1", "start": 0, "end": 1, "label": "LOC", "note": ")" + std::string(kMaxNoteBytes + 1, 'n') + "\"}")) ==
          "documents[0].spans[0].note: 16385 bytes, over the limit of 16384");
}

TEST_CASE("a 1 MB document with 50,000 spans loads quickly") {
    std::string text;
    while (text.size() < 1'000'000) text += "Le ministère à Istanbul, « l’été » 😀 ";
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("big", text));
    std::vector<Span> spans;
    const std::size_t n = c.documents[0].length();
    for (std::size_t i = 0; i < 50'000; ++i) {
        const std::size_t start = (i * 19) % (n - 10);
        spans.push_back(Span{"T" + std::to_string(i + 1), start, start + 1 + i % 9, i % 2 ? "PER" : "LOC", "", {}});
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return std::tie(a.start, a.end, a.label) < std::tie(b.start, b.end, b.label); });
    spans.erase(std::unique(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end && a.label == b.label; }), spans.end());
    c.documents[0].insert_spans(spans);
    const std::string saved = write_inkspan_json(c);
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = parse_inkspan_json(saved);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(loaded.ok());
    CHECK(loaded->documents[0].span_count() == spans.size());
    CHECK(*loaded == c);
    MESSAGE("loaded " << saved.size() / 1000 << " kB with " << spans.size() << " spans in " << ms << " ms");
}
