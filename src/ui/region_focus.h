#pragma once
// Which region of the window has the keyboard (issue 19): F6 / Shift+F6 cycle toolbar, documents,
// text, side panel and status bar; a click moves it to the region clicked. Outside the text,
// ImGui's keyboard navigation moves among the region's controls (Tab, arrows, Enter, Space) with
// its focus ring; in the text the keys are the caret's and the annotation shortcuts'. The region
// with the keyboard gets a visible outline.
#include <imgui.h>

#include <array>

#include "ui/theme.h"

namespace inkspan::ui {

enum class Region { Toolbar, Documents, Text, Side, Status };
inline constexpr std::size_t kRegionCount = 5;

struct RegionFocus {
    Region current = Region::Text;
    // A popup (dialog) was open at the end of the last frame: ImGui closes it on Esc before this
    // frame's shortcuts see the key, which then must not also leave the region.
    bool popup_was_open = false;
    // A floating window (Agreement) has the keyboard: ImGui's navigation works in it, not the text's keys.
    bool window_has_keys = false;

    // The regions' places this frame (a hidden documents panel has an empty rectangle).
    void place(Region r, ImVec2 min, ImVec2 max) { rects[static_cast<std::size_t>(r)] = {min, max}; }
    // F6 / Shift+F6: the next or previous region that is shown; gives its window the focus.
    void cycle(bool forward);
    // A mouse press moves the keyboard to the region under it.
    void follow_click(ImVec2 mouse);
    // Keyboard navigation on outside the text, off in it; and the outline of the region.
    void apply(const Theme& theme);
    [[nodiscard]] bool text_has_keys() const { return current == Region::Text && !window_has_keys; }

private:
    struct Rect { ImVec2 min{0, 0}, max{0, 0}; };
    std::array<Rect, kRegionCount> rects{};
    [[nodiscard]] bool shown(Region r) const;
};

}  // namespace inkspan::ui
