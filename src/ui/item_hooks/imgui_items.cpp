#include "ui/item_hooks/imgui_items.h"

#include <imgui_internal.h>

#include <utility>

namespace inkspan::item_hooks {
namespace {

// What one context recorded; kept in ImGuiContext::TestEngine (its slot for a test engine's data).
struct Recorder {
    std::vector<ImGuiItem> items;
};

Recorder* recorder(ImGuiContext* ctx) { return ctx ? static_cast<Recorder*>(ctx->TestEngine) : nullptr; }

const std::vector<ImGuiItem>& no_items() {
    static const std::vector<ImGuiItem> none;
    return none;
}

void add(ImGuiContext* ctx, ImGuiID id, std::string label, const ImRect& bb, const ImRect& clip) {
    Recorder* r = recorder(ctx);
    if (!r) return;
    const bool visible = clip.Contains(bb.GetCenter());
    r->items.push_back({id, std::move(label), bb.Min, bb.Max, visible});
}

}  // namespace

bool hooks_built() {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    return true;
#else
    return false;
#endif
}

void record_items(bool on) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    ctx->TestEngineHookItems = on;
    if (!on || recorder(ctx)) return;
    ctx->TestEngine = new Recorder();
    ImGuiContextHook fresh_frame;  // each frame's items replace the last frame's
    fresh_frame.Type = ImGuiContextHookType_NewFramePre;
    fresh_frame.Callback = [](ImGuiContext* c, ImGuiContextHook*) { recorder(c)->items.clear(); };
    ImGui::AddContextHook(ctx, &fresh_frame);
    ImGuiContextHook shutdown;
    shutdown.Type = ImGuiContextHookType_Shutdown;
    shutdown.Callback = [](ImGuiContext* c, ImGuiContextHook*) {
        delete recorder(c);
        c->TestEngine = nullptr;
        c->TestEngineHookItems = false;
    };
    ImGui::AddContextHook(ctx, &shutdown);
}

void clear_items() {
    if (Recorder* r = recorder(ImGui::GetCurrentContext())) r->items.clear();
}

const std::vector<ImGuiItem>& recorded_items() {
    const Recorder* r = recorder(ImGui::GetCurrentContext());
    return r ? r->items : no_items();
}

bool label_matches(const ImGuiItem& item, std::string_view label, bool prefix) {
    std::string_view shown = item.label;
    if (auto hash = shown.find("##"); hash != std::string_view::npos && !label.starts_with("##")) shown = shown.substr(0, hash);
    return prefix ? shown.starts_with(label) : shown == label;
}

const ImGuiItem* find_item(std::string_view label, bool prefix) {
    const auto& all = recorded_items();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (label_matches(*it, label, prefix)) return &*it;
    return nullptr;
}

void record_last_item(std::string_view label) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx->TestEngineHookItems || !hooks_built()) return;
    add(ctx, 0, std::string(label), ctx->LastItemData.Rect, ctx->CurrentWindow->ClipRect);
}

}  // namespace inkspan::item_hooks

// ImGui calls these for every item while TestEngineHookItems is set (item_data is null for a window).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    const ImRect display(ImVec2(0, 0), ctx->IO.DisplaySize);
    inkspan::item_hooks::add(ctx, id, {}, bb, item_data && ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : display);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    auto* r = inkspan::item_hooks::recorder(ctx);
    if (!r) return;
    for (auto it = r->items.rbegin(); it != r->items.rend(); ++it)
        if (it->id == id) { it->label = label ? label : ""; return; }
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
