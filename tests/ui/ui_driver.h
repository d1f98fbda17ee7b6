#pragma once
// Drives the real ui::App natively the way the browser tests drive the page (tests/e2e/harness.mjs):
// real Dear ImGui input events (mouse, keys, typed characters, wheel) fed between headless frames,
// places found with App::locate (code point → screen px), state read from the model.
#include <imgui.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"
#include "headless.h"
#include "ui/item_hooks/imgui_items.h"
#include "ui/app.h"

namespace inkspan::uitest {

// The ImGui key of a letter or digit (ImGuiKey_None otherwise).
[[nodiscard]] ImGuiKey key_for(char c);

// A code point range [start, end).
struct Range {
    std::size_t start = 0, end = 0;
};

// The code point offsets of the nth occurrence (0 = first) of `needle` in the document's text,
// computed with the document's TextIndex (bytes → code points). Fails the test if absent.
[[nodiscard]] Range range_of(const Document& doc, std::string_view needle, int nth = 0);

// The text between two code point offsets.
[[nodiscard]] std::string text_at(const Document& doc, Range r);

// The span with exactly these offsets (and this label, if given), or nullptr.
[[nodiscard]] const Span* span_at(const Document& doc, Range r, std::string_view label = {});

// A static folder (for platform::set_static_root) with fonts/manifest.json naming Thai,
// Devanagari and a symbols font (control pictures), copied from Debian's fonts-noto-core.
[[nodiscard]] std::string static_font_folder();

// The sample article (assets/istanbul-talks.fr.txt) as the web app shows it on a first visit:
// document "d1" with the default schema, as an inkspan JSON corpus.
[[nodiscard]] std::string sample_corpus_json();

// An App on the sample article in a 1280×800 headless ImGui context (as the browser tests' page),
// with the app's body font (DejaVu Sans), after its first frames.
class Driver {
public:
    Driver();
    // The same, restoring this corpus (inkspan JSON) instead of the sample.
    explicit Driver(const std::string& corpus_json);
    ~Driver();
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    [[nodiscard]] ui::App& app() { return *app_; }
    [[nodiscard]] const Document& doc() const;  // the current document

    // n frames of the whole app (the queued commands apply at the end of each).
    void frame(int n = 1);
    // What the browser tests' settle() waits for: the frames after the last input.
    void settle() { frame(2); }

    // The box (x, y, w, h in screen px) of code point `cp` of `doc_id` (empty: the open
    // document), scrolled into view.
    [[nodiscard]] ImVec4 locate(std::size_t cp, const std::string& doc_id = "");

    // Mouse: each call is one input event followed by a frame.
    void move(ImVec2 p);
    void button(bool down, int which = 0);  // 0 left, 1 right
    // A click (press and release in place) in the middle of code point `cp`; `shift` held.
    void click_at(std::size_t cp, bool shift = false);
    void double_click_at(std::size_t cp);
    // Drags from inside the first character of `r` to inside its last one (as dragOver).
    void drag_over(Range r);
    void wheel(float dy);
    // The pointer leaves the page (nothing hovered).
    void leave();

    // A key press and release, with the modifiers held and (for printable keys) the character
    // the browser would type.
    void press(ImGuiKey key, char typed = 0, bool ctrl = false, bool shift = false);
    // The hotkey of `label`, looked up in the schema (PER → "p").
    void press_hotkey(std::string_view label);

    // The widget the last frame drew with this label (text before any "##"; `prefix`: starting
    // with it), or nullptr; a click in its middle (press, release, a frame each).
    [[nodiscard]] const item_hooks::ImGuiItem* item(std::string_view label, bool prefix = false) const;
    void click_item(std::string_view label, bool prefix = false, int which = 0);

private:
    void wait_past_double_click();

    bench::HeadlessImGui imgui_;
    std::unique_ptr<ui::App> app_;
    double last_press_ = -1e9;  // ImGui time of the last mouse press
};

// Types `text` (ASCII letters, digits, space) into whatever has the keyboard, one key at a time.
void type_text(Driver& d, std::string_view text);

// Drags over the nth occurrence (0 = first) of `needle` and presses the hotkey of `label`; returns its range.
Range label_text(Driver& d, std::string_view needle, std::string_view label, int nth = 0);

// Clicks the text of span `from` (selecting it), presses R, clicks the text of span `to`.
void relate(Driver& d, Range from, Range to);

}  // namespace inkspan::uitest
