#include "ui/fonts.h"

#include <cstdint>
#include <cmath>
#include <cstring>
#include <optional>
#include <span>

#include "core/display_text.h"
#include "ui/glyph_font.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {
namespace {

// A font's em size over its line height (hhea ascender − descender), what stb_truetype scales a
// pixel size by. Noto fonts have tall line metrics: scaled like the body font by pixel height,
// their glyphs come out half the size. 0 when the tables cannot be read.
float em_per_line_height(const std::vector<char>& ttf) {
    const auto* p = reinterpret_cast<const unsigned char*>(ttf.data());
    const std::size_t n = ttf.size();
    const auto u16 = [&](std::size_t at) { return at + 2 <= n ? static_cast<unsigned>(p[at] << 8 | p[at + 1]) : 0u; };
    const auto u32 = [&](std::size_t at) { return at + 4 <= n ? (std::size_t{u16(at)} << 16) | u16(at + 2) : 0u; };
    std::size_t head = 0, hhea = 0;
    for (unsigned t = 0, tables = u16(4); t < tables; ++t) {
        const std::size_t rec = 12 + 16 * std::size_t{t};
        if (rec + 16 > n) break;
        if (std::memcmp(p + rec, "head", 4) == 0) head = u32(rec + 8);
        if (std::memcmp(p + rec, "hhea", 4) == 0) hhea = u32(rec + 8);
    }
    if (!head || !hhea) return 0.0f;
    const auto units_per_em = static_cast<float>(u16(head + 18));
    const auto ascender = static_cast<float>(static_cast<std::int16_t>(u16(hhea + 4)));
    const auto descender = static_cast<float>(static_cast<std::int16_t>(u16(hhea + 6)));
    return ascender - descender > 0 ? units_per_em / (ascender - descender) : 0.0f;
}

}  // namespace

GlyphAdvances Fonts::body_advances() const {
    ImFont* font = body;
    const float px = body_px;
    return GlyphAdvances([font, px](char32_t c) {
        if (c == '\n' || c == '\r') return 0.0f;
        const char32_t shown = display_code_point(c);
        return shown == 0 ? 0.0f : font->GetFontBaked(px)->GetCharAdvance(static_cast<ImWchar>(shown));
    });
}

Fonts build_fonts(const std::vector<const std::vector<char>*>& files, float zoom) {
    ImGuiIO& io = ImGui::GetIO();
    // All fonts go at once, with the atlas's packing state: removing them one by one reused its
    // rectangle entries, whose 10-bit generation counters overflow after 511 rebuilds (zooms,
    // fonts arriving) in Dear ImGui 1.92.2b.
    io.Fonts->ClearFonts();
    Fonts fonts;
    fonts.body_px = 17.0f * zoom;
    // Label chips follow the zoom (and, being in CSS px, the browser's zoom): at 100% their
    // capitals are about 9 px high, readable beside 17 px body text (issue 19: they were ~7 px).
    fonts.label_px = 14.0f * zoom;

    ImFont* font = nullptr;
    float body_em = 0.0f;
    for (const std::vector<char>* file : files) {
        if (!file || file->empty()) continue;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // ImGui keeps its own copy
        cfg.MergeMode = font != nullptr;
        cfg.OversampleH = 1;  // rasterised at the screen's density already
        cfg.OversampleV = 1;
        cfg.Flags = ImFontFlags_NoLoadError;  // a broken fallback file is skipped, not fatal
        // Fallbacks get the body font's em size, whatever their line metrics.
        const float em = em_per_line_height(*file);
        const float px = font && body_em > 0 && em > 0 ? fonts.ui_px * body_em / em : fonts.ui_px;
        ImFont* added = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(file->data()), static_cast<int>(file->size()),
                                                       px, &cfg);
        if (!font) {
            font = added;
            body_em = em;
        }
    }
    if (!font) {
        ImFontConfig def;
        def.SizePixels = fonts.ui_px;
        font = io.Fonts->AddFontDefault(&def);
    }
    fonts.body = fonts.ui = fonts.label = font;
    io.FontDefault = font;
    if (body_em > 0.0f) {
        fonts.shaper = std::make_shared<TextShaper>();
        for (const std::vector<char>* file : files) {
            if (!file || file->empty()) continue;
            const auto* bytes = reinterpret_cast<const unsigned char*>(file->data());
            const std::optional<FontId> id = fonts.shaper->add_font(std::span(bytes, file->size()));
            ImFont* glyphs = id ? add_glyph_id_font(*file) : nullptr;
            if (!id || !glyphs) continue;  // a broken file is skipped here as in the merged font
            while (fonts.glyph_fonts.size() < id->index) fonts.glyph_fonts.push_back(nullptr);
            fonts.glyph_fonts.push_back(glyphs);
            fonts.shaping_fonts.push_back(*id);
        }
        fonts.em_per_px = body_em;
        fonts.strings = std::make_shared<ShapedStrings>();
        fonts.body_em_px = std::round(std::round(fonts.body_px) * body_em);
        fonts.label_em_px = std::round(std::round(fonts.label_px) * body_em);
        fonts.ui_em_px = std::round(std::round(fonts.ui_px) * body_em);
    }
    ImGui::GetStyle().FontSizeBase = fonts.ui_px;
    return fonts;
}

}  // namespace inkspan::ui
