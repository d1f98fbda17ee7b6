#pragma once
// The colour table of the themes (light, dark and their high-contrast variants, the latter for
// prefers-contrast: more), as plain numbers so a unit test can check every pair the app draws
// text or controls with against WCAG 2.2 AA (tests/unit/test_theme_contrast.cpp). ui/theme turns
// it into ImGui colours.
#include "core/color_contrast.h"

namespace inkspan {

enum class ThemeKind { light, dark, light_high_contrast, dark_high_contrast };

struct ThemeColors {
    bool dark = false;
    Rgba page_bg, panel_bg;  // the reading area; panels, toolbar, status bar
    Rgba text, text_muted;   // body and UI text; secondary text (counts, hints, the status bar)
    Rgba border;             // boundaries of fields, check boxes, radio buttons, popups (≥ 3:1)
    Rgba separator;          // rules between sections (decoration)
    Rgba selection;          // translucent, over page_bg
    Rgba accent, danger;     // the title, focus and selection outlines, check marks; errors
    Rgba arc;                // relation lines
    Rgba chip_bg;            // relation name chips, popups, the first-run hint
    Rgba button, frame_bg;   // button and field fills
    float highlight_alpha = 0.26f, highlight_alpha_emphasised = 0.45f;  // a label colour over page_bg
};

[[nodiscard]] ThemeColors theme_colors(ThemeKind kind);
[[nodiscard]] constexpr ThemeKind theme_kind(bool dark, bool high_contrast) {
    return high_contrast ? (dark ? ThemeKind::dark_high_contrast : ThemeKind::light_high_contrast)
                         : (dark ? ThemeKind::dark : ThemeKind::light);
}

}  // namespace inkspan
