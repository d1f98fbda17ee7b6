#pragma once
// The label palette that opens by a fresh selection (and the relation-type palette after a
// relation gesture): while the filter is empty a hotkey applies at once; "/" (or any other
// character) starts the filter, where every letter filters; Enter applies the highlighted entry,
// Esc closes. Owns where it is and what was typed; the caller says what it
// offers and acts on the choice.
#include <imgui.h>

#include <optional>
#include <string>

#include "core/schema.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace inkspan::ui {

enum class PaletteMode { Closed, Label, Relation };

struct Palette {
    PaletteMode mode = PaletteMode::Closed;
    ImVec2 pos{0, 0};  // screen px of its top-left corner when it opens below what it is for
    float above = 0;   // the top of what it is for: it opens above that when there is no room below
    ImVec2 size{240, 0};  // as last drawn (0 high: not drawn yet)
    std::string filter;
    int cursor = 0;             // the highlighted entry
    bool focus_filter = false;  // typing started the filter: give it the keyboard

    void open(PaletteMode m, ImVec2 below, float above_y);
    void close() { mode = PaletteMode::Closed; }
    [[nodiscard]] bool is_open() const { return mode != PaletteMode::Closed; }

    // The relation palette offers the types allowed from `head_label` to `tail_label`.
    struct Offer {
        const Schema* schema = nullptr;
        const Theme* theme = nullptr;
        const Fonts* fonts = nullptr;  // entries are drawn shaped when they need it
        std::string head_label, tail_label;
    };
    // The entry chosen this frame (a label or a relation type name), if any; Esc closes it.
    [[nodiscard]] std::optional<std::string> draw(const Offer& offer);
};

}  // namespace inkspan::ui
