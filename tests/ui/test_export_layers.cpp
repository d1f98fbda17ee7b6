// The Export dialog's "Which annotations" choice (issue 18): the documents, the gold layer or an
// annotator's layer, chosen with the mouse; documents without that layer are left out and counted.
#include <doctest/doctest.h>

#include "core/inkspan_json.h"
#include "core/layers.h"
#include "platform/native.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

// "t1" by alice with bob's layer and the gold layer, then "t2" by alice alone, as one v2 file.
std::string team_file() {
    Corpus c;
    c.schema = default_news_schema();
    const std::string text = "Zoë met Ana in Lyon.";
    auto doc = [](const char* id, const std::string& t, std::vector<Span> spans) {
        auto d = Document::create(id, "talks.txt", t);
        REQUIRE(d.ok());
        for (Span& s : spans) {
            s.id = d->next_span_id();
            d->insert_span(s);
        }
        return std::move(*d);
    };
    Document t1 = doc("t1", text, {Span{"", 0, 3, "PER"}});
    t1.set_annotator("alice");
    auto bob = make_layer(t1, doc("x", text, {Span{"", 8, 11, "PER"}}), "t1-bob", "bob");
    REQUIRE(bob.ok());
    Span lyon{"", 15, 19, "LOC"};
    lyon.agreed_by = {"alice", "bob"};
    auto gold = make_layer(t1, doc("y", text, {Span{"", 0, 3, "PER"}, lyon}), "t1-gold", std::string(kGoldAnnotator));
    REQUIRE(gold.ok());
    Document t2 = doc("t2", "Rome is far.", {Span{"", 0, 4, "LOC"}});
    t2.set_name("rome.txt");
    t2.set_annotator("alice");
    c.documents.push_back(std::move(t1));
    c.documents.push_back(std::move(*bob));
    c.documents.push_back(std::move(*gold));
    c.documents.push_back(std::move(t2));
    return write_inkspan_json(c);
}

}  // namespace

TEST_CASE("export dialog: Which annotations lists the annotators; the gold layer of the corpus is downloaded, documents without one left out") {
    Driver d;
    const ui::ImportOutcome imported = d.app().import_file("team.inkspan.json", team_file());
    REQUIRE_MESSAGE(imported.ok, imported.message);
    REQUIRE_FALSE(imported.pending);
    d.settle();
    REQUIRE(d.app().corpus().find_document("t1-gold"));
    platform::native::clear_downloads();
    d.click_item("Export…");
    d.settle();
    d.click_item("Label Studio JSON");
    d.click_item("Whole corpus");
    CHECK(d.item("The documents"));
    CHECK(d.item("Annotator alice"));
    CHECK(d.item("Annotator bob"));
    d.click_item("The gold layer");
    d.click_item("Download");
    CHECK(d.app().status_message().ends_with("-gold.json (2 documents without a gold layer left out)"));
    REQUIRE(platform::native::downloads().size() == 1);
    const auto& download = platform::native::downloads()[0];
    CHECK(download.name.find("-gold.json") != std::string::npos);
    CHECK(download.contents.find(R"("completed_by":"gold")") != std::string::npos);
    CHECK(download.contents.find(R"("meta":{"agreed_by":["alice","bob"]})") != std::string::npos);
    CHECK(download.contents.find("Rome") == std::string::npos);
    CHECK(download.contents.find(R"("doc_id":"t1-gold")") != std::string::npos);
}

TEST_CASE("export dialog: the documents (the default) hold each text once, never a layer") {
    Driver d;
    REQUIRE(d.app().import_file("team.inkspan.json", team_file()).ok);
    d.settle();
    platform::native::clear_downloads();
    d.click_item("Export…");
    d.settle();
    d.click_item("doccano JSONL");
    d.click_item("Whole corpus");
    d.click_item("Download");
    REQUIRE(platform::native::downloads().size() == 1);
    const std::string& jsonl = platform::native::downloads()[0].contents;
    CHECK(jsonl.find(R"("meta":{"id":"d1",)") != std::string::npos);
    CHECK(jsonl.find(R"("meta":{"id":"t1",)") != std::string::npos);
    CHECK(jsonl.find(R"("meta":{"id":"t2",)") != std::string::npos);
    CHECK(jsonl.find("t1-bob") == std::string::npos);
    CHECK(jsonl.find("t1-gold") == std::string::npos);
}
