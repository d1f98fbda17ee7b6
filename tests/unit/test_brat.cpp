#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>

#include "core/editor.h"
#include "core/formats/brat.h"
#include "core/inkspan_json.h"
#include "core/limits.h"
#include "core/utf8_text.h"
#include "core/schema_fit.h"
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

std::map<std::string, std::string> fixture_files(std::string_view folder, std::initializer_list<const char*> names) {
    std::map<std::string, std::string> files;
    for (const char* name : names)
        files[std::string(folder) + "/" + name] = read_source_file("tests/fixtures/brat/" + std::string(folder) + "/" + name);
    return files;
}

std::vector<std::string> names_of(const std::vector<EntityType>& types) {
    std::vector<std::string> out;
    for (const EntityType& t : types) out.push_back(t.name);
    return out;
}

const RelationType* find_type(const std::vector<RelationType>& types, std::string_view name) {
    for (const RelationType& t : types)
        if (t.name == name) return &t;
    return nullptr;
}

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

TEST_CASE("brat: annotation.conf never destroys data (CoNLL-ST 2006 Portuguese: relations over the undefined type Span)") {
    const auto files = fixture_files("conll-st-2006", {"annotation.conf", "visual.conf", "bosque-sample.txt", "bosque-sample.ann"});
    auto r = import_files("brat", files, Schema{});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    REQUIRE(r->documents.size() == 1);
    const Document& d = r->documents[0];
    CHECK(d.span_count() == 13);
    CHECK(d.relations().size() == 11);  // every relation the .ann holds
    // [spans] is brat's other name for [entities]; "Span" is no entity type, so none is made up.
    CHECK(names_of(r->new_entity_types) == strings({"adv", "art", "n", "prop", "prp", "punc", "_question_", "ROOT", "v-fin"}));
    REQUIRE(r->violations.size() == 11);
    CHECK(r->violations[0] == SchemaViolation{"bosque-sample", "R1",
                                              "relation type SUBJ does not allow v-fin → prop (annotation.conf allows Span → Span)"});
    CHECK(r->violations[4] == SchemaViolation{"bosque-sample", "R5",
                                              "relation type N_lt_ does not allow n → art (annotation.conf allows Span → Span)"});
    // Widened to what the data uses, without Span; display names of real brat data are not applied.
    const RelationType* subj = find_type(r->new_relation_types, "SUBJ");
    REQUIRE(subj);
    CHECK(*subj == RelationType{"SUBJ", {"v-fin"}, {"prop"}, true});
    REQUIRE(find_type(r->new_relation_types, "A_lt_"));
    CHECK(find_type(r->new_relation_types, "A_lt_")->head.empty());  // unused, and Span left out
    CHECK(r->skipped == strings({"brat: 8 relation types: argument type Span is not an entity type, left out "
                                 "(first: conll-st-2006/annotation.conf line 19)"}));
    const Schema merged = merge_schema(Schema{}, *r);
    CHECK(validate_schema(merged).ok());
    for (const Relation& rel : d.relations())
        CHECK(merged.allows(rel.type, d.find_span(rel.head)->label, d.find_span(rel.tail)->label));
}

TEST_CASE("brat: conf macros expand as brat does (<ANY>, <ENTITY>, defined <NAME>=...), per section") {
    const std::string conf =
        "[entities]\nPerson\nOrganization\n\tCompany\nGPE\n!Abstract\n"
        "[relations]\n<POG>=Person|Organization|GPE\n"
        "Located\tArg1:<POG>, Arg2:GPE\n"
        "Alias\tArg1:<ANY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        "[events]\n[attributes]\n";
    auto r = import_files("brat",
                          {{"annotation.conf", conf},
                           {"a.txt", "Acme hired Zoë in Lyon."},
                           {"a.ann", "T1\tCompany 0 4\tAcme\nT2\tPerson 11 14\tZoë\nT3\tGPE 18 22\tLyon\nT4\tVerb 5 10\thired\n"
                                     "R1\tLocated Arg1:T1 Arg2:T3\nR2\tLocated Arg1:T3 Arg2:T2\nR3\tAlias Arg1:T3 Arg2:T1\n"}},
                          Schema{});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    CHECK(names_of(r->new_entity_types) == strings({"Person", "Organization", "Company", "GPE", "Verb"}));
    REQUIRE(r->new_relation_types.size() == 2);
    CHECK(r->new_relation_types[0] == RelationType{"Located", {"Person", "Organization", "GPE", "Company"}, {"GPE", "Person"}, true});
    CHECK(r->new_relation_types[1] == RelationType{"Alias", {}, {}, false, true});
    CHECK(r->documents[0].relations().size() == 3);
    CHECK(r->violations ==
          std::vector<SchemaViolation>{
              {"a", "T4", "label Verb is not declared in annotation.conf"},
              {"a", "R1", "relation type Located does not allow Company → GPE (annotation.conf allows Person|Organization|GPE → GPE)"},
              {"a", "R2", "relation type Located does not allow GPE → Person (annotation.conf allows Person|Organization|GPE → GPE)"}});
    // Company → GPE: the head list gains Company.
    CHECK(validate_schema(merge_schema(Schema{}, *r)).ok());
}

