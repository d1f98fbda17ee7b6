#include <doctest/doctest.h>

#include "core/formats/label_studio.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

Result<ImportedCorpus> import_json(const std::string& json) {
    return import_files("labelstudio", {{"ls.json", json}}, fixture_schema());
}

const std::string kTask = R"([{"id": 1, "data": {"text": "😀 Zoë"}, "annotations": [{"result": [)";

}  // namespace

TEST_CASE("Label Studio: the fixtures round-trip with notes; attributes are reported lost") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("labelstudio", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    REQUIRE(exported->files.count("inkspan-corpus.json"));
    CHECK(exported->losses == strings({"Label Studio: 4 span attributes dropped"}));
    CHECK(sniff_format("inkspan-corpus.json", exported->files.begin()->second) == "labelstudio");
    const ImportedCorpus imported = round_trip("labelstudio", corpus, all_documents(corpus));
    REQUIRE(imported.documents.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        check_same_annotations(corpus.documents[i], imported.documents[i], Keep{true, false});
        CHECK(imported.documents[i].id() == corpus.documents[i].id());
        CHECK(imported.documents[i].name() == corpus.documents[i].name());
    }
}

TEST_CASE("Label Studio: exact task with code point offsets, a note and an undirected relation") {
    Corpus c;
    c.schema = fixture_schema();
    auto d = Document::create("e", "e.txt", "😀 Zoë et Москва");
    REQUIRE(d.ok());
    const auto zoe = add_span(*d, "Zoë", "PER", 0, "a note");
    const auto moscow = add_span(*d, "Москва", "LOC");
    add_relation(*d, "negotiates_with", zoe, moscow);
    c.documents.push_back(std::move(*d));
    auto exported = export_corpus("labelstudio", c, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.at("e.json") ==
          "[\n"
          R"({"id":1,"data":{"text":"😀 Zoë et Москва","doc_id":"e","name":"e.txt"},"annotations":[{"id":1,"result":[)"
          R"({"id":"T1","from_name":"label","to_name":"text","type":"labels","origin":"manual",)"
          R"("value":{"start":2,"end":5,"text":"Zoë","labels":["PER"]},"meta":{"text":["a note"]}},)"
          R"({"id":"T2","from_name":"label","to_name":"text","type":"labels","origin":"manual",)"
          R"("value":{"start":9,"end":15,"text":"Москва","labels":["LOC"]}},)"
          R"({"from_id":"T1","to_id":"T2","type":"relation","direction":"bi","labels":["negotiates_with"]}]}],"predictions":[]})"
          "\n]\n");
}

