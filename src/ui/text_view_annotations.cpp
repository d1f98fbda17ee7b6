// Span highlights, label chips and relation arcs of the text view.
#include <algorithm>
#include <cmath>
#include <map>

#include "ui/app.h"
#include "ui/text_view.h"

namespace inkspan::ui {
namespace {

ImU32 label_color(const Schema& schema, const std::string& label) {
    const EntityType* t = schema.find_entity(label);
    return parse_hex_color(t ? std::string_view(t->color) : std::string_view("#888888"));
}

// Black or white, whichever reads better on `bg`.
ImU32 ink_on(ImU32 bg) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(bg);
    const float lum = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
    return lum > 0.6f ? IM_COL32(20, 20, 24, 255) : IM_COL32(255, 255, 255, 255);
}

void arrow_head(ImDrawList* dl, ImVec2 tip, ImVec2 from, ImU32 col, float size) {
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f) return;
    dx /= len;
    dy /= len;
    const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
    dl->AddTriangleFilled(tip, ImVec2(base.x - dy * size * 0.5f, base.y + dx * size * 0.5f),
                          ImVec2(base.x + dy * size * 0.5f, base.y - dx * size * 0.5f), col);
}

}  // namespace

void TextView::draw_spans(App& app, ImDrawList* dl, const LineGeometry& g, ImVec2 origin) {
    const Theme& theme = app.theme();
    const LayoutLine& line = g.line;
    const float lh = layout_->style().line_height;
    const float pad = std::round(lh * 0.12f);
    const float band_h = band_height();
    for (std::size_t i = 0; i < g.spans.size(); ++i) {
        const Span& s = *g.spans[i];
        const std::size_t a = std::max(s.start, line.cp_start), b = std::min(s.end, line.cp_end);
        if (a >= b) continue;
        const auto rects = layout_->range_rects(a, b, line.top, line.top + line.extra_above + line.height);
        if (rects.empty()) continue;
        const LayoutRect& r = rects.front();
        const ImU32 col = label_color(*schema_, s.label);
        const bool selected = s.id == app.selected_span();
        const bool linked = !app.hovered_span().empty() && s.id == app.hovered_span();
        const bool related = [&] {
            const std::string& rel = app.selected_relation().empty() ? app.hovered_relation() : app.selected_relation();
            if (rel.empty()) return false;
            const Relation* r2 = doc_->find_relation(rel);
            return r2 && (r2->head == s.id || r2->tail == s.id);
        }();
        const bool emphasis = selected || linked || related;
        // The highlight: translucent fill (nested spans darken each other, the text stays readable)
        // plus an underline per band so every span is visible on its own.
        const ImVec2 p0(origin.x + r.x0, origin.y + r.y0 + pad), p1(origin.x + r.x1, origin.y + r.y1 - pad);
        dl->AddRectFilled(p0, p1, highlight_fill(theme, col, emphasis), 3.0f);
        const float underline_y = p1.y - 1.5f - g.levels[i] * 3.0f;
        dl->AddLine(ImVec2(p0.x + 1, underline_y), ImVec2(p1.x - 1, underline_y), with_alpha(col, 0.95f), 2.0f);
        if (selected) dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), theme.accent, 3.0f, 0, 2.0f);

        // The label chip in its band above the line, in small capitals.
        const float chip_y1 = origin.y + line.y - g.levels[i] * band_h - 2.0f;
        const float chip_y0 = chip_y1 - band_h + 3.0f;
        const ImVec2 ts = fonts_.label->CalcTextSizeA(fonts_.label_px, 1e9f, 0, s.label.c_str());
        const ImVec2 c0(p0.x, chip_y0), c1(p0.x + ts.x + 8.0f, chip_y1);
        const ImU32 chip = with_alpha(col, emphasis ? 1.0f : 0.88f);
        dl->AddRectFilled(c0, c1, chip, 3.0f);
        if (emphasis) dl->AddRect(ImVec2(c0.x - 1, c0.y - 1), ImVec2(c1.x + 1, c1.y + 1), theme.accent, 3.0f, 0, 1.5f);
        dl->AddText(fonts_.label, fonts_.label_px, ImVec2(c0.x + 4.0f, c0.y + (c1.y - c0.y - ts.y) * 0.5f), ink_on(chip),
                    s.label.c_str());
        chips_.push_back({c0, c1, s.id, origin.y + line.y});
    }
}

