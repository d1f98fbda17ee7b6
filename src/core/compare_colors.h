#pragma once
// The compare view's marker colours, one per kind of difference (core/layer_diff.h), for each
// theme: each at least 3:1 against the page and the panels (WCAG 1.4.11, graphics), checked in
// tests/unit/test_theme_contrast.cpp.
#include "core/color_contrast.h"
#include "core/layer_diff.h"
#include "core/theme_colors.h"

namespace inkspan {

[[nodiscard]] Rgba diff_color(ThemeKind theme, DiffKind kind);

}  // namespace inkspan
