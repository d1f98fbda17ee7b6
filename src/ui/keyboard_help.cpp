#include "ui/keyboard_help.h"

#include <algorithm>
#include <string>

#include "ui/shortcut_table.h"

namespace inkspan::ui {

void KeyboardHelp::draw(const Schema& schema, const Theme& theme) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, vp->WorkSize.x - 40.0f), 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme.chip_bg | IM_COL32_A_MASK));
    ImGui::Begin("Keyboard", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor();
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("keys");
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        const auto row = [](const char* keys, const char* what) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(keys);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", what);
        };
        for (const Shortcut& s : shortcut_table())
            if (*s.what) row(s.keys, s.what);
        row("Shift + a caret key", "extend the selection");
        for (const EntityType& t : schema.entities)
            if (!t.hotkey.empty()) row(t.hotkey.c_str(), ("label the selection " + t.name).c_str());
        ImGui::EndTable();
    }
    ImGui::TextDisabled("Esc or ? closes this list.");
    ImGui::End();
}

}  // namespace inkspan::ui
