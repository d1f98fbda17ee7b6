#pragma once
// Colours as numbers and their WCAG 2.2 contrast: relative luminance, contrast ratio, a
// translucent colour over an opaque one, and the black or white ink that reads best on a colour.
#include <cstdint>
#include <optional>
#include <string_view>

namespace inkspan {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

// "#4e79a7" → colour; nullopt when the string is not a "#rrggbb" colour.
[[nodiscard]] std::optional<Rgba> parse_hex_rgb(std::string_view hex);
[[nodiscard]] Rgba with_alpha(Rgba color, float alpha);
// `top` drawn over the opaque `bottom` (what the eye sees): an opaque colour.
[[nodiscard]] Rgba over(Rgba top, Rgba bottom);
// WCAG 2.2 relative luminance of an opaque colour, 0 (black) … 1 (white).
[[nodiscard]] double relative_luminance(Rgba color);
// WCAG 2.2 contrast ratio of two opaque colours, 1 … 21.
[[nodiscard]] double contrast_ratio(Rgba a, Rgba b);
// Black or white, whichever has the higher contrast on the opaque `background` (at least
// 4.5:1 for any background: the two ratios multiply to about 21).
[[nodiscard]] Rgba ink_on(Rgba background);

inline constexpr double kContrastText = 4.5;       // WCAG 1.4.3, text under 18 pt (24 px)
inline constexpr double kContrastLargeText = 3.0;  // WCAG 1.4.3, large text
inline constexpr double kContrastNonText = 3.0;    // WCAG 1.4.11, control boundaries and graphics

}  // namespace inkspan
