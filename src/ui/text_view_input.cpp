// Mouse and touch gestures on the text view: select (drag, double-click, Shift+click, long
// press), click a span or an arc, drag from a label chip to another span to relate them, scroll.
// They become ViewEvents; the owner applies them.
#include <algorithm>
#include <cmath>

#include "core/tokenizer.h"
#include "platform/browser.h"
#include "ui/text_view.h"

namespace inkspan::ui {
namespace {

constexpr float kDragThreshold = 4.0f;

bool inside(ImVec2 min, ImVec2 max, ImVec2 p) { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }

float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    const float cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y;
    return std::sqrt(cx * cx + cy * cy);
}

}  // namespace

std::string TextView::chip_under(ImVec2 p) const {
    if (hits_scroll_y_ != scroll_y_) return {};  // scrolled since they were drawn (e.g. locate)
    for (auto v = visible_.rbegin(); v != visible_.rend(); ++v) {
        const ImVec2 q(p.x - v->at.x, p.y - v->at.y);
        for (auto it = v->mesh->chips.rbegin(); it != v->mesh->chips.rend(); ++it)
            if (inside(it->min, it->max, q)) return it->span_id;
    }
    return {};
}

namespace {

bool on_arc(const ArcHit& a, ImVec2 p) {
    if (inside(a.label_min, a.label_max, p)) return true;
    for (std::size_t i = 1; i < a.points.size(); ++i) {
        const ImVec2 u = a.points[i - 1], v = a.points[i];
        // 4 px or more beside the segment's box along x or y: 4 px or more from the segment.
        if (p.x <= std::min(u.x, v.x) - 4.0f || p.x >= std::max(u.x, v.x) + 4.0f || p.y <= std::min(u.y, v.y) - 4.0f ||
            p.y >= std::max(u.y, v.y) + 4.0f)
            continue;
        if (segment_distance(p, u, v) < 4.0f) return true;
    }
    return false;
}

}  // namespace

std::string TextView::arc_under(ImVec2 p) const {
    if (hits_scroll_y_ != scroll_y_) return {};
    for (const VisibleLine& v : visible_)
        for (const ArcHit& a : v.mesh->arcs)
            if (on_arc(a, ImVec2(p.x - v.at.x, p.y - v.at.y))) return a.relation_id;
    for (const ArcHit& a : arcs_)
        if (on_arc(a, p)) return a.relation_id;
    return {};
}

// The innermost (shortest) span under a point of the text, if any.
const Span* TextView::span_under(ImVec2 local) const {
    const auto hit = layout_->char_at(local.x, local.y);
    if (!hit) return nullptr;
    const Span* best = nullptr;
    for (const Span* s : doc_->spans_at(hit->cp_start))
        if (!best || s->end - s->start < best->end - best->start) best = s;
    return best;
}

