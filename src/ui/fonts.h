#pragma once
// The fonts: one Dear ImGui 1.92 font (DejaVu Sans, then the fallback fonts loaded so far, in
// preference order) drawn at three sizes. ImGui rasterises glyphs on demand at the framebuffer's
// density (devicePixelRatio), so nothing is pre-baked and any size is crisp.
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "core/glyph_advances.h"
#include "core/text_shaper.h"

namespace inkspan::ui {

struct ShapedStrings;  // shaped_text.cpp's cache of short shaped texts

struct Fonts {
    ImFont* body = nullptr;   // the document text
    ImFont* ui = nullptr;     // panels, buttons
    ImFont* label = nullptr;  // span labels and relation names (small)
    float body_px = 17.0f, ui_px = 14.0f, label_px = 14.0f;  // CSS px (body and labels times the zoom)

    // Shaping (issue 13): the same files, in the same order, for HarfBuzz (FontId i = file i),
    // and the fonts that draw their glyphs by id (glyph_font.h). Shaped text is drawn at an em of
    // whole px (what ImGui bakes), for the body text and for labels; null shaper: no font file.
    std::shared_ptr<TextShaper> shaper;
    std::vector<FontId> shaping_fonts;
    std::vector<ImFont*> glyph_fonts;  // by FontId::index
    float body_em_px = 0.0f, label_em_px = 0.0f, ui_em_px = 0.0f;
    float em_per_px = 0.0f;  // the body font's em over its ImGui size
    std::shared_ptr<ShapedStrings> strings;

    // Advance of one code point of the body font in CSS px (what the layout engine measures with);
    // control characters measure as the control pictures the view draws for them.
    [[nodiscard]] GlyphAdvances body_advances() const;
};

// (Re)builds io.Fonts from font files: the body font first, then fallbacks in preference order.
// With no file at all, ImGui's built-in font is used (tests without a font file) and nothing is
// shaped. The files' bytes must outlive the fonts (the FontSet keeps them).
Fonts build_fonts(const std::vector<const std::vector<char>*>& files, float zoom);

}  // namespace inkspan::ui
