// Span highlights, label chips and relation arcs of the text view.
#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <tuple>
#include <utility>

#include "core/span_stacking.h"
#include "ui/shaped_text.h"
#include "ui/text_view.h"

namespace inkspan::ui {
namespace {

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

// A rectangle with its corners cut by `cut` px: reads as rounded at these sizes, and costs 8
// vertices where ImGui's rounded, anti-aliased rectangle costs about 40.
void notched_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float cut) {
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const ImVec2 p[8] = {{a.x + cut, a.y}, {b.x - cut, a.y}, {b.x, a.y + cut}, {b.x, b.y - cut},
                         {b.x - cut, b.y}, {a.x + cut, b.y}, {a.x, b.y - cut}, {a.x, a.y + cut}};
    dl->PrimReserve(18, 8);
    const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (int i = 2; i < 8; ++i) {
        dl->PrimWriteIdx(base);
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i - 1));
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
    }
    for (const ImVec2& v : p) dl->PrimWriteVtx(v, uv, col);
}

}  // namespace

const TextView::LabelStyle& TextView::label_style(const std::string& label) {
    if (auto it = label_styles_.find(label); it != label_styles_.end()) return it->second;
    const EntityType* t = schema_->find_entity(label);
    const ImU32 color = parse_hex_color(t ? std::string_view(t->color) : std::string_view("#888888"));
    const float width = text_size(fonts_, fonts_.label_px, label).x;
    const ImU32 ink = to_imu32(ink_on(to_rgba(with_alpha(color, 1.0f))));
    return label_styles_.emplace(label, LabelStyle{color, width, ink}).first->second;
}

// Coordinates here are relative to the line's origin `at` (the top-left of its text box).
void TextView::draw_spans(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at,
                          const std::vector<const Span*>& spans, const std::vector<ClusterBox>& clusters, LineMesh& mesh) {
    if (spans.empty()) return;
    LineScratch& scratch = line_scratch_;
    line_stack_items(spans, line.cp_start, line.cp_end, scratch.stack_items);
    stack_levels(scratch.stack_items, scratch.levels, scratch.stacking);
    const std::vector<int>& levels = scratch.levels;
    const Theme& theme = app.theme();
    const float lh = layout_->style().line_height;
    const float pad = std::round(lh * 0.12f);
    const float band_h = band_height();
    // Where [a, b) is on the line (x from the layout's left edge): shaped lines ask the layout (one
    // piece per visual stretch); plain lines look the clusters up, measured once per line.
    auto x_at = [&](std::size_t cp, bool round_up) {
        auto it = std::upper_bound(clusters.begin(), clusters.end(), cp,
                                   [](std::size_t c, const ClusterBox& box) { return c < box.cp_start; });
        if (it == clusters.begin()) return line.x;
        const ClusterBox& c = *(it - 1);
        return cp == c.cp_start ? c.x : cp >= c.cp_end || round_up ? c.x + c.width : c.x;
    };
    LineSpan one;
    auto pieces_of = [&](std::size_t a, std::size_t b) -> std::span<const LineSpan> {
        if (line.shaped) {
            scratch.pieces = layout_->line_range(line, a, b);
            return scratch.pieces;
        }
        one = LineSpan{x_at(a, false), x_at(b, true)};
        return {&one, 1};
    };
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span& s = *spans[i];
        const std::size_t a = std::max(s.start, line.cp_start), b = std::min(s.end, line.cp_end);
        if (a >= b) continue;
        const LabelStyle& style = label_style(s.label);
        const bool selected = s.id == app.selected_span();
        const bool emphasis = is_emphasised(s);
        // The highlight: translucent fill (nested spans darken each other, the text stays readable)
        // plus an underline per band so every span is visible on its own. In mixed-direction text
        // a span is one box per visual piece.
        const std::span<const LineSpan> pieces = pieces_of(a, b);
        if (pieces.empty()) continue;
        for (const LineSpan& piece : pieces) {
            const ImVec2 p0(at.x - line.x + piece.x0, at.y + pad), p1(at.x - line.x + piece.x1, at.y + lh - pad);
            notched_rect(dl, p0, p1, highlight_fill(theme, style.color, emphasis), 1.5f);
            const float underline_y = p1.y - 1.5f - levels[i] * 3.0f;
            dl->AddRectFilled(ImVec2(p0.x + 1, underline_y - 1), ImVec2(p1.x - 1, underline_y + 1), with_alpha(style.color, 0.95f));
            if (selected) dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), theme.accent, 3.0f, 0, 2.0f);
        }

        // The label chip in its band above the line, in small capitals, at the span's visual start:
        // its left end in left-to-right text, its right end in right-to-left text.
        const float chip_y1 = at.y - levels[i] * band_h - 2.0f;
        const float chip_y0 = chip_y1 - band_h + 3.0f;
        const float chip_w = style.text_width + 8.0f;
        const float start_x = line.rtl ? at.x - line.x + pieces.back().x1 - chip_w : at.x - line.x + pieces.front().x0;
        const ImVec2 c0(start_x, chip_y0), c1(start_x + chip_w, chip_y1);
        const ImU32 chip = with_alpha(style.color, 1.0f);  // opaque: its text has a known contrast
        notched_rect(dl, c0, c1, chip, 1.5f);
        if (emphasis) dl->AddRect(ImVec2(c0.x - 1, c0.y - 1), ImVec2(c1.x + 1, c1.y + 1), theme.accent, 3.0f, 0, 1.5f);
        const float text_y = c0.y + (c1.y - c0.y - fonts_.label_px) * 0.5f;
        draw_text(dl, fonts_, fonts_.label_px, ImVec2(c0.x + 4.0f, text_y), style.chip_ink, s.label);
        mesh.chips.push_back({ImVec2(c0.x - at.x, c0.y - at.y), ImVec2(c1.x - at.x, c1.y - at.y), s.id});
    }
}

