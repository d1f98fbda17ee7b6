#include "ui/text_view.h"

#include <algorithm>
#include <cmath>

#include "core/display_text.h"
#include "core/span_stacking.h"
#include "core/utf8.h"
#include "platform/browser.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {
namespace {

constexpr float kLineSpacing = 1.6f;
constexpr float kColumnEms = 40.0f;  // ~80 characters of body text
constexpr float kTopMargin = 16.0f;  // px between the top of the reading area and the first line


}  // namespace

float TextView::band_height() const { return std::round(fonts_.label_px * 1.55f); }
float TextView::arc_row_height() const { return std::round(fonts_.label_px * 1.7f); }

float TextView::extra_above(std::size_t cp_start, std::size_t cp_end) const {
    return doc_ ? line_extra_above(*doc_, cp_start, cp_end, {band_height(), arc_row_height()}, band_scratch_) : 0.0f;
}

void TextView::reset(const Document& doc, const Schema& schema, const Fonts& fonts) {
    // The same document again (new fonts arrived, zoom): keep the top line's text in place.
    std::optional<std::size_t> keep_top;
    float keep_dy = 0;  // the top line's text box, from the top of the view
    if (layout_ && doc_id_ == doc.id()) {
        const std::vector<LayoutLine> top = layout_->visible_lines(scroll_y_, scroll_y_ + 1.0f);
        if (!top.empty()) {
            keep_top = top.front().cp_start;
            keep_dy = top.front().y - scroll_y_;
        }
    }
    layout_.reset();  // it may point at the old fonts' shaper
    doc_ = &doc;
    schema_ = &schema;
    fonts_ = fonts;
    doc_id_ = doc.id();
    LayoutStyle style;
    style.line_height = std::round(fonts.body_px * kLineSpacing);
    style.wrap_width = column_width_ > 0 ? column_width_ : fonts.body_px * kColumnEms;
    style.estimated_extra_above = band_height() * 0.5f;
    layout_ = std::make_unique<TextLayout>(doc.text(), fonts.body_advances(), style,
                                           [this](std::size_t, std::size_t a, std::size_t b) { return extra_above(a, b); });
    if (fonts.shaper && !fonts.shaping_fonts.empty())
        layout_->set_shaping({fonts.shaper.get(), fonts.shaping_fonts, fonts.body_em_px, doc.direction()});
    direction_ = doc.direction();
    scroll_y_ = 0;
    first_frame_ = frame_ + 1;
    forget_drawn();
    label_styles_.clear();
    visible_.clear();
    arcs_.clear();
    // Only what the first frame shows is laid out now; the rest in idle slices (settle_layout).
    if (keep_top) scroll_y_ = std::max(0.0f, layout_->caret_position(*keep_top).y - keep_dy);
}

bool TextView::settle_layout(double budget_ms) {
    if (!layout_ || layout_->fully_laid_out()) return false;
    if (frame_ <= first_frame_ || budget_ms <= 0) return true;  // the frame that shows the document first does no more
    // Paragraphs above the view change height as they are laid out: keep the top line in place.
    const std::vector<LayoutLine> top = layout_->visible_lines(scroll_y_, scroll_y_ + 1.0f);
    // The screens below and above the view first, which the next wheel notches show (after a jump
    // into the middle of a long text the rest may take seconds); then the rest in order.
    const double start = platform::monotonic_ms();
    (void)layout_->lay_out_between(scroll_y_ + view_height_, scroll_y_ + 2 * view_height_);
    (void)layout_->lay_out_between(scroll_y_ - view_height_, scroll_y_);
    (void)layout_->lay_out_for(std::max(0.0, budget_ms - (platform::monotonic_ms() - start)), platform::monotonic_ms);
    if (!top.empty())
        scroll_y_ = std::max(0.0f, layout_->caret_position(top.front().cp_start).y - (top.front().y - scroll_y_));
    return !layout_->fully_laid_out();
}

