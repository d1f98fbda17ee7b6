// brat's annotation.conf and type names (docs/FORMATS.md): the conf never destroys data, macros
// expand as brat does, types declared on several lines keep every line, names outside brat's
// alphabet get safe names (originals in visual.conf), notes and symmetric-transitive relations
// round-trip, and relations the schema does not allow are kept and widen it; the brat fixture
// collections written for the Python checks.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/editor.h"
#include "core/formats/brat.h"
#include "core/inkspan_json.h"
#include "core/limits.h"
#include "core/schema_fit.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

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

}  // namespace

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
