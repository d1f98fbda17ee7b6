#pragma once
// Where a keyboard caret goes (issue 19): by grapheme cluster, by word, to a line's or the
// document's ends, a line or a page up and down keeping its x. Pure logic over TextLayout (caret
// stops, hit tests, caret boxes) and the tokenizer's words; the view maps keys to CaretMove.
//
// Direction: Left and Right move visually by the paragraph's direction — in a right-to-left
// paragraph Left goes to the next cluster in reading order (leftwards on screen) and Right to the
// previous one; a left-to-right run inside it (a Latin name in Arabic) is then crossed in logical
// order. Word moves follow the same rule. Home and End are the line's logical start and end.
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/text_index.h"
#include "core/text_layout.h"

namespace inkspan {

enum class CaretMove {
    Left, Right,            // one cluster, visually
    WordLeft, WordRight,    // to a word's start (backwards) or end (forwards), visually
    LineStart, LineEnd,     // the visual line's logical start and end
    Up, Down,               // the line above or below, at the remembered x
    PageUp, PageDown,       // page_px above or below, at the remembered x
    DocumentStart, DocumentEnd,
};

struct Caret {
    std::size_t cp = 0;            // a cluster boundary, in code points
    bool upstream = false;         // at a soft wrap: drawn at the end of the earlier line
    std::optional<float> goal_x;   // the x that Up/Down/PageUp/PageDown keep (set by the first of them)
};

// The end of the word under or after `cp` (the text's end when none follows), and the start of
// the word under or before `cp` (0 when none precedes). Words are the tokenizer's tokens that are
// not punctuation (words, numbers, symbols such as emoji); whitespace and punctuation are skipped.
[[nodiscard]] std::size_t next_word_end(std::string_view text, const TextIndex& index, std::size_t cp);
[[nodiscard]] std::size_t prev_word_start(std::string_view text, const TextIndex& index, std::size_t cp);

// The caret after `move`. `text`/`index` are the layout's text and its index (for word moves);
// `page_px` is how far PageUp/PageDown go (the view's height).
[[nodiscard]] Caret move_caret(TextLayout& layout, std::string_view text, const TextIndex& index, const Caret& from,
                               CaretMove move, float page_px = 0.0f);

}  // namespace inkspan
