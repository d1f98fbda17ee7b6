#include "core/color_contrast.h"

#include <algorithm>
#include <cmath>

namespace inkspan {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

std::optional<Rgba> parse_hex_rgb(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    std::uint8_t v[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = hex_digit(hex[1 + 2 * i]), lo = hex_digit(hex[2 + 2 * i]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Rgba{v[0], v[1], v[2], 255};
}

Rgba with_alpha(Rgba color, float alpha) {
    color.a = static_cast<std::uint8_t>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return color;
}

Rgba over(Rgba top, Rgba bottom) {
    const double a = top.a / 255.0;
    auto mix = [a](std::uint8_t t, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround(t * a + b * (1.0 - a))); };
    return Rgba{mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), 255};
}

double relative_luminance(Rgba c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgba a, Rgba b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgba ink_on(Rgba background) {
    constexpr Rgba kDark{0, 0, 0, 255}, kLight{255, 255, 255, 255};  // pure black keeps the 4.5:1 promise
    return contrast_ratio(kDark, background) >= contrast_ratio(kLight, background) ? kDark : kLight;
}

}  // namespace inkspan
