#include <doctest/doctest.h>

#include "core/formats/spacy_jsonl.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

Result<ImportedCorpus> import_line(const std::string& line) {
    return import_files("spacy", {{"x.jsonl", line + "\n"}}, fixture_schema());
}

}  // namespace

TEST_CASE("spaCy: the fixtures round-trip with notes, attributes and document metadata") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("spacy", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    REQUIRE(exported->files.count("inkspan-corpus.jsonl"));
    CHECK(exported->losses.empty());
    CHECK(sniff_format("inkspan-corpus.jsonl", exported->files.begin()->second) == "spacy");
    const ImportedCorpus imported = round_trip("spacy", corpus, all_documents(corpus));
    REQUIRE(imported.documents.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        check_same_annotations(corpus.documents[i], imported.documents[i]);
        CHECK(imported.documents[i].id() == corpus.documents[i].id());
        CHECK(imported.documents[i].name() == corpus.documents[i].name());
        CHECK(imported.documents[i].status() == corpus.documents[i].status());
    }
}

TEST_CASE("spaCy: exact line; token_end is inclusive and head/child name the span's last token") {
    Corpus c;
    c.schema = fixture_schema();
    auto d = Document::create("s", "s.txt", "Sonata Coulter met Zoë.");
    REQUIRE(d.ok());
    const auto coulter = add_span(*d, "Sonata Coulter", "PER");
    const auto zoe = add_span(*d, "Zoë", "PER");
    add_relation(*d, "meets", coulter, zoe);
    c.documents.push_back(std::move(*d));
    auto exported = export_corpus("spacy", c, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.at("s.jsonl") ==
          R"({"text":"Sonata Coulter met Zoë.","tokens":[{"text":"Sonata","start":0,"end":6,"id":0,"ws":true},)"
          R"({"text":"Coulter","start":7,"end":14,"id":1,"ws":true},{"text":"met","start":15,"end":18,"id":2,"ws":true},)"
          R"({"text":"Zoë","start":19,"end":22,"id":3,"ws":false},{"text":".","start":22,"end":23,"id":4,"ws":false}],)"
          R"("spans":[{"start":0,"end":14,"text":"Sonata Coulter","label":"PER","token_start":0,"token_end":1},)"
          R"({"start":19,"end":22,"text":"Zoë","label":"PER","token_start":3,"token_end":3}],)"
          R"("relations":[{"head":1,"child":3,"head_span":{"start":0,"end":14,"token_start":0,"token_end":1,"label":"PER"},)"
          R"("child_span":{"start":19,"end":22,"token_start":3,"token_end":3,"label":"PER"},"label":"meets"}],)"
          R"("answer":"accept","meta":{"id":"s","name":"s.txt","status":"new"}})"
          "\n");
}

TEST_CASE("spaCy: spans off token edges are still written, and reported") {
    Corpus c;
    c.schema = fixture_schema();
    auto d = Document::create("s", "s.txt", "Jean-Pierre vit.");
    REQUIRE(d.ok());
    add_span(*d, "Pierre", "PER");
    c.documents.push_back(std::move(*d));
    auto exported = export_corpus("spacy", c, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.at("s.jsonl").find(R"("label":"PER","token_start":0,"token_end":0})") != std::string::npos);
    CHECK(exported->losses ==
          strings({"spaCy: 1 span does not align with token edges (token_start/token_end name the tokens it touches)"}));
    auto back = import_files("spacy", exported->files, c.schema);
    REQUIRE(back.ok());
    CHECK(back->documents[0].span_at(0).start == 5);
}

TEST_CASE("spaCy: a Prodigy rel.manual export with a rejected example and a token-level relation") {
    const std::string content = read_source_file("tests/fixtures/prodigy/rel_manual.jsonl");
    CHECK(sniff_format("rel_manual.jsonl", content) == "spacy");
    auto imported = import_files("spacy", {{"rel_manual.jsonl", content}}, Schema{});
    REQUIRE(imported.ok());
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.id() == "rel_manual-1");
    std::vector<std::string> spans;
    for (const Span& s : d.spans()) spans.push_back(s.label + " " + std::string(d.span_text(s)));
    CHECK(spans == strings({"ORG Apple", "PERSON Tim Cook", "GPE Cupertino"}));
    std::vector<std::string> relations;
    for (const Relation& r : d.relations())
        relations.push_back(std::string(d.span_text(*d.find_span(r.head))) + " " + r.type + " " +
                            std::string(d.span_text(*d.find_span(r.tail))));
    CHECK(relations == strings({"Tim Cook WORKS_FOR Apple", "Apple LOCATED_IN Cupertino"}));
    CHECK(imported->skipped == strings({"spaCy: 1 example answered \"reject\" or \"ignore\" skipped (first: rel_manual.jsonl line 2)"}));
}

