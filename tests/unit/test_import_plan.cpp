// An import between reading and adding (core/import_plan.h): what it brings against the corpus,
// the batch for each choice, and what the app says about it.
#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/import_plan.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {
Document annotated(const std::string& id, const std::string& text, const std::string& who, const std::string& name) {
    Document d = make_doc(id, text, name);
    d.set_annotator(who);
    d.insert_spans({{"T1", 0, 5, "PER", "", {}, {}}, {"T2", 6, 11, "LOC", "", {}, {}}});
    return d;
}
}  // namespace

TEST_CASE("import plan: another annotator's copy becomes their layer, the same annotator's a clash, a new text is added") {
    Corpus here;
    here.schema = default_news_schema();
    here.documents.push_back(annotated("d1", "Alice Paris went home.", "ann", "a.txt"));
    Corpus incoming;
    incoming.schema = here.schema;
    incoming.documents.push_back(annotated("x1", "Alice Paris went home.", "bob", "a.txt"));  // bob's copy
    incoming.documents.push_back(annotated("x2", "Alice Paris went home.", "ann", "a.txt"));  // ann's again
    incoming.documents.push_back(annotated("d1", "Other Words here now.", "ann", "a.txt"));   // new text, taken id and name
    ImportPlan plan = plan_import(here, "f.json", std::move(incoming), {}, {});
    CHECK(plan.layers == std::map<std::size_t, std::string>{{0, "bob"}});
    CHECK(plan.clashes == std::vector<std::size_t>{1});
    REQUIRE(plan.notes.size() == 1);  // the third differs from the stored a.txt
    CHECK(plan.notes[0].find("differs from the stored") != std::string::npos);
    CHECK_FALSE(plan.needs_no_answer());

    SUBCASE("merge: the clash's exact duplicates are dropped, the layer and the new text added") {
        ImportBatch b = import_batch(here, plan, ClashChoice::Merge);
        CHECK(b.dup_spans == 2);
        CHECK(b.merged_spans == 0);
        CHECK(b.added_docs == 1);
        CHECK(b.layer_names == std::vector<std::string>{"bob on a.txt"});
        CHECK(b.stored_doc_id.at("x2") == "d1");
        CHECK(b.stored_doc_id.at("d1") != "d1");  // the new text is renamed: d1 is taken
        CHECK(import_summary(plan, b) ==
              "f.json: added 1 document, added 1 layer (bob on a.txt), merged 0 spans, dropped 2 exact duplicates "
              "(relations are not merged); \"a.txt\" differs from the stored \"a.txt\" in its text, so its annotations "
              "cannot be merged by offsets: added as a separate document");
        Editor editor;
        Corpus now = here;
        REQUIRE(editor.apply(now, b.group, "2026-12-05T10:00:00Z").ok());
        CHECK(now.documents.size() == 3);
    }
    SUBCASE("replace: the stored document goes and the clash's copy takes its id") {
        ImportBatch b = import_batch(here, plan, ClashChoice::Replace);
        CHECK(b.replaced_docs == 1);
        CHECK(b.added_docs == 2);
        CHECK(b.stored_doc_id.at("x2") == "x2");
        CHECK(import_summary(plan, b).rfind("f.json: replaced 1 document, added 1 document, added 1 layer", 0) == 0);
    }
}

TEST_CASE("import plan: new and widened types are named, and the batch adds them before the documents") {
    Corpus here;
    here.schema = default_news_schema();
    Corpus incoming;
    incoming.schema = here.schema;
    incoming.schema.entities.push_back({"DRUG", "#aa0000", "", ""});
    incoming.documents.push_back(annotated("x1", "Alice Paris went home.", "", "a.txt"));
    ImportPlan plan = plan_import(here, "f.ann", std::move(incoming), {}, {});
    CHECK(plan.new_types == std::vector<std::string>{"DRUG"});
    CHECK(plan.clashes.empty());
    ImportBatch b = import_batch(here, plan, ClashChoice::KeepBoth);
    REQUIRE(b.group.size() == 2);
    CHECK(std::holds_alternative<cmd::AddEntityType>(b.group[0]));
    CHECK(b.added_types == std::vector<std::string>{"DRUG"});
    CHECK(import_summary(plan, b) == "f.ann: added 1 document; added to the schema: DRUG");
}

TEST_CASE("import plan: names are joined up to twelve") {
    std::vector<std::string> names;
    for (int i = 0; i < 14; ++i) names.push_back("n" + std::to_string(i));
    CHECK(join_names({"a", "b"}) == "a, b");
    CHECK(join_names(names) == "n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11 and 2 more");
}
