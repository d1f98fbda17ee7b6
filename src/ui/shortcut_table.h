#pragma once
// Every keyboard shortcut of the app in one table: the handlers ask shortcut_pressed(action) and
// the Keyboard help overlay (`?`) lists the rows, so the two cannot disagree. Label hotkeys come
// from the schema and are listed by the overlay beside these.
#include <imgui.h>

#include <span>

namespace inkspan::ui {

enum class KeyAction {
    // the caret in the text (Shift with any of them extends the selection)
    CaretLeft, CaretRight, WordLeft, WordRight, LineStart, LineEnd, LineUp, LineDown, PageUp, PageDown,
    DocumentStart, DocumentEnd,
    // spans and relations
    OpenPalette, NextSpan, PreviousSpan, Relate, NextCandidate, PreviousCandidate, DeleteSelected, Cancel,
    // editing and files
    Undo, Redo, Find, Copy, SaveDocument,
    // annotator layers
    NextLayer, PreviousLayer,
    // view
    ZoomIn, ZoomOut, ZoomReset, NextRegion, PreviousRegion, Help,
    // windows
    Agreement,
    // compare and adjudicate (issue 18)
    Compare, Adjudicate, NextDisagreement, PreviousDisagreement, QuorumUp, QuorumDown, StartAdjudication,
    TakeFirst, TakeSecond, TakeThird, TakeNeither, EditInGold,
};

struct Shortcut {
    KeyAction action;
    ImGuiKeyChord chord;  // 0 when the shortcut is a typed character
    char typed;           // the character typed (whatever the keyboard layout), or 0
    const char* keys;     // as the overlay shows them
    const char* what;     // what they do; empty: a second chord of the row above
};

[[nodiscard]] std::span<const Shortcut> shortcut_table();

// A chord (or the typed character) of `action` was pressed this frame. `with_shift`: the chord
// with Shift added counts too (caret moves that extend the selection).
[[nodiscard]] bool shortcut_pressed(KeyAction action, bool with_shift = false);

// Eats `key` until it is released: a later IsKeyPressed this frame (the palette this key just
// opened, ImGui's own navigation) does not see it again.
void consume_key(ImGuiKey key);

}  // namespace inkspan::ui
