// The keyboard caret and keyboard-only annotation in the real App (issue 19), natively: arrows,
// Ctrl+arrows, Home/End, Shift selections, Enter and the palette, label hotkeys, R + Tab + Enter
// relations — only ImGui key events, no mouse — checked on the selection and the model.
#include <doctest/doctest.h>

#include <string>

#include <imgui_internal.h>

#include "platform/native.h"
#include "platform/static_files.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

void key(Driver& d, ImGuiKey k, bool ctrl = false, bool shift = false) { d.press(k, 0, ctrl, shift); }

std::size_t caret(Driver& d) { return d.app().selection().caret; }

// Ctrl+Right until the caret reaches `cp` (a word end); fails if it would pass it.
void word_right_to(Driver& d, std::size_t cp) {
    for (int i = 0; i < 400 && caret(d) < cp; ++i) key(d, ImGuiKey_RightArrow, true);
    REQUIRE(caret(d) == cp);
}

}  // namespace

TEST_CASE("keyboard: the caret starts at the text's start and moves by character and word") {
    Driver d;
    CHECK(caret(d) == 0);
    CHECK(d.app().selection().empty());
    key(d, ImGuiKey_RightArrow);
    key(d, ImGuiKey_RightArrow);
    CHECK(caret(d) == 2);
    key(d, ImGuiKey_LeftArrow);
    CHECK(caret(d) == 1);
    key(d, ImGuiKey_RightArrow, true);  // Ctrl+Right: the end of "Le"
    CHECK(caret(d) == 2);
    key(d, ImGuiKey_RightArrow, true);
    CHECK(caret(d) == range_of(d.doc(), "ministère").end);
    key(d, ImGuiKey_LeftArrow, true);
    CHECK(caret(d) == range_of(d.doc(), "ministère").start);
    CHECK(d.app().selection().empty());
    key(d, ImGuiKey_End, true);  // Ctrl+End
    CHECK(caret(d) == d.doc().length());
    key(d, ImGuiKey_Home, true);
    CHECK(caret(d) == 0);
    // End: the end of the title's first line — a soft wrap after a space, or the title's end.
    key(d, ImGuiKey_End);
    const std::size_t line_end = caret(d);
    CHECK(line_end > 0);
    CHECK(line_end <= range_of(d.doc(), "Istanbul").end);
    CHECK((line_end == range_of(d.doc(), "Istanbul").end || text_at(d.doc(), {line_end - 1, line_end}) == " "));
    key(d, ImGuiKey_Home);
    CHECK(caret(d) == 0);
    // Down then Up comes back to the same column; so do Page Down then Page Up.
    for (int i = 0; i < 3; ++i) key(d, ImGuiKey_RightArrow);
    key(d, ImGuiKey_DownArrow);
    const std::size_t below = caret(d);
    CHECK(below > 3);
    key(d, ImGuiKey_UpArrow);
    CHECK(caret(d) == 3);
    key(d, ImGuiKey_PageDown);
    CHECK(caret(d) > below);
    key(d, ImGuiKey_PageUp);
    CHECK(caret(d) == 3);
}

TEST_CASE("keyboard: Shift+Ctrl+Left selects a word; its label key labels it with exact offsets, as a mouse selection") {
    Driver d;
    const Range istanbul = range_of(d.doc(), "Istanbul");
    word_right_to(d, istanbul.end);
    key(d, ImGuiKey_LeftArrow, true, true);
    CHECK(d.app().selection().anchor == istanbul.end);
    CHECK(d.app().selection().caret == istanbul.start);
    d.press_hotkey("LOC");
    CHECK(span_at(d.doc(), istanbul, "LOC") != nullptr);
    CHECK(d.doc().span_count() == 1);
    CHECK(caret(d) == istanbul.start);  // the caret stays where the selection ended
    CHECK(d.app().selection().empty());
}

TEST_CASE("keyboard: Shift+Right grows the selection by grapheme; Enter opens the palette and its hotkey labels") {
    Driver d;
    const Range le = range_of(d.doc(), "Le ");
    key(d, ImGuiKey_RightArrow, false, true);
    key(d, ImGuiKey_RightArrow, false, true);
    CHECK(d.app().selection().start() == le.start);
    CHECK(d.app().selection().end() == le.start + 2);
    key(d, ImGuiKey_LeftArrow, false, true);
    CHECK(d.app().selection().end() == le.start + 1);
    key(d, ImGuiKey_RightArrow, false, true);
    key(d, ImGuiKey_Enter);
    CHECK(d.doc().span_count() == 0);  // the Enter that opened the palette chose nothing
    d.press_hotkey("MISC");            // the palette's hotkey
    CHECK(span_at(d.doc(), {le.start, le.start + 2}, "MISC") != nullptr);
    // Right without Shift collapses a selection to its end.
    key(d, ImGuiKey_RightArrow, false, true);
    key(d, ImGuiKey_RightArrow, false, true);
    key(d, ImGuiKey_RightArrow);
    CHECK(d.app().selection().empty());
    CHECK(caret(d) == le.start + 4);
}

