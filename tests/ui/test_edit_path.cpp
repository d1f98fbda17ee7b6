// Every change of the app goes through EditSession::submit: a read-only tab refuses each kind
// (a label, annotate-all, undo, redo, an import, a schema edit) and writes nothing; a Replace import
// deletes the replaced document's stored record; global shortcuts stay out of text fields.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/inkspan_json.h"
#include "platform/native.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

// Another tab holds the corpus while this object lives.
struct ReadOnlyTab {
    ReadOnlyTab() { platform::native::set_storage_state(platform::StorageState::ReadOnly, "read-only"); }
    ~ReadOnlyTab() { platform::native::set_storage_state(platform::StorageState::Idle); }
};

// Writes what is pending and reports success, as the page's IndexedDB callback does.
void save(ui::App& app) {
    app.save_now();
    app.on_storage_result(SaveResult::Saved);
}

// Ctrl+F, the query, Enter, then the label's hotkey: every match labelled (one undo step).
void annotate_all(Driver& d, std::string_view query, std::string_view label) {
    d.press(ImGuiKey_F, 0, true);
    type_text(d, query);
    d.press(ImGuiKey_Enter);
    d.press_hotkey(label);
}

}  // namespace

TEST_CASE("a read-only tab refuses a label, annotate-all, undo, redo, an import and a schema edit, and writes nothing") {
    Driver d;
    // Writable first: a span to undo, and a redo step.
    d.drag_over(range_of(d.doc(), "Istanbul"));
    d.press_hotkey("LOC");
    d.drag_over(range_of(d.doc(), "Washington"));
    d.press_hotkey("LOC");
    d.press(ImGuiKey_Z, 0, true);  // Washington undone: a redo step waits
    REQUIRE(d.doc().span_count() == 1);
    save(d.app());
    platform::native::clear_saved_batches();

    ReadOnlyTab read_only;
    d.frame();
    const std::string before = d.app().state_json();
    auto unchanged = [&](const std::string& what) {
        CAPTURE(what);
        CHECK(d.app().state_json() == before);
    };

    d.drag_over(range_of(d.doc(), "Sonata Coulter"));
    d.press_hotkey("PER");
    unchanged("label hotkey");
    d.press(ImGuiKey_Z, 0, true);
    unchanged("Ctrl+Z");
    d.press(ImGuiKey_Y, 0, true);
    unchanged("Ctrl+Y");
    d.press(ImGuiKey_Escape);
    annotate_all(d, "Istanbul", "LOC");
    unchanged("annotate all");
    d.press(ImGuiKey_Escape);
    const ui::ImportOutcome imported = d.app().import_file("more.txt", "Another text entirely.");
    d.frame();
    CHECK_FALSE(imported.ok);
    CHECK_MESSAGE(imported.message.find("read-only") != std::string::npos, imported.message);
    unchanged("import");
    d.app().request_schema(cmd::AddEntityType{EntityType{"TIME", "", "", ""}});
    d.frame();
    unchanged("schema edit");

    d.app().save_now();
    CHECK(platform::native::saved_batches().empty());
}

TEST_CASE("annotate-all goes through the one edit path: labelled, marked unsaved, one undo step") {
    Driver d;
    save(d.app());
    annotate_all(d, "Istanbul", "LOC");
    d.press(ImGuiKey_Escape);
    const std::size_t n = d.doc().span_count();
    REQUIRE(n >= 2);
    CHECK(d.app().has_unsaved_changes());
    d.press(ImGuiKey_Z, 0, true);
    CHECK(d.doc().span_count() == 0);
}

