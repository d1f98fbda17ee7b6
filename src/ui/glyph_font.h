#pragma once
// Fonts that draw glyphs by id. Shaped text (core/text_shaper) is glyph ids — a ligature, a
// conjunct or a contextual Arabic form has no code point — so each font file the shaper uses gets
// a second ImGui font whose "code points" are the glyph ids of that file (shifted past the few
// code points ImGui handles itself). Glyphs are rasterised on
// demand by stb_truetype into ImGui's atlas like any other glyph. The ImGui size of such a font is
// its em in px (HarfBuzz's size), and glyph boxes are relative to the baseline, not the line top.
#include <imgui.h>

#include <vector>

namespace inkspan::ui {

// Adds the glyph-id font of a TrueType/OpenType file to io.Fonts (the atlas copies the bytes);
// null when the file cannot be read.
ImFont* add_glyph_id_font(const std::vector<char>& file);

// Draws glyph `glyph_id` of `font` at em size `em_px` with its origin (pen position on the
// baseline) at `origin`. Returns false when the font has no such glyph.
bool draw_glyph(ImDrawList* dl, ImFont* font, float em_px, unsigned glyph_id, ImVec2 origin, ImU32 color);

}  // namespace inkspan::ui
