#pragma once
// The text view's geometry, as ui/text_view.cpp computes it: line height, column width and the
// band area above each line (core's line_extra_above, as the view uses it). The benchmark lays the
// text out with the same numbers for two things the view keeps private: its plain-text baseline
// (the same lines, drawn with no annotations) and the layout statistics after an edit.
// bench_ui.cpp checks that the two layouts agree on line positions; if the view's formulas change,
// update these.
#include <cstddef>

#include "core/document.h"
#include "core/text_layout.h"
#include "ui/fonts.h"

namespace inkspan::bench {

struct ViewGeometry {
    float line_height = 0;   // TextView::reset: round(body_px * 1.6)
    float column_width = 0;  // TextView::draw: the ~80-character column inside the reading area
    float band_height = 0;   // TextView::band_height
    float arc_row = 0;       // TextView::arc_row_height
    float top_margin = 16;   // kTopMargin
    float text_dy = 0;       // the text's offset inside its line box
};

[[nodiscard]] ViewGeometry view_geometry(const ui::Fonts& fonts, float reading_width);

// TextView::extra_above for `doc` (which must outlive the function).
[[nodiscard]] ExtraAboveFn view_extra_above(const Document& doc, const ViewGeometry& g);

[[nodiscard]] LayoutStyle view_style(const ViewGeometry& g);

}  // namespace inkspan::bench
