#pragma once
// The font atlas: DejaVu Sans at the body size (zoomed), the UI size and the label size, rasterised
// at devicePixelRatio so text is crisp on HiDPI screens; ImGui scales them back to CSS pixels.
#include <imgui.h>

#include <string_view>
#include <vector>

#include "core/glyph_advances.h"

namespace inkspan::ui {

struct Fonts {
    ImFont* body = nullptr;   // the document text
    ImFont* ui = nullptr;     // panels, buttons
    ImFont* label = nullptr;  // span labels and relation names (small)
    float body_px = 17.0f, ui_px = 14.0f, label_px = 10.5f;  // CSS px
    float dpr = 1.0f;

    // Advance of one code point of the body font in CSS px (what the layout engine measures with).
    [[nodiscard]] GlyphAdvances body_advances() const;
};

// Rebuilds io.Fonts. `sample_text` adds its characters to the glyph ranges (the documents' own
// characters are always in the atlas as far as the font has them).
Fonts build_fonts(const std::vector<char>& ttf, float dpr, float zoom, std::string_view sample_text);

}  // namespace inkspan::ui
