#include "core/theme_colors.h"

namespace inkspan {

// Every text pair here is at least 4.5:1 and every boundary 3:1 (tests/unit/test_theme_contrast.cpp).
ThemeColors theme_colors(ThemeKind kind) {
    ThemeColors t;
    switch (kind) {
        case ThemeKind::light:
            t.page_bg = {250, 249, 246};
            t.panel_bg = {242, 240, 235};
            t.border = {138, 134, 127};
            t.separator = {222, 218, 210};
            t.text = {34, 34, 38};
            t.text_muted = {96, 94, 90};
            t.selection = {66, 133, 244, 70};
            t.accent = {52, 101, 164};
            t.danger = {176, 42, 42};
            t.arc = {90, 90, 100, 220};
            t.chip_bg = {255, 255, 255, 235};
            t.button = {232, 229, 223};
            t.frame_bg = {255, 255, 255};
            break;
        case ThemeKind::dark:
            t.dark = true;
            t.page_bg = {30, 31, 34};
            t.panel_bg = {38, 39, 43};
            t.border = {120, 123, 130};
            t.separator = {58, 60, 66};
            t.text = {236, 236, 240};
            t.text_muted = {170, 170, 178};
            t.selection = {100, 150, 255, 80};
            t.accent = {120, 170, 240};
            t.danger = {250, 130, 130};
            t.arc = {190, 190, 200, 220};
            t.chip_bg = {48, 50, 56, 240};
            t.button = {58, 60, 66};
            t.frame_bg = {48, 50, 56};
            // Light text over light label colours: thinner tints than on the light page.
            t.highlight_alpha = 0.22f;
            t.highlight_alpha_emphasised = 0.30f;
            break;
        case ThemeKind::light_high_contrast:  // prefers-contrast: more
            t.page_bg = {255, 255, 255};
            t.panel_bg = {255, 255, 255};
            t.border = {0, 0, 0};
            t.separator = {0, 0, 0};
            t.text = {0, 0, 0};
            t.text_muted = {51, 51, 51};
            t.selection = {0, 90, 255, 60};
            t.accent = {0, 64, 160};
            t.danger = {160, 0, 0};
            t.arc = {0, 0, 0, 255};
            t.chip_bg = {255, 255, 255, 255};
            t.button = {238, 238, 238};
            t.frame_bg = {255, 255, 255};
            t.highlight_alpha = 0.22f;
            t.highlight_alpha_emphasised = 0.34f;
            break;
        case ThemeKind::dark_high_contrast:
            t.dark = true;
            t.page_bg = {0, 0, 0};
            t.panel_bg = {0, 0, 0};
            t.border = {255, 255, 255};
            t.separator = {255, 255, 255};
            t.text = {255, 255, 255};
            t.text_muted = {214, 214, 214};
            t.selection = {90, 140, 255, 90};
            t.accent = {140, 190, 255};
            t.danger = {255, 150, 150};
            t.arc = {255, 255, 255, 255};
            t.chip_bg = {0, 0, 0, 255};
            t.button = {40, 40, 40};
            t.frame_bg = {0, 0, 0};
            t.highlight_alpha = 0.22f;
            t.highlight_alpha_emphasised = 0.30f;
            break;
    }
    return t;
}

}  // namespace inkspan