TEST_CASE("brat: a relation type declared on several conf lines keeps every line (BioNLP REL), and exports so") {
    const auto files = fixture_files("bionlp-rel", {"annotation.conf", "PMID-0000001.txt", "PMID-0000001.ann"});
    auto r = import_files("brat", files, Schema{});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    const RelationType* nesting = find_type(r->new_relation_types, "ENTITY-NESTING");
    REQUIRE(nesting);
    CHECK(*nesting == RelationType{"ENTITY-NESTING", {"Protein", "Entity"}, {"Entity"}, true});
    REQUIRE(find_type(r->new_relation_types, "Equiv"));
    CHECK(*find_type(r->new_relation_types, "Equiv") == RelationType{"Equiv", {"Protein"}, {"Protein"}, false, true});
    CHECK(r->violations.empty());

    // Per line, as brat checks: Entity → Protein fits neither line, though each end fits one.
    auto two_lines = import_files("brat",
                                  {{"annotation.conf", "[entities]\nA\nB\n[relations]\nrel\tArg1:A, Arg2:B\nrel\tArg1:B, Arg2:B\n"},
                                   {"x.txt", "a b"}, {"x.ann", "T1\tA 0 1\ta\nT2\tB 2 3\tb\nR1\trel Arg1:T2 Arg2:T1\n"}},
                                  Schema{});
    REQUIRE(two_lines.ok());
    CHECK(two_lines->violations ==
          std::vector<SchemaViolation>{{"x", "R1", "relation type rel does not allow B → A (annotation.conf allows A → B, B → B)"}});
    CHECK(*find_type(two_lines->new_relation_types, "rel") == RelationType{"rel", {"A", "B"}, {"B", "A"}, true});

    Corpus c;
    c.schema = merge_schema(Schema{}, *r);
    c.documents = r->documents;
    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    const std::string& out = exported->files.at("annotation.conf");
    CHECK(out.find("\nENTITY-NESTING\tArg1:Protein|Entity, Arg2:Entity\n") != std::string::npos);
    CHECK(out.find("\nEquiv\tArg1:Protein, Arg2:Protein, <REL-TYPE>:symmetric-transitive\n") != std::string::npos);
    // Inkspan spans may nest and cross: brat's verifier is told so.
    CHECK(out.find("\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n") != std::string::npos);
    const ImportedCorpus back = round_trip("brat", c, all_documents(c));
    check_same_annotations(c.documents[0], back.documents[0], Keep{true, true, true});
    CHECK(back.violations.empty());
}

TEST_CASE("brat: relations the current schema does not allow are kept, listed, and the rule widened") {
    auto r = import_files("brat",
                          {{"a.txt", "Lyon welcomed Zoë."},
                           {"a.ann", "T1\tLOC 0 4\tLyon\nT2\tPER 14 17\tZoë\nR1\tlocated_in Arg1:T1 Arg2:T2\n"}},
                          fixture_schema());
    REQUIRE(r.ok());
    CHECK(r->documents[0].relations().size() == 1);
    CHECK(r->violations == std::vector<SchemaViolation>{
                               {"a", "R1", "relation type located_in does not allow LOC → PER (the schema allows ORG|PER|LOC → LOC)"}});
    REQUIRE(r->widened_relation_types.size() == 1);
    CHECK(r->widened_relation_types[0] == RelationType{"located_in", {"ORG", "PER", "LOC"}, {"LOC", "PER"}, true});
    CHECK(r->new_relation_types.empty());
    const Schema merged = merge_schema(fixture_schema(), *r);
    CHECK(merged.allows("located_in", "LOC", "PER"));
    CHECK(merged.relations.size() == fixture_schema().relations.size());
    CHECK(r->skipped.empty());
}