void TextView::handle_mouse(const ViewInput& in, ImVec2 origin, ViewEvents& out) {
    ImGuiIO& io = ImGui::GetIO();
    namespace req = view_request;
    // The selection as the requests made so far leave it (a later gesture of this frame reads it).
    TextSelection selection = in.selection();
    std::string selected_span = in.selected_span();
    const auto select_text = [&](std::size_t anchor, std::size_t caret, bool open_palette) {
        selection = {anchor, caret};
        selected_span.clear();
        out.requests.push_back(req::SelectText{anchor, caret, open_palette});
    };
    const auto select_span = [&](const std::string& id) {
        selection = {};
        selected_span = id;
        out.requests.push_back(req::SelectSpan{id});
    };
    const auto clear_selection = [&] {
        selection = {};
        selected_span.clear();
        out.requests.push_back(req::ClearSelection{});
    };
    const ImVec2 m = io.MousePos;
    const ImVec2 local(m.x - origin.x, m.y - origin.y);
    const bool hovered = ImGui::IsWindowHovered() && inside(region_min_, region_max_, m);

    // Hover: a chip, an arc, or the text of a span.
    std::string hover_span, hover_arc;
    if (hovered && drag_ == Drag::None) {
        hover_span = chip_under(m);
        if (hover_span.empty()) hover_arc = arc_under(m);
        if (hover_span.empty() && hover_arc.empty())
            if (const Span* s = span_under(local)) hover_span = s->id;
        out.hover = ViewEvents::Hover{hover_span, hover_arc};
        const bool on_scrollbar = m.x > region_max_.x - kScrollbarWidth - 8;
        out.cursor = on_scrollbar ? "default" : (!hover_span.empty() || !hover_arc.empty()) ? "pointer" : "text";
        if (!in.relation_source().empty()) out.cursor = "crosshair";
        // The span's tooltip once the pointer has rested on it for the hover delay; the wheel (or
        // a key) scrolling other spans under a still pointer starts the wait again.
        const bool text_moves = io.MouseWheel != 0.0f || scroll_y_ != hits_scroll_y_;
        if (hover_span != tooltip_span_ || text_moves) {
            tooltip_span_ = hover_span;
            tooltip_since_ = ImGui::GetTime();
        }
        const bool rested = ImGui::GetTime() - tooltip_since_ >= ImGui::GetStyle().HoverDelayNormal;
        if (!hover_span.empty() && !rested) platform::request_frames(1);  // to open it when the wait is over
        if (!hover_span.empty() && rested && !ImGui::IsAnyMouseDown()) {
            if (const Span* s = doc_->find_span(hover_span)) {
                ImGui::BeginTooltip();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(in.theme().accent), "%s", s->label.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("[%zu, %zu)", s->start, s->end);
                const std::string_view text = doc_->span_text(*s);
                ImGui::PushTextWrapPos(320.0f);
                ImGui::TextUnformatted(text.data(), text.data() + std::min<std::size_t>(text.size(), 300));
                if (!s->note.empty()) ImGui::TextDisabled("Note: %s", s->note.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    } else if (!hovered && drag_ == Drag::None) {
        out.hover = ViewEvents::Hover{};
    }
    if (!hovered || drag_ != Drag::None) tooltip_span_.clear();

    // Wheel: scroll; Ctrl+wheel zooms (handled by the App's shortcuts).
    if (hovered && io.MouseWheel != 0.0f && !io.KeyCtrl) scroll_by(-io.MouseWheel * layout_->style().line_height * static_cast<float>(kWheelLines));

    if (hovered && ImGui::IsMouseClicked(0)) {
        press_pos_ = m;
        press_cp_ = layout_->hit_test(local.x, local.y).cp;
        press_span_ = chip_under(m);
        press_on_chip_ = !press_span_.empty();
        if (press_span_.empty())
            if (const Span* s = span_under(local)) press_span_ = s->id;
        const std::string arc = press_on_chip_ ? std::string() : arc_under(m);
        if (m.x > region_max_.x - kScrollbarWidth - 8) {
            drag_ = Drag::Scrollbar;
        } else if (!in.relation_source().empty()) {  // "R" mode: this click picks the target
            if (!press_span_.empty() && press_span_ != in.relation_source())
                out.requests.push_back(req::Relate{in.relation_source(), press_span_});
            else clear_selection();
            drag_ = Drag::None;
        } else if (!arc.empty()) {
            selection = {};
            selected_span.clear();
            out.requests.push_back(req::SelectRelation{arc});
            drag_ = Drag::None;
        } else if (ImGui::IsMouseDoubleClicked(0)) {
            if (auto w = word_at(doc_->text(), doc_->index(), press_cp_)) select_text(w->start, w->end, true);
            drag_ = Drag::None;
        } else if (press_on_chip_) {
            drag_ = Drag::Relation;  // a click selects the span; a drag makes a relation
        } else if (io.KeyShift && (!selection.empty() || !selected_span.empty())) {
            std::size_t anchor = selection.anchor;
            if (selection.empty())
                if (const Span* s = doc_->find_span(selected_span)) anchor = s->start;
            select_text(anchor, press_cp_, false);
            drag_ = Drag::Select;
        } else {
            drag_ = Drag::Select;
        }
    }

    const float moved = std::hypot(m.x - press_pos_.x, m.y - press_pos_.y);
    if (drag_ == Drag::Scrollbar && ImGui::IsMouseDown(0)) {
        const float total = layout_->total_height() + 32.0f;
        const float track = region_max_.y - region_min_.y - 8.0f;
        scroll_y_ = (m.y - region_min_.y - 4.0f) / track * total - view_height_ * 0.5f;
        clamp_scroll();
    }
    // Also in the frame of the release: a fast drag's last move and its release can arrive
    // together, and the selection must still reach the point where the button came up.
    if (drag_ == Drag::Select && (ImGui::IsMouseDown(0) || ImGui::IsMouseReleased(0)) && moved >= kDragThreshold) {
        const std::size_t anchor = io.KeyShift && !selection.empty() ? selection.anchor : press_cp_;
        select_text(anchor, layout_->hit_test(local.x, local.y).cp, false);
        // Auto-scroll while dragging past the edges.
        if (ImGui::IsMouseDown(0) && m.y < region_min_.y + 10) scroll_by(-12.0f);
        if (ImGui::IsMouseDown(0) && m.y > region_max_.y - 10) scroll_by(12.0f);
    }
    // Touch: a long press selects the word under the finger.
    if (drag_ == Drag::Select && io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsMouseDown(0) &&
        moved < kDragThreshold * 2 && io.MouseDownDuration[0] > 0.5f) {
        if (auto w = word_at(doc_->text(), doc_->index(), press_cp_)) select_text(w->start, w->end, true);
        drag_ = Drag::None;
    }

    if (ImGui::IsMouseReleased(0) && drag_ != Drag::None) {
        if (drag_ == Drag::Select) {
            if (moved < kDragThreshold && !io.KeyShift) {
                if (!press_span_.empty()) select_span(press_span_);
                else select_text(press_cp_, press_cp_, false);  // a click puts the keyboard caret there
            } else {
                const TextSelection sel = selection;
                std::size_t s = sel.start(), e = sel.end();
                if (in.snap_words) {
                    if (auto snapped = snap_to_words(doc_->text(), doc_->index(), s, e)) { s = snapped->start; e = snapped->end; }
                    else { s = e = sel.caret; }
                }
                if (s < e) select_text(s, e, true);
                else clear_selection();
            }
        } else if (drag_ == Drag::Relation) {
            if (moved < kDragThreshold) {
                select_span(press_span_);
            } else {
                std::string target = chip_under(m);
                if (target.empty())
                    if (const Span* s = span_under(local)) target = s->id;
                if (!target.empty() && target != press_span_) out.requests.push_back(req::Relate{press_span_, target});
            }
        }
        drag_ = Drag::None;
    }
}

}  // namespace inkspan::ui
