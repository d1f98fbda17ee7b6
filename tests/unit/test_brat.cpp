#include <doctest/doctest.h>

#include "core/formats/brat.h"
#include "core/utf8_text.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

Corpus small_corpus() {
    Corpus c;
    c.schema = fixture_schema();
    auto doc = Document::create("d1", "notes/Zoë & co.txt", "Zoë 😀 met Émile\r\nin 東京.\n");
    REQUIRE(doc.ok());
    Document& d = doc.value();
    const auto zoe = add_span(d, "Zoë", "PER", 0, "first\nline", {{"confidence", "very high"}, {"negated", "true"}});
    const auto emile = add_span(d, "Émile", "PER");
    add_span(d, "Émile\r\nin 東京", "MISC");
    add_relation(d, "meets", zoe, emile);
    c.documents.push_back(std::move(d));
    return c;
}

Result<ImportedCorpus> import_pair(std::string txt, std::string ann) {
    return import_files("brat", {{"doc1.txt", std::move(txt)}, {"doc1.ann", std::move(ann)}}, fixture_schema());
}

}  // namespace

TEST_CASE("brat: the sample article and the multilingual text round-trip") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("brat", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    std::vector<std::string> names;
    for (const auto& [name, content] : exported->files) names.push_back(name);
    CHECK(names == strings({"annotation.conf", "istanbul-talks.fr.ann", "istanbul-talks.fr.txt", "multilingual.ann",
                            "multilingual.txt"}));
    CHECK(exported->files.at("multilingual.txt") == corpus.documents[1].text());  // exact bytes, CRLF kept
    CHECK(exported->losses == strings({"brat: 2 span notes with line breaks written on one line"}));

    const ImportedCorpus imported = round_trip("brat", corpus, all_documents(corpus));
    REQUIRE(imported.documents.size() == 2);
    CHECK(imported.documents[0].name() == "istanbul-talks.fr.txt");
    CHECK(imported.documents[0].id() == "istanbul-talks.fr");
    for (std::size_t i = 0; i < 2; ++i) check_same_annotations(corpus.documents[i], imported.documents[i], Keep{true, true, true});
    CHECK(imported.skipped.empty());
}

TEST_CASE("brat: exact .ann and annotation.conf, with fragments for a span across lines") {
    const Corpus corpus = small_corpus();
    auto exported = export_corpus("brat", corpus, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.count("Zoë_&_co.txt"));
    CHECK(exported->files.at("Zoë_&_co.ann") ==
          "T1\tPER 0 3\tZoë\n"
          "T2\tPER 10 15\tÉmile\n"
          "T3\tMISC 10 15;17 22\tÉmile in 東京\n"
          "R1\tmeets Arg1:T1 Arg2:T2\n"
          "A1\tconfidence T1 very_high\n"
          "A2\tnegated T1\n"
          "#1\tAnnotatorNotes T1\tfirst line\n");
    CHECK(exported->files.at("annotation.conf") ==
          "# brat annotation.conf written by Inkspan from its schema\n"
          "[entities]\nPER\nORG\nLOC\nDATE\nMISC\n\n"
          "[relations]\n"
          "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
          "meets\tArg1:PER, Arg2:PER\n"
          "member_of\tArg1:PER, Arg2:ORG\n"
          "located_in\tArg1:ORG|PER|LOC, Arg2:LOC\n"
          "negotiates_with\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric\n\n"
          "[events]\n\n"
          "[attributes]\n"
          "confidence\tArg:<ENTITY>, Value:very_high\n"
          "negated\tArg:<ENTITY>\n");
    CHECK(exported->losses == strings({"brat: 1 attribute value with spaces or line breaks written with '_' instead",
                                       "brat: 1 span note with line breaks written on one line"}));

    // The fragments come back as the covering range, silently (the gap is only a line break).
    auto imported = import_files("brat", exported->files, corpus.schema);
    REQUIRE(imported.ok());
    const Document& d = imported->documents[0];
    CHECK(d.name() == "Zoë_&_co.txt");
    CHECK(d.find_span("T3")->start == 10);
    CHECK(d.find_span("T3")->end == 22);
    CHECK(d.find_span("T1")->attributes == Attributes{{"confidence", "very_high"}, {"negated", "true"}});
    CHECK(imported->skipped.empty());
}