// Relations between two spans that both start on this line: an arc over the chips, part of the
// line's geometry. Relations to a span starting elsewhere are drawn per frame (crossing).
void TextView::draw_line_relations(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at,
                                   const std::vector<const Span*>& spans, LineMesh& mesh) {
    if (doc_->relations().empty() || mesh.chips.empty()) return;
    const std::size_t line_end = std::max(line.cp_end, line.cp_start + 1);
    auto starts_here = [&](const Span* s) { return s && s->start >= line.cp_start && s->start < line_end; };
    // A span that starts on the line overlaps it (spans are never empty): looked up among the
    // line's own, not in the document's index of all spans.
    auto line_span = [&](std::string_view id) -> const Span* {
        for (const Span* s : spans)
            if (s->id == id) return s;
        return nullptr;
    };
    auto anchor = [&](const std::string& id) { return chip_anchor(mesh, at, id); };
    std::vector<const Relation*>& arc_relations = line_scratch_.arc_relations;
    arc_relations.clear();
    for (const Span* s : spans) {
        if (!starts_here(s) || !doc_->has_relations(s->id)) continue;
        const auto own = anchor(s->id);
        if (!own) continue;  // no chip on this line (the span covers only its line break here)
        doc_->for_each_relation_of(s->id, [&](const Relation& relation) {  // (no vector per span drawn)
            const Relation* r = &relation;
            const bool is_head = r->head == s->id;
            const Span* other = line_span(is_head ? r->tail : r->head);
            if (!starts_here(other)) {
                mesh.crossing.push_back({r->id, s->id, ImVec2(own->pos.x - at.x, own->pos.y - at.y),
                                         static_cast<std::size_t>(r - doc_->relations().data())});
            } else if (is_head) {  // drawn once, from its head
                const auto h = anchor(r->head), t = anchor(r->tail);
                if (!h || !t) return;
                ArcHit hit;
                std::vector<ChipHit>& others = line_scratch_.between;  // the line's other chips, in screen px
                others.clear();
                for (const ChipHit& c : mesh.chips)
                    if (c.span_id != r->head && c.span_id != r->tail)
                        others.push_back({ImVec2(at.x + c.min.x, at.y + c.min.y), ImVec2(at.x + c.max.x, at.y + c.max.y), {}});
                draw_relation(app, dl, *r, *h, *t, 0, hit, others, /*labelled=*/false);
                for (ImVec2& p : hit.points) p = ImVec2(p.x - at.x, p.y - at.y);
                mesh.arcs.push_back(std::move(hit));
                arc_relations.push_back(r);
            }
        });
    }
    // The labels once every arc of the line is known (above the arcs), each clear of the others.
    for (std::size_t i = 0; i < mesh.arcs.size(); ++i) {
        ArcHit& hit = mesh.arcs[i];
        draw_relation_label(app, dl, *arc_relations[i], line_label_place(*arc_relations[i], mesh, i, at), hit);
        hit.label_min = ImVec2(hit.label_min.x - at.x, hit.label_min.y - at.y);
        hit.label_max = ImVec2(hit.label_max.x - at.x, hit.label_max.y - at.y);
    }
}