void TextView::spans_changed(std::size_t start, std::size_t end) {
    // Bands appear and go above the lines they label; the line under the pointer (or the first
    // one on screen) keeps its place: the scroll takes up what changed above it.
    std::optional<std::pair<std::size_t, float>> anchor;  // code point, its y on screen
    if (layout_ && view_height_ > 0) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const bool pointer_inside = m.x >= region_min_.x && m.x < region_max_.x && m.y >= region_min_.y && m.y < region_max_.y;
        const float y = pointer_inside ? m.y - origin_.y : scroll_y_;
        const std::size_t cp = layout_->hit_test(pointer_inside ? m.x - origin_.x : 0.0f, y).cp;
        anchor = std::make_pair(cp, layout_->caret_position(cp).y - scroll_y_);
    }
    if (layout_) layout_->invalidate_extras(start, end);
    if (anchor) {
        scroll_y_ += layout_->caret_position(anchor->first).y - scroll_y_ - anchor->second;
        clamp_scroll();
    }
    // Lines overlapping the range (an empty range touches the line holding it).
    for (auto it = meshes_.begin(); it != meshes_.end();) {
        const bool touches = it->first <= end && it->second->cp_end >= start;
        if (touches) keep_spare(std::move(it->second));
        it = touches ? meshes_.erase(it) : std::next(it);
    }
    crossing_scratch_.kept = false;  // a relation of a span in the range may run across lines
    label_styles_.clear();  // a schema edit (colour, name) comes with the whole range
}

// The hovered (else the selected) relation's path again, above every other arc and chip, so the
// one the pointer is on can be followed where arcs cross.
void TextView::draw_emphasised_arc_on_top(const ViewInput& app, ImDrawList* dl) {
    const std::string& id = !app.hovered_relation().empty() ? app.hovered_relation() : app.selected_relation();
    emphasised_on_top_.clear();
    if (id.empty()) return;
    for (const DrawnArc& a : drawn_arcs()) {
        if (a.relation_id != id || a.points.size() < 2) continue;
        dl->AddPolyline(a.points.data(), static_cast<int>(a.points.size()), app.theme().accent, 0, 2.0f);
        emphasised_on_top_ = id;
        return;
    }
}

std::vector<TextView::DrawnChip> TextView::drawn_chips() const {
    std::vector<DrawnChip> out;
    for (const VisibleLine& v : visible_)
        for (const ChipHit& c : v.mesh->chips)
            out.push_back({ImVec2(v.at.x + c.min.x, v.at.y + c.min.y), ImVec2(v.at.x + c.max.x, v.at.y + c.max.y), c.span_id});
    return out;
}

std::vector<TextView::DrawnArc> TextView::drawn_arcs() const {
    std::vector<DrawnArc> out;
    auto add = [&](const ArcHit& a, ImVec2 at) {
        DrawnArc d{{}, ImVec2(at.x + a.label_min.x, at.y + a.label_min.y), ImVec2(at.x + a.label_max.x, at.y + a.label_max.y),
                   a.relation_id};
        for (ImVec2 p : a.points) d.points.push_back(ImVec2(at.x + p.x, at.y + p.y));
        out.push_back(std::move(d));
    };
    for (const VisibleLine& v : visible_)
        for (const ArcHit& a : v.mesh->arcs) add(a, v.at);
    for (const ArcHit& a : arcs_) add(a, ImVec2(0, 0));
    return out;
}

TextView::Place TextView::place() const {
    if (visible_.empty()) return {0, scroll_y_};
    return {visible_.front().line.cp_start, scroll_y_ - visible_.front().line.y};
}

void TextView::restore(Place place) {
    if (!layout_) return;
    scroll_y_ = layout_->caret_position(place.cp).y + place.offset;
    clamp_scroll();
}

void TextView::scroll_by(float dy) {
    scroll_y_ += dy;
    clamp_scroll();
}

void TextView::clamp_scroll() {
    if (!layout_) return;
    const float max_scroll = std::max(0.0f, layout_->total_height() - view_height_ * 0.5f);
    scroll_y_ = std::clamp(scroll_y_, 0.0f, max_scroll);
}