TEST_CASE("keyboard: R, Tab to the other PER span (focus shown), Enter relates; Esc leaves relate mode") {
    Driver d;
    const Range alex = range_of(d.doc(), "Alexandre Darchiev"), sonata = range_of(d.doc(), "Sonata Coulter");
    for (const Range& r : {alex, sonata}) {
        word_right_to(d, r.end);
        key(d, ImGuiKey_LeftArrow, true, true);
        key(d, ImGuiKey_LeftArrow, true, true);
        REQUIRE(d.app().selection().start() == r.start);
        d.press_hotkey("PER");
    }
    const Span* head = span_at(d.doc(), alex, "PER");
    const Span* tail = span_at(d.doc(), sonata, "PER");
    REQUIRE(head);
    REQUIRE(tail);
    const std::string head_id = head->id, tail_id = tail->id;
    key(d, ImGuiKey_Tab);  // the first span
    CHECK(d.app().selected_span() == head_id);
    key(d, ImGuiKey_R, false);
    CHECK(d.app().relation_source() == head_id);
    key(d, ImGuiKey_Escape);
    CHECK(d.app().relation_source().empty());
    d.press(ImGuiKey_Tab);
    d.press(ImGuiKey_R, 'r');
    REQUIRE(d.app().selected_span() == head_id);  // Tab from nothing selected: the first span again
    REQUIRE(d.app().relation_source() == head_id);
    key(d, ImGuiKey_Tab);  // the candidate: the only other PER span
    key(d, ImGuiKey_Enter);
    REQUIRE(d.doc().relations().size() == 1);
    const Relation& rel = d.doc().relations().front();
    CHECK(rel.type == "meets");
    CHECK(rel.head == head_id);
    CHECK(rel.tail == tail_id);
    CHECK(d.app().relation_source().empty());
}

TEST_CASE("keyboard: in a right-to-left Arabic line Left moves forwards in reading order; a word selected by keys gets exact offsets") {
    platform::set_static_root(static_font_folder());
    Driver d;
    const std::string text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في إسطنبول يوم الثلاثاء.";
    const ui::ImportOutcome outcome = d.app().import_file("ar.txt", text);
    REQUIRE_MESSAGE(outcome.ok, outcome.message);
    d.frame(4);
    REQUIRE(d.doc().text() == text);
    CHECK(caret(d) == 0);
    key(d, ImGuiKey_LeftArrow);
    key(d, ImGuiKey_LeftArrow);
    CHECK(caret(d) == 2);
    key(d, ImGuiKey_RightArrow);
    CHECK(caret(d) == 1);
    const Range name = range_of(d.doc(), "سيرغي لافروف");
    for (int i = 0; i < 20 && caret(d) < name.end; ++i) key(d, ImGuiKey_LeftArrow, true);  // Ctrl+Left: word ends, leftwards
    REQUIRE(caret(d) == name.end);
    key(d, ImGuiKey_RightArrow, true, true);  // Shift+Ctrl+Right: back to word starts
    key(d, ImGuiKey_RightArrow, true, true);
    CHECK(d.app().selection().start() == name.start);
    CHECK(d.app().selection().end() == name.end);
    d.press_hotkey("PER");
    CHECK(span_at(d.doc(), name, "PER") != nullptr);
}

TEST_CASE("keyboard: ? shows the shortcut list and Esc closes it without clearing the selection") {
    Driver d;
    key(d, ImGuiKey_RightArrow, false, true);
    d.press(ImGuiKey_Slash, '?', false, true);
    CHECK(d.app().keyboard_help_open());
    key(d, ImGuiKey_RightArrow, false, true);  // the list has the keys: the caret stays
    CHECK(d.app().selection().end() == 1);
    key(d, ImGuiKey_Escape);
    CHECK_FALSE(d.app().keyboard_help_open());
    CHECK(d.app().selection().end() == 1);
}

TEST_CASE("keyboard: F6 gives the keys to the side panel (Tab no longer walks spans, arrows leave the caret), Esc gives them back") {
    Driver d;
    REQUIRE(d.app().keyboard_region() == ui::Region::Text);
    const Range istanbul = range_of(d.doc(), "Istanbul");
    word_right_to(d, istanbul.end);
    key(d, ImGuiKey_LeftArrow, true, true);
    d.press_hotkey("LOC");
    REQUIRE(d.doc().span_count() == 1);
    key(d, ImGuiKey_F6);
    CHECK(d.app().keyboard_region() == ui::Region::Side);
    key(d, ImGuiKey_Tab);
    CHECK(d.app().selected_span().empty());
    const std::size_t before = caret(d);
    key(d, ImGuiKey_RightArrow);
    CHECK(caret(d) == before);
    key(d, ImGuiKey_F6, false, true);  // Shift+F6: back to the text
    CHECK(d.app().keyboard_region() == ui::Region::Text);
    key(d, ImGuiKey_F6, false, true);
    CHECK(d.app().keyboard_region() == ui::Region::Documents);
    key(d, ImGuiKey_Escape);
    CHECK(d.app().keyboard_region() == ui::Region::Text);
    key(d, ImGuiKey_Tab);
    CHECK_FALSE(d.app().selected_span().empty());
}