// Where arcs attach to a span: the top-centre of its chip on a line drawn at `at`.
std::optional<TextView::Anchor> TextView::chip_anchor(const LineMesh& mesh, ImVec2 at, const std::string& span_id) {
    for (const ChipHit& c : mesh.chips)
        if (c.span_id == span_id) return Anchor{ImVec2(at.x + (c.min.x + c.max.x) * 0.5f, at.y + c.min.y), at.y};
    return std::nullopt;
}

std::optional<TextView::Anchor> TextView::chip_anchor(const std::string& span_id) const {
    for (const VisibleLine& v : visible_)
        if (auto a = chip_anchor(*v.mesh, v.at, span_id)) return a;
    return std::nullopt;
}

const Relation* TextView::relation_of(const CrossingEnd& end) const {
    const std::vector<Relation>& relations = doc_->relations();
    if (end.relation_position < relations.size() && relations[end.relation_position].id == end.relation_id)
        return &relations[end.relation_position];
    return doc_->find_relation(end.relation_id);  // moved by an edit elsewhere (or gone)
}

// Relations between spans starting on different lines, one of them visible: routed through lanes
// in the right margin, placed afresh whenever the view scrolled or what they show changed (the
// other end may be anywhere); else the last frame's vertices and paths are used again.
void TextView::draw_crossing_relations(const ViewInput& app, ImDrawList* dl) {
    CrossingScratch& s = crossing_scratch_;
    // Everything they are drawn from: the view's place and size, the lines on screen (what each
    // draws is fixed by the document, which spans_changed() reports, and the emphasis below), the
    // layout (an off-screen end is placed from it), the emphasised ids. A new theme, column width,
    // font or glyph atlas forgets them with the lines (forget_drawn).
    s.key.clear();
    for (const double v : {double(origin_.x), double(origin_.y), double(region_min_.x), double(region_min_.y),
                           double(region_max_.x), double(region_max_.y), double(layout_->stats().paragraphs_broken),
                           double(layout_->stats().paragraphs_reextra), double(layout_->total_height()),
                           double(reinterpret_cast<std::uintptr_t>(doc_))})
        s.key.push_back(v);
    for (const VisibleLine& v : visible_)
        for (const double x : {double(v.line.cp_start), double(v.line.cp_end), double(v.line.extra_above), double(v.at.x),
                               double(v.at.y)})
            s.key.push_back(x);
    const std::array<const std::string*, 4> ids{&app.selected_span(), &app.selected_relation(), &app.hovered_span(),
                                                &app.hovered_relation()};
    bool same = line_cache_ && s.kept && s.key == s.last_key;
    for (std::size_t i = 0; i < ids.size() && same; ++i) same = *ids[i] == s.last_ids[i];
    same = same && kept_run_.add(s.mesh, ImVec2(0, 0));
    crossing_replayed_ = same;
    if (same) {
        kept_run_.flush(dl);
    } else {
        const MeshRecorder recorder(dl, ImVec2(0, 0));
        redraw_crossing_relations(app, dl);
        s.kept = recorder.finish(s.mesh);
        std::swap(s.key, s.last_key);
        for (std::size_t i = 0; i < ids.size(); ++i) s.last_ids[i] = *ids[i];
    }
    // A relation being dragged out of a span.
    if (drag_ == Drag::Relation)
        if (const auto a = chip_anchor(press_span_)) {
            const ImVec2 m = ImGui::GetIO().MousePos, p = a->pos;
            dl->AddBezierCubic(p, ImVec2(p.x, p.y - 30), ImVec2(m.x, m.y - 30), m, app.theme().accent, 2.0f);
            arrow_head(dl, m, ImVec2(m.x, m.y - 10), app.theme().accent, 8.0f);
        }
}

