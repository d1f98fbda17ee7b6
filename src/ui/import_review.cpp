#include "ui/import_review.h"

#include <imgui.h>

#include "ui/shaped_text.h"

namespace inkspan::ui {

std::optional<SchemaViolation> ImportReview::draw(const Fonts& fonts) {
    if (items.empty()) return std::nullopt;
    std::optional<SchemaViolation> clicked;
    const std::string title = "Kept against the rules (" + std::to_string(items.size()) + ")##review";
    if (ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextDisabled("From %s; click one to see it.", file_name.c_str());
        const float rows = static_cast<float>(std::min<std::size_t>(items.size(), 6));
        ImGui::BeginChild("##review-list", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 4));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(items.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const SchemaViolation& v = items[static_cast<std::size_t>(i)];
                ImGui::PushID(i);
                if (selectable(fonts, v.doc + " " + v.annotation + ": " + v.what, false)) clicked = v;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s: %s", v.doc.c_str(), v.annotation.c_str(), v.what.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndChild();
        if (ImGui::SmallButton("Dismiss##review")) items.clear();
    }
    return clicked;
}

}  // namespace inkspan::ui
