#include "ui/labels_editor.h"

#include <imgui.h>

#include <cstdio>

#include "ui/imgui_string.h"
#include "ui/theme.h"

namespace inkspan::ui {

std::vector<Command> LabelsEditor::draw(const Schema& schema) {
    std::vector<Command> out;
    ImGui::SetNextWindowSize(ImVec2(440, 0));
    if (!ImGui::BeginPopup(kPopupId)) return out;
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
            out.push_back(cmd::RecolorEntityType{t.name, hex});
        }
        ImGui::SameLine();
        ImGui::Text("%-10s", t.name.c_str());
        ImGui::SameLine(170);
        std::string hotkey = t.hotkey;
        ImGui::SetNextItemWidth(30);
        if (InputTextString("##hotkey", "", hotkey) && hotkey.size() <= 1) out.push_back(cmd::SetEntityHotkey{t.name, hotkey});
        ImGui::SameLine();
        if (ImGui::SmallButton("Rename")) { rename_from = t.name; rename_to = t.name; }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) out.push_back(cmd::DeleteEntityType{t.name, false});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Refused while spans use it; Shift+click deletes them too");
        if (ImGui::IsItemClicked() && ImGui::GetIO().KeyShift) out.push_back(cmd::DeleteEntityType{t.name, true});
        ImGui::PopID();
    }
    if (!rename_from.empty()) {
        ImGui::SetNextItemWidth(160);
        InputTextString("##rename", "new name", rename_to);
        ImGui::SameLine();
        if (ImGui::Button("Rename everywhere")) {
            out.push_back(cmd::RenameEntityType{rename_from, rename_to});
            rename_from.clear();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) rename_from.clear();
    }
    ImGui::Spacing();
    ImGui::SetNextItemWidth(160);
    InputTextString("##newlabel", "new label, e.g. EVENT", new_label_name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(40);
    InputTextString("##newhotkey", "key", new_label_hotkey);
    ImGui::SameLine();
    if (ImGui::Button("Add label") && !new_label_name.empty()) {
        out.push_back(cmd::AddEntityType{EntityType{new_label_name, "", new_label_hotkey, ""}});
        new_label_name.clear();
        new_label_hotkey.clear();
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
        if (ImGui::SmallButton("Delete")) out.push_back(cmd::DeleteRelationType{r.name, ImGui::GetIO().KeyShift});
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(160);
    InputTextString("##newrel", "new relation type", new_relation_name);
    ImGui::SameLine();
    if (ImGui::Button("Add relation type (any → any)") && !new_relation_name.empty()) {
        out.push_back(cmd::AddRelationType{RelationType{new_relation_name, {}, {}, true}});
        new_relation_name.clear();
    }
    ImGui::EndPopup();
    return out;
}

}  // namespace inkspan::ui