std::optional<ImVec4> TextView::scroll_to(std::size_t cp, bool center) {
    if (!layout_) return std::nullopt;
    for (int pass = 0; pass < 3; ++pass) {  // laying out new paragraphs can settle heights above
        const CaretBox c = layout_->caret_position(cp);
        const float top = c.y - arc_row_height() - 2 * band_height();
        const bool visible = top >= scroll_y_ && c.y + c.height <= scroll_y_ + view_height_;
        if (visible && pass > 0) break;
        if (!visible || center) scroll_y_ = center || !visible ? c.y - view_height_ * 0.4f : scroll_y_;
        clamp_scroll();
        (void)layout_->visible_lines(scroll_y_, scroll_y_ + view_height_);
    }
    const CaretBox c = layout_->caret_position(cp);
    float x = c.x, w = 0;  // the character's box (in right-to-left text the caret is at its right)
    if (cp < layout_->code_point_count()) {
        const auto rects = layout_->range_rects(cp, layout_->next_caret_stop(cp));
        if (!rects.empty()) {
            x = rects.front().x0;
            w = rects.front().x1 - rects.front().x0;
        }
    }
    // Where the next frame draws it (origin_ still holds the last frame's scroll).
    return ImVec4(origin_.x + x, region_min_.y + kTopMargin + c.y - scroll_y_, w, c.height);
}

std::pair<std::size_t, std::size_t> TextView::visible_range() const {
    if (visible_.empty()) return {0, 0};
    return {visible_.front().line.cp_start, visible_.back().line.cp_end};
}

void TextView::flash(std::size_t start, std::size_t end, double now) {
    flash_start_ = start;
    flash_end_ = end;
    flash_until_ = now + 1.2;
}

void TextView::find_emphasised(const ViewInput& app) {
    emphasised_.clear();
    auto add = [&](const std::string& id) {
        if (const Span* s = id.empty() ? nullptr : doc_->find_span(id)) emphasised_.push_back(s);
    };
    add(app.selected_span());
    add(app.hovered_span());
    for (const std::string* rel : {&app.selected_relation(), &app.hovered_relation()})
        if (const Relation* r = rel->empty() ? nullptr : doc_->find_relation(*rel)) {
            add(r->head);
            add(r->tail);
        }
}

bool TextView::is_emphasised(const Span& s) const {
    return std::find(emphasised_.begin(), emphasised_.end(), &s) != emphasised_.end();
}

int TextView::atlas_texture_id() {
    const ImTextureData* tex = ImGui::GetIO().Fonts->TexData;
    return tex ? tex->UniqueID : 0;
}

void TextView::drop_stale_meshes(const Theme& theme) {
    // Kept vertices carry glyph UVs of the atlas texture they were drawn with: ImGui 1.92 makes a
    // new texture (and moves glyphs) when the atlas grows or is compacted.
    const int atlas = atlas_texture_id();
    if (!(theme == mesh_theme_) || column_width_ != mesh_column_ || atlas != mesh_atlas_) {
        forget_drawn();
        mesh_theme_ = theme;
        mesh_column_ = column_width_;
        mesh_atlas_ = atlas;
    }
    // Keep what a few screens need; lines scrolled far away are drawn again when they come back.
    if (meshes_.size() > 256)
        for (auto it = meshes_.begin(); it != meshes_.end();) {
            const bool stale = it->second->last_used + 2 < frame_;
            if (stale) keep_spare(std::move(it->second));
            it = stale ? meshes_.erase(it) : std::next(it);
        }
}

void TextView::forget_drawn() {
    meshes_.clear();
    crossing_scratch_.kept = false;
}

void TextView::keep_spare(std::shared_ptr<LineMesh> mesh) {
    constexpr std::size_t kMaxSpares = 64;  // about two screens of lines
    if (!mesh) return;
    mesh->release();  // the store's copy goes: a spare is drawn again only afresh
    if (spare_meshes_.size() < kMaxSpares) spare_meshes_.push_back(std::move(mesh));
}

std::shared_ptr<LineMesh> TextView::empty_mesh() {
    while (!spare_meshes_.empty()) {
        std::shared_ptr<LineMesh> mesh = std::move(spare_meshes_.back());
        spare_meshes_.pop_back();
        if (mesh.use_count() == 1) {  // not still held by the last frame's lines (visible_)
            mesh->clear();
            return mesh;
        }
    }
    return std::make_shared<LineMesh>();
}

