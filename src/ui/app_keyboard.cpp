// The keys beyond the caret (issue 19): `?` shows every shortcut, F6 cycles the regions, Enter on
// a selected span opens its palette, and relate mode by keyboard — after R, Tab / Shift+Tab or
// the arrows move a visible focus among the spans the relation may point to, Enter relates (the
// relation-type palette opens when several types are allowed), Esc leaves.
#include "core/relation_candidates.h"
#include "ui/app.h"
#include "ui/shortcut_table.h"

namespace inkspan::ui {

bool App::handle_region_keys() {
    if (!shortcut_pressed(KeyAction::NextRegion) && !shortcut_pressed(KeyAction::PreviousRegion)) return false;
    focus_.cycle(shortcut_pressed(KeyAction::NextRegion));  // also takes the keys from a text field there
    return true;
}

bool App::handle_keyboard() {
    if (help_.open && (shortcut_pressed(KeyAction::Cancel) || shortcut_pressed(KeyAction::Help))) {
        help_.open = false;
        consume_key(ImGuiKey_Escape);
        return true;
    }
    if (shortcut_pressed(KeyAction::Help)) {
        help_.open = true;
        return true;
    }
    if (!focus_.text_has_keys()) {
        // Esc outside the text gives the keys back to it (unless it closed a dialog: ImGui does that).
        if (shortcut_pressed(KeyAction::Cancel) && !focus_.popup_was_open) {
            focus_.current = Region::Text;
            return true;
        }
        return false;
    }
    const Document* doc = current_document();
    if (!doc || palette_.is_open()) return false;
    if (!relation_source_.empty()) return handle_relate_keys(*doc);
    if (shortcut_pressed(KeyAction::OpenPalette) && selection_.empty() && !selected_span_.empty()) {
        if (const Span* s = doc->find_span(selected_span_)) {
            consume_key(ImGuiKey_Enter);  // the palette opened now must not take this Enter as its choice
            open_palette_by(PaletteMode::Label, s->start, s->end);
            return true;
        }
    }
    return false;
}

bool App::handle_relate_keys(const Document& doc) {
    const bool next = shortcut_pressed(KeyAction::NextCandidate), previous = shortcut_pressed(KeyAction::PreviousCandidate);
    if (next || previous) {
        relation_focus_ = next_relation_candidate(doc, corpus().schema, relation_source_, relation_focus_, next);
        if (const Span* s = doc.find_span(relation_focus_)) (void)view_.scroll_to(s->start, false);
        return true;
    }
    if (shortcut_pressed(KeyAction::OpenPalette) && doc.find_span(relation_focus_)) {
        consume_key(ImGuiKey_Enter);
        const std::string tail = relation_focus_;
        relation_focus_.clear();
        request_relation(relation_source_, tail);
        if (palette_.is_open())  // several types: the type palette opens under the tail, not at the pointer
            if (const Span* t = doc.find_span(tail)) palette_.pos = view_.below_range(t->start, t->end).value_or(palette_.pos);
        return true;
    }
    return false;
}

}  // namespace inkspan::ui
