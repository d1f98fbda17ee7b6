#include "ui/search_bar.h"

#include <algorithm>

#include "ui/imgui_string.h"

namespace inkspan::ui {

void SearchBar::show(std::optional<std::string> query_text) {
    open = true;
    focus = true;
    awaiting_frames_ = 8;  // the field takes the keyboard within a couple of frames; never wait forever
    active_once_ = false;
    typed_early_.clear();
    if (query_text) query = std::move(*query_text);
}

void SearchBar::keep_typed(ImGuiIO& io) {
    typed_early_.insert(typed_early_.end(), io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
    io.InputQueueCharacters.resize(0);
}

const Result<SearchResult>& SearchBar::matches(const Document* doc, std::uint64_t revision) {
    Key key{doc ? doc->id() : std::string(), revision, query, regex, match_case, words};
    if (!cache_ || !(key == key_)) {  // searched once per query, not every frame
        SearchOptions opts;
        opts.regex = regex;
        opts.case_insensitive = !match_case;
        opts.whole_word = words;
        cache_ = doc ? find_all(doc->text(), query, opts) : Result<SearchResult>(SearchResult{});
        key_ = std::move(key);
    }
    return *cache_;
}

std::optional<std::string> SearchBar::draw(ImVec2 min, ImVec2 max, const Document* doc, std::uint64_t revision,
                                           const Schema& schema, const Theme& theme) {
    std::optional<std::string> label_all;
    ImGui::SetCursorScreenPos(ImVec2(min.x + 16, min.y + 6));
    if (focus) { ImGui::SetKeyboardFocusHere(); focus = false; }
    ImGui::SetNextItemWidth(std::min(260.0f, (max.x - min.x) * 0.3f));
    // What was typed before the field had the keyboard goes first, in case it takes it now (it
    // reads this frame's characters as it becomes active; otherwise they are dropped at the end of
    // the frame and offered again in the next).
    ImGuiIO& io = ImGui::GetIO();
    if (awaiting_frames_ > 0 && !typed_early_.empty()) {
        ImVector<ImWchar> queue;
        for (ImWchar c : typed_early_) queue.push_back(c);
        for (ImWchar c : io.InputQueueCharacters) queue.push_back(c);
        io.InputQueueCharacters.swap(queue);
    }
    if (InputTextString("##search", "Find (Ctrl+F), Enter then a label key labels all", query,
                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll))
        label_mode = true;  // the next label hotkey labels every match
    // ImGui ignores the characters of the frame in which SetKeyboardFocusHere activates a field,
    // so what was typed early is handed over in the frame after that.
    if (awaiting_frames_ > 0) {
        const bool active = ImGui::IsItemActive();
        if ((active && active_once_) || (!active && --awaiting_frames_ == 0)) {
            awaiting_frames_ = 0;
            typed_early_.clear();
        }
        active_once_ = active;
    }
    ImGui::SameLine();
    ImGui::Checkbox("Aa", &match_case);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case");
    ImGui::SameLine();
    ImGui::Checkbox("Word", &words);
    ImGui::SameLine();
    ImGui::Checkbox(".*", &regex);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Regular expression");
    std::size_t count = 0;
    std::string error;
    if (doc && !query.empty()) {
        const Result<SearchResult>& found = matches(doc, revision);
        if (found.ok()) count = found->matches.size();
        else error = found.error().message;
    }
    ImGui::SameLine();
    if (!error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.danger), "%s", error.c_str());
    else ImGui::TextDisabled("%zu %s", count, count == 1 ? "match" : "matches");
    if (count > 0) {
        // One button per label when they fit before the close button; a menu of them otherwise.
        const ImGuiStyle& style = ImGui::GetStyle();
        float needed = ImGui::CalcTextSize("Label all:").x + style.ItemSpacing.x;
        for (const EntityType& t : schema.entities)
            needed += ImGui::CalcTextSize(t.name.c_str()).x + 2 * style.FramePadding.x + style.ItemSpacing.x;
        ImGui::SameLine();
        const float room = max.x - 34.0f - ImGui::GetCursorScreenPos().x;  // the close button's place is kept
        if (needed <= room) {
            ImGui::TextDisabled("Label all:");
            for (const EntityType& t : schema.entities) {
                ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(parse_hex_color(t.color, 0.35f)));
                if (ImGui::SmallButton((t.name + "##label-all").c_str())) label_all = t.name;
                ImGui::PopStyleColor();
            }
        } else {
            const char* menu = ImGui::CalcTextSize("Label all as…").x + 2 * style.FramePadding.x <= room ? "Label all as…" : "Label…";
            if (ImGui::SmallButton(menu)) ImGui::OpenPopup("##label-all-menu");
            if (ImGui::BeginPopup("##label-all-menu")) {
                for (const EntityType& t : schema.entities)
                    if (ImGui::Selectable((t.name + "##label-all").c_str())) label_all = t.name;
                ImGui::EndPopup();
            }
        }
    }
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(std::max(ImGui::GetCursorScreenPos().x, max.x - 30.0f), ImGui::GetCursorScreenPos().y));
    if (ImGui::SmallButton("x##close-find")) hide();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close the find bar (Esc)");
    return label_all;
}

}  // namespace inkspan::ui