TEST_CASE("brat: a file written by brat with events, attributes, notes, equivalences and a discontinuous span") {
    std::map<std::string, std::string> files;
    for (const char* name : {"news.txt", "news.ann", "annotation.conf"})
        files[std::string("brat/") + name] = read_source_file(std::string("tests/fixtures/brat/") + name);
    REQUIRE(sniff_files(files) == "brat");
    CHECK(sniff_format("brat/news.ann", files["brat/news.ann"]) == "brat");
    auto imported = import_files("brat", files, Schema{});
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.id() == "news");
    std::vector<std::string> spans;
    for (const Span& s : d.spans()) spans.push_back(s.id + " " + s.label + " " + std::string(d.span_text(s)));
    CHECK(spans == strings({"T1 Organization Sony", "T2 MERGE-ORG joint venture", "T3 Organization Ericsson",
                            "T4 Country Sweden", "T5 Location North and South America"}));
    CHECK(d.find_span("T1")->note == "this annotation is suspect");
    CHECK(d.find_span("T1")->attributes == Attributes{{"Merged", "true"}});
    CHECK(d.find_span("T3")->attributes == Attributes{{"Confidence", "High"}});
    REQUIRE(d.relations().size() == 2);
    CHECK(d.find_relation("R1")->type == "Origin");
    CHECK(d.find_relation("R2")->tail == "T5");

    std::vector<std::string> types;
    for (const EntityType& e : imported->new_entity_types) types.push_back(e.name);
    CHECK(types == strings({"Organization", "Country", "Location", "MERGE-ORG"}));
    REQUIRE(imported->new_relation_types.size() == 2);
    CHECK(imported->new_relation_types[0] == RelationType{"Origin", {"Organization"}, {"Country"}, true});
    CHECK(imported->new_relation_types[1] == RelationType{"Located", {"Organization"}, {"Location", "Country"}, true});
    CHECK(validate_schema(merge_schema(Schema{}, *imported)).ok());
    CHECK(imported->skipped ==
          strings({"brat: 1 event (E line) skipped; its trigger was kept as a span (first: brat/news.ann line 4)",
                   "brat: 1 equivalence (* line) skipped (first: brat/news.ann line 12)",
                   "brat: 1 normalization (N line) skipped (first: brat/news.ann line 13)",
                   "brat: 1 discontinuous span imported as its covering range (Inkspan spans are contiguous) (first: "
                   "brat/news.ann line 14)",
                   "brat: 1 relation involving an event or a relation skipped (first: brat/news.ann line 16)",
                   "brat: 1 attribute of an event or a relation skipped (first: brat/news.ann line 7)",
                   "brat: 1 note on an event or a relation skipped (first: brat/news.ann line 11)"}));
}

