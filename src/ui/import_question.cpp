#include "ui/import_question.h"

#include <imgui.h>

#include "core/formats/format_util.h"
#include "ui/imgui_string.h"

namespace inkspan::ui {

namespace {
void center_next_window() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.35f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

std::optional<ImportChoice> draw_waiting(const WaitingImport& w) {
    std::optional<ImportChoice> choice;
    ImGui::OpenPopup("Import needs a file");
    center_next_window();
    if (ImGui::BeginPopupModal("Import needs a file", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
        ImGui::TextUnformatted(w.needs.c_str());
        ImGui::TextDisabled("Pick or drop the text file; any name will do when one text is missing.");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Choose the text file… (O)") || ImGui::IsKeyPressed(ImGuiKey_O) ||
            ImGui::IsKeyPressed(ImGuiKey_Enter))
            choice = ImportChoice::ChooseFile;
        ImGui::SameLine();
        if (ImGui::Button("Cancel (Esc)") || ImGui::IsKeyPressed(ImGuiKey_Escape)) choice = ImportChoice::Cancel;
        if (choice == ImportChoice::Cancel) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return choice;
}
}  // namespace

std::optional<ImportChoice> ImportQuestion::draw() {
    if (waiting) return draw_waiting(*waiting);
    if (!pending) return std::nullopt;
    std::optional<ImportChoice> choice;
    ImGui::OpenPopup("Import");
    center_next_window();
    if (ImGui::BeginPopupModal("Import", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        PendingImport& p = *pending;
        ImGui::TextUnformatted(p.file_name.c_str());
        if (p.tag_column) {
            const formats::TagColumnChoice& c = p.tag_column->choice;
            ImGui::Text("%s: %zu columns hold only tags. Which one are the labels? (remembered for files of %zu columns)",
                        c.file.c_str(), c.candidates.size(), c.columns);
            for (std::size_t k = 0; k < c.candidates.size(); ++k) {
                const std::size_t col = c.candidates[k];
                const std::string label = "Column " + std::to_string(col + 1) + (col + 1 == c.columns ? " (the last)" : "") +
                                          " — " + c.samples[k] + "##tagcol";
                ImGui::PushID(static_cast<int>(k));
                if (ImGui::RadioButton(label.c_str(), p.tag_column->pick == col)) p.tag_column->pick = col;
                ImGui::PopID();
            }
        }
        if (!p.new_types.empty()) {
            ImGui::Text("It uses %s your schema does not have:", formats::counted(p.new_types.size(), "label or relation type", "labels or relation types").c_str());
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
            ImGui::TextDisabled("%s", join_names(p.new_types).c_str());
            ImGui::PopTextWrapPos();
            ImGui::TextUnformatted("Importing adds them to the schema (one undo step with the import).");
        }
        if (!p.violations.empty()) {
            ImGui::Text("%s the rules of the schema or of the file; importing keeps them and widens:",
                        formats::counted(p.violations.size(), "annotation breaks", "annotations break").c_str());
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
            for (std::size_t i = 0; i < p.violations.size() && i < 5; ++i) {
                const std::string line = p.violations[i].doc + " " + p.violations[i].annotation + ": " + p.violations[i].what;
                ImGui::TextDisabled("%s", line.c_str());
            }
            if (p.violations.size() > 5) ImGui::TextDisabled("and %zu more", p.violations.size() - 5);
            ImGui::PopTextWrapPos();
        }
        // Letters act as answers only while no text field has the keyboard.
        const bool typing = ImGui::GetIO().WantTextInput;
        auto key = [&](ImGuiKey k) { return !typing && ImGui::IsKeyPressed(k); };
        if (!p.clashes.empty()) {
            ImGui::Text("%s the same text as documents already here.",
                        formats::counted(p.clashes.size(), "document has", "documents have").c_str());
            ImGui::TextDisabled("Offsets can only be merged when the text is identical, which it is.");
            if (ImGui::Button("Replace (R)") || key(ImGuiKey_R)) choice = ImportChoice::Replace;
            ImGui::SameLine();
            if (ImGui::Button("Keep both (K)") || key(ImGuiKey_K)) choice = ImportChoice::KeepBoth;
            ImGui::SameLine();
            if (ImGui::Button("Merge annotations (M)") || key(ImGuiKey_M)) choice = ImportChoice::Merge;
            ImGui::TextUnformatted("Another annotator's work on the same text? Add it as their layer:");
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
            if (key(ImGuiKey_A)) ImGui::SetKeyboardFocusHere();
            const bool entered = InputTextString("##layer-name", "annotator's name (A)", p.layer_name, ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::SameLine();
            ImGui::BeginDisabled(p.layer_name.empty());
            if (ImGui::Button("Add as their layer (Enter)") || (entered && !p.layer_name.empty())) choice = ImportChoice::AddLayer;
            ImGui::EndDisabled();
        } else if (ImGui::Button(!p.violations.empty() || !p.widened.empty() ? "Widen the schema and import (Enter)"
                                 : p.new_types.empty()                        ? "Import (Enter)"
                                                                              : "Add them and import (Enter)") ||
                   key(ImGuiKey_Enter) || key(ImGuiKey_KeypadEnter)) {
            choice = ImportChoice::KeepBoth;
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel (Esc)") || ImGui::IsKeyPressed(ImGuiKey_Escape)) choice = ImportChoice::Cancel;
        if (choice) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return choice;
}

}  // namespace inkspan::ui
