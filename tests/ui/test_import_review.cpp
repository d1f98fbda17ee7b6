// What an import asks and leaves to review (issue 14): annotations kept against annotation.conf
// are listed after the import and a click on one opens its document and selects it; a CoNLL file
// with several tag-like columns asks which one holds the tags and remembers the answer; a W3C
// collection about an external text waits for that text file instead of being refused.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "platform/native.h"
#include "platform/preferences.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

const std::map<std::string, std::string> kBratAgainstConf = {
    {"talks.txt", "Sony met Ericsson in Lund."},
    {"talks.ann", "T1\tOrg 0 4\tSony\nT2\tOrg 9 17\tEricsson\nT3\tCity 21 25\tLund\nR1\tOrigin Arg1:T1 Arg2:T2\n"},
    {"annotation.conf", "[entities]\nOrg\nCountry\n[relations]\nOrigin\tArg1:Org, Arg2:Country\n"}};

// CoNLL 2003's own layout: token, POS, chunk, NER — the chunk column is made of tags too.
const char* kConll2003 =
    "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n";
const char* kConll2003Other = "Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";

const char* kW3cExternal = R"({
  "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
  "first": {"type": "AnnotationPage", "items": [
    {"id": "#a1", "type": "Annotation", "motivation": "tagging",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "LOC"},
     "target": {"source": "https://news.example/2025/istanbul-talks.html",
                "selector": [{"type": "TextPositionSelector", "start": 0, "end": 8},
                             {"type": "TextQuoteSelector", "exact": "Istanbul"}]}}]}})";

}  // namespace

TEST_CASE("import review: an annotation kept against annotation.conf is listed, and a click on it selects it") {
    Driver d;
    const std::string first_doc = d.doc().id();
    const ui::ImportOutcome out = d.app().import_files(kBratAgainstConf);
    REQUIRE(out.ok);
    REQUIRE(out.pending);  // the rules are broken: the question asks before widening
    d.settle();
    d.press(ImGuiKey_Enter);  // "Widen the schema and import"
    d.settle();
    const Document* imported = nullptr;
    for (const Document& doc : d.app().corpus().documents)
        if (doc.name() == "talks.txt") imported = &doc;
    REQUIRE(imported);
    const std::string imported_id = imported->id();

    // Back on the first document, the list is still there to work through.
    d.app().open_document(0);
    d.settle();
    REQUIRE(d.doc().id() == first_doc);
    REQUIRE(d.item("Kept against the rules (2)", true));

    // The relation Origin Sony → Ericsson (a Country was required).
    d.click_item(imported_id + " R1:", true);
    d.settle();
    CHECK(d.doc().id() == imported_id);
    CHECK(d.app().selected_relation() == "R1");

    // The span labelled City, a label the conf does not declare.
    d.app().open_document(0);
    d.settle();
    d.click_item(imported_id + " T3:", true);
    d.settle();
    CHECK(d.doc().id() == imported_id);
    CHECK(d.app().selected_span() == "T3");

    // Dismissed, the list goes away.
    d.click_item("Dismiss");
    d.settle();
    CHECK_FALSE(d.item("Kept against the rules", true));
}

TEST_CASE("import review: a CoNLL file with two tag-like columns asks which holds the tags, and remembers it") {
    platform::clear_preferences();
    {
        Driver d;
        const ui::ImportOutcome out = d.app().import_files({{"eng.train", kConll2003}});
        REQUIRE(out.ok);
        REQUIRE(out.pending);
        CHECK(out.message.find("column") != std::string::npos);
        d.settle();
        REQUIRE(d.item("Column 4 (the last)", true));
        d.click_item("Column 3", true);  // the chunk tags, this time
        d.settle();
        d.press(ImGuiKey_Enter);
        d.settle();
        // Read again from column 3, the file brings other labels (NP, VP): the usual question.
        REQUIRE(d.item("Add them and import (Enter)"));
        d.press(ImGuiKey_Enter);
        d.settle();
        const Document& doc = d.doc();
        REQUIRE(doc.name() == "eng");
        REQUIRE(doc.spans().size() == 3);
        CHECK(doc.span_at(0).label == "NP");
        CHECK(doc.span_at(1).label == "VP");
    }
    {   // A later visit: the choice is remembered for files of four columns, and said.
        Driver d;
        const ui::ImportOutcome out = d.app().import_files({{"eng.testa", kConll2003Other}});
        REQUIRE(out.ok);
        REQUIRE(out.pending);  // only for the new label NP this time
        CHECK(out.message.find("columns hold only tags") == std::string::npos);
        d.settle();
        CHECK_FALSE(d.item("Column 3", true));
        d.press(ImGuiKey_Enter);
        d.settle();
        CHECK(d.app().status_message().find("column 3 of 4 (your choice for files of 4 columns)") != std::string::npos);
        const Document& doc = d.doc();
        REQUIRE(doc.name() == "eng");
        REQUIRE(doc.spans().size() == 1);
        CHECK(doc.span_at(0).label == "NP");
    }
    platform::clear_preferences();
}

TEST_CASE("import review: a W3C collection about an external page waits for its text, picked under any name") {
    Driver d;
    const std::size_t before = d.app().corpus().documents.size();
    const ui::ImportOutcome out = d.app().import_files({{"notes.jsonld", kW3cExternal}});
    REQUIRE(out.ok);
    REQUIRE(out.pending);
    CHECK(out.message.find("istanbul-talks") != std::string::npos);
    d.settle();
    REQUIRE(d.item("Choose the text file", true));
    CHECK(d.app().corpus().documents.size() == before);

    // The picker's answer arrives through the import path, as any picked file does.
    const ui::ImportOutcome text = d.app().import_files({{"article.txt", "Istanbul hosted the talks."}});
    REQUIRE(text.ok);
    d.settle();
    REQUIRE(d.app().corpus().documents.size() == before + 1);
    const Document& doc = d.doc();
    REQUIRE(doc.spans().size() == 1);
    CHECK(doc.span_at(0).label == "LOC");
    CHECK(doc.span_text(doc.span_at(0)) == "Istanbul");
}

TEST_CASE("import review: Cancel on a W3C collection waiting for its text forgets it") {
    Driver d;
    REQUIRE(d.app().import_files({{"notes.jsonld", kW3cExternal}}).pending);
    d.settle();
    d.press(ImGuiKey_Escape);
    d.settle();
    // A text picked afterwards is a document of its own.
    const ui::ImportOutcome text = d.app().import_files({{"article.txt", "Istanbul hosted the talks."}});
    REQUIRE(text.ok);
    d.settle();
    CHECK(d.doc().span_count() == 0);
}
