#pragma once
// Colours and ImGui style for the light and dark themes. Label colours come from the schema;
// here they are turned into translucent highlights that keep the text readable.
#include <imgui.h>

#include <string_view>

namespace inkspan::ui {

struct Theme {
    bool dark = false;
    ImU32 page_bg, panel_bg, border, text, text_muted, selection, accent, danger, arc, chip_bg;
    bool operator==(const Theme&) const = default;
};

[[nodiscard]] Theme make_theme(bool dark);
void apply_imgui_style(const Theme& theme);

// "#4e79a7" → colour (opaque grey when the string is not a colour).
[[nodiscard]] ImU32 parse_hex_color(std::string_view hex, float alpha = 1.0f);
[[nodiscard]] ImU32 with_alpha(ImU32 color, float alpha);
// A highlight fill for a label colour: light tint on light pages, deeper tint on dark ones.
[[nodiscard]] ImU32 highlight_fill(const Theme& theme, ImU32 label_color, bool emphasised);

}  // namespace inkspan::ui