TEST_CASE("spaCy: Prodigy's _annotator_id names the annotator (meta.annotator first)") {
    auto imported = import_files("spacy", {{"ner_sessions.jsonl", read_source_file("tests/fixtures/prodigy/ner_sessions.jsonl")}},
                                 fixture_schema());
    REQUIRE(imported.ok());
    REQUIRE(imported->documents.size() == 3);
    CHECK(imported->documents[0].annotator() == "talks_ner-alex");
    CHECK(span_texts(imported->documents[0]) == strings({"PER Zoë 0-3"}));
    CHECK(imported->documents[1].annotator() == "talks_ner-sam");
    CHECK(span_texts(imported->documents[1]) == strings({"LOC Lyon 15-19"}));
    CHECK(imported->documents[2].annotator() == "sam");
}

TEST_CASE("spaCy: layers round-trip with their annotators; provenance is reported lost") {
    const Corpus c = layered_corpus();
    auto gold = export_corpus("spacy", c, {2});
    REQUIRE(gold.ok());
    CHECK(gold->files.count("talks-gold.jsonl") == 1);
    CHECK(gold->losses == strings({"spaCy: 2 gold provenances dropped (who agreed on a span or relation)"}));
    const ImportedCorpus back = round_trip("spacy", c, {0, 1, 2, 3});
    REQUIRE(back.documents.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(back.documents[i].id() == c.documents[i].id());
        CHECK(back.documents[i].annotator() == c.documents[i].annotator());
        check_same_annotations(c.documents[i], back.documents[i]);
    }
}

TEST_CASE("spaCy: errors name the file, the line and the field") {
    CHECK(error_of(import_line(R"({"text": "Zoë", "spans": [{"start": 0, "end": 9, "label": "PER"}]})")) ==
          "x.jsonl line 1: spans[0].end 9 is past the end of the text (3 code points)");
    CHECK(error_of(import_line(R"({"text": "Zoë", "spans": [{"start": -1, "end": 2, "label": "PER"}]})")) ==
          "x.jsonl line 1: spans[0].start: expected a non-negative integer, got -1");
    CHECK(error_of(import_line(R"({"text": "Zoë", "spans": [{"start": 0, "end": 3, "text": "Zoe", "label": "PER"}]})")) ==
          "x.jsonl line 1: spans[0].text \"Zoe\" differs from the text at [0, 3): \"Zoë\"");
    CHECK(error_of(import_line(R"({"text": "Zoë", "spans": [{"start": 0, "end": 3}]})")) ==
          "x.jsonl line 1: spans[0].label: missing");
    CHECK(error_of(import_line(R"({"text": "Zoë met", "spans": [{"start": 0, "end": 3, "label": "PER"}], )"
                               R"("relations": [{"label": "meets", "head_span": {"start": 0, "end": 3, "label": "PER"}, )"
                               R"("child_span": {"start": 4, "end": 7, "label": "PER"}}]})")) ==
          "x.jsonl line 1: relations[0].child_span: [4, 7) is not among the spans of this line");
    CHECK(error_of(import_line(R"({"text": "Zoë", "spans": [)")) == "x.jsonl line 1: invalid JSON at line 1, column 27");
    CHECK(error_of(import_line(R"({"spans": []})")) == "x.jsonl line 1: text: missing");
    CHECK(error_of(import_line(R"(["text"])")) == "x.jsonl line 1: expected a JSON object per line");
    CHECK(error_of(import_files("spacy", {{"x.jsonl", "{\"text\": \"Zo\xC3\"}"}}, Schema{})) ==
          "x.jsonl: invalid UTF-8 at byte 12");
}
