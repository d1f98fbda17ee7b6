#pragma once
// Drawing shaped text (issue 13). The document's shaped lines come from core/text_layout; short
// texts the app draws itself — label chips, list rows, tooltips — go through text_size() and
// draw_text(), which shape them (bidi + HarfBuzz, cached per text and size) when they hold right-to-
// left or complex-script text and use ImGui's own text otherwise. ImGui's input fields still draw
// code point by code point while a text is edited (see docs/DECISIONS.md).
#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/shaped_line.h"
#include "ui/fonts.h"

namespace inkspan::ui {

// Short texts shaped so far, by em size and text (a Fonts owns one; new fonts start empty).
struct ShapedStrings {
    std::unordered_map<std::string, std::shared_ptr<const ShapedLine>> lines;
};

// The glyphs of `line`, run by run, with the pen starting at `origin` (the left end of the baseline).
void draw_shaped(ImDrawList* dl, const Fonts& fonts, float em_px, const ShapedLine& line, ImVec2 origin, ImU32 color);

// Size of `text` drawn at ImGui font size `px` (fonts.ui_px, fonts.label_px, …).
[[nodiscard]] ImVec2 text_size(const Fonts& fonts, float px, std::string_view text);
// Draws `text` with its top-left at `pos`, as ImGui would place it.
void draw_text(ImDrawList* dl, const Fonts& fonts, float px, ImVec2 pos, ImU32 color, std::string_view text);
// An ImGui item showing `text` (like ImGui::TextUnformatted), shaped when it needs it.
void text_item(const Fonts& fonts, std::string_view text);
// ImGui::Selectable showing `text`, shaped when it needs it (same id, flags and size).
bool selectable(const Fonts& fonts, std::string_view text, bool selected, ImGuiSelectableFlags flags = 0,
                ImVec2 size = ImVec2(0, 0));
// ImGui::BeginCombo with `preview` as the closed combo's text, shaped when it needs it; `id` is
// the ImGui label ("##…"). Items inside go through selectable() (inside an ImGui::PushID each).
bool begin_combo(const Fonts& fonts, const char* id, std::string_view preview);
// ImGui::Button showing `text`, shaped when it needs it; `id` keeps it apart from other buttons
// (the ImGui label is `text##id`, or `##id` when shaped).
bool button(const Fonts& fonts, std::string_view text, std::string_view id);
// ImGui::Checkbox labelled `text`, shaped when it needs it (the ImGui label is `text##id`, or `##id`
// with the shaped text beside the box).
bool checkbox(const Fonts& fonts, std::string_view text, std::string_view id, bool* value);
// ImGui::RadioButton labelled `text`, shaped when it needs it (labelled like checkbox()).
bool radio_button(const Fonts& fonts, std::string_view text, std::string_view id, bool active);

}  // namespace inkspan::ui