ViewEvents TextView::handle_input(const ViewInput& in, ImVec2 min, ImVec2 max) {
    ViewEvents events;
    doc_ = in.doc;
    if (!layout_ || !doc_) return events;
    ++frame_;
    region_min_ = min;
    region_max_ = max;
    const float avail = max.x - min.x;
    column_width_ = std::floor(std::min(avail - 2 * 48.0f, fonts_.body_px * kColumnEms));
    column_width_ = std::max(column_width_, 120.0f);
    layout_->set_width(column_width_);
    view_height_ = max.y - min.y;
    clamp_scroll();
    handle_keys(in, events);  // may scroll: before the origin is placed
    const float left = std::floor(min.x + (avail - column_width_) * 0.5f);
    origin_ = ImVec2(left, min.y + kTopMargin - scroll_y_);

    handle_mouse(in, origin_, events);  // hit-tests what the last frame drew
    origin_.y = min.y + kTopMargin - scroll_y_;  // the wheel (or a drag at the edge) may have scrolled
    return events;
}

std::optional<ImVec2> TextView::below_range(std::size_t start, std::size_t end) const {
    if (!layout_) return std::nullopt;
    const auto rects = layout_->range_rects(start, end);
    if (rects.empty()) return std::nullopt;
    return ImVec2(origin_.x + rects.back().x0, origin_.y + rects.back().y1 + 6.0f);
}

std::optional<float> TextView::above_range(std::size_t start, std::size_t end) const {
    if (!layout_) return std::nullopt;
    const auto rects = layout_->range_rects(start, end);
    if (rects.empty()) return std::nullopt;
    return origin_.y + rects.front().y0 - 6.0f;
}

void TextView::draw(const ViewInput& app) {
    doc_ = app.doc;
    if (!layout_ || !doc_) return;
    const ImVec2 min = region_min_, max = region_max_;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& theme = app.theme();
    drop_stale_meshes(theme);
    dl->PushClipRect(min, max, true);
    draw_selection(app, dl, origin_);
    find_emphasised(app);
    visible_.clear();
    for (std::shared_ptr<LineMesh>& mesh : uncached_meshes_) keep_spare(std::move(mesh));
    uncached_meshes_.clear();
    lines_replayed_ = 0;
    for (const LayoutLine& line : layout_->visible_lines(scroll_y_, scroll_y_ + view_height_)) {
        const ImVec2 at = line_origin(line);
        const bool emphasised = shows_emphasis(line);
        std::shared_ptr<const LineMesh> mesh;
        if (line_cache_ && !emphasised)
            if (const std::shared_ptr<LineMesh>* kept = kept_mesh(line); kept && kept_run_.add(**kept, at)) {
                (*kept)->last_used = frame_;
                mesh = *kept;
                ++lines_replayed_;
            }
        if (!mesh) {
            kept_run_.flush(dl);
            mesh = draw_line(app, dl, line, at, line_cache_ && !emphasised && mesh_store());
        }
        visible_.push_back({line, at, std::move(mesh)});
    }
    kept_run_.flush(dl);
    draw_compare_marks(app, dl);
    draw_crossing_relations(app, dl);
    draw_emphasised_arc_on_top(app, dl);
    draw_relation_focus(app, dl);
    draw_caret(app, dl);
    draw_ahead(app, *dl);
    if (atlas_texture_id() != mesh_atlas_) {
        // The atlas moved glyphs while this frame loaded new ones: what was drawn and kept this
        // frame may point at the old places. Drop it and draw once more.
        forget_drawn();
        platform::request_frames(1);
    }
    hits_scroll_y_ = scroll_y_;
    draw_scrollbar(dl, theme, min, max);
    dl->PopClipRect();
}

ImVec2 TextView::line_origin(const LayoutLine& line) const {
    // Lines are drawn at whole pixels, so a line's geometry is the same wherever it is drawn.
    return ImVec2(std::round(origin_.x + line.x), std::round(origin_.y + line.y));
}

bool TextView::shows_emphasis(const LayoutLine& line) const {
    const std::size_t line_end = std::max(line.cp_end, line.cp_start + 1);
    return std::any_of(emphasised_.begin(), emphasised_.end(),
                       [&](const Span* e) { return e->start < line_end && e->end > line.cp_start; });
}

