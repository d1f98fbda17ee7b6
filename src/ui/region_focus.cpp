#include "ui/region_focus.h"

namespace inkspan::ui {
namespace {

// The ImGui window each region draws in (src/ui/panels.cpp, app.cpp).
constexpr const char* kWindows[kRegionCount] = {"##toolbar", "##documents", "##reading", "##side", "##status"};

}  // namespace

bool RegionFocus::shown(Region r) const {
    const Rect& rect = rects[static_cast<std::size_t>(r)];
    return rect.max.x > rect.min.x && rect.max.y > rect.min.y;
}

void RegionFocus::cycle(bool forward) {
    std::size_t i = static_cast<std::size_t>(current);
    for (std::size_t step = 0; step < kRegionCount; ++step) {
        i = forward ? (i + 1) % kRegionCount : (i + kRegionCount - 1) % kRegionCount;
        if (shown(static_cast<Region>(i))) break;
    }
    current = static_cast<Region>(i);
    ImGui::SetWindowFocus(kWindows[i]);
}

void RegionFocus::follow_click(ImVec2 m) {
    for (std::size_t i = 0; i < kRegionCount; ++i) {
        const Rect& r = rects[i];
        if (m.x >= r.min.x && m.x < r.max.x && m.y >= r.min.y && m.y < r.max.y) current = static_cast<Region>(i);
    }
}

void RegionFocus::apply(const Theme& theme) {
    ImGuiIO& io = ImGui::GetIO();
    popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (text_has_keys()) io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (text_has_keys() || window_has_keys) return;  // the caret or the window's focus shows where the keys go
    const Rect& r = rects[static_cast<std::size_t>(current)];
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(r.min.x + 1, r.min.y + 1), ImVec2(r.max.x - 1, r.max.y - 1), theme.accent,
                                            4.0f, 0, 2.0f);
}

}  // namespace inkspan::ui
