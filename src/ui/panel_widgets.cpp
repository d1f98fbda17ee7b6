#include "ui/panel_widgets.h"

#include <cmath>

namespace inkspan::ui {
namespace {

// No background: the frame's backdrop paints it (App::backdrop).
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoBackground;

}  // namespace

void begin_panel(const char* id, ImVec2 min, ImVec2 max, ImGuiWindowFlags extra) {
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(max.x - min.x, max.y - min.y));
    ImGui::Begin(id, nullptr, kPanelFlags | extra);
}

void color_swatch(ImU32 color, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - size) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + size, y + size), color, 3.0f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

float begin_row_list(const char* id, ImVec2 size) {
    const float pad = std::ceil(ImGui::GetStyle().ItemSpacing.y * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, pad));
    ImGui::BeginChild(id, size, ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    return pad;
}

void section_title(const char* title) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", title);
    ImGui::Separator();
}

}  // namespace inkspan::ui
