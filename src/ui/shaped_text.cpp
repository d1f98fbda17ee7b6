#include "ui/shaped_text.h"

#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>

#include <imgui_internal.h>  // BeginComboPreview

#include "core/bidi.h"
#include "core/text_shaper.h"
#include "core/utf8.h"
#include "ui/glyph_font.h"
#include "ui/line_mesh.h"

namespace inkspan::ui {

namespace {

constexpr std::size_t kMaxCachedStrings = 4096;

bool can_shape(const Fonts& fonts) { return fonts.shaper && !fonts.shaping_fonts.empty() && fonts.strings; }

float em_for(const Fonts& fonts, float px) { return std::round(std::round(px) * fonts.em_per_px); }

// The shaped form of a short text at em size `em`, or null when it needs no shaping.
const ShapedLine* shaped_string(const Fonts& fonts, float em, std::string_view text) {
    if (!can_shape(fonts) || !needs_shaping(text)) return nullptr;
    std::string key = std::to_string(em);
    key += '\0';
    key += text;
    auto& cache = fonts.strings->lines;
    if (auto it = cache.find(key); it != cache.end()) return it->second.get();
    if (cache.size() >= kMaxCachedStrings) cache.clear();
    std::u32string cps;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = decode_utf8(text, pos);
        cps.push_back(c == U'\n' || c == U'\r' ? U' ' : shaping_code_point(c));
    }
    const BidiParagraph bidi(cps, DirectionChoice::automatic);
    auto line = std::make_shared<const ShapedLine>(*fonts.shaper, cps, bidi, 0, cps.size(), fonts.shaping_fonts, em);
    return cache.emplace(std::move(key), std::move(line)).first->second.get();
}

}  // namespace

void draw_shaped(ImDrawList* dl, const Fonts& fonts, float em_px, const ShapedLine& line, ImVec2 origin, ImU32 color) {
    for (const ShapedRun& run : line.runs()) {
        if (run.font.index >= fonts.glyph_fonts.size() || !fonts.glyph_fonts[run.font.index]) continue;
        ImFont* font = fonts.glyph_fonts[run.font.index];
        float pen = origin.x + run.x;
        for (const ShapedGlyph& g : run.glyphs) {
            (void)draw_glyph(dl, font, em_px, g.glyph_id, ImVec2(pen + g.x_offset, origin.y - g.y_offset), color);
            pen += g.x_advance;
        }
    }
}

ImVec2 text_size(const Fonts& fonts, float px, std::string_view text) {
    if (const ShapedLine* line = shaped_string(fonts, em_for(fonts, px), text)) return ImVec2(line->width(), px);
    return fonts.body->CalcTextSizeA(px, 1e9f, 0.0f, text.data(), text.data() + text.size());
}

void draw_text(ImDrawList* dl, const Fonts& fonts, float px, ImVec2 pos, ImU32 color, std::string_view text) {
    if (const ShapedLine* line = shaped_string(fonts, em_for(fonts, px), text)) {
        const float baseline = pos.y + std::round(fonts.body->GetFontBaked(px)->Ascent);
        draw_shaped(dl, fonts, em_for(fonts, px), *line, ImVec2(std::floor(pos.x), baseline), color);
        return;
    }
    draw_text_unclipped(dl, fonts.body, px, pos, color, text.data(), text.data() + text.size());
}

void text_item(const Fonts& fonts, std::string_view text) {
    const float px = ImGui::GetFontSize();
    if (!shaped_string(fonts, em_for(fonts, px), text)) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        return;
    }
    const ImVec2 size = text_size(fonts, px, text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    draw_text(ImGui::GetWindowDrawList(), fonts, px, pos, ImGui::GetColorU32(ImGuiCol_Text), text);
}

bool selectable(const Fonts& fonts, std::string_view text, bool selected, ImGuiSelectableFlags flags, ImVec2 size) {
    const float px = ImGui::GetFontSize();
    if (!shaped_string(fonts, em_for(fonts, px), text))
        return ImGui::Selectable(std::string(text).c_str(), selected, flags, size);
    // An empty label of the text's size, then the shaped text where ImGui would have put it.
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 text_px = text_size(fonts, px, text);
    const bool pressed = ImGui::Selectable("##shaped", selected, flags, ImVec2(size.x != 0 ? size.x : text_px.x, size.y));
    const ImGuiCol color = (flags & ImGuiSelectableFlags_Disabled) ? ImGuiCol_TextDisabled : ImGuiCol_Text;
    draw_text(ImGui::GetWindowDrawList(), fonts, px, pos, ImGui::GetColorU32(color), text);
    return pressed;
}

bool begin_combo(const Fonts& fonts, const char* id, std::string_view preview) {
    const float px = ImGui::GetFontSize();
    if (!shaped_string(fonts, em_for(fonts, px), preview)) return ImGui::BeginCombo(id, std::string(preview).c_str());
    const bool open = ImGui::BeginCombo(id, "", ImGuiComboFlags_CustomPreview);
    if (ImGui::BeginComboPreview()) {  // the cursor is where ImGui would have put the preview text
        draw_text(ImGui::GetWindowDrawList(), fonts, px, ImGui::GetCursorScreenPos(), ImGui::GetColorU32(ImGuiCol_Text), preview);
        ImGui::EndComboPreview();
    }
    return open;
}

bool button(const Fonts& fonts, std::string_view text, std::string_view id) {
    const float px = ImGui::GetFontSize();
    if (!shaped_string(fonts, em_for(fonts, px), text)) return ImGui::Button((std::string(text) + "##" + std::string(id)).c_str());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 text_px = text_size(fonts, px, text);
    const bool pressed = ImGui::Button(("##" + std::string(id)).c_str(), ImVec2(text_px.x + pad.x * 2, px + pad.y * 2));
    draw_text(ImGui::GetWindowDrawList(), fonts, px, ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), text);
    return pressed;
}

namespace {

// A widget labelled `text`: `widget(label)` with ImGui's label `text##id`, or, when `text` needs
// shaping, `##id` and the shaped text beside it.
template <typename Widget>
bool labelled(const Fonts& fonts, std::string_view text, std::string_view id, Widget widget) {
    const float px = ImGui::GetFontSize();
    if (!shaped_string(fonts, em_for(fonts, px), text)) return widget((std::string(text) + "##" + std::string(id)).c_str());
    const bool changed = widget(("##" + std::string(id)).c_str());
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    text_item(fonts, text);
    return changed;
}

}  // namespace

bool checkbox(const Fonts& fonts, std::string_view text, std::string_view id, bool* value) {
    return labelled(fonts, text, id, [&](const char* label) { return ImGui::Checkbox(label, value); });
}

bool radio_button(const Fonts& fonts, std::string_view text, std::string_view id, bool active) {
    return labelled(fonts, text, id, [&](const char* label) { return ImGui::RadioButton(label, active); });
}

}  // namespace inkspan::ui