void TextView::draw_relations(App& app, ImDrawList* dl, ImVec2 origin, float view_top, float view_bottom) {
    arcs_.clear();
    if (lines_.empty() || doc_->relations().empty()) return;
    const Theme& theme = app.theme();
    // Anchor of each visible span: the top-centre of its first chip on screen.
    struct Anchor { ImVec2 pos; float line_y; };
    std::map<std::string, Anchor, std::less<>> anchor;
    for (const ChipHit& c : chips_)
        if (!anchor.count(c.span_id)) anchor[c.span_id] = {ImVec2((c.min.x + c.max.x) * 0.5f, c.min.y), c.line_y};
    // Relations with at least one end on screen; the other end is placed from the layout.
    std::vector<const Relation*> rels;
    for (const auto& [id, pos] : anchor)
        for (const Relation* r : doc_->relations_of(id))
            if (std::find(rels.begin(), rels.end(), r) == rels.end()) rels.push_back(r);
    const float right = origin.x + column_width_ + 14.0f;
    int lane = 0;
    for (const Relation* r : rels) {
        auto end_point = [&](const std::string& span_id) -> Anchor {
            if (auto it = anchor.find(span_id); it != anchor.end()) return it->second;
            const Span* s = doc_->find_span(span_id);
            const CaretBox c = layout_->caret_position(s ? s->start : 0);
            return {ImVec2(origin.x + c.x + 10.0f, origin.y + c.y - band_height()), origin.y + c.y};
        };
        const Anchor ha = end_point(r->head), ta = end_point(r->tail);
        const ImVec2 h = ha.pos, t = ta.pos;
        const bool emphasis = r->id == app.selected_relation() || r->id == app.hovered_relation() ||
                              r->head == app.hovered_span() || r->tail == app.hovered_span() ||
                              r->head == app.selected_span() || r->tail == app.selected_span();
        const ImU32 col = emphasis ? theme.accent : theme.arc;
        const float thick = emphasis ? 2.0f : 1.2f;
        ArcHit hit;
        hit.relation_id = r->id;
        const float rise = arc_row_height() - 3.0f;
        if (std::fabs(ha.line_y - ta.line_y) < 1.0f) {  // same line: an arc over the chips
            const float top = std::min(h.y, t.y) - rise;
            const ImVec2 c1(h.x, top), c2(t.x, top);
            dl->AddBezierCubic(h, c1, c2, t, col, thick);
            for (int k = 0; k <= 12; ++k) {
                const float u = k / 12.0f, v = 1 - u;
                hit.points.push_back(ImVec2(v * v * v * h.x + 3 * v * v * u * c1.x + 3 * v * u * u * c2.x + u * u * u * t.x,
                                            v * v * v * h.y + 3 * v * v * u * c1.y + 3 * v * u * u * c2.y + u * u * u * t.y));
            }
            arrow_head(dl, t, hit.points[hit.points.size() - 2], col, 7.0f);
        } else {  // different lines: up to the arc row, out to a lane in the right margin, across
            const float lane_x = right + (lane++ % 6) * 5.0f;
            hit.points = {h, ImVec2(h.x, h.y - rise * 0.6f), ImVec2(lane_x, h.y - rise * 0.6f),
                          ImVec2(lane_x, t.y - rise * 0.6f), ImVec2(t.x, t.y - rise * 0.6f), t};
            dl->AddPolyline(hit.points.data(), static_cast<int>(hit.points.size()), col, 0, thick);
            arrow_head(dl, t, hit.points[hit.points.size() - 2], col, 7.0f);
        }
        // The relation type on a small chip at the middle of the path.
        const ImVec2 mid = hit.points.size() == 6 ? ImVec2((hit.points[2].x + hit.points[4].x) * 0.5f, hit.points[4].y)
                                                  : hit.points[hit.points.size() / 2];
        if (mid.y > view_top - 20 && mid.y < view_bottom + 20) {
            const ImVec2 ts = fonts_.label->CalcTextSizeA(fonts_.label_px, 1e9f, 0, r->type.c_str());
            hit.label_min = ImVec2(mid.x - ts.x * 0.5f - 4, mid.y - ts.y * 0.5f - 1);
            hit.label_max = ImVec2(mid.x + ts.x * 0.5f + 4, mid.y + ts.y * 0.5f + 1);
            dl->AddRectFilled(hit.label_min, hit.label_max, theme.chip_bg, 4.0f);
            dl->AddRect(hit.label_min, hit.label_max, col, 4.0f, 0, 1.0f);
            dl->AddText(fonts_.label, fonts_.label_px, ImVec2(hit.label_min.x + 4, hit.label_min.y + 1),
                        emphasis ? theme.accent : theme.text, r->type.c_str());
        }
        arcs_.push_back(std::move(hit));
    }
    // A relation being dragged out of a span.
    if (drag_ == Drag::Relation) {
        auto it = anchor.find(press_span_);
        if (it != anchor.end()) {
            const ImVec2 m = ImGui::GetIO().MousePos, a = it->second.pos;
            dl->AddBezierCubic(a, ImVec2(a.x, a.y - 30), ImVec2(m.x, m.y - 30), m, theme.accent, 2.0f);
            arrow_head(dl, m, ImVec2(m.x, m.y - 10), theme.accent, 8.0f);
        }
    }
}

void TextView::draw_scrollbar(ImDrawList* dl, const Theme& theme, ImVec2 min, ImVec2 max) {
    const float total = layout_->total_height() + 32.0f;
    if (total <= view_height_) return;
    const float track_h = max.y - min.y - 8.0f;
    const float thumb_h = std::max(24.0f, track_h * view_height_ / total);
    const float t = scroll_y_ / std::max(1.0f, total - view_height_);
    const float y0 = min.y + 4.0f + t * (track_h - thumb_h);
    const bool active = drag_ == Drag::Scrollbar;
    dl->AddRectFilled(ImVec2(max.x - kScrollbarWidth - 4, y0), ImVec2(max.x - 4, y0 + thumb_h),
                      with_alpha(theme.text_muted, active ? 0.7f : 0.35f), 4.0f);
}

}  // namespace inkspan::ui
