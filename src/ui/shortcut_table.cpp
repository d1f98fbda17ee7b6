#include "ui/shortcut_table.h"

#include <imgui_internal.h>

namespace inkspan::ui {
namespace {

using K = KeyAction;
constexpr ImGuiKeyChord kCtrl = ImGuiMod_Ctrl, kShift = ImGuiMod_Shift;

constexpr Shortcut kShortcuts[] = {
    {K::CaretLeft, ImGuiKey_LeftArrow, 0, "Left / Right", "caret by one character (visually; Shift selects)"},
    {K::CaretRight, ImGuiKey_RightArrow, 0, "", ""},
    {K::WordLeft, kCtrl | ImGuiKey_LeftArrow, 0, "Ctrl+Left / Ctrl+Right", "caret by word"},
    {K::WordRight, kCtrl | ImGuiKey_RightArrow, 0, "", ""},
    {K::LineUp, ImGuiKey_UpArrow, 0, "Up / Down", "caret one line up or down"},
    {K::LineDown, ImGuiKey_DownArrow, 0, "", ""},
    {K::LineStart, ImGuiKey_Home, 0, "Home / End", "caret to the start or end of the line"},
    {K::LineEnd, ImGuiKey_End, 0, "", ""},
    {K::DocumentStart, kCtrl | ImGuiKey_Home, 0, "Ctrl+Home / Ctrl+End", "caret to the start or end of the document"},
    {K::DocumentEnd, kCtrl | ImGuiKey_End, 0, "", ""},
    {K::PageUp, ImGuiKey_PageUp, 0, "Page Up / Page Down", "scroll a page and move the caret with it"},
    {K::PageDown, ImGuiKey_PageDown, 0, "", ""},
    {K::OpenPalette, ImGuiKey_Enter, 0, "Enter", "label palette for the selection or the selected span"},
    {K::NextSpan, ImGuiKey_Tab, 0, "Tab / Shift+Tab", "next or previous span"},
    {K::PreviousSpan, kShift | ImGuiKey_Tab, 0, "", ""},
    {K::Relate, ImGuiKey_R, 0, "R", "relate the selected span: Tab, Shift+Tab or arrows pick the other end, Enter relates"},
    {K::NextCandidate, ImGuiKey_Tab, 0, "", ""},
    {K::NextCandidate, ImGuiKey_RightArrow, 0, "", ""},
    {K::NextCandidate, ImGuiKey_DownArrow, 0, "", ""},
    {K::PreviousCandidate, kShift | ImGuiKey_Tab, 0, "", ""},
    {K::PreviousCandidate, ImGuiKey_LeftArrow, 0, "", ""},
    {K::PreviousCandidate, ImGuiKey_UpArrow, 0, "", ""},
    {K::DeleteSelected, ImGuiKey_Delete, 0, "Delete / Backspace", "delete the selected span or relation"},
    {K::DeleteSelected, ImGuiKey_Backspace, 0, "", ""},
    {K::Cancel, ImGuiKey_Escape, 0, "Esc", "close the palette or the find bar, leave relate mode, clear the selection"},
    {K::Undo, kCtrl | ImGuiKey_Z, 0, "Ctrl+Z", "undo"},
    {K::Redo, kCtrl | kShift | ImGuiKey_Z, 0, "Ctrl+Shift+Z / Ctrl+Y", "redo"},
    {K::Redo, kCtrl | ImGuiKey_Y, 0, "", ""},
    {K::Find, kCtrl | ImGuiKey_F, 0, "Ctrl+F", "find (Enter, then a label key, labels every match)"},
    {K::Copy, kCtrl | ImGuiKey_C, 0, "Ctrl+C", "copy the selected text"},
    {K::SaveDocument, kCtrl | ImGuiKey_S, 0, "Ctrl+S", "download the document as inkspan JSON"},
    {K::NextLayer, kCtrl | ImGuiKey_RightBracket, 0, "Ctrl+] / Ctrl+[", "next or previous annotator layer of the document"},
    {K::PreviousLayer, kCtrl | ImGuiKey_LeftBracket, 0, "", ""},
    {K::ZoomIn, kCtrl | ImGuiKey_Equal, 0, "Ctrl+= / Ctrl+- / Ctrl+0", "zoom in, out, reset"},
    {K::ZoomOut, kCtrl | ImGuiKey_Minus, 0, "", ""},
    {K::ZoomReset, kCtrl | ImGuiKey_0, 0, "", ""},
    {K::NextRegion, ImGuiKey_F6, 0, "F6 / Shift+F6", "next or previous region: toolbar, documents, text, side panel, status"},
    {K::PreviousRegion, kShift | ImGuiKey_F6, 0, "", ""},
    {K::Agreement, ImGuiKey_F8, 0, "F8", "agreement between annotators (open or close)"},
    {K::Help, 0, '?', "?", "this list"},
    {K::Compare, kShift | ImGuiKey_F8, 0, "Shift+F8", "compare this document with another annotator's layer (Esc leaves)"},
    {K::NextDisagreement, ImGuiKey_N, 0, "N / Shift+N", "compare, adjudicate: next or previous disagreement"},
    {K::PreviousDisagreement, kShift | ImGuiKey_N, 0, "", ""},
    {K::Adjudicate, ImGuiKey_F9, 0, "F9", "adjudicate this document's layers into its gold layer (Esc leaves)"},
    {K::QuorumUp, 0, '+', "+ / - then Enter", "adjudicate: quorum up or down, then start"},
    {K::QuorumDown, 0, '-', "", ""},
    {K::StartAdjudication, ImGuiKey_Enter, 0, "", ""},
    {K::TakeFirst, 0, '1', "1 / 2 / 3", "adjudicate: take the first, second or third version shown"},
    {K::TakeSecond, 0, '2', "", ""},
    {K::TakeThird, 0, '3', "", ""},
    {K::TakeNeither, 0, '0', "0", "adjudicate: take neither"},
    {K::EditInGold, ImGuiKey_E, 0, "E", "adjudicate: select the place in the gold layer to fix it by hand"},
};

bool chord_pressed(ImGuiKeyChord chord) { return ImGui::IsKeyChordPressed(chord, ImGuiInputFlags_Repeat, ImGuiKeyOwner_Any); }

bool typed(char c) {
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
        if (io.InputQueueCharacters[i] == static_cast<ImWchar>(c)) return true;
    return false;
}

}  // namespace

std::span<const Shortcut> shortcut_table() { return kShortcuts; }

bool shortcut_pressed(KeyAction action, bool with_shift) {
    for (const Shortcut& s : kShortcuts) {
        if (s.action != action) continue;
        if (s.typed && typed(s.typed)) return true;
        if (s.chord && chord_pressed(s.chord)) return true;
        if (s.chord && with_shift && !(s.chord & ImGuiMod_Shift) && chord_pressed(s.chord | ImGuiMod_Shift)) return true;
    }
    return false;
}

void consume_key(ImGuiKey key) { ImGui::SetKeyOwner(key, ImGuiKeyOwner_Any, ImGuiInputFlags_LockUntilRelease); }

}  // namespace inkspan::ui
