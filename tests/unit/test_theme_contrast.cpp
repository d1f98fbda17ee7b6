// Every colour pair the app draws text or controls with meets WCAG 2.2 AA, in every theme: 4.5:1
// for text, 3:1 for control boundaries and graphics (issue 19). The pairs are those of
// ui/theme.cpp (ImGui's style), ui/panels.cpp, ui/palette.cpp and the text view's chips.
#include <doctest/doctest.h>

#include <string>

#include "core/color_contrast.h"
#include "core/compare_colors.h"
#include "core/schema.h"
#include "core/theme_colors.h"

using namespace inkspan;

namespace {

constexpr ThemeKind kKinds[] = {ThemeKind::light, ThemeKind::dark, ThemeKind::light_high_contrast, ThemeKind::dark_high_contrast};

std::string name_of(ThemeKind k) {
    switch (k) {
        case ThemeKind::light: return "light";
        case ThemeKind::dark: return "dark";
        case ThemeKind::light_high_contrast: return "light high contrast";
        case ThemeKind::dark_high_contrast: return "dark high contrast";
    }
    return "?";
}

void require_contrast(const std::string& what, Rgba fg, Rgba bg, double at_least) {
    INFO(what << ": " << contrast_ratio(fg, bg) << ":1, needs " << at_least << ":1");
    CHECK(contrast_ratio(fg, bg) >= at_least);
}

Rgba label_color(std::size_t i) { return *parse_hex_rgb(palette_color(i)); }

}  // namespace

TEST_CASE("WCAG contrast ratios match the definition's reference values") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
    // #767676 on white: the well-known lightest grey that passes 4.5:1 (4.54:1).
    CHECK(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(over(Rgba{0, 0, 0, 128}, Rgba{255, 255, 255}) == Rgba{127, 127, 127});
}

TEST_CASE("text and secondary text on every surface") {
    for (const ThemeKind kind : kKinds) {
        const ThemeColors t = theme_colors(kind);
        INFO("theme: " << name_of(kind));
        const Rgba popup = over(t.chip_bg, t.page_bg);
        for (const auto& [surface, bg] : {std::pair{"page", t.page_bg}, {"panel", t.panel_bg}, {"button", t.button},
                                          {"field", t.frame_bg}, {"popup", popup}}) {
            require_contrast(std::string("text on ") + surface, t.text, bg, kContrastText);
            require_contrast(std::string("muted text on ") + surface, t.text_muted, bg, kContrastText);
        }
        require_contrast("title (accent) on panel", t.accent, t.panel_bg, kContrastText);
        require_contrast("error (danger) on panel", t.danger, t.panel_bg, kContrastText);
        require_contrast("error (danger) on popup", t.danger, popup, kContrastText);
        require_contrast("selected relation name (accent) on its chip", t.accent, popup, kContrastText);
        require_contrast("text on the selection", t.text, over(t.selection, t.page_bg), kContrastText);
    }
}

TEST_CASE("controls and graphics: field and radio button boundaries, check marks, outlines, arcs") {
    for (const ThemeKind kind : kKinds) {
        const ThemeColors t = theme_colors(kind);
        INFO("theme: " << name_of(kind));
        require_contrast("field / check box / radio boundary on panel", t.border, t.panel_bg, kContrastNonText);
        require_contrast("field / check box / radio boundary on popup", t.border, over(t.chip_bg, t.page_bg), kContrastNonText);
        require_contrast("check mark / radio dot in a field", t.accent, t.frame_bg, kContrastNonText);
        require_contrast("selection outline on the page", t.accent, t.page_bg, kContrastNonText);
        require_contrast("relation arc on the page", over(t.arc, t.page_bg), t.page_bg, kContrastNonText);
    }
}

TEST_CASE("label chips: the chip text reads on every palette colour, and text reads through highlights") {
    for (const ThemeKind kind : kKinds) {
        const ThemeColors t = theme_colors(kind);
        INFO("theme: " << name_of(kind));
        for (std::size_t i = 0; i < 10; ++i) {
            const Rgba label = label_color(i);
            INFO("label colour " << std::string(palette_color(i)));
            require_contrast("chip text on the chip", ink_on(label), label, kContrastText);
            const Rgba fill = over(with_alpha(label, t.highlight_alpha), t.page_bg);
            const Rgba emphasised = over(with_alpha(label, t.highlight_alpha_emphasised), t.page_bg);
            require_contrast("text on a highlight", t.text, fill, kContrastText);
            require_contrast("text on an emphasised highlight", t.text, emphasised, kContrastText);
            // Nested spans: two highlights over each other.
            for (std::size_t j = 0; j < 10; ++j)
                require_contrast("text on two nested highlights", t.text,
                                 over(with_alpha(label_color(j), t.highlight_alpha), fill), kContrastText);
        }
    }
}

TEST_CASE("ink_on gives at least 4.5:1 on any opaque colour") {
    for (int r = 0; r < 256; r += 15)
        for (int g = 0; g < 256; g += 15)
            for (int b = 0; b < 256; b += 15) {
                const Rgba bg{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b)};
                INFO(r << "," << g << "," << b);
                REQUIRE(contrast_ratio(ink_on(bg), bg) >= kContrastText);
            }
}

TEST_CASE("compare view: each kind of difference has its own marker colour, 3:1 on the page and the panels") {
    for (const ThemeKind kind : kKinds) {
        const ThemeColors t = theme_colors(kind);
        INFO("theme: " << name_of(kind));
        for (std::size_t k = 0; k < kDiffKinds; ++k) {
            const DiffKind d = static_cast<DiffKind>(k);
            require_contrast(std::string(diff_kind_name(d)) + " marker on the page", diff_color(kind, d), t.page_bg, kContrastNonText);
            require_contrast(std::string(diff_kind_name(d)) + " swatch on the panel", diff_color(kind, d), t.panel_bg, kContrastNonText);
        }
        for (DiffKind x : {DiffKind::Agreement, DiffKind::LabelConflict, DiffKind::BoundaryConflict, DiffKind::Overlap,
                           DiffKind::OnlyA, DiffKind::OnlyB})
            for (DiffKind y : {DiffKind::Agreement, DiffKind::LabelConflict, DiffKind::BoundaryConflict, DiffKind::Overlap,
                               DiffKind::OnlyA, DiffKind::OnlyB})
                if (x != y) CHECK_FALSE(diff_color(kind, x) == diff_color(kind, y));
    }
}
