#include "ui/fonts.h"

namespace inkspan::ui {

GlyphAdvances Fonts::body_advances() const {
    const ImFont* font = body;
    const float scale = body_px / font->FontSize;
    return GlyphAdvances([font, scale](char32_t c) {
        if (c == '\n' || c == '\r') return 0.0f;
        // ImGui draws code points beyond its 16-bit range as U+FFFD.
        if (c > IM_UNICODE_CODEPOINT_MAX) c = IM_UNICODE_CODEPOINT_INVALID;
        return const_cast<ImFont*>(font)->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    });
}

Fonts build_fonts(const std::vector<char>& ttf, float dpr, float zoom, std::string_view sample_text) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.dpr = dpr;
    fonts.body_px = 17.0f * zoom;

    ImFontGlyphRangesBuilder builder;
    static const ImWchar base_ranges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F,
                                          0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF,
                                          0x2713, 0x2717, 0x25A0, 0x25FF, 0xFFFD, 0xFFFD, 0};
    builder.AddRanges(base_ranges);
    builder.AddText(sample_text.data(), sample_text.data() + sample_text.size());
    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    ranges.clear();
    builder.BuildRanges(&ranges);

    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = dpr >= 2.0f ? 1 : 2;
    cfg.OversampleV = 1;
    auto add = [&](float px) -> ImFont* {
        if (ttf.empty()) {
            ImFontConfig def;
            def.SizePixels = px * dpr;
            return io.Fonts->AddFontDefault(&def);
        }
        return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                              px * dpr, &cfg, ranges.Data);
    };
    fonts.body = add(fonts.body_px);
    fonts.ui = add(fonts.ui_px);
    fonts.label = add(fonts.label_px);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = fonts.ui;
    return fonts;
}

}  // namespace inkspan::ui
