// The keyboard caret of the text view (issue 19): arrows by cluster, Ctrl+arrows by word,
// Home/End, Ctrl+Home/End, Page Up/Down (the view scrolls with the caret), Up/Down at a kept x;
// Shift extends the selection; Enter on a selection opens the label palette. The moves are
// core/caret_motion; the resulting selection goes to the owner as SelectText, the request a mouse
// selection makes, so labels and the palette treat both alike.
#include <algorithm>
#include <cmath>

#include "ui/shortcut_table.h"
#include "ui/text_view.h"

namespace inkspan::ui {
namespace {

struct MoveKey {
    KeyAction action;
    CaretMove move;
};
constexpr MoveKey kMoveKeys[] = {
    {KeyAction::CaretLeft, CaretMove::Left},           {KeyAction::CaretRight, CaretMove::Right},
    {KeyAction::WordLeft, CaretMove::WordLeft},        {KeyAction::WordRight, CaretMove::WordRight},
    {KeyAction::LineUp, CaretMove::Up},                {KeyAction::LineDown, CaretMove::Down},
    {KeyAction::LineStart, CaretMove::LineStart},      {KeyAction::LineEnd, CaretMove::LineEnd},
    {KeyAction::PageUp, CaretMove::PageUp},            {KeyAction::PageDown, CaretMove::PageDown},
    {KeyAction::DocumentStart, CaretMove::DocumentStart}, {KeyAction::DocumentEnd, CaretMove::DocumentEnd},
};

}  // namespace

void TextView::handle_keys(const ViewInput& in, ViewEvents& out) {
    const TextSelection& sel = in.selection();
    const std::size_t n = layout_->code_point_count();
    // The owner moved the caret (a click, a drag, Tab to a span): take it, forget the kept x.
    if (std::min(sel.caret, n) != caret_.cp) caret_ = Caret{std::min(sel.caret, n), false, std::nullopt};
    if (!in.has_keyboard || !in.relation_source().empty()) return;

    if (!sel.empty() && shortcut_pressed(KeyAction::OpenPalette)) {
        consume_key(ImGuiKey_Enter);  // the palette opened now must not take this Enter as its choice
        out.requests.push_back(view_request::SelectText{sel.anchor, sel.caret, true});
        return;
    }
    for (const MoveKey& k : kMoveKeys) {
        if (!shortcut_pressed(k.action, true)) continue;
        const bool extend = ImGui::GetIO().KeyShift;
        const float page = std::max(view_height_ - 2.0f * layout_->style().line_height, layout_->style().line_height);
        Caret next = move_caret(*layout_, doc_->text(), doc_->index(), caret_, k.move, page);
        // An arrow without Shift collapses a selection to its edge in that direction.
        if (!extend && !sel.empty() && (k.move == CaretMove::Left || k.move == CaretMove::Right))
            next = Caret{next.cp < caret_.cp ? sel.start() : sel.end(), false, std::nullopt};
        if (k.move == CaretMove::PageUp) scroll_by(-page);
        if (k.move == CaretMove::PageDown) scroll_by(page);
        const std::size_t anchor = extend ? (sel.empty() ? caret_.cp : sel.anchor) : next.cp;
        caret_ = next;
        out.requests.push_back(view_request::SelectText{anchor, next.cp, false});
        follow_caret();
        return;
    }
}

void TextView::follow_caret() {
    const CaretBox c = layout_->caret_position(caret_.cp, caret_.upstream);
    const float above = arc_row_height() + 2 * band_height();  // the label chips over the line
    const float margin = layout_->style().line_height;
    if (c.y - above < scroll_y_) scroll_y_ = c.y - above;
    else if (c.y + c.height + margin > scroll_y_ + view_height_) scroll_y_ = c.y + c.height + margin - view_height_;
    clamp_scroll();
}

void TextView::draw_caret(const ViewInput& in, ImDrawList* dl) {
    if (!in.has_keyboard || !in.relation_source().empty()) return;
    const CaretBox c = layout_->caret_position(caret_.cp, caret_.upstream);
    const float x = std::round(origin_.x + c.x), pad = std::round(c.height * 0.12f);
    dl->AddRectFilled(ImVec2(x - 1.0f, origin_.y + c.y + pad), ImVec2(x + 1.0f, origin_.y + c.y + c.height - pad), in.theme().text);
}

void TextView::draw_relation_focus(const ViewInput& in, ImDrawList* dl) {
    const Span* s = in.relation_focus().empty() ? nullptr : doc_->find_span(in.relation_focus());
    if (!s) return;
    for (const LayoutRect& r : layout_->range_rects(s->start, s->end, scroll_y_ - view_height_, scroll_y_ + view_height_))
        dl->AddRect(ImVec2(origin_.x + r.x0 - 3, origin_.y + r.y0 - 1), ImVec2(origin_.x + r.x1 + 3, origin_.y + r.y1 + 1),
                    in.theme().accent, 3.0f, 0, 2.5f);
}

}  // namespace inkspan::ui