TEST_CASE("Label Studio: offsets are code points, as Label Studio's own emoji test asserts") {
    // Label Studio's front-end test "NER - Emoji - Text" expects offsets by code points after emoji;
    // this export (written for Inkspan in the shape of a Label Studio 1.x export) counts them so.
    const std::string content = read_source_file("tests/fixtures/labelstudio/emoji_code_points.json");
    CHECK(sniff_format("emoji_code_points.json", content) == "labelstudio");
    auto imported = import_files("labelstudio", {{"emoji_code_points.json", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(span_texts(d) == strings({"Word test 19-23", "Person Zoë 25-28", "Location 東京 33-35", "Word 👨‍👩‍👧 36-41"}));
    CHECK(d.find_span("b2Yr18")->note == "first meeting");
    CHECK(relation_texts(d) == strings({"Zoë located_in 東京"}));
    CHECK(imported->skipped == strings({"Label Studio: emoji_code_points.json: offsets read as code points"}));

    // Round trip: export writes the same code points back, import gives the same spans and relations.
    Corpus c;
    c.schema = merge_schema(Schema{}, imported.value());
    c.documents.push_back(d);
    auto exported = export_corpus("labelstudio", c, {0});
    REQUIRE(exported.ok());
    const std::string& json = exported->files.begin()->second;
    CHECK(json.find(R"("value":{"start":19,"end":23,"text":"test","labels":["Word"]})") != std::string::npos);
    CHECK(json.find(R"("value":{"start":36,"end":41,"text":"👨‍👩‍👧","labels":["Word"]})") != std::string::npos);
    const ImportedCorpus again = round_trip("labelstudio", c, {0});
    check_same_annotations(d, again.documents[0]);
}

TEST_CASE("Label Studio: an older file in UTF-16 units is recognised by value.text and read") {
    const std::string utf16 = kTask + R"({"id": "a", "type": "labels", "value": {"start": 3, "end": 6, "text": "Zoë", "labels": ["PER"]}}]}]}])";
    auto r = import_json(utf16);
    REQUIRE_MESSAGE(r.ok(), error_of(r));
    CHECK(span_texts(r->documents[0]) == strings({"PER Zoë 2-5"}));
    CHECK(r->skipped == strings({"Label Studio: ls.json: offsets read as UTF-16 units (an older Label Studio file: "
                                 "value.text matches UTF-16 offsets, not code points)"}));
    // The same region in code points reads as code points.
    const std::string cps = kTask + R"({"id": "a", "type": "labels", "value": {"start": 2, "end": 5, "text": "Zoë", "labels": ["PER"]}}]}]}])";
    auto c = import_json(cps);
    REQUIRE_MESSAGE(c.ok(), error_of(c));
    CHECK(span_texts(c->documents[0]) == strings({"PER Zoë 2-5"}));
    CHECK(c->skipped == strings({"Label Studio: ls.json: offsets read as code points"}));
    // Without value.text, code points (Label Studio's unit).
    auto bare = import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 2, "end": 5, "labels": ["PER"]}}]}]}])");
    REQUIRE_MESSAGE(bare.ok(), error_of(bare));
    CHECK(span_texts(bare->documents[0]) == strings({"PER Zoë 2-5"}));
}

