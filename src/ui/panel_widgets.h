#pragma once
// Small drawing helpers the side panels share: a panel window at a fixed place, a colour swatch
// before a row, a section title.
#include <imgui.h>

namespace inkspan::ui {

// Begins an undecorated window over [min, max) of the panels' backdrop: it draws no background of
// its own (App::backdrop paints it; end it with ImGui::End).
void begin_panel(const char* id, ImVec2 min, ImVec2 max, ImGuiWindowFlags extra = 0);
// A rounded colour square on the current line, followed by SameLine.
void color_swatch(ImU32 color, float size = 12.0f);
// "LABELS" in muted capitals over a rule.
void section_title(const char* title);
// Begins a scrolling child window for a list of selectable rows (end it with ImGui::EndChild): padded
// above and below by half an item spacing, as far as a row's highlight reaches past its line, so
// the first and last rows are seen whole. Returns that padding (where the first row starts).
float begin_row_list(const char* id, ImVec2 size = ImVec2(0, 0));

}  // namespace inkspan::ui