TEST_CASE("a Replace import deletes the replaced document's record: a reload finds only the new document") {
    Driver d;
    platform::native::clear_saved_batches();
    d.app().save_now();  // nothing pending: the restored corpus is stored already
    CHECK(platform::native::saved_batches().empty());
    std::map<std::string, std::string> store;  // what IndexedDB holds: the restored d1
    store["d1"] = "stored";

    const std::string text = d.doc().text();
    const ui::ImportOutcome asked = d.app().import_file("istanbul-again.txt", text);
    REQUIRE(asked.ok);
    REQUIRE(asked.pending);  // same text: replace, keep both or merge?
    d.frame();
    d.press(ImGuiKey_R, 'r');  // Replace
    REQUIRE(d.app().corpus().documents.size() == 1);
    const std::string new_id = d.app().corpus().documents[0].id();
    REQUIRE(new_id != "d1");

    save(d.app());
    REQUIRE(platform::native::saved_batches().size() == 1);
    const auto& batch = platform::native::saved_batches().back();
    for (const auto& r : batch.changed) store[r.id] = r.json;
    for (const auto& id : batch.removed) store.erase(id);
    std::vector<std::string> stored;
    for (const auto& [id, json] : store) stored.push_back(id);
    CHECK(stored == std::vector<std::string>{new_id});
    CHECK(batch.order == std::vector<std::string>{new_id});
}

TEST_CASE("Ctrl+Z typed in the search box does not undo the last annotation") {
    Driver d;
    d.drag_over(range_of(d.doc(), "Istanbul"));
    d.press_hotkey("LOC");
    REQUIRE(d.doc().span_count() == 1);
    d.press(ImGuiKey_F, 0, true);
    type_text(d, "wash");
    d.press(ImGuiKey_Z, 0, true);
    CHECK(d.doc().span_count() == 1);
    d.press(ImGuiKey_Escape);
    d.press(ImGuiKey_Escape);
    d.press(ImGuiKey_Z, 0, true);  // outside the field it undoes
    CHECK(d.doc().span_count() == 0);
}

TEST_CASE("a read-only tab says so once: not beside the status bar's notice at start, not again for each refused edit") {
    ReadOnlyTab read_only;
    Driver d;
    CHECK(d.app().status_message().empty());  // the status bar's save slot already says it
    d.drag_over(range_of(d.doc(), "Washington"));
    d.press_hotkey("LOC");
    CHECK(d.app().status_message() == EditSession::kReadOnlyMessage);
    const std::string other = "Another message meanwhile";
    d.app().show_message(other, false);
    d.drag_over(range_of(d.doc(), "Istanbul"));
    d.press_hotkey("LOC");
    d.press(ImGuiKey_Z, 0, true);
    CHECK(d.app().status_message() == other);
    CHECK(d.doc().span_count() == 0);
    CHECK_FALSE(d.app().has_unsaved_changes());
}

TEST_CASE("a read-only tab takes over: what the other tab stored replaces its copy, and its edits are saved") {
    std::string stored;  // what the writing tab saved: the sample with Washington labelled
    {
        Driver writer;
        writer.drag_over(range_of(writer.doc(), "Washington"));
        writer.press_hotkey("LOC");
        stored = writer.app().state_json();
    }
    ReadOnlyTab read_only;
    Driver d;
    REQUIRE(d.doc().span_count() == 0);
    platform::native::clear_saved_batches();

    platform::native::set_storage_state(platform::StorageState::Idle);  // the lock was granted
    d.app().take_over(stored);
    d.settle();
    CHECK(d.doc().span_count() == 1);
    CHECK(d.app().status_message() == "This tab now holds the corpus: your edits here are saved.");
    d.drag_over(range_of(d.doc(), "Moscou"));
    d.press_hotkey("LOC");
    CHECK(d.doc().span_count() == 2);
    CHECK(d.app().has_unsaved_changes());
    save(d.app());
    REQUIRE(platform::native::saved_batches().size() == 1);
    const auto& written = platform::native::saved_batches()[0].changed;
    REQUIRE(written.size() == 1);
    CHECK(written[0].id == "d1");
    CHECK(written[0].json.find("Moscou") != std::string::npos);
    CHECK_FALSE(d.app().has_unsaved_changes());
}