TEST_CASE("schema fit: an inkspan file whose schema allows more argument types keeps its relations and widens ours") {
    Corpus ours;
    ours.schema = fixture_schema();
    const std::string file = R"({"format": "inkspan", "version": 1,
  "schema": {"entities": [{"name": "PER", "color": "#4e79a7"}, {"name": "LOC", "color": "#59a14f"}, {"name": "CITY", "color": "#59a14f"}],
             "relations": [{"name": "located_in", "head": ["PER", "LOC"], "tail": ["LOC", "PER"]},
                           {"name": "near", "head": [], "tail": []}]},
  "documents": [{"id": "d1", "text": "Lyon welcomed Zoë in Paris.",
                 "spans": [{"id": "T1", "start": 0, "end": 4, "label": "LOC"}, {"id": "T2", "start": 14, "end": 17, "label": "PER"},
                           {"id": "T3", "start": 21, "end": 26, "label": "CITY"}],
                 "relations": [{"id": "R1", "type": "located_in", "head": "T1", "tail": "T2"},
                               {"id": "R2", "type": "near", "head": "T3", "tail": "T1"},
                               {"id": "R3", "type": "located_in", "head": "T2", "tail": "T1"}]}]})";
    auto incoming = parse_inkspan_json(file, InkspanReadOptions{true});
    REQUIRE(incoming.ok());
    // Today's refusal, for contrast: our rule does not take LOC → PER.
    CHECK_FALSE(ours.schema.allows("located_in", "LOC", "PER"));
    const std::vector<SchemaViolation> violations = fit_to_schema(ours.schema, incoming.value());
    CHECK(violations == std::vector<SchemaViolation>{
                            {"d1", "R1", "relation type located_in does not allow LOC → PER (the schema allows ORG|PER|LOC → LOC)"}});
    const RelationType* located = incoming->schema.find_relation("located_in");
    REQUIRE(located);
    CHECK(*located == RelationType{"located_in", {"ORG", "PER", "LOC"}, {"LOC", "PER"}, true});  // ours, widened
    CHECK(incoming->schema.find_relation("near"));  // new types stay as the file has them
    CHECK(incoming->schema.find_relation("meets") == nullptr);
    // The import the app makes of it: the widening, the new types, then the document.
    Editor editor;
    std::vector<Command> group{cmd::AddEntityType{*incoming->schema.find_entity("CITY")},
                               cmd::AddRelationType{*incoming->schema.find_relation("near")},
                               cmd::SetRelationRule{"located_in", located->head, located->tail, located->directed},
                               cmd::AddDocument{incoming->documents[0], std::nullopt}};
    CHECK(editor.apply(ours, std::span<const Command>(group), "", BatchOptions{"import", false}).ok());
    CHECK(ours.documents.size() == 1);
}

TEST_CASE("brat: type names outside [A-Za-z0-9_-] get safe names, the originals travel in visual.conf") {
    CHECK(brat_safe_name("PER") == "PER");
    CHECK(brat_safe_name("ENTITY-NESTING") == "ENTITY-NESTING");
    CHECK(brat_safe_name("颜色") == "_989C__8272_");
    CHECK(brat_safe_name("A<") == "A_3C_");
    CHECK(brat_safe_name("a_b.c") == "a_5F_b_2E_c");  // '_' escaped too once anything is: no two names meet

    Corpus c;
    c.schema.entities = {{"商品名称", "#4e79a7", "", ""}, {"颜色", "#59a14f", "", ""}, {"A|B", "#e15759", "", ""}};
    c.schema.relations = {{"有颜色", {"商品名称"}, {"颜色"}, true}};
    auto created = Document::create("d1", "goods.txt", "红色的连衣裙很好看。");
    REQUIRE(created.ok());
    Document& d = created.value();
    const auto dress = add_span(d, "连衣裙", "商品名称", 0, "", {{"尺码", "M"}});
    const auto red = add_span(d, "红色", "颜色");
    add_span(d, "好看", "A|B", 0, "", {{"sizes", "S|M,L"}});
    add_relation(d, "有颜色", dress, red);
    c.documents.push_back(std::move(d));

    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    CHECK(exported->files.at("goods.ann") ==
          "T2\t_989C__8272_ 0 2\t红色\n"
          "T1\t_5546__54C1__540D__79F0_ 3 6\t连衣裙\n"
          "T3\tA_7C_B 7 9\t好看\n"
          "R1\t_6709__989C__8272_ Arg1:T1 Arg2:T2\n"
          "A1\t_5C3A__7801_ T1 M\n"
          "A2\tsizes T3 S_M_L\n");
    CHECK(exported->files.at("visual.conf") ==
          "# brat visual.conf written by Inkspan: the original names of types whose names brat cannot hold\n"
          "[labels]\n"
          "_5546__54C1__540D__79F0_ | 商品名称\n"
          "_989C__8272_ | 颜色\n"
          "_6709__989C__8272_ | 有颜色\n"
          "_5C3A__7801_ | 尺码\n"
          "\n[drawing]\n");
    CHECK(exported->files.at("annotation.conf").find("有颜色") == std::string::npos);
    CHECK(exported->losses == strings({"brat: type name \"A|B\" written as A_7C_B (a visual.conf label cannot hold \"|\")",
                                       "brat: 1 attribute value with \"|\" or \",\" written with '_' instead (annotation.conf "
                                       "cannot list it)"}));
    CHECK(exported->files.at("annotation.conf").find("\nsizes\tArg:<ENTITY>, Value:S_M_L\n") != std::string::npos);

    auto back = import_files("brat", exported->files, c.schema);
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? std::string() : back.error().message));
    // The names come back, except the one listed as lost.
    CHECK(names_of(back->new_entity_types) == strings({"A_7C_B"}));
    CHECK(back->new_relation_types.empty());
    const Document& b = back->documents[0];
    CHECK(b.find_span("T1")->label == "商品名称");
    CHECK(b.find_span("T1")->attributes == Attributes{{"尺码", "M"}});
    CHECK(b.find_span("T2")->label == "颜色");
    CHECK(b.find_relation("R1")->type == "有颜色");
    CHECK(b.find_span("T3")->label == "A_7C_B");
    CHECK(back->violations.empty());
}