const std::shared_ptr<LineMesh>* TextView::kept_mesh(const LayoutLine& line) const {
    const auto it = meshes_.find(line.cp_start);
    if (it == meshes_.end() || it->second->cp_end != line.cp_end || it->second->extra_above != line.extra_above) return nullptr;
    return &it->second;
}

void TextView::draw_ahead(const ViewInput& app, const ImDrawList& window) {
    if (scroll_y_ != last_scroll_y_) scrolled_up_ = scroll_y_ < last_scroll_y_;
    last_scroll_y_ = scroll_y_;
    lines_drawn_ahead_ = 0;
    // Like idle layout, it yields to a busy view: none in the frame after one that drew more lines
    // afresh than a notch brings (a jump, a new document).
    const std::size_t fresh_before = lines_fresh_;
    lines_fresh_ = visible_.size() - lines_replayed_;
    if (!line_cache_ || !mesh_store() || visible_.empty() || lines_fresh_ != 0 || !crossing_replayed_ ||
        fresh_before > static_cast<std::size_t>(kWheelLines))
        return;
    const float notch = layout_->style().line_height * static_cast<float>(kWheelLines);
    const float y0 = scrolled_up_ ? scroll_y_ - notch : scroll_y_ + view_height_;
    const float y1 = std::max(0.0f, y0 + notch);
    // Laid out already (settle_layout's idle slices lay out around the view): laying out here would
    // move what the frame just drew, or the far ends of its relations.
    if (!layout_->laid_out_between(std::max(0.0f, y0), y1)) return;
    std::vector<LayoutLine> lines = layout_->visible_lines(std::max(0.0f, y0), y1);
    if (scrolled_up_) std::reverse(lines.begin(), lines.end());  // the nearest first
    for (const LayoutLine& line : lines) {
        if (line.cp_start >= visible_.front().line.cp_start && line.cp_start <= visible_.back().line.cp_start) continue;
        if (kept_mesh(line) || shows_emphasis(line)) continue;  // kept already; drawn afresh while emphasised
        if (!ahead_list_) ahead_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
        ImDrawList& dl = *ahead_list_;
        dl._ResetForNewFrame();  // the window's flags and fringe, from the shared data
        dl.PushClipRect(ImVec2(-1e9f, -1e9f), ImVec2(1e9f, 1e9f));
        dl.PushTexture(window._CmdHeader.TexRef);
        (void)draw_line(app, &dl, line, line_origin(line), true);
        ++lines_drawn_ahead_;
    }
}

std::shared_ptr<const LineMesh> TextView::draw_line(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at,
                                                    bool cacheable) {
    std::shared_ptr<LineMesh> mesh = empty_mesh();
    mesh->cp_end = line.cp_end;
    mesh->extra_above = line.extra_above;
    mesh->last_used = frame_;
    const MeshRecorder recorder(dl, at);
    std::vector<const Span*>& spans = line_scratch_.spans;
    doc_->spans_overlapping(line.cp_start, std::max(line.cp_end, line.cp_start + 1), spans);
    // The line's clusters, measured once: for the highlights of an unshaped line, and for the
    // text of one that is neither plain nor shaped.
    std::vector<ClusterBox>& clusters = line_scratch_.clusters;
    clusters.clear();
    if (!line.shaped && (!spans.empty() || !line.plain)) layout_->clusters(line, clusters);
    draw_spans(app, dl, line, at, spans, clusters, *mesh);
    // The text itself, above the highlights.
    const Theme& theme = app.theme();
    const float text_dy = std::round((layout_->style().line_height - fonts_.body_px * 1.2f) * 0.5f);
    const ImVec2 pos(at.x, at.y + text_dy);
    const std::string_view text = layout_->line_text(line);
    // Drawn as display_text() shows it (controls as pictures, joiners as nothing), which is what
    // the layout measured (Fonts::body_advances).
    const auto draw_text = [&](ImVec2 p, std::string_view s) {
        if (!needs_display_mapping(s)) {
            draw_text_unclipped(dl, fonts_.body, fonts_.body_px, p, theme.text, s.data(), s.data() + s.size());
            return;
        }
        const std::string shown = display_text(s);
        draw_text_unclipped(dl, fonts_.body, fonts_.body_px, p, theme.text, shown.data(), shown.data() + shown.size());
    };
    if (line.shaped) {
        const float baseline = pos.y + std::round(fonts_.body->GetFontBaked(fonts_.body_px)->Ascent);
        draw_shaped(dl, fonts_, fonts_.body_em_px, *line.shaped, ImVec2(at.x, baseline), theme.text);
    } else if (line.plain) {
        draw_text(pos, text);
    } else {
        const std::string& all = layout_->text();
        for (const ClusterBox& c : clusters)
            draw_text(ImVec2(at.x + c.x - line.x, pos.y),
                      std::string_view(all).substr(c.byte_start, c.byte_end - c.byte_start));
    }
    draw_line_relations(app, dl, line, at, spans, *mesh);
    if (cacheable && recorder.finish(*mesh))
        meshes_[line.cp_start] = mesh;
    else
        uncached_meshes_.push_back(mesh);
    return mesh;
}