TEST_CASE("Label Studio: an export with predictions, several annotations, multi-label regions and directions") {
    const std::string content = read_source_file("tests/fixtures/labelstudio/export.json");
    CHECK(sniff_format("export.json", content) == "labelstudio");
    auto imported = import_files("labelstudio", {{"export.json", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    REQUIRE(imported->documents.size() == 3);  // task 12 has two annotations that were not cancelled
    const Document& d = imported->documents[0];
    CHECK(d.id() == "export-11");
    CHECK(d.annotator() == "user 1");
    CHECK(span_texts(d) == strings({"Person Emmanuel Macron 15-30", "Person Olaf Scholz 38-49", "Politician Olaf Scholz 38-49",
                                    "Location Paris 🇫🇷 52-60"}));
    CHECK(d.find_span("mKx1Qa")->note == "President of France");
    CHECK(relation_texts(d) == strings({"Emmanuel Macron meets Olaf Scholz", "Emmanuel Macron located_in Paris 🇫🇷"}));
    CHECK(span_texts(imported->documents[1]) == strings({"Location 東京 0-2"}));
    CHECK(imported->documents[2].id() == "export-12-2");
    CHECK(imported->documents[2].span_count() == 0);
    CHECK(imported->skipped ==
          strings({"Label Studio: export.json: offsets read as UTF-16 units (an older Label Studio file: value.text "
                   "matches UTF-16 offsets, not code points)",
                   "Label Studio: 1 prediction ignored (only annotations are read) (first: export.json: [0].predictions)",
                   "Label Studio: 1 result of type choices skipped (first: export.json: [0].annotations[0].result[6])",
                   "Label Studio: 1 relation without a label skipped (Inkspan relations are typed) (first: export.json: "
                   "[0].annotations[0].result[5])",
                   "Label Studio: type name \"located in\" renamed located_in (type names cannot hold spaces)",
                   "Label Studio: 1 cancelled annotation ignored (first: export.json: [1].annotations[0])"}));
}

TEST_CASE("Label Studio: each annotation of a task is a copy of its document, by its completed_by as a readable name") {
    auto imported = import_files("labelstudio", {{"annotators.json", read_source_file("tests/fixtures/labelstudio/annotators.json")}},
                                 fixture_schema());
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 3);
    const auto& docs = imported->documents;
    CHECK(docs[0].id() == "annotators-21");
    CHECK(docs[0].annotator() == "user 3");
    CHECK(span_texts(docs[0]) == strings({"PER Zoë 0-3"}));
    CHECK(docs[1].id() == "annotators-21-bob@example.org");
    CHECK(docs[1].annotator() == "bob@example.org");
    CHECK(span_texts(docs[1]) == strings({"PER Ana 8-11", "LOC Lyon 15-19"}));
    CHECK(docs[2].annotator() == "user 12");  // an object without email or username
    CHECK(docs[2].span_count() == 0);
    for (const Document& d : docs) CHECK(d.text() == docs[0].text());
}

TEST_CASE("Label Studio: a layer's annotator and the gold provenance round-trip") {
    const Corpus c = layered_corpus();
    const Document& gold = c.documents[2];
    auto exported = export_corpus("labelstudio", c, {2});
    REQUIRE(exported.ok());
    REQUIRE(exported->files.count("talks-gold.json"));  // a layer's file names its annotator
    const std::string& json = exported->files.at("talks-gold.json");
    CHECK(json.find(R"("meta":{"agreed_by":["alice","bob"]})") != std::string::npos);
    CHECK(json.find(R"("completed_by":"gold")") != std::string::npos);
    const ImportedCorpus back = round_trip("labelstudio", c, {2});
    REQUIRE(back.documents.size() == 1);
    const Document& d = back.documents[0];
    CHECK(d.annotator() == "gold");
    check_same_annotations(gold, d);
    for (std::size_t i = 0; i < gold.span_count(); ++i) CHECK(d.span_at(i).agreed_by == gold.span_at(i).agreed_by);
    REQUIRE(d.relations().size() == 1);
    CHECK(d.relations()[0].agreed_by == strings({"bob"}));
}

TEST_CASE("Label Studio: several layers of one document export as tasks named by their annotators") {
    const Corpus c = layered_corpus();
    auto exported = export_corpus("labelstudio", c, {0, 1, 2});
    REQUIRE(exported.ok());
    const ImportedCorpus back = round_trip("labelstudio", c, {0, 1, 2});
    REQUIRE(back.documents.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back.documents[i].id() == c.documents[i].id());
        CHECK(back.documents[i].annotator() == c.documents[i].annotator());
        check_same_annotations(c.documents[i], back.documents[i]);
    }
}

TEST_CASE("Label Studio: errors name the file and the JSON path") {
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 2, "end": 60, "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[0].value.end 60 is past the end of the text (5 code points)");
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 2, "end": 5, "text": "Zoe", "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[0].value.text \"Zoe\" differs from the text at [2, 5): \"Zoë\" (code points)");
    // A file whose value.text fits UTF-16 offsets is read in UTF-16, and then refuses a split surrogate pair.
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 3, "end": 6, "text": "Zoë", "labels": ["PER"]}}, )"
                                       R"({"id": "b", "type": "labels", "value": {"start": 1, "end": 6, "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[1].value.start 1 falls between the two halves of a surrogate pair (UTF-16 units)");
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 2, "end": 5, "labels": ["PER"]}}, )"
                                       R"({"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["meets"]}]}]}])")) ==
          "ls.json: [0].annotations[0].result[1].to_id: \"zz\" is not the id of a region of this annotation");
    CHECK(error_of(import_json(R"([{"id": 1, "annotations": []}])")) == "ls.json: [0].data: expected an object");
    CHECK(error_of(import_json(R"({"id": 1, "data": {"text": 5}})")) == "ls.json: [0].data.text: expected a string, got number");
    CHECK(error_of(import_json("[1, 2")) == "ls.json: invalid JSON at line 1, column 6");
    CHECK(error_of(import_json("\"tasks\"")) == "ls.json: expected an array of tasks");
}
