#include "ui/layer_bar.h"

#include "core/layers.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {

std::string layer_title(const Document& member, std::string_view you) {
    if (member.annotator().empty()) return "(no annotator)";
    if (!you.empty() && member.annotator() == you) return member.annotator() + " (you)";
    return member.annotator();
}

bool LayerBar::shown(const Corpus& corpus, const Document* open) {
    return open && layer_group(corpus, open->id()).size() > 1;
}

std::optional<std::string> LayerBar::draw(ImVec2 min, ImVec2 max, const Corpus& corpus, const Document& open,
                                          std::string_view you, const Theme& theme, const Fonts& fonts) {
    std::optional<std::string> chosen;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, theme.panel_bg);
    dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), theme.border);
    ImGui::SetCursorScreenPos(ImVec2(min.x + 16, min.y + (kHeight - ImGui::GetFrameHeight()) * 0.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Layers:");
    for (const Document* member : layer_group(corpus, open.id())) {
        ImGui::SameLine();
        const bool is_open = member == &open;
        if (is_open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(fonts, layer_title(*member, you), "layer-" + member->id()) && !is_open) chosen = member->id();
        if (is_open) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%zu spans, %zu relations (Ctrl+[ / Ctrl+] step through the layers)", member->span_count(),
                              member->relations().size());
    }
    return chosen;
}

std::optional<std::string> LayerBar::step(const Corpus& corpus, const Document& open, int direction) {
    const auto group = layer_group(corpus, open.id());
    if (group.size() < 2) return std::nullopt;
    std::size_t at = 0;
    while (at < group.size() && group[at] != &open) ++at;
    const std::size_t n = group.size();
    return group[(at + (direction > 0 ? 1 : n - 1)) % n]->id();
}

}  // namespace inkspan::ui