TEST_CASE("brat: errors name the file and the line") {
    const std::string txt = "Zoë met Émile in 東京.";  // 20 code points
    auto error_of = [](const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; };
    CHECK(error_of(import_pair(txt, "T1\tPER 0 3\tZoë\nT2\tPER 8 50\tÉmile\n")) ==
          "doc1.ann line 2: span end 50 is past the end of the text (20 code points)");
    CHECK(error_of(import_pair(txt, "T1\tPER 0 3\tZoe\n")) ==
          "doc1.ann line 1: the span text \"Zoe\" differs from doc1.txt at 0 3: \"Zoë\"");
    CHECK(error_of(import_pair(txt, "T1\tPER 0 3\tZoë\nR1\tmeets Arg1:T1 Arg2:T9\n")) ==
          "doc1.ann line 2: R1 refers to \"T9\", which is not defined");
    CHECK(error_of(import_pair(txt, "T1 PER 0 3 Zoë\n")) ==
          "doc1.ann line 1: expected an id, a tab and an annotation, got \"T1 PER 0 3 Zoë\"");
    CHECK(error_of(import_pair(txt, "T1\tPER 0 x\tZoë\n")) ==
          "doc1.ann line 1: bad offsets \"0 x\" (expected \"start end\", fragments separated by ;)");
    CHECK(error_of(import_pair(txt, "T1\tPER 5 3\tx\n")) == "doc1.ann line 1: span [5, 3) ends before it starts");
    CHECK(error_of(import_pair(txt, "T1\tPER 0 3\tZoë\nT1\tPER 4 7\tmet\n")) == "doc1.ann line 2: T1 is defined twice");
    CHECK(error_of(import_pair(txt, "X1\tPER 0 3\tZoë\n")) ==
          "doc1.ann line 1: unknown annotation id \"X1\" (expected T, R, E, A, M, N, * or #)");
    CHECK(error_of(import_pair("Zo\xC3", "")) == "doc1.txt: invalid UTF-8 at byte 2");
    CHECK(error_of(import_files("brat", {{"a/doc2.ann", "T1\tPER 0 1\tx\n"}}, Schema{})) ==
          "a/doc2.ann: no doc2.txt beside it (brat keeps the text in a .txt of the same name)");
}

TEST_CASE("brat: blank spans and duplicates are skipped with a report, a .txt alone is a document") {
    auto r = import_files("brat",
                          {{"a.txt", "Zoë  met"}, {"a.ann", "T1\tPER 0 3\tZoë\nT2\tPER 0 3\tZoë\nT3\tPER 3 5\t  \n"},
                           {"b.txt", "plain"}, {"readme.md", "x"}},
                          fixture_schema());
    REQUIRE(r.ok());
    CHECK(r->documents.size() == 2);
    CHECK(r->documents[0].span_count() == 1);
    CHECK(r->documents[1].span_count() == 0);
    CHECK(r->skipped == strings({"brat: 1 duplicate span skipped (same offsets and label) (first: a.ann line 2)",
                                 "brat: 1 empty or whitespace-only span skipped (first: a.ann line 3)",
                                 "brat: file readme.md ignored (not a .txt, .ann or annotation.conf)"}));
}

TEST_CASE("brat: relation arguments that clean to the same type name are listed once (found by fuzzing)") {
    auto r = import_files("brat",
                          {{"a.txt", "Sony and Ericsson"}, {"a.ann", "T1\tA_B 0 4\tSony\n"},
                           {"annotation.conf", "[entities]\nA_B\n[relations]\nrel\tArg1:A B|A_B|A_B, Arg2:A_B|A B\n"}},
                          fixture_schema());
    REQUIRE(r.ok());
    REQUIRE(r->new_relation_types.size() == 1);
    CHECK(r->new_relation_types[0].head == strings({"A_B"}));
    CHECK(r->new_relation_types[0].tail == strings({"A_B"}));
    CHECK(validate_schema(merge_schema(fixture_schema(), *r)).ok());
}

TEST_CASE("brat: a duplicate of a relation its conf does not allow is skipped, listed once (found by fuzzing)") {
    auto r = import_files("brat",
                          {{"a.txt", "Sony and Ericsson"},
                           {"a.ann", "T1\tOrg 0 4\tSony\nT2\tOrg 9 17\tEricsson\nR1\tOrigin Arg1:T1 Arg2:T2\nR1\tOrigin Arg1:T1 Arg2:T2\n"},
                           {"annotation.conf", "[entities]\nOrg\nCountry\n[relations]\nOrigin\tArg1:Org, Arg2:Country\n"}},
                          fixture_schema());
    REQUIRE(r.ok());
    REQUIRE(r->documents.size() == 1);
    CHECK(r->documents[0].relations().size() == 1);
    REQUIRE(r->violations.size() == 1);
    CHECK(r->violations[0].annotation == r->documents[0].relations()[0].id);
}

