#pragma once
// The "Edit labels…" popup: add, rename, recolor, set hotkeys, delete entity and relation types.
// Owns its text fields; every change it asks for is a command (one undo step each), returned to
// the caller to submit.
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/schema.h"

namespace inkspan::ui {

struct LabelsEditor {
    static constexpr const char* kPopupId = "schema";  // ImGui::OpenPopup(kPopupId) shows it

    std::string new_label_name, new_label_hotkey, new_relation_name;
    std::string rename_from, rename_to;  // a rename being typed

    [[nodiscard]] std::vector<Command> draw(const Schema& schema);
};

}  // namespace inkspan::ui
