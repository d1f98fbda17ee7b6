#include "core/caret_motion.h"

#include <algorithm>

#include "core/tokenizer.h"

namespace inkspan {
namespace {

bool is_word(const Token& t) { return t.kind != TokenKind::Punct; }

// The layout line holding the caret (the earlier line at a soft wrap when upstream).
LayoutLine line_of(TextLayout& layout, const Caret& c) {
    const CaretBox box = layout.caret_position(c.cp, c.upstream);
    const std::vector<LayoutLine> lines = layout.visible_lines(box.y, box.y + 1.0f);
    return lines.empty() ? LayoutLine{} : lines.back();
}

Caret at(std::size_t cp, bool upstream = false) { return Caret{cp, upstream, std::nullopt}; }

// The caret on the line at height y, as close to x as the line allows.
Caret at_point(TextLayout& layout, float x, float y) {
    const TextHit hit = layout.hit_test(x, y);
    return Caret{hit.cp, hit.upstream, x};
}

}  // namespace

std::size_t next_word_end(std::string_view text, const TextIndex& index, std::size_t cp) {
    const std::size_t n = index.code_point_count();
    for (std::size_t pos = cp; pos < n;) {
        const auto t = word_at(text, index, pos);
        const bool under = t && t->start <= pos && t->end > pos;  // else the token ending at pos, or none
        if (under && is_word(*t)) return t->end;
        pos = under ? t->end : pos + 1;
    }
    return n;
}

std::size_t prev_word_start(std::string_view text, const TextIndex& index, std::size_t cp) {
    for (std::size_t pos = std::min(cp, index.code_point_count()); pos > 0;) {
        const auto t = word_at(text, index, pos - 1);
        const bool under = t && t->start <= pos - 1 && t->end > pos - 1;
        if (under && is_word(*t)) return t->start;
        pos = under ? t->start : pos - 1;
    }
    return 0;
}

Caret move_caret(TextLayout& layout, std::string_view text, const TextIndex& index, const Caret& from, CaretMove move,
                 float page_px) {
    const std::size_t n = layout.code_point_count();
    const LayoutLine line = line_of(layout, from);
    const bool rtl = line.rtl;
    const CaretBox box = layout.caret_position(from.cp, from.upstream);
    const float goal = from.goal_x.value_or(box.x);
    switch (move) {
        case CaretMove::Left:
        case CaretMove::Right: {
            const bool forward = (move == CaretMove::Right) != rtl;
            return at(forward ? layout.next_caret_stop(from.cp) : layout.prev_caret_stop(from.cp));
        }
        case CaretMove::WordLeft:
        case CaretMove::WordRight: {
            const bool forward = (move == CaretMove::WordRight) != rtl;
            return at(forward ? next_word_end(text, index, from.cp) : prev_word_start(text, index, from.cp));
        }
        case CaretMove::LineStart: return at(line.cp_start);
        case CaretMove::LineEnd: return at(line.cp_end, !line.ends_paragraph);
        case CaretMove::Up:
            if (line.top <= 0.0f) return at(0);
            return at_point(layout, goal, line.top - 1.0f);  // the text box at the bottom of the slot above
        case CaretMove::Down:
            if (line.y + line.height >= layout.total_height() - 0.5f) return at(n);
            return at_point(layout, goal, line.y + line.height + 1.0f);  // a band belongs to the line below it
        case CaretMove::PageUp:
        case CaretMove::PageDown: {
            const float dy = move == CaretMove::PageUp ? -page_px : page_px;
            const float y = box.y + box.height * 0.5f + dy;
            if (y < 0.0f) return at(0);
            if (y >= layout.total_height()) return at(n);
            return at_point(layout, goal, y);
        }
        case CaretMove::DocumentStart: return at(0);
        case CaretMove::DocumentEnd: return at(n);
    }
    return from;
}

}  // namespace inkspan
