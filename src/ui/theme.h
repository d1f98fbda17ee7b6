#pragma once
// Colours and ImGui style for the themes (core/theme_colors: light, dark, high contrast). Label
// colours come from the schema; here they are turned into translucent highlights that keep the
// text readable.
#include <imgui.h>

#include <string_view>

#include "core/theme_colors.h"

namespace inkspan::ui {

struct Theme {
    ThemeKind kind = ThemeKind::light;
    bool dark = false;
    ImU32 page_bg, panel_bg, border, separator, text, text_muted, selection, accent, danger, arc, chip_bg, button, frame_bg;
    float highlight_alpha, highlight_alpha_emphasised;
    bool operator==(const Theme&) const = default;
};

[[nodiscard]] Theme make_theme(ThemeKind kind);
[[nodiscard]] ImU32 to_imu32(Rgba color);
[[nodiscard]] Rgba to_rgba(ImU32 color);
void apply_imgui_style(const Theme& theme);

// "#4e79a7" → colour (opaque grey when the string is not a colour).
[[nodiscard]] ImU32 parse_hex_color(std::string_view hex, float alpha = 1.0f);
[[nodiscard]] ImU32 with_alpha(ImU32 color, float alpha);
// A highlight fill for a label colour: light tint on light pages, deeper tint on dark ones.
[[nodiscard]] ImU32 highlight_fill(const Theme& theme, ImU32 label_color, bool emphasised);

}  // namespace inkspan::ui