TEST_CASE("keyboard: when several relation types are allowed, Enter opens the type palette; Down and Enter pick one") {
    Driver d;
    d.app().request_schema(cmd::AddRelationType{RelationType{"advises", {"PER"}, {"PER"}, true}});
    d.settle();
    const Range alex = range_of(d.doc(), "Alexandre Darchiev"), sonata = range_of(d.doc(), "Sonata Coulter");
    for (const Range& r : {alex, sonata}) {
        word_right_to(d, r.end);
        key(d, ImGuiKey_LeftArrow, true, true);
        key(d, ImGuiKey_LeftArrow, true, true);
        d.press_hotkey("PER");
    }
    key(d, ImGuiKey_Tab);
    d.press(ImGuiKey_R, 'r');
    key(d, ImGuiKey_Tab);
    key(d, ImGuiKey_Enter);
    CHECK(d.doc().relations().empty());  // the Enter that opened the type palette chose nothing
    key(d, ImGuiKey_DownArrow);          // "meets", then "advises"
    key(d, ImGuiKey_Enter);
    REQUIRE(d.doc().relations().size() == 1);
    CHECK(d.doc().relations().front().type == "advises");
    CHECK(d.doc().relations().front().head == span_at(d.doc(), alex, "PER")->id);
    CHECK(d.doc().relations().front().tail == span_at(d.doc(), sonata, "PER")->id);
}

TEST_CASE("keyboard: F6 to the toolbar, arrows to Export…, Enter opens the dialog, Esc closes it and keeps the toolbar, Esc again returns to the text") {
    Driver d;
    key(d, ImGuiKey_F6, false, true);
    key(d, ImGuiKey_F6, false, true);
    REQUIRE(d.app().keyboard_region() == ui::Region::Toolbar);
    key(d, ImGuiKey_Tab);         // the first control: "Documents «"
    key(d, ImGuiKey_RightArrow);  // "Import…"
    key(d, ImGuiKey_RightArrow);  // "Export…"
    key(d, ImGuiKey_Enter);
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));  // the export dialog
    key(d, ImGuiKey_Escape);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(d.app().keyboard_region() == ui::Region::Toolbar);
    key(d, ImGuiKey_Escape);
    CHECK(d.app().keyboard_region() == ui::Region::Text);
    key(d, ImGuiKey_RightArrow);
    CHECK(caret(d) == 1);
}

TEST_CASE("keyboard: Enter on a span Tab selected opens its palette; Down and Enter relabel it") {
    Driver d;
    const Range istanbul = range_of(d.doc(), "Istanbul");
    word_right_to(d, istanbul.end);
    key(d, ImGuiKey_LeftArrow, true, true);
    d.press_hotkey("LOC");
    key(d, ImGuiKey_Tab);
    REQUIRE(d.app().selected_span() == span_at(d.doc(), istanbul, "LOC")->id);
    key(d, ImGuiKey_Enter);
    CHECK(span_at(d.doc(), istanbul, "LOC") != nullptr);  // the Enter that opened the palette chose nothing
    key(d, ImGuiKey_DownArrow);                           // PER, then ORG
    key(d, ImGuiKey_Enter);
    CHECK(span_at(d.doc(), istanbul, "ORG") != nullptr);
    CHECK(d.doc().span_count() == 1);
}

TEST_CASE("keyboard: the export dialog opened by keys downloads by keys (arrows to Download, Enter)") {
    Driver d;
    platform::native::clear_downloads();
    key(d, ImGuiKey_F6, false, true);
    key(d, ImGuiKey_F6, false, true);
    REQUIRE(d.app().keyboard_region() == ui::Region::Toolbar);
    key(d, ImGuiKey_Tab);
    key(d, ImGuiKey_RightArrow);
    key(d, ImGuiKey_RightArrow);  // "Export…"
    key(d, ImGuiKey_Enter);
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    const item_hooks::ImGuiItem* download = d.item("Download");
    REQUIRE(download);
    for (int i = 0; i < 30 && ImGui::GetCurrentContext()->NavId != download->id; ++i) key(d, ImGuiKey_DownArrow);
    REQUIRE(ImGui::GetCurrentContext()->NavId == download->id);
    key(d, ImGuiKey_Enter);
    REQUIRE(platform::native::downloads().size() == 1);
    CHECK(platform::native::downloads()[0].name.find(".inkspan.json") != std::string::npos);
}