namespace {

const Document& by_name(const std::vector<Document>& docs, std::string_view name) {
    for (const Document& d : docs)
        if (d.name() == name) return d;
    FAIL("no document named ", name);
    return docs.front();
}

}  // namespace

TEST_CASE("brat: an empty .ann is a document without annotations; an export with unannotated documents comes back") {
    Corpus c = small_corpus();
    c.documents.push_back(Document::create("d2", "empty.txt", "Nothing to see here.\n").value());
    c.documents.push_back(Document::create("d3", "blank.txt", "").value());
    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    CHECK(exported->files.at("empty.ann").empty());
    CHECK(exported->files.at("blank.ann").empty());
    CHECK(exported->files.at("blank.txt").empty());
    // What the import path refuses before reading: an empty file alone, named; never a brat set.
    CHECK_FALSE(find_empty_file(exported->files));
    CHECK_FALSE(find_empty_file({{"a.txt", "x"}, {"a.ann", ""}}));
    auto empty = find_empty_file({{"notes.txt", ""}});
    REQUIRE(empty);
    CHECK(empty->message == "notes.txt: the file is empty");
    auto empty_json = find_empty_file({{"a.jsonl", "{}"}, {"b.jsonl", ""}});
    REQUIRE(empty_json);
    CHECK(empty_json->message == "b.jsonl: the file is empty");

    auto imported = import_files("brat", exported->files, c.schema);
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    REQUIRE(imported->documents.size() == 3);
    CHECK(by_name(imported->documents, "Zoë_&_co.txt").span_count() == 3);  // (its losses: the tests above)
    check_same_annotations(c.documents[1], by_name(imported->documents, "empty.txt"));
    check_same_annotations(c.documents[2], by_name(imported->documents, "blank.txt"));
    CHECK(imported->new_entity_types.empty());
    CHECK(imported->new_relation_types.empty());
    CHECK(imported->violations.empty());
}

TEST_CASE("brat: files checked once (Utf8Files) import the same documents, span for span, as the same files unchecked") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("brat", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    exported->files["more.txt"] = "Zoë\u2028 et\tÉmile à 東京  ";  // a brat line break and blanks inside spans
    exported->files["more.ann"] = "T1\tPER 0 3\tZoë\nT2\tPER 0 9;9 10\nT3\tLOC 13 15\nT4\tPER 3 4\nR1\tmeets Arg1:T1 Arg2:T2\n";
    auto unchecked = import_files("brat", exported->files, corpus);
    auto files = Utf8Files::check(exported->files);
    REQUIRE(files.ok());
    auto checked = import_utf8_files("brat", *files, corpus);
    REQUIRE(unchecked.ok());
    REQUIRE(checked.ok());
    REQUIRE(checked->documents.size() == unchecked->documents.size());
    for (std::size_t i = 0; i < checked->documents.size(); ++i) {
        const Document& a = checked->documents[i];
        const Document& b = unchecked->documents[i];
        CHECK(a == b);
        CHECK(a.id() == b.id());
        CHECK(std::vector<Span>(a.spans().begin(), a.spans().end()) == std::vector<Span>(b.spans().begin(), b.spans().end()));
        CHECK(a.relations() == b.relations());
    }
    CHECK(checked->skipped == unchecked->skipped);
    CHECK(checked->skipped.size() >= 1);  // the blank span T4 (a line break) was skipped both ways
    // Refusals that come after the UTF-8 check are the same too.
    auto wrong = Utf8Files::check({{"doc1.txt", "Zoë"}, {"doc1.ann", "T1\tPER 0 9\tZoë\n"}});
    REQUIRE(wrong.ok());
    auto error_of = [](const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; };
    CHECK(error_of(import_utf8_files("brat", *wrong, fixture_schema())) == error_of(import_pair("Zoë", "T1\tPER 0 9\tZoë\n")));
    CHECK(error_of(import_pair("Zoë", "T1\tPER 0 9\tZoë\n")) != "(ok)");
}
