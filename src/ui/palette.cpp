#include "ui/palette.h"

#include <algorithm>
#include <cfloat>
#include <cctype>
#include <vector>

#include "ui/shaped_text.h"
#include "ui/imgui_string.h"
#include "ui/item_hooks/imgui_items.h"

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

void Palette::open(PaletteMode m, ImVec2 below, float above_y) {
    mode = m;
    pos = below;
    above = above_y;
    filter.clear();
    cursor = 0;
    focus_filter = false;
}

std::optional<std::string> Palette::draw(const Offer& offer) {
    if (mode == PaletteMode::Closed) return std::nullopt;
    const Schema& schema = *offer.schema;
    const Theme& theme = *offer.theme;

    struct Entry { std::string name, hotkey; ImU32 color; };
    std::vector<Entry> entries;
    if (mode == PaletteMode::Label) {
        for (const EntityType& t : schema.entities)
            if (matches_filter(t.name, filter)) entries.push_back({t.name, t.hotkey, parse_hex_color(t.color)});
    } else {
        for (const RelationType& r : schema.relations)
            if (r.allows(offer.head_label, offer.tail_label) && matches_filter(r.name, filter))
                entries.push_back({r.name, "", theme.arc});
    }
    cursor = std::clamp(cursor, 0, std::max(0, static_cast<int>(entries.size()) - 1));

    // Below the selection, or above it when there is no room below; never past the page's edges.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = size.y > 0 ? size.y : 70.0f + 26.0f * static_cast<float>(entries.size());
    ImVec2 at = pos;
    if (at.y + h > vp->WorkPos.y + vp->WorkSize.y - 4.0f) at.y = above - h - 6.0f;
    at.x = std::clamp(at.x, vp->WorkPos.x + 4.0f, std::max(vp->WorkPos.x + 4.0f, vp->WorkPos.x + vp->WorkSize.x - size.x - 4.0f));
    at.y = std::clamp(at.y, vp->WorkPos.y + 4.0f, std::max(vp->WorkPos.y + 4.0f, vp->WorkPos.y + vp->WorkSize.y - h - 4.0f));
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSizeConstraints(ImVec2(220.0f, 0.0f), ImVec2(FLT_MAX, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme.chip_bg | IM_COL32_A_MASK));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::Begin("##palette", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    const char* hint = "a hotkey labels at once; type / to filter";
    if (mode == PaletteMode::Label) {
        ImGui::TextUnformatted("Label as…");
        ImGui::TextDisabled("%s", hint);
        item_hooks::record_last_item(hint);  // tests check it is shown whole
    } else {
        ImGui::TextUnformatted("Relation type…");
    }
    const float inner = std::max(200.0f, ImGui::CalcTextSize(hint).x);

    // Keys while the filter field does not have them. One rule: a hotkey labels at once only while
    // the filter is empty; "/" starts the filter, where every letter filters (hotkeys included);
    // any other character starts it too.
    std::string chosen;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {  // (the field ignores the characters of the frame it takes the keyboard: kept here)
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar c = io.InputQueueCharacters[i];
            if (c <= 32 || c >= 127) continue;
            if (c == '/' && filter.empty() && !focus_filter) { focus_filter = true; continue; }
            const std::string key(1, static_cast<char>(c));
            const bool filtering = focus_filter || !filter.empty();
            const EntityType* t = mode == PaletteMode::Label && !filtering ? schema.find_entity_by_hotkey(key) : nullptr;
            if (t) { chosen = t->name; break; }
            filter += key;
            focus_filter = true;
        }
        if (focus_filter) ImGui::SetKeyboardFocusHere();
    }
    if (ImGui::IsWindowAppearing() && mode == PaletteMode::Relation) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(inner);
    if (InputTextString("##filter", "/ filter", filter)) cursor = 0;
    if (ImGui::IsItemActive()) focus_filter = false;  // focus taken; later keys go to the field
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) ++cursor;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) --cursor;
    cursor = std::clamp(cursor, 0, std::max(0, static_cast<int>(entries.size()) - 1));
    if ((ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) && !entries.empty())
        chosen = entries[static_cast<std::size_t>(cursor)].name;

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool hi = static_cast<int>(i) == cursor;
        if (ImGui::Selectable("##entry", hi, 0, ImVec2(inner, 22.0f))) chosen = e.name;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p.x + 2, p.y + 5), ImVec2(p.x + 14, p.y + 17), e.color, 3.0f);
        draw_text(dl, *offer.fonts, ImGui::GetFontSize(), ImVec2(p.x + 22, p.y + 3), theme.text, e.name);
        if (!e.hotkey.empty()) {
            const float w = ImGui::GetWindowContentRegionMax().x;
            const ImVec2 kp(ImGui::GetWindowPos().x + w - 20.0f, p.y + 2);
            dl->AddRect(kp, ImVec2(kp.x + 18, kp.y + 18), theme.border, 4.0f);
            dl->AddText(ImVec2(kp.x + 5, kp.y + 1), theme.text_muted, e.hotkey.c_str());
        }
        ImGui::PopID();
    }
    if (entries.empty()) ImGui::TextDisabled("no match");
    size = ImGui::GetWindowSize();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();

    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close();
        return std::nullopt;
    }
    if (chosen.empty()) return std::nullopt;
    return chosen;
}


}  // namespace inkspan::ui