TEST_CASE("brat: a name whose safe form is over the limit is cut (a loss), so the export reads back") {
    // Found by fuzz_formats_brat: "!" is escaped as "_21_", four times as long, and a name brat
    // cannot restore through visual.conf is read back as written, where the limits apply.
    const std::string label(20, '!');                      // 20 bytes; safe form 80 > 64
    const std::string key = std::string(64, '!') + "Conf";  // 68 bytes; safe form 260 > 256
    Corpus c;
    c.schema.entities = {{label, "#4e79a7", "", ""}};
    auto created = Document::create("d1", "bangs.txt", "Bang bang.");
    REQUIRE(created.ok());
    Document& d = created.value();
    add_span(d, "Bang", label, 0, "", {{key, "yes"}});
    c.documents.push_back(std::move(d));

    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    REQUIRE(exported->losses.size() == 2);
    const std::string losses = exported->losses[0] + "\n" + exported->losses[1];
    CHECK(losses.find("longer than 256 bytes") != std::string::npos);
    CHECK(losses.find("longer than 64 bytes") != std::string::npos);
    auto back = import_files("brat", exported->files, Schema{});
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? std::string() : back.error().message));
    const Span& s = back->documents[0].span_at(0);
    CHECK(s.label.size() <= kMaxNameBytes);
    CHECK(s.label.rfind("_21__21_", 0) == 0);
    REQUIRE(s.attributes.size() == 1);
    CHECK(s.attributes.begin()->first.size() <= kMaxAttributeBytes);
    CHECK(s.attributes.begin()->second == "yes");
    // Two names cut to the same text stay two names.
    Corpus two = c;
    two.schema.entities.push_back({label + "?", "#59a14f", "", ""});
    add_span(two.documents[0], "bang", label + "?");
    auto both = export_corpus("brat", two, all_documents(two));
    REQUIRE(both.ok());
    auto again = import_files("brat", both->files, Schema{});
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? std::string() : again.error().message));
    CHECK(again->documents[0].span_at(0).label != again->documents[0].span_at(1).label);
}

