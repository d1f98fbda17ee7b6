// The documents panel as a first-time user needs it (issue 17.8): documents of the same name told
// apart, a document deleted (and back with Ctrl+Z), each document's place and selection kept
// when switching back, and text pasted onto the page said and undoable.
#include <doctest/doctest.h>

#include <string>

#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

TEST_CASE("documents: two documents of the same name are shown apart") {
    Driver d;
    REQUIRE(d.app().import_files({{"notes.txt", "First note."}}).ok);
    REQUIRE(d.app().import_files({{"notes.txt", "Second note."}}).ok);
    d.settle();
    CHECK(d.item("  notes.txt", true));
    CHECK(d.item("  notes.txt (2)", true));
}

TEST_CASE("documents: delete one from its context menu; Ctrl+Z brings it back") {
    Driver d;
    REQUIRE(d.app().import_files({{"notes.txt", "First note."}}).ok);
    d.settle();
    const std::size_t before = d.app().corpus().documents.size();
    d.click_item("  notes.txt", true, 1);  // right-click
    d.settle();
    d.click_item("Delete document");
    d.settle();
    REQUIRE(d.app().corpus().documents.size() == before - 1);
    CHECK(d.app().status_message().find("Deleted \"notes.txt\"") == 0);
    CHECK(d.app().current_document() != nullptr);
    d.press(ImGuiKey_Z, 0, true);
    d.settle();
    REQUIRE(d.app().corpus().documents.size() == before);
    CHECK(d.app().corpus().documents.back().text() == "First note.");
}

TEST_CASE("documents: switching back returns to the same place and selection") {
    Driver d;
    const Range r = range_of(d.doc(), "Vladimir");
    (void)d.locate(r.start);  // scrolled down the article
    d.drag_over(r);
    d.press(ImGuiKey_Escape);  // the palette goes; select again without it
    d.drag_over(r);
    const float y = d.app().locate("d1", r.start)->y;
    REQUIRE(d.app().import_files({{"other.txt", "Another text."}}).ok);  // opens it
    d.settle();
    REQUIRE(d.doc().name() == "other.txt");
    d.click_item("  istanbul-talks.fr.txt", true);
    d.settle();
    REQUIRE(d.doc().id() == "d1");
    CHECK(d.app().selection().start() == r.start);
    CHECK(d.app().selection().end() == r.end);
    const ImVec4 box = d.locate(r.start);  // visible: not scrolled again
    CHECK(box.y == doctest::Approx(y).epsilon(0.001));
}

TEST_CASE("documents: pasted text is a new document, said, and Ctrl+Z removes it") {
    Driver d;
    const std::size_t before = d.app().corpus().documents.size();
    d.app().paste_as_document("Pasted words.");
    d.settle();
    REQUIRE(d.app().corpus().documents.size() == before + 1);
    CHECK(d.app().status_message() == "Pasted as a new document \"pasted-text.txt\" — Ctrl+Z removes it");
    d.press(ImGuiKey_Z, 0, true);
    d.settle();
    CHECK(d.app().corpus().documents.size() == before);
}

TEST_CASE("documents: rename one from its context menu; Ctrl+Z gives the old name back") {
    Driver d;
    d.click_item("  istanbul-talks.fr.txt", true, 1);  // right-click
    d.settle();
    d.click_item("Rename…");
    d.settle();
    type_text(d, "talks");
    d.press(ImGuiKey_Enter);
    d.settle();
    CHECK(d.doc().name() == "talks");
    CHECK(d.item("  talks", true));
    d.press(ImGuiKey_Z, 0, true);
    d.settle();
    CHECK(d.doc().name() == "istanbul-talks.fr.txt");
}
