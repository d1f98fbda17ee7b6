#pragma once
// The fonts: one Dear ImGui 1.92 font (DejaVu Sans, then the fallback fonts loaded so far, in
// preference order) drawn at three sizes. ImGui rasterises glyphs on demand at the framebuffer's
// density (devicePixelRatio), so nothing is pre-baked and any size is crisp.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/glyph_advances.h"

namespace inkspan::ui {

struct Fonts {
    ImFont* body = nullptr;   // the document text
    ImFont* ui = nullptr;     // panels, buttons
    ImFont* label = nullptr;  // span labels and relation names (small)
    float body_px = 17.0f, ui_px = 14.0f, label_px = 10.5f;  // CSS px

    // Advance of one code point of the body font in CSS px (what the layout engine measures with);
    // control characters measure as the control pictures the view draws for them.
    [[nodiscard]] GlyphAdvances body_advances() const;
};

// (Re)builds io.Fonts from font files: the body font first, then fallbacks in preference order.
// With no file at all, ImGui's built-in font is used (tests without a font file).
Fonts build_fonts(const std::vector<const std::vector<char>*>& files, float zoom);

}  // namespace inkspan::ui