void TextView::redraw_crossing_relations(const ViewInput& app, ImDrawList* dl) {
    CrossingScratch& s = crossing_scratch_;
    s.ends.clear();
    for (const VisibleLine& v : visible_)
        for (const CrossingEnd& c : v.mesh->crossing) s.ends.push_back({&c, v.at, v.mesh.get(), relation_of(c)});
    // The chips of the line an end is on (screen px), but the relation's own ends: the path out to
    // the margin passes above them.
    auto chips_by = [&](const Relation& r) -> const std::vector<ChipHit>& {
        s.between.clear();
        for (const CrossingScratch::End& e : s.ends) {
            if (e.relation != &r) continue;
            for (const ChipHit& c : e.mesh->chips)
                if (c.span_id != r.head && c.span_id != r.tail)
                    s.between.push_back({ImVec2(e.at.x + c.min.x, e.at.y + c.min.y), ImVec2(e.at.x + c.max.x, e.at.y + c.max.y),
                                         {}, e.at.y});  // (draw_relation needs only the boxes)
        }
        return s.between;
    };
    auto end_point = [&](const Relation& r, const std::string& span_id) -> Anchor {
        for (const CrossingScratch::End& e : s.ends)
            if (e.relation == &r && e.end->span_id == span_id)
                return {ImVec2(e.at.x + e.end->anchor.x, e.at.y + e.end->anchor.y), e.at.y};
        const Span* sp = doc_->find_span(span_id);  // off screen: placed from the layout
        const CaretBox c = layout_->caret_position(sp ? sp->start : 0);
        return {ImVec2(origin_.x + c.x + 10.0f, origin_.y + c.y - band_height()), origin_.y + c.y};
    };
    // arcs_ keeps its entries' memory from frame to frame: each is emptied and drawn again.
    std::size_t arcs = 0;
    int lane = 0;
    s.drawn.clear();
    for (std::size_t i = 0; i < s.ends.size(); ++i) {
        const Relation* r = s.ends[i].relation;
        if (!r) continue;
        if (std::any_of(s.ends.begin(), s.ends.begin() + static_cast<std::ptrdiff_t>(i),
                        [&](const CrossingScratch::End& e) { return e.relation == r; }))
            continue;  // both ends visible: drawn at the first
        if (arcs == arcs_.size()) arcs_.emplace_back();
        ArcHit& hit = arcs_[arcs++];
        hit.points.clear();
        hit.label_min = hit.label_max = ImVec2(0, 0);
        hit.relation_id.clear();
        draw_relation(app, dl, *r, end_point(*r, r->head), end_point(*r, r->tail), lane++, hit, chips_by(*r), false);
        s.drawn.push_back(r);
    }
    arcs_.resize(arcs);
    place_crossing_labels();
    for (std::size_t i = 0; i < arcs_.size(); ++i) draw_relation_label(app, dl, *s.drawn[i], s.label_places[i], arcs_[i]);
}