void TextView::draw_compare_marks(const ViewInput& app, ImDrawList* dl) {
    drawn_marks_.clear();
    if (!app.compare_marks) return;
    const auto [first, last] = visible_range();
    const float thick = std::max(2.0f, std::round(fonts_.body_px * 0.16f));
    for (const CompareMark& m : *app.compare_marks) {
        if (m.start >= last || m.end <= first) continue;
        for (const LayoutRect& r : layout_->range_rects(m.start, m.end, scroll_y_, scroll_y_ + view_height_)) {
            // Spans: a solid bar at the bottom of the line box; relations: a thinner dashed one above it.
            const float y = std::round(origin_.y + r.y1 - (m.relation ? 2.5f * thick : thick));
            const ImVec2 a(origin_.x + r.x0, y), b(origin_.x + r.x1, y + (m.relation ? thick * 0.6f : thick));
            if (m.relation) {
                for (float x = a.x; x < b.x; x += thick * 3)
                    dl->AddRectFilled(ImVec2(x, a.y), ImVec2(std::min(x + thick * 2, b.x), b.y), m.color);
            } else {
                dl->AddRectFilled(a, b, m.color);
            }
            drawn_marks_.push_back({a, b, m.color});
        }
    }
}

void TextView::draw_selection(const ViewInput& app, ImDrawList* dl, ImVec2 origin) {
    const TextSelection& sel = app.selection();
    const float pad = std::round(layout_->style().line_height * 0.12f);
    matches_drawn_ = 0;
    if (app.matches && !app.matches->empty()) {  // the find bar's matches on screen
        const auto [first, last] = visible_range();
        auto it = std::lower_bound(app.matches->begin(), app.matches->end(), first,
                                   [](const TextRange& m, std::size_t cp) { return m.end <= cp; });
        for (; it != app.matches->end() && it->start < last; ++it) {
            for (const LayoutRect& r : layout_->range_rects(it->start, it->end, scroll_y_, scroll_y_ + view_height_))
                dl->AddRectFilled(ImVec2(origin.x + r.x0, origin.y + r.y0 + pad), ImVec2(origin.x + r.x1, origin.y + r.y1 - pad),
                                  with_alpha(app.theme().accent, 0.28f), 2.0f);
            ++matches_drawn_;
        }
    }
    if (!sel.empty()) {
        for (const LayoutRect& r : layout_->range_rects(sel.start(), sel.end(), scroll_y_, scroll_y_ + view_height_))
            dl->AddRectFilled(ImVec2(origin.x + r.x0, origin.y + r.y0 + pad), ImVec2(origin.x + r.x1, origin.y + r.y1 - pad),
                              app.theme().selection, 2.0f);
    }
    if (ImGui::GetTime() < flash_until_ && flash_end_ > flash_start_) {
        const float t = reduced_motion_ ? 1.0f : static_cast<float>((flash_until_ - ImGui::GetTime()) / 1.2);
        for (const LayoutRect& r : layout_->range_rects(flash_start_, flash_end_, scroll_y_, scroll_y_ + view_height_))
            dl->AddRect(ImVec2(origin.x + r.x0 - 2, origin.y + r.y0), ImVec2(origin.x + r.x1 + 2, origin.y + r.y1),
                        with_alpha(app.theme().accent, t), 3.0f, 0, 2.5f);
        platform::request_frames(2);  // keep drawing while the flash fades
    }
}

}  // namespace inkspan::ui
