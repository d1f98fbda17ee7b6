#include "ui/theme.h"

#include <cstdlib>

namespace inkspan::ui {

Theme make_theme(bool dark) {
    Theme t;
    t.dark = dark;
    if (!dark) {
        t.page_bg = IM_COL32(250, 249, 246, 255);
        t.panel_bg = IM_COL32(242, 240, 235, 255);
        t.border = IM_COL32(222, 218, 210, 255);
        t.text = IM_COL32(34, 34, 38, 255);
        t.text_muted = IM_COL32(110, 108, 104, 255);
        t.selection = IM_COL32(66, 133, 244, 70);
        t.accent = IM_COL32(52, 101, 164, 255);
        t.danger = IM_COL32(176, 42, 42, 255);
        t.arc = IM_COL32(90, 90, 100, 220);
        t.chip_bg = IM_COL32(255, 255, 255, 235);
    } else {
        t.page_bg = IM_COL32(30, 31, 34, 255);
        t.panel_bg = IM_COL32(38, 39, 43, 255);
        t.border = IM_COL32(58, 60, 66, 255);
        t.text = IM_COL32(222, 222, 226, 255);
        t.text_muted = IM_COL32(150, 150, 158, 255);
        t.selection = IM_COL32(100, 150, 255, 80);
        t.accent = IM_COL32(120, 170, 240, 255);
        t.danger = IM_COL32(240, 110, 110, 255);
        t.arc = IM_COL32(190, 190, 200, 220);
        t.chip_bg = IM_COL32(48, 50, 56, 240);
    }
    return t;
}

void apply_imgui_style(const Theme& t) {
    ImGuiStyle& s = ImGui::GetStyle();
    if (t.dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.WindowRounding = 0;
    s.FrameRounding = 4;
    s.PopupRounding = 6;
    s.GrabRounding = 4;
    s.ScrollbarSize = 12;
    s.ScrollbarRounding = 6;
    s.WindowBorderSize = 0;
    s.PopupBorderSize = 1;
    s.TabRounding = 4;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.panel_bg);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.text_muted);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.border);
    c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(t.border);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(t.chip_bg | IM_COL32_A_MASK);
    // Calm controls: neutral buttons, the accent only on hover and selection.
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(t.accent);
    auto tint = [&](float a) { return ImVec4(accent.x, accent.y, accent.z, a); };
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(t.dark ? IM_COL32(58, 60, 66, 255) : IM_COL32(228, 225, 218, 255));
    c[ImGuiCol_ButtonHovered] = tint(0.28f);
    c[ImGuiCol_ButtonActive] = tint(0.42f);
    c[ImGuiCol_Header] = tint(0.18f);
    c[ImGuiCol_HeaderHovered] = tint(0.26f);
    c[ImGuiCol_HeaderActive] = tint(0.36f);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(t.dark ? IM_COL32(48, 50, 56, 255) : IM_COL32(255, 255, 255, 255));
    c[ImGuiCol_FrameBgHovered] = tint(0.12f);
    c[ImGuiCol_FrameBgActive] = tint(0.2f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_PlotHistogram] = accent;
    s.FrameBorderSize = 0.0f;
}

ImU32 parse_hex_color(std::string_view hex, float alpha) {
    unsigned r = 128, g = 128, b = 128;
    if (hex.size() == 7 && hex[0] == '#') {
        char buf[3] = {0, 0, 0};
        auto part = [&](std::size_t i) { buf[0] = hex[i]; buf[1] = hex[i + 1]; return static_cast<unsigned>(std::strtoul(buf, nullptr, 16)); };
        r = part(1); g = part(3); b = part(5);
    }
    return IM_COL32(r, g, b, static_cast<int>(alpha * 255.0f + 0.5f));
}

ImU32 with_alpha(ImU32 color, float alpha) {
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha * 255.0f + 0.5f) << IM_COL32_A_SHIFT);
}

ImU32 highlight_fill(const Theme& theme, ImU32 label_color, bool emphasised) {
    const float a = theme.dark ? (emphasised ? 0.55f : 0.38f) : (emphasised ? 0.45f : 0.26f);
    return with_alpha(label_color, a);
}

}  // namespace inkspan::ui