// Labels once every path is known, each where it sits on no other arc (the same-line arcs of the
// visible lines in screen px, the other relations across lines) and no earlier label.
void TextView::place_crossing_labels() {
    CrossingScratch& s = crossing_scratch_;
    s.points.clear();
    s.paths.clear();
    s.placed.clear();
    auto add_path = [&](const std::vector<ImVec2>& points, ImVec2 offset) {
        CrossingScratch::Path path{s.points.size(), points.size(), ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX)};
        for (const ImVec2& p : points) {
            const ImVec2 q(p.x + offset.x, p.y + offset.y);
            s.points.push_back(q);
            path.min = ImVec2(std::min(path.min.x, q.x), std::min(path.min.y, q.y));
            path.max = ImVec2(std::max(path.max.x, q.x), std::max(path.max.y, q.y));
        }
        s.paths.push_back(path);
    };
    for (const VisibleLine& v : visible_)
        for (const ArcHit& a : v.mesh->arcs) {
            add_path(a.points, v.at);
            // Their labels, which the line keeps relative to its origin, on screen.
            s.placed.push_back(ImVec4(v.at.x + a.label_min.x, v.at.y + a.label_min.y, v.at.x + a.label_max.x, v.at.y + a.label_max.y));
        }
    s.line_paths = s.paths.size();
    for (const ArcHit& a : arcs_) add_path(a.points, ImVec2(0, 0));

    s.label_places.clear();
    for (std::size_t i = 0; i < arcs_.size(); ++i) {
        const ImVec2 mid = free_label_place(*s.drawn[i], i);
        s.label_places.push_back(mid);
        const auto [min, max] = label_box(*s.drawn[i], mid);
        s.placed.push_back(ImVec4(min.x, min.y, max.x, max.y));
    }
}

namespace {

bool emphasised(const ViewInput& app, const Relation& r) {
    return r.id == app.selected_relation() || r.id == app.hovered_relation() || r.head == app.hovered_span() ||
           r.tail == app.hovered_span() || r.head == app.selected_span() || r.tail == app.selected_span();
}

// Whether segment p–q has a point strictly inside the box a–b (Liang–Barsky clipping).
bool segment_crosses_box(ImVec2 p, ImVec2 q, ImVec2 a, ImVec2 b) {
    float t0 = 0, t1 = 1;
    const float d[2] = {q.x - p.x, q.y - p.y}, lo[2] = {a.x - p.x, a.y - p.y}, hi[2] = {b.x - p.x, b.y - p.y};
    for (int i = 0; i < 2; ++i) {
        if (std::fabs(d[i]) < 1e-6f) {
            if (lo[i] >= 0 || hi[i] <= 0) return false;  // parallel, outside (or on an edge)
            continue;
        }
        float ta = lo[i] / d[i], tb = hi[i] / d[i];
        if (ta > tb) std::swap(ta, tb);
        t0 = std::max(t0, ta);
        t1 = std::min(t1, tb);
        if (t0 >= t1) return false;
    }
    return true;
}

// The middle of a path as drawn: of its last stretch across for one out to the margin (6 points)
// or over chips (4 points), else its middle point.
ImVec2 path_middle(const std::vector<ImVec2>& p) {
    if (p.size() == 6) return ImVec2((p[2].x + p[4].x) * 0.5f, p[4].y);
    if (p.size() == 4) return ImVec2((p[1].x + p[2].x) * 0.5f, p[1].y);
    return p[p.size() / 2];
}

}  // namespace

