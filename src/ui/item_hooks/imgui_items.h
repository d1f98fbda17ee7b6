#pragma once
// The widgets Dear ImGui submitted in the last frame, by label, with their screen rectangles — so
// tests can click a panel's button or a list row the way a user would: the native UI tests
// (tests/ui) and the web app's automation API (window.inkspan.items). Built on ImGui's test-engine
// item hooks: Dear ImGui is compiled with IMGUI_ENABLE_TEST_ENGINE when the CMake option
// INKSPAN_IMGUI_ITEM_HOOKS is on (the default); without it nothing is recorded.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace inkspan::item_hooks {

struct ImGuiItem {
    ImGuiID id = 0;
    std::string label;  // as passed to the widget, "##..." suffix included; a window's name
    ImVec2 min, max;    // screen px (CSS px in the page)
    bool visible = false;  // its middle is inside the area its window shows: a click there reaches it
};

// True when Dear ImGui was built with the item hooks (INKSPAN_IMGUI_ITEM_HOOKS).
[[nodiscard]] bool hooks_built();
// Starts (or stops) recording the items of each frame into the current context; each new frame
// starts a fresh list. The recorder lives in the context and goes with it.
void record_items(bool on);
// Forgets what was recorded.
void clear_items();
// The items recorded in the current context this frame (or the last one), in submission order.
[[nodiscard]] const std::vector<ImGuiItem>& recorded_items();
// The last recorded item whose label, without its "##" suffix, equals `label` (or starts with it,
// when `prefix`); a `label` starting with "##" is compared whole. nullptr if none.
[[nodiscard]] const ImGuiItem* find_item(std::string_view label, bool prefix = false);
[[nodiscard]] bool label_matches(const ImGuiItem& item, std::string_view label, bool prefix);
// Records the last item ImGui drew (plain text has no id, so no hook sees it) under `label`.
void record_last_item(std::string_view label);

}  // namespace inkspan::item_hooks