TEST_CASE("brat: # notes keep their type, notes keep a leading space, symmetric-transitive is written back") {
    const std::string conf =
        "[entities]\nPER\n[relations]\nAlias\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric-transitive\n"
        "Knows\tArg1:PER, Arg2:PER, <REL-TYPE>:transitive\n[events]\n[attributes]\n";
    auto r = import_files("brat",
                          {{"annotation.conf", conf},
                           {"a.txt", "Zoë met Émile."},
                           {"a.ann", "T1\tPER 0 3\tZoë\nT2\tPER 8 13\tÉmile\nR1\tAlias Arg1:T1 Arg2:T2\n"
                                     "#1\tAnnotatorNotes T1\t  two leading spaces\n#2\tLemma T2\témile\n#3\tLemma T2\tEmile\n"}},
                          Schema{});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    const Document& d = r->documents[0];
    CHECK(d.find_span("T1")->note == "  two leading spaces");
    CHECK(d.find_span("T2")->note.empty());
    CHECK(d.find_span("T2")->attributes == Attributes{{"#Lemma", "émile\nEmile"}});
    CHECK(*find_type(r->new_relation_types, "Alias") == RelationType{"Alias", {"PER"}, {"PER"}, false, true});
    CHECK(*find_type(r->new_relation_types, "Knows") == RelationType{"Knows", {"PER"}, {"PER"}, true, true});

    Corpus c;
    c.schema = merge_schema(Schema{}, *r);
    c.documents = r->documents;
    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    CHECK(exported->files.at("a.ann") ==
          "T1\tPER 0 3\tZoë\nT2\tPER 8 13\tÉmile\nR1\tAlias Arg1:T1 Arg2:T2\n"
          "#1\tAnnotatorNotes T1\t  two leading spaces\n#2\tLemma T2\témile\n#3\tLemma T2\tEmile\n");
    const std::string& out = exported->files.at("annotation.conf");
    CHECK(out.find("\nAlias\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric-transitive\n") != std::string::npos);
    CHECK(out.find("\nKnows\tArg1:PER, Arg2:PER, <REL-TYPE>:transitive\n") != std::string::npos);
    CHECK(out.find("Lemma") == std::string::npos);  // a note type, not an attribute
    CHECK(exported->losses.empty());
    const ImportedCorpus back = round_trip("brat", c, all_documents(c));
    check_same_annotations(c.documents[0], back.documents[0]);
    const std::string again = export_corpus("brat", Corpus{c.schema, back.documents}, {0})->files.at("annotation.conf");
    CHECK(again == out);
    // The flag survives the app's own saves (inkspan JSON), so a later brat export still says it.
    const std::string saved = write_inkspan_json(c);
    CHECK(saved.find(R"({"name": "Knows", "head": ["PER"], "tail": ["PER"], "directed": true, "transitive": true})") !=
          std::string::npos);
    auto loaded = parse_inkspan_json(saved);
    REQUIRE(loaded.ok());
    CHECK(loaded->schema == c.schema);
}

TEST_CASE("formats: write the fixture exports: brat collections from brat's configurations and non-ASCII type names") {
    const char* dir = std::getenv("INKSPAN_EXPORT_DIR");
    if (!dir || !*dir) return;
    auto write = [&](const std::string& folder, const Corpus& corpus) {
        auto exported = export_corpus("brat", corpus, all_documents(corpus));
        REQUIRE(exported.ok());
        for (const auto& [name, content] : exported->files) {
            const std::filesystem::path path = std::filesystem::path(dir) / folder / name;
            std::filesystem::create_directories(path.parent_path());
            std::ofstream out(path, std::ios::binary);
            out << content;
            REQUIRE(out.good());
        }
    };
    auto imported = [](const std::map<std::string, std::string>& files) {
        auto r = import_files("brat", files, Schema{});
        REQUIRE(r.ok());
        return Corpus{merge_schema(Schema{}, *r), r->documents};
    };
    write("brat-conll-st-2006",
          imported(fixture_files("conll-st-2006", {"annotation.conf", "visual.conf", "bosque-sample.txt", "bosque-sample.ann"})));
    write("brat-bionlp-rel", imported(fixture_files("bionlp-rel", {"annotation.conf", "PMID-0000001.txt", "PMID-0000001.ann"})));
    Corpus names;
    names.schema.entities = {{"商品名称", "#4e79a7", "", ""}, {"颜色", "#59a14f", "", ""}};
    names.schema.relations = {{"有颜色", {"商品名称"}, {"颜色"}, false, true}};
    Document d = Document::create("d1", "goods.txt", "红色的连衣裙很好看。").value();
    const auto dress = add_span(d, "连衣裙", "商品名称", 0, " 注释", {{"尺码", "M"}, {"#词元", "连衣裙"}, {"sizes", "S|M,L"}});
    add_relation(d, "有颜色", dress, add_span(d, "红色", "颜色"));
    names.documents.push_back(std::move(d));
    write("brat-names", names);
}

TEST_CASE("brat: conf macros that expand into macros stop at a bound (a line not understood)") {
    std::string conf = "[entities]\nA\n[relations]\n";
    for (int level = 0; level < 12; ++level) {  // <M0> holds 16 <M1>, which hold 16 <M2>, ...
        conf += "<M" + std::to_string(level) + ">=";
        for (int k = 0; k < 16; ++k) conf += "<M" + std::to_string(level + 1) + ">|";
        conf += "A\n";
    }
    conf += "rel\tArg1:<M0>, Arg2:A\n";
    auto r = import_files("brat", {{"annotation.conf", conf}, {"a.txt", "a"}, {"a.ann", "T1\tA 0 1\ta\n"}}, Schema{});
    REQUIRE(r.ok());
    CHECK(r->new_relation_types.empty());
    CHECK(r->skipped == strings({"brat: 1 annotation.conf line not understood (first: annotation.conf line 16)"}));
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
