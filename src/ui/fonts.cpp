#include "ui/fonts.h"

#include "core/display_text.h"

namespace inkspan::ui {

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
    for (ImFont* old : std::vector<ImFont*>(io.Fonts->Fonts.begin(), io.Fonts->Fonts.end())) io.Fonts->RemoveFont(old);
    Fonts fonts;
    fonts.body_px = 17.0f * zoom;

    ImFont* font = nullptr;
    for (const std::vector<char>* file : files) {
        if (!file || file->empty()) continue;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // ImGui keeps its own copy
        cfg.MergeMode = font != nullptr;
        cfg.OversampleH = 1;  // rasterised at the screen's density already
        cfg.OversampleV = 1;
        ImFont* added = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(file->data()), static_cast<int>(file->size()),
                                                       fonts.ui_px, &cfg);
        if (!font) font = added;
    }
    if (!font) {
        ImFontConfig def;
        def.SizePixels = fonts.ui_px;
        font = io.Fonts->AddFontDefault(&def);
    }
    fonts.body = fonts.ui = fonts.label = font;
    io.FontDefault = font;
    ImGui::GetStyle().FontSizeBase = fonts.ui_px;
    return fonts;
}

}  // namespace inkspan::ui
