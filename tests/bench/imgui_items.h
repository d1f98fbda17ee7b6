#pragma once
// The widgets Dear ImGui submitted in the last frame, by label, with their screen rectangles —
// so native UI tests can click a panel's button or a list row the way a user would. Built on
// ImGui's test-engine item hooks (IMGUI_ENABLE_TEST_ENGINE, defined for imgui_native only; the
// hooks do nothing until recording is switched on, so the benchmark is unaffected).
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace inkspan::bench {

struct ImGuiItem {
    ImGuiID id = 0;
    std::string label;  // as passed to the widget, "##..." suffix included
    ImVec2 min, max;    // screen px
};

// Starts (or stops) recording the items of each frame into the current context.
void record_items(bool on);
// Forgets what was recorded (call before a frame to see only that frame's items).
void clear_items();
// The items recorded since the last clear, in submission order.
[[nodiscard]] const std::vector<ImGuiItem>& recorded_items();
// The last recorded item whose label, without its "##" suffix, equals `label` (or starts with it,
// when `prefix`); a `label` starting with "##" is compared whole. nullptr if none.
[[nodiscard]] const ImGuiItem* find_item(std::string_view label, bool prefix = false);

}  // namespace inkspan::bench
