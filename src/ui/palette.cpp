// The label palette that opens by a fresh selection (and the relation-type palette after a
// relation gesture): hotkeys apply at once, any other typing filters, Enter applies the
// highlighted entry, Esc closes. Also the search bar (Ctrl+F) with "label all matches".
#include <algorithm>
#include <cctype>

#include "core/search.h"
#include "ui/app.h"
#include "ui/shaped_text.h"
#include "ui/imgui_string.h"

namespace inkspan::ui {
namespace {

bool matches_filter(const std::string& name, const std::string& filter) {
    if (filter.empty()) return true;
    std::string a = name, b = filter;
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return a.find(b) != std::string::npos;
}

}  // namespace

void App::draw_palette() {
    if (palette_ == PaletteMode::Closed) return;
    const Document* doc = current_document();
    if (!doc) { palette_ = PaletteMode::Closed; return; }

    struct Entry { std::string name, hotkey; ImU32 color; };
    std::vector<Entry> entries;
    if (palette_ == PaletteMode::Label) {
        for (const EntityType& t : corpus().schema.entities)
            if (matches_filter(t.name, palette_filter_)) entries.push_back({t.name, t.hotkey, parse_hex_color(t.color)});
    } else {
        const Span* h = doc->find_span(selected_span_);
        const Span* t = doc->find_span(relation_tail_);
        if (!h || !t) { palette_ = PaletteMode::Closed; return; }
        for (const RelationType& r : corpus().schema.relations)
            if (r.allows(h->label, t->label) && matches_filter(r.name, palette_filter_))
                entries.push_back({r.name, "", theme_.arc});
    }
    palette_cursor_ = std::clamp(palette_cursor_, 0, std::max(0, static_cast<int>(entries.size()) - 1));

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 pos = palette_pos_;
    pos.x = std::min(pos.x, vp->WorkPos.x + vp->WorkSize.x - 230.0f);
    pos.y = std::min(pos.y, vp->WorkPos.y + vp->WorkSize.y - 60.0f - 26.0f * static_cast<float>(entries.size()));
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(220.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme_.chip_bg | IM_COL32_A_MASK));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::Begin("##palette", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextDisabled(palette_ == PaletteMode::Label ? "Label as…  (hotkey, or type to filter)" : "Relation type…");

    // Keys while the filter is not focused: hotkeys apply, other characters start the filter.
    std::string chosen;
    const ImGuiIO& io = ImGui::GetIO();
    if (!palette_focus_filter_ && !io.WantTextInput) {
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar c = io.InputQueueCharacters[i];
            if (c <= 32 || c >= 127) continue;
            const std::string key(1, static_cast<char>(c));
            const EntityType* t = palette_ == PaletteMode::Label ? corpus().schema.find_entity_by_hotkey(key) : nullptr;
            if (t) { chosen = t->name; break; }
            palette_filter_ += key;
            palette_focus_filter_ = true;
        }
        if (palette_focus_filter_) ImGui::SetKeyboardFocusHere();
    }
    if (ImGui::IsWindowAppearing() && palette_ == PaletteMode::Relation) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    if (InputTextString("##filter", "filter", palette_filter_)) palette_cursor_ = 0;
    if (ImGui::IsItemActive()) palette_focus_filter_ = false;  // focus taken; later keys go to the field
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) ++palette_cursor_;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) --palette_cursor_;
    palette_cursor_ = std::clamp(palette_cursor_, 0, std::max(0, static_cast<int>(entries.size()) - 1));
    if ((ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) && !entries.empty())
        chosen = entries[static_cast<std::size_t>(palette_cursor_)].name;

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool hi = static_cast<int>(i) == palette_cursor_;
        if (ImGui::Selectable("##entry", hi, 0, ImVec2(0, 22.0f))) chosen = e.name;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p.x + 2, p.y + 5), ImVec2(p.x + 14, p.y + 17), e.color, 3.0f);
        draw_text(dl, fonts_, ImGui::GetFontSize(), ImVec2(p.x + 22, p.y + 3), theme_.text, e.name);
        if (!e.hotkey.empty()) {
            const float w = ImGui::GetWindowContentRegionMax().x;
            const ImVec2 kp(ImGui::GetWindowPos().x + w - 20.0f, p.y + 2);
            dl->AddRect(kp, ImVec2(kp.x + 18, kp.y + 18), theme_.border, 4.0f);
            dl->AddText(ImVec2(kp.x + 5, kp.y + 1), theme_.text_muted, e.hotkey.c_str());
        }
        ImGui::PopID();
    }
    if (entries.empty()) ImGui::TextDisabled("no match");
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) { palette_ = PaletteMode::Closed; return; }
    if (!chosen.empty()) {
        if (palette_ == PaletteMode::Label) request_label(chosen);
        else request_relation_type(chosen);
    }
}

void App::draw_search_bar(ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(ImVec2(min.x + 16, min.y + 6));
    if (search_focus_) { ImGui::SetKeyboardFocusHere(); search_focus_ = false; }
    ImGui::SetNextItemWidth(std::min(260.0f, (max.x - min.x) * 0.3f));
    if (InputTextString("##search", "Find (Ctrl+F), Enter then a label key labels all", search_query_,
                        ImGuiInputTextFlags_EnterReturnsTrue))
        search_label_mode_ = true;  // the next label hotkey labels every match
    ImGui::SameLine();
    ImGui::Checkbox("Aa", &search_case_);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case");
    ImGui::SameLine();
    ImGui::Checkbox("Word", &search_words_);
    ImGui::SameLine();
    ImGui::Checkbox(".*", &search_regex_);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Regular expression");
    const Document* doc = current_document();
    std::size_t count = 0;
    std::string error;
    if (doc && !search_query_.empty()) {
        const Result<SearchResult>& found = current_search();
        if (found.ok()) count = found->matches.size();
        else error = found.error().message;
    }
    ImGui::SameLine();
    if (!error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.danger), "%s", error.c_str());
    else ImGui::TextDisabled("%zu matches", count);
    if (count > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("Label all:");
        for (const EntityType& t : corpus().schema.entities) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(parse_hex_color(t.color, 0.35f)));
            if (ImGui::SmallButton(t.name.c_str())) request_annotate_all(t.name);
            ImGui::PopStyleColor();
        }
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) search_open_ = false;
}

}  // namespace inkspan::ui