void TextView::draw_relation(const ViewInput& app, ImDrawList* dl, const Relation& r, Anchor ha, Anchor ta, int lane, ArcHit& hit,
                             const std::vector<ChipHit>& between, bool labelled) {
    const Theme& theme = app.theme();
    const ImVec2 h = ha.pos, t = ta.pos;
    const bool emphasis = emphasised(app, r);
    const ImU32 col = emphasis ? theme.accent : theme.arc;
    const float thick = emphasis ? 2.0f : 1.0f;  // whole px: ImGui draws these from its texture, cheaply
    hit.relation_id = r.id;
    const float rise = arc_row_height() - 3.0f;
    if (std::fabs(ha.line_y - ta.line_y) < 1.0f) {  // same line: an arc over the chips
        const float top = std::min(h.y, t.y) - rise;
        const ImVec2 c1(h.x, top), c2(t.x, top);
        for (int k = 0; k <= 12; ++k) {
            const float u = k / 12.0f, v = 1 - u;
            hit.points.push_back(ImVec2(v * v * v * h.x + 3 * v * v * u * c1.x + 3 * v * u * u * c2.x + u * u * u * t.x,
                                        v * v * v * h.y + 3 * v * v * u * c1.y + 3 * v * u * u * c2.y + u * u * u * t.y));
        }
        // A chip between the ends in a higher band (a nested span): the curve would cross it, so
        // the path goes straight up, across above every chip it passes, and down.
        const float x0 = std::min(h.x, t.x), x1 = std::max(h.x, t.x);
        float ceiling = std::min(h.y, t.y);
        bool crosses = false;
        for (const ChipHit& c : between) {
            if (c.max.x <= x0 || c.min.x >= x1) continue;
            ceiling = std::min(ceiling, c.min.y);
            for (std::size_t k = 1; k < hit.points.size() && !crosses; ++k) {
                const ImVec2 a = hit.points[k - 1], b = hit.points[k];
                const float ya = std::max(a.y, b.y);  // the segment's lower end, where it would cut the chip
                crosses = std::max(a.x, b.x) > c.min.x && std::min(a.x, b.x) < c.max.x && ya > c.min.y;
            }
        }
        if (crosses) {
            const float level = std::min(ceiling - 4.0f, std::min(h.y, t.y) - rise * 0.6f);
            hit.points = {h, ImVec2(h.x, level), ImVec2(t.x, level), t};
            dl->AddPolyline(hit.points.data(), static_cast<int>(hit.points.size()), col, 0, thick);
        } else {
            dl->AddBezierCubic(h, c1, c2, t, col, thick, 12);
        }
    } else {  // different lines: up to the arc row, out to a lane in the right margin, across
        const float lane_x = origin_.x + column_width_ + 14.0f + static_cast<float>(lane % 6) * 8.0f;  // 8 px apart
        // Out to the margin above every chip the path passes on the end's line.
        auto level = [&](ImVec2 end, float line_y) {
            float y = end.y - rise * 0.6f;
            for (const ChipHit& c : between)
                if (c.max.x > end.x && std::fabs(c.line_y - line_y) < 0.5f) y = std::min(y, c.min.y - 4.0f);
            return y;
        };
        const float hy = level(h, ha.line_y), ty = level(t, ta.line_y);
        hit.points = {h, ImVec2(h.x, hy), ImVec2(lane_x, hy), ImVec2(lane_x, ty), ImVec2(t.x, ty), t};
        dl->AddPolyline(hit.points.data(), static_cast<int>(hit.points.size()), col, 0, thick);
    }
    arrow_head(dl, t, hit.points[hit.points.size() - 2], col, 7.0f);
    if (labelled) draw_relation_label(app, dl, r, path_middle(hit.points), hit);
}

