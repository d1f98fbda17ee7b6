// The "Edit labels…" popup: add, rename, recolor, set hotkeys, delete entity and relation types.
// Every change is a command (one undo step each).
#include <cstdio>

#include "ui/app.h"
#include "ui/imgui_string.h"

namespace inkspan::ui {

void App::draw_schema_editor() {
    ImGui::SetNextWindowSize(ImVec2(440, 0));
    if (!ImGui::BeginPopup("schema")) return;
    const Schema& schema = corpus().schema;
    ImGui::TextDisabled("ENTITY TYPES");
    for (const EntityType& t : schema.entities) {
        ImGui::PushID(t.name.c_str());
        float rgb[3];
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(parse_hex_color(t.color));
        rgb[0] = c.x; rgb[1] = c.y; rgb[2] = c.z;
        ImGui::ColorEdit3("##color", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel);
        if (ImGui::IsItemDeactivatedAfterEdit()) {  // one command when the picker closes, not per drag step
            char hex[8];
            std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255 + 0.5f),
                          static_cast<int>(rgb[1] * 255 + 0.5f), static_cast<int>(rgb[2] * 255 + 0.5f));
            request_schema(cmd::RecolorEntityType{t.name, hex});
        }
        ImGui::SameLine();
        ImGui::Text("%-10s", t.name.c_str());
        ImGui::SameLine(170);
        std::string hotkey = t.hotkey;
        ImGui::SetNextItemWidth(30);
        if (InputTextString("##hotkey", "", hotkey) && hotkey.size() <= 1) request_schema(cmd::SetEntityHotkey{t.name, hotkey});
        ImGui::SameLine();
        if (ImGui::SmallButton("Rename")) { rename_from_ = t.name; rename_to_ = t.name; }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) request_schema(cmd::DeleteEntityType{t.name, false});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Refused while spans use it; Shift+click deletes them too");
        if (ImGui::IsItemClicked() && ImGui::GetIO().KeyShift) request_schema(cmd::DeleteEntityType{t.name, true});
        ImGui::PopID();
    }
    if (!rename_from_.empty()) {
        ImGui::SetNextItemWidth(160);
        InputTextString("##rename", "new name", rename_to_);
        ImGui::SameLine();
        if (ImGui::Button("Rename everywhere")) {
            request_schema(cmd::RenameEntityType{rename_from_, rename_to_});
            rename_from_.clear();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) rename_from_.clear();
    }
    ImGui::Spacing();
    ImGui::SetNextItemWidth(160);
    InputTextString("##newlabel", "new label, e.g. EVENT", new_label_name_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(40);
    InputTextString("##newhotkey", "key", new_label_hotkey_);
    ImGui::SameLine();
    if (ImGui::Button("Add label") && !new_label_name_.empty()) {
        request_schema(cmd::AddEntityType{EntityType{new_label_name_, "", new_label_hotkey_, ""}});
        new_label_name_.clear();
        new_label_hotkey_.clear();
    }
    ImGui::Separator();
    ImGui::TextDisabled("RELATION TYPES (head → tail)");
    for (const RelationType& r : schema.relations) {
        ImGui::PushID(r.name.c_str());
        auto join = [](const std::vector<std::string>& v) {
            if (v.empty()) return std::string("any");
            std::string s;
            for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
            return s;
        };
        ImGui::Text("%s  %s %s %s", r.name.c_str(), join(r.head).c_str(), r.directed ? "→" : "↔", join(r.tail).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) request_schema(cmd::DeleteRelationType{r.name, ImGui::GetIO().KeyShift});
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(160);
    InputTextString("##newrel", "new relation type", new_relation_name_);
    ImGui::SameLine();
    if (ImGui::Button("Add relation type (any → any)") && !new_relation_name_.empty()) {
        request_schema(cmd::AddRelationType{RelationType{new_relation_name_, {}, {}, true}});
        new_relation_name_.clear();
    }
    ImGui::EndPopup();
}

}  // namespace inkspan::ui
