#include <doctest/doctest.h>

#include "core/formats/doccano.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

Result<ImportedCorpus> import_line(const std::string& line) {
    return import_files("doccano", {{"x.jsonl", line + "\n"}}, fixture_schema());
}

}  // namespace

TEST_CASE("doccano: the fixtures round-trip; notes and attributes are reported lost") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("doccano", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    CHECK(exported->losses == strings({"doccano: 3 span notes dropped", "doccano: 4 span attributes dropped"}));
    CHECK(sniff_format("inkspan-corpus.jsonl", exported->files.begin()->second) == "doccano");
    const ImportedCorpus imported = round_trip("doccano", corpus, all_documents(corpus));
    REQUIRE(imported.documents.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        check_same_annotations(corpus.documents[i], imported.documents[i], Keep{false, false});
        CHECK(imported.documents[i].id() == corpus.documents[i].id());
        CHECK(imported.documents[i].status() == corpus.documents[i].status());
    }
}

TEST_CASE("doccano: the annotator comes from meta.annotator, else the line's user or annotator") {
    auto imported = import_files("doccano", {{"users.jsonl", read_source_file("tests/fixtures/doccano/users.jsonl")}}, fixture_schema());
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 4);
    CHECK(imported->documents[0].annotator() == "bob");
    CHECK(imported->documents[1].annotator() == "carol");
    CHECK(imported->documents[2].annotator() == "dan");
    CHECK(imported->documents[3].annotator() == "user 4");
}

TEST_CASE("doccano: layers export with their annotators and file names; spans and annotators read back; provenance is reported lost") {
    const Corpus c = layered_corpus();
    auto gold = export_corpus("doccano", c, {2});
    REQUIRE(gold.ok());
    CHECK(gold->files.count("talks-gold.jsonl") == 1);
    CHECK(gold->losses == strings({"doccano: 2 gold provenances dropped (who agreed on a span or relation)"}));
    const ImportedCorpus back = round_trip("doccano", c, {0, 1, 2, 3});
    REQUIRE(back.documents.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(back.documents[i].id() == c.documents[i].id());
        CHECK(back.documents[i].annotator() == c.documents[i].annotator());
        check_same_annotations(c.documents[i], back.documents[i], Keep{false, false});
    }
}

TEST_CASE("doccano: offsets are UTF-16 units, converted both ways") {
    Corpus c;
    c.schema = fixture_schema();
    auto d = Document::create("e", "e.txt", "😀 Zoë met 👨‍👩‍👧 Émile");
    REQUIRE(d.ok());
    const auto zoe = add_span(*d, "Zoë", "PER");      // code points [2, 5)
    const auto emile = add_span(*d, "Émile", "PER");  // code points [16, 21)
    add_relation(*d, "meets", zoe, emile);
    c.documents.push_back(std::move(*d));
    auto exported = export_corpus("doccano", c, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.at("e.jsonl") ==
          R"({"id":1,"text":"😀 Zoë met 👨‍👩‍👧 Émile","entities":[)"
          R"({"id":1,"label":"PER","start_offset":3,"end_offset":6,"text":"Zoë"},)"
          R"({"id":2,"label":"PER","start_offset":20,"end_offset":25,"text":"Émile"}],)"
          R"("relations":[{"id":1,"from_id":1,"to_id":2,"type":"meets"}],"meta":{"id":"e","name":"e.txt","status":"new"}})"
          "\n");
    auto back = import_files("doccano", exported->files, c.schema);
    REQUIRE(back.ok());
    CHECK(span_texts(back->documents[0]) == strings({"PER Zoë 2-5", "PER Émile 16-21"}));
}

TEST_CASE("doccano: an export from doccano with relations, the older label shape and a category") {
    const std::string content = read_source_file("tests/fixtures/doccano/export.jsonl");
    CHECK(sniff_format("export.jsonl", content) == "doccano");
    auto imported = import_files("doccano", {{"export.jsonl", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    REQUIRE(imported->documents.size() == 3);
    const Document& google = imported->documents[0];
    CHECK(google.id() == "export-1");
    CHECK(span_texts(google) ==
          strings({"ORG Google 0-6", "DATE September 4, 1998 22-39", "PERSON Larry Page 44-54", "PERSON Sergey Brin 59-70"}));
    REQUIRE(google.relations().size() == 3);
    CHECK(google.relations()[1].type == "foundedBy");
    CHECK(google.span_text(*google.find_span(google.relations()[1].tail)) == "Larry Page");
    CHECK(span_texts(imported->documents[1]) == strings({"LOC Tokyo 2-7", "LOC 東京 12-14"}));
    CHECK(imported->documents[2].span_count() == 0);
    CHECK(imported->skipped == strings({"doccano: 1 document category label skipped (Inkspan labels spans, not documents) "
                                        "(first: export.jsonl line 3: label[0])"}));
}

TEST_CASE("doccano: errors name the file, the line and the field") {
    CHECK(error_of(import_line(R"({"text": "😀 Zoë", "entities": [{"id": 1, "label": "PER", "start_offset": 1, "end_offset": 6}]})")) ==
          "x.jsonl line 1: entities[0].start_offset 1 falls between the two halves of a surrogate pair (UTF-16 units)");
    CHECK(error_of(import_line(R"({"text": "😀 Zoë", "entities": [{"id": 1, "label": "PER", "start_offset": 3, "end_offset": 7}]})")) ==
          "x.jsonl line 1: entities[0].end_offset 7 is past the end of the text (6 UTF-16 units)");
    CHECK(error_of(import_line(R"({"text": "Zoë met", "entities": [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 3}], )"
                               R"("relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "meets"}]})")) ==
          "x.jsonl line 1: relations[0].to_id: 9 is not the id of an entity on this line");
    CHECK(error_of(import_line(R"({"text": "Zoë", "entities": [{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 3, "text": "Zoe"}]})")) ==
          "x.jsonl line 1: entities[0].text \"Zoe\" differs from the text at UTF-16 [0, 3): \"Zoë\"");
    CHECK(error_of(import_line(R"({"text": "Zoë", "label": [[0, 3]]})")) ==
          "x.jsonl line 1: label[0]: expected [start_offset, end_offset, \"LABEL\"]");
    CHECK(error_of(import_line(R"({"text": "Zoë", "label": [[0, 2.5, "PER"]]})")) ==
          "x.jsonl line 1: label[0][1]: expected a non-negative integer, got a fraction");
    CHECK(error_of(import_line(R"({"text": "Zoë", "entities": [{"id": 1, "label": "PER", "start_offset": 2, "end_offset": 1}]})")) ==
          "x.jsonl line 1: entities[0]: span [2, 1) ends before it starts");
    CHECK(error_of(import_files("doccano", {{"x.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"Zoë\" \"x\"}\n"}}, Schema{})) ==
          "x.jsonl line 2: invalid JSON at line 1, column 18");
}
