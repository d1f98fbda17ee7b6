#include "view_geometry.h"

#include <algorithm>
#include <cmath>

#include "core/span_stacking.h"

namespace inkspan::bench {

ViewGeometry view_geometry(const ui::Fonts& fonts, float reading_width) {
    ViewGeometry g;
    g.line_height = std::round(fonts.body_px * 1.6f);
    g.column_width = std::max(std::floor(std::min(reading_width - 2 * 48.0f, fonts.body_px * 40.0f)), 120.0f);
    g.band_height = std::round(fonts.label_px * 1.55f);
    g.arc_row = std::round(fonts.label_px * 1.7f);
    g.text_dy = std::round((g.line_height - fonts.body_px * 1.2f) * 0.5f);
    return g;
}

ExtraAboveFn view_extra_above(const Document& doc, const ViewGeometry& g) {
    const BandMetrics metrics{g.band_height, g.arc_row};
    return [&doc, metrics](std::size_t, std::size_t cp_start, std::size_t cp_end) {
        return line_extra_above(doc, cp_start, cp_end, metrics);
    };
}

LayoutStyle view_style(const ViewGeometry& g) {
    LayoutStyle style;
    style.line_height = g.line_height;
    style.wrap_width = g.column_width;
    style.estimated_extra_above = g.band_height * 0.5f;
    return style;
}

}  // namespace inkspan::bench