ImVec2 TextView::line_label_place(const Relation& r, const LineMesh& mesh, std::size_t arc, ImVec2 at) {
    const ArcHit& own = mesh.arcs[arc];
    ImVec2 mid = path_middle(own.points);
    mid = ImVec2(mid.x + at.x, mid.y + at.y);
    auto free_at = [&](ImVec2 c) {
        const auto [a, b] = label_box(r, c);
        for (std::size_t k = 0; k < mesh.arcs.size(); ++k) {
            const ArcHit& other = mesh.arcs[k];
            if (k < arc && a.x < other.label_max.x + at.x && b.x > other.label_min.x + at.x &&
                a.y < other.label_max.y + at.y && b.y > other.label_min.y + at.y)
                return false;  // an earlier label
            if (k == arc) continue;
            for (std::size_t j = 1; j < other.points.size(); ++j)
                if (segment_crosses_box(ImVec2(other.points[j - 1].x + at.x, other.points[j - 1].y + at.y),
                                        ImVec2(other.points[j].x + at.x, other.points[j].y + at.y), a, b))
                    return false;  // another arc
        }
        return true;
    };
    if (free_at(mid)) return mid;
    float x0 = FLT_MAX, x1 = -FLT_MAX;
    for (const ImVec2& p : own.points) x0 = std::min(x0, p.x + at.x), x1 = std::max(x1, p.x + at.x);
    const float half_w = label_style(r.type).text_width * 0.5f + 4.0f;
    for (float d = 4.0f; mid.x - d >= x0 + half_w || mid.x + d <= x1 - half_w; d += 4.0f)
        for (const float x : {mid.x - d, mid.x + d})
            if (x >= x0 + half_w && x <= x1 - half_w && free_at(ImVec2(x, mid.y))) return ImVec2(x, mid.y);
    for (int k = 1; k <= 3; ++k)
        if (const ImVec2 c(mid.x, mid.y - static_cast<float>(k) * (fonts_.label_px + 4.0f)); free_at(c)) return c;
    return mid;
}

