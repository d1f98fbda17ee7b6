#include "ui/theme.h"

#include <cstdlib>

namespace inkspan::ui {

ImU32 to_imu32(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

Rgba to_rgba(ImU32 c) {
    auto channel = [c](int shift) { return static_cast<std::uint8_t>((c >> shift) & 0xFF); };
    return Rgba{channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), channel(IM_COL32_A_SHIFT)};
}

Theme make_theme(ThemeKind kind) {
    const ThemeColors c = theme_colors(kind);
    Theme t;
    t.kind = kind;
    t.dark = c.dark;
    t.page_bg = to_imu32(c.page_bg);
    t.panel_bg = to_imu32(c.panel_bg);
    t.border = to_imu32(c.border);
    t.separator = to_imu32(c.separator);
    t.text = to_imu32(c.text);
    t.text_muted = to_imu32(c.text_muted);
    t.selection = to_imu32(c.selection);
    t.accent = to_imu32(c.accent);
    t.danger = to_imu32(c.danger);
    t.arc = to_imu32(c.arc);
    t.chip_bg = to_imu32(c.chip_bg);
    t.button = to_imu32(c.button);
    t.frame_bg = to_imu32(c.frame_bg);
    t.highlight_alpha = c.highlight_alpha;
    t.highlight_alpha_emphasised = c.highlight_alpha_emphasised;
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
    c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(t.separator);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(t.chip_bg | IM_COL32_A_MASK);
    // Calm controls: neutral buttons, the accent only on hover and selection.
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(t.accent);
    auto tint = [&](float a) { return ImVec4(accent.x, accent.y, accent.z, a); };
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(t.button);
    c[ImGuiCol_ButtonHovered] = tint(0.28f);
    c[ImGuiCol_ButtonActive] = tint(0.42f);
    c[ImGuiCol_Header] = tint(0.18f);
    c[ImGuiCol_HeaderHovered] = tint(0.26f);
    c[ImGuiCol_HeaderActive] = tint(0.36f);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(t.frame_bg);
    c[ImGuiCol_FrameBgHovered] = tint(0.12f);
    c[ImGuiCol_FrameBgActive] = tint(0.2f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_PlotHistogram] = accent;
    s.FrameBorderSize = 1.0f;  // fields, check boxes and radio buttons need a visible boundary (3:1)
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
    return with_alpha(label_color, emphasised ? theme.highlight_alpha_emphasised : theme.highlight_alpha);
}

}  // namespace inkspan::ui
