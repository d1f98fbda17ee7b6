// Keyboard shortcuts of the editor. Text fields (palette filter, search box, note) take the keys
// first: no shortcut fires while one has the keyboard (io.WantTextInput); everything else goes
// through here.
#include <algorithm>

#include "platform/browser.h"
#include "ui/app.h"
#include "ui/shortcut_table.h"

namespace inkspan::ui {
namespace {

// The printable ASCII character typed this frame, if any (for label hotkeys).
char typed_character() {
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c > 32 && c < 127) return static_cast<char>(c);
    }
    return 0;
}

}  // namespace

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    float zoom = zoom_;
    if (io.KeyCtrl && io.MouseWheel != 0.0f) zoom *= io.MouseWheel > 0 ? 1.1f : 1 / 1.1f;  // Ctrl+wheel
    // A text field has the keyboard: its keys are its own (Ctrl+Z undoes typing there, not an
    // annotation; Ctrl+C copies its text). Global shortcuts only below this line.
    if (!io.WantTextInput) {
        // Zoom: Ctrl+= / Ctrl+- / Ctrl+0.
        if (shortcut_pressed(KeyAction::ZoomIn)) zoom *= 1.1f;
        if (shortcut_pressed(KeyAction::ZoomOut)) zoom /= 1.1f;
        if (shortcut_pressed(KeyAction::ZoomReset)) zoom = 1.0f;
    }
    zoom = std::clamp(zoom, 0.6f, 2.5f);
    if (zoom != zoom_) {
        zoom_ = zoom;
        fonts_dirty_ = true;
    }
    if (handle_region_keys()) return;
    if (io.WantTextInput) return;
    if (shortcut_pressed(KeyAction::Find)) {
        const Document* d = current_document();
        search_.show(d && !selection_.empty() ? std::optional<std::string>(d->text_of(selection_.start(), selection_.end()))
                                              : std::nullopt);
    }
    // Ctrl+F opened the find bar and its field has not the keyboard yet: what is typed is the query.
    // Esc meanwhile closes it, as it would once the field has the keyboard.
    if (search_.awaiting_keys()) {
        if (ImGui::IsKeyPressed(ImGuiKey_Escape)) search_.hide();
        else search_.keep_typed(io);
        return;
    }
    if (handle_compare_keys()) return;
    if (handle_keyboard()) return;

    if (shortcut_pressed(KeyAction::Undo)) undo();
    if (shortcut_pressed(KeyAction::Redo)) redo();
    if (shortcut_pressed(KeyAction::SaveDocument)) download_current();
    for (const auto& [action, direction] : {std::pair{KeyAction::NextLayer, 1}, std::pair{KeyAction::PreviousLayer, -1}})
        if (shortcut_pressed(action))
            if (const Document* d = current_document())
                if (const auto next = LayerBar::step(corpus(), *d, direction)) open_layer(*next);
    if (shortcut_pressed(KeyAction::Agreement)) run_action("agreement");
    if (shortcut_pressed(KeyAction::Copy)) {
        const Document* d = current_document();
        if (d && !selection_.empty()) platform::set_clipboard_text(d->text_of(selection_.start(), selection_.end()));
        else if (d && !selected_span_.empty())
            if (const Span* s = d->find_span(selected_span_)) platform::set_clipboard_text(d->span_text(*s));
    }

    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {  // one Esc: the palette goes with the selection it was for
        if (palette_.is_open()) clear_selection();
        else if (search_.open) search_.hide();
        else clear_selection();
    }
    const Document* doc = current_document();
    if (!doc) return;
    if (palette_.is_open()) return;  // the palette reads its own keys
    if (!focus_.text_has_keys()) return;  // another region's controls have the keys (F6)
    if (shortcut_pressed(KeyAction::DeleteSelected)) request_delete_selected();
    // Tab / Shift+Tab: the next / previous span in reading order.
    const bool previous_span = shortcut_pressed(KeyAction::PreviousSpan);
    if ((previous_span || shortcut_pressed(KeyAction::NextSpan)) && doc->span_count() > 0) {
        std::size_t pos = 0;
        const auto cur = selected_span_.empty() ? std::nullopt : doc->position_of(selected_span_);
        if (previous_span) pos = cur ? (*cur + doc->span_count() - 1) % doc->span_count() : doc->span_count() - 1;
        else pos = cur ? (*cur + 1) % doc->span_count() : 0;
        const Span& s = doc->span_at(pos);
        select_span(s.id);
        (void)view_.scroll_to(s.start, false);
    }
    if (!selected_span_.empty() && shortcut_pressed(KeyAction::Relate)) {
        start_relation_from(selected_span_);
        return;
    }
    if (io.KeyCtrl || io.KeyAlt) return;
    if (search_.label_mode && search_.open) {
        if (const char c = typed_character()) {
            if (const EntityType* t = corpus().schema.find_entity_by_hotkey(std::string(1, c))) request_annotate_all(t->name);
            search_.label_mode = false;
            return;
        }
    }
    // Label hotkeys: label the selection or relabel the selected span.
    if (const char c = typed_character(); c && (!selection_.empty() || !selected_span_.empty())) {
        const EntityType* t = corpus().schema.find_entity_by_hotkey(std::string(1, c));
        if (t) request_label(t->name);
    }
}

}  // namespace inkspan::ui
