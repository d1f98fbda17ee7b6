#include "imgui_items.h"

#include <imgui_internal.h>

#include <cstdarg>

namespace inkspan::bench {
namespace {
std::vector<ImGuiItem>& items() {
    static std::vector<ImGuiItem> recorded;
    return recorded;
}
}  // namespace

void record_items(bool on) { ImGui::GetCurrentContext()->TestEngineHookItems = on; }
void clear_items() { items().clear(); }
const std::vector<ImGuiItem>& recorded_items() { return items(); }

const ImGuiItem* find_item(std::string_view label, bool prefix) {
    const auto& all = items();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        std::string_view shown = it->label;
        if (auto hash = shown.find("##"); hash != std::string_view::npos && !label.starts_with("##")) shown = shown.substr(0, hash);
        if (prefix ? shown.starts_with(label) : shown == label) return &*it;
    }
    return nullptr;
}

}  // namespace inkspan::bench

// ImGui calls these for every item while TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    inkspan::bench::items().push_back({id, {}, bb.Min, bb.Max});
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    auto& all = inkspan::bench::items();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->id == id) { it->label = label ? label : ""; return; }
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
