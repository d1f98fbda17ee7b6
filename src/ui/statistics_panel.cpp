// The statistics window: spans per label and relations per type across the corpus (bar chart),
// and spans per document.
#include "ui/statistics_panel.h"

#include <algorithm>

#include <imgui.h>

#include "core/utf8.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {
namespace {

void bar(const Fonts& fonts, std::string_view name, std::size_t value, std::size_t max_value, ImU32 color) {
    text_item(fonts, name);
    ImGui::SameLine(110);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = 200.0f * (max_value ? static_cast<float>(value) / static_cast<float>(max_value) : 0.0f);
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + std::max(w, 1.0f), p.y + h - 2), color, 2.0f);
    ImGui::Dummy(ImVec2(205, h));
    ImGui::SameLine();
    ImGui::Text("%zu", value);
}

}  // namespace

void StatisticsPanel::draw(const Corpus& corpus, const Theme& theme, const Fonts& fonts) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 70), ImGuiCond_Appearing, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(380, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Statistics", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    const LabelCounts counts = count_labels(corpus);
    std::size_t max_count = 1, spans = 0, relations = 0;
    for (const auto& [_, n] : counts.entities) { max_count = std::max(max_count, n); spans += n; }
    for (const auto& [_, n] : counts.relations) { max_count = std::max(max_count, n); relations += n; }
    ImGui::Text("%zu documents · %zu spans · %zu relations", corpus.documents.size(), spans, relations);
    ImGui::Separator();
    ImGui::TextDisabled("SPANS PER LABEL");
    for (const EntityType& t : corpus.schema.entities) {
        const auto it = counts.entities.find(t.name);
        bar(fonts, t.name, it == counts.entities.end() ? 0 : it->second, max_count, parse_hex_color(t.color));
    }
    ImGui::TextDisabled("RELATIONS PER TYPE");
    for (const RelationType& r : corpus.schema.relations) {
        const auto it = counts.relations.find(r.name);
        bar(fonts, r.name, it == counts.relations.end() ? 0 : it->second, max_count, theme.arc);
    }
    ImGui::TextDisabled("SPANS PER DOCUMENT");
    std::size_t max_doc = 1;
    for (const Document& d : corpus.documents) max_doc = std::max(max_doc, d.span_count());
    ImGui::BeginChild("##perdoc", ImVec2(0, std::min(200.0f, 22.0f * static_cast<float>(corpus.documents.size()) + 4)));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(corpus.documents.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Document& d = corpus.documents[static_cast<std::size_t>(i)];
            bar(fonts, utf8_prefix(d.name(), 14), d.span_count(), max_doc, theme.accent);
        }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace inkspan::ui
