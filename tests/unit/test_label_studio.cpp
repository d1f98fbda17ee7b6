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

std::vector<std::string> span_texts(const Document& d) {
    std::vector<std::string> out;
    for (const Span& s : d.spans())
        out.push_back(s.label + " " + std::string(d.span_text(s)) + " " + std::to_string(s.start) + "-" + std::to_string(s.end));
    return out;
}

std::vector<std::string> relation_texts(const Document& d) {
    std::vector<std::string> out;
    for (const Relation& r : d.relations())
        out.push_back(std::string(d.span_text(*d.find_span(r.head))) + " " + r.type + " " +
                      std::string(d.span_text(*d.find_span(r.tail))));
    return out;
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

TEST_CASE("Label Studio: exact task with UTF-16 offsets, a note and an undirected relation") {
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
          R"("value":{"start":3,"end":6,"text":"Zoë","labels":["PER"]},"meta":{"text":["a note"]}},)"
          R"({"id":"T2","from_name":"label","to_name":"text","type":"labels","origin":"manual",)"
          R"("value":{"start":10,"end":16,"text":"Москва","labels":["LOC"]}},)"
          R"({"from_id":"T1","to_id":"T2","type":"relation","direction":"bi","labels":["negotiates_with"]}]}],"predictions":[]})"
          "\n]\n");
}

TEST_CASE("Label Studio: an export with predictions, several annotations, multi-label regions and directions") {
    const std::string content = read_source_file("tests/fixtures/labelstudio/export.json");
    CHECK(sniff_format("export.json", content) == "labelstudio");
    auto imported = import_files("labelstudio", {{"export.json", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    REQUIRE(imported->documents.size() == 2);
    const Document& d = imported->documents[0];
    CHECK(d.id() == "export-11");
    CHECK(span_texts(d) == strings({"Person Emmanuel Macron 15-30", "Person Olaf Scholz 38-49", "Politician Olaf Scholz 38-49",
                                    "Location Paris 🇫🇷 52-60"}));
    CHECK(d.find_span("mKx1Qa")->note == "President of France");
    CHECK(relation_texts(d) == strings({"Emmanuel Macron meets Olaf Scholz", "Emmanuel Macron located_in Paris 🇫🇷"}));
    CHECK(span_texts(imported->documents[1]) == strings({"Location 東京 0-2"}));
    CHECK(imported->skipped ==
          strings({"Label Studio: 1 prediction ignored (only annotations are read) (first: export.json: [0].predictions)",
                   "Label Studio: 1 result of type choices skipped (first: export.json: [0].annotations[0].result[6])",
                   "Label Studio: 1 relation without a label skipped (Inkspan relations are typed) (first: export.json: "
                   "[0].annotations[0].result[5])",
                   "Label Studio: type name \"located in\" renamed located_in (type names cannot hold spaces)",
                   "Label Studio: 1 cancelled annotation ignored (first: export.json: [1].annotations[0])",
                   "Label Studio: 1 further annotation of a task ignored (the first was read) (first: export.json: "
                   "[1].annotations[2])"}));
}

TEST_CASE("Label Studio: errors name the file and the JSON path") {
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 1, "end": 6, "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[0].value.start 1 falls between the two halves of a surrogate pair (UTF-16 units)");
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 3, "end": 60, "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[0].value.end 60 is past the end of the text (6 UTF-16 units)");
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 3, "end": 6, "text": "Zoe", "labels": ["PER"]}}]}]}])")) ==
          "ls.json: [0].annotations[0].result[0].value.text \"Zoe\" differs from the text at UTF-16 [3, 6): \"Zoë\"");
    CHECK(error_of(import_json(kTask + R"({"id": "a", "type": "labels", "value": {"start": 3, "end": 6, "labels": ["PER"]}}, )"
                                       R"({"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["meets"]}]}]}])")) ==
          "ls.json: [0].annotations[0].result[1].to_id: \"zz\" is not the id of a region of this annotation");
    CHECK(error_of(import_json(R"([{"id": 1, "annotations": []}])")) == "ls.json: [0].data: expected an object");
    CHECK(error_of(import_json(R"({"id": 1, "data": {"text": 5}})")) == "ls.json: [0].data.text: expected a string, got number");
    CHECK(error_of(import_json("[1, 2")) == "ls.json: invalid JSON at line 1, column 6");
    CHECK(error_of(import_json("\"tasks\"")) == "ls.json: expected an array of tasks");
}