ImVec2 TextView::free_label_place(const Relation& r, std::size_t arc) {
    const ArcHit& hit = arcs_[arc];
    const ImVec2 mid = path_middle(hit.points);
    if (hit.points.size() != 6) return mid;
    CrossingScratch& s = crossing_scratch_;
    const std::size_t own = s.line_paths + arc;
    const float half_w = label_style(r.type).text_width * 0.5f + 4.0f, half_h = fonts_.label_px * 0.5f + 1.0f;
    // The segments of the other paths that reach into [lo, hi], the union of the boxes a search
    // tries: only they can cross one of those boxes (a segment crossing a box has a point strictly
    // inside it), so each place tried tests these, not every path.
    auto gather_near = [&](ImVec2 lo, ImVec2 hi) {
        s.near.clear();
        for (std::size_t k = 0; k < s.paths.size(); ++k) {
            const CrossingScratch::Path& path = s.paths[k];
            if (k == own || path.max.x < lo.x || path.min.x > hi.x || path.max.y < lo.y || path.min.y > hi.y) continue;
            for (std::size_t j = path.first + 1; j < path.first + path.count; ++j) {
                const ImVec2 p = s.points[j - 1], q = s.points[j];
                if (std::max(p.x, q.x) < lo.x || std::min(p.x, q.x) > hi.x || std::max(p.y, q.y) < lo.y || std::min(p.y, q.y) > hi.y)
                    continue;
                s.near.push_back(j);
            }
        }
    };
    // `over_paths`: the second search, when no place is clear of every path; a label that sits on
    // a path can still be read, one that sits on another label cannot.
    bool over_paths = false;
    auto free_at = [&](ImVec2 c) {
        if (c.y - half_h < region_min_.y || c.y + half_h > region_max_.y || c.x + half_w > region_max_.x)
            return false;  // where it can be read
        const ImVec2 a(c.x - half_w - 1, c.y - half_h - 1), b(c.x + half_w + 1, c.y + half_h + 1);  // 1 px of air
        for (const ImVec4& q : s.placed)
            if (a.x < q.z && b.x > q.x && a.y < q.w && b.y > q.y) return false;
        if (over_paths) return true;
        for (const std::size_t j : s.near)
            if (segment_crosses_box(s.points[j - 1], s.points[j], a, b)) return false;
        return true;
    };
    for (const bool relaxed : {false, true}) {
        over_paths = relaxed;
        // Along the stretch to the tail (from its middle out), then along the one from the head.
        for (const auto& [from, to] : {std::pair{hit.points[3], hit.points[4]}, std::pair{hit.points[1], hit.points[2]}}) {
            // (A stretch above or below the view has no place free_at takes; past its right edge
            // neither: those are not tried.)
            if (from.y - half_h < region_min_.y || from.y + half_h > region_max_.y) continue;
            const float x0 = std::min(from.x, to.x) + half_w;
            const float x1 = std::min(std::max(from.x, to.x) - half_w, region_max_.x - half_w + 1.0f);
            const float centre = (from.x + to.x) * 0.5f;
            if (!relaxed) gather_near(ImVec2(x0 - half_w - 1, from.y - half_h - 1), ImVec2(x1 + half_w + 1, from.y + half_h + 1));
            for (float d = 0; centre - d >= x0 || centre + d <= x1; d += 4.0f)
                for (const float x : {centre - d, centre + d})
                    if (x >= x0 && x <= x1 && free_at(ImVec2(x, from.y))) return ImVec2(x, from.y);
        }
        // Then on its lane, where no other path runs beside it (the part of it in the view).
        const float lane_x = hit.points[2].x;
        const float y0 = std::max(std::min(hit.points[2].y, hit.points[3].y), region_min_.y) + half_h;
        const float y1 = std::min(std::max(hit.points[2].y, hit.points[3].y), region_max_.y) - half_h;
        const float centre = (y0 + y1) * 0.5f;
        if (!relaxed) gather_near(ImVec2(lane_x - half_w - 1, y0 - half_h - 1), ImVec2(lane_x + half_w + 1, y1 + half_h + 1));
        for (float d = 0; centre - d >= y0 || centre + d <= y1; d += 4.0f)
            for (const float y : {centre - d, centre + d})
                if (y >= y0 && y <= y1 && free_at(ImVec2(lane_x, y))) return ImVec2(lane_x, y);
    }
    // Then stacked above the middle of its stretch to the tail, clear of the labels.
    const ImVec2 to_tail((hit.points[3].x + hit.points[4].x) * 0.5f, hit.points[3].y);
    const float x = std::min(to_tail.x, region_max_.x - half_w);
    for (int k = 1; k <= 12; ++k)
        for (const float dir : {-1.0f, 1.0f})
            if (const ImVec2 c(x, to_tail.y + dir * static_cast<float>(k) * (2 * half_h + 2)); free_at(c)) return c;
    return mid;
}

std::pair<ImVec2, ImVec2> TextView::label_box(const Relation& r, ImVec2 mid) {
    const float half_w = label_style(r.type).text_width * 0.5f, half_h = fonts_.label_px * 0.5f;
    return {ImVec2(mid.x - half_w - 4, mid.y - half_h - 1), ImVec2(mid.x + half_w + 4, mid.y + half_h + 1)};
}

void TextView::draw_relation_label(const ViewInput& app, ImDrawList* dl, const Relation& r, ImVec2 mid, ArcHit& hit) {
    const Theme& theme = app.theme();
    const bool emphasis = emphasised(app, r);
    const ImU32 col = emphasis ? theme.accent : theme.arc;
    std::tie(hit.label_min, hit.label_max) = label_box(r, mid);
    notched_rect(dl, hit.label_min, hit.label_max, col, 2.0f);  // the border, then the inside
    notched_rect(dl, ImVec2(hit.label_min.x + 1, hit.label_min.y + 1), ImVec2(hit.label_max.x - 1, hit.label_max.y - 1),
                 theme.chip_bg, 1.5f);
    draw_text(dl, fonts_, fonts_.label_px, ImVec2(hit.label_min.x + 4, hit.label_min.y + 1),
              emphasis ? theme.accent : theme.text, r.type);
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
