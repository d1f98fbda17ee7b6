#include "core/graphemes.h"

#include <graphemebreak.h>
extern "C" {
#include <emojidef.h>  // (declares ub_is_extended_pictographic without extern "C")
}

#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {
namespace {

bool is_ascii(char ch) { return static_cast<unsigned char>(ch) < 0x80; }

std::size_t previous_code_point(std::string_view text, std::size_t b) {
    do --b;
    while (b > 0 && is_utf8_continuation(static_cast<unsigned char>(text[b])));
    return b;
}

// A cluster starts at `c_pos` whatever comes before the code point at `d_pos` (the one before it):
// the pair alone says "break" and no rule with longer context (GB9c conjuncts, GB11 emoji ZWJ
// sequences, GB12/13 flags) can apply to the code point at c_pos.
bool starts_cluster_in_any_context(std::string_view text, std::size_t d_pos, std::size_t c_pos) {
    if (is_ascii(text[d_pos]) && is_ascii(text[c_pos])) return !(text[d_pos] == '\r' && text[c_pos] == '\n');
    std::size_t p = c_pos;
    const char32_t c = decode_utf8(text, p);
    if (is_regional_indicator(c) || ub_is_extended_pictographic(c) || (c >= 0x0900 && c <= 0x0DFF)) return false;
    char brks[8];
    const std::size_t len = p - d_pos;  // two code points: at most 8 bytes
    set_graphemebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data() + d_pos), len, nullptr, brks);
    return brks[c_pos - d_pos - 1] == GRAPHEMEBREAK_BREAK;
}

}  // namespace

void GraphemeScanner::analyse(std::size_t pos) {
    // Up to and including the next ASCII byte: a cluster boundary always precedes an ASCII code
    // point except after CR (ASCII itself) or a Prepend character, which the last answer shows.
    std::size_t stop = pos + 1;
    while (stop < end_ && !is_ascii(text_[stop])) ++stop;
    if (stop < end_) ++stop;
    for (;;) {
        brks_.resize(stop - pos);
        set_graphemebreaks_utf8(reinterpret_cast<const utf8_t*>(text_.data() + pos), stop - pos, nullptr, brks_.data());
        window_start_ = pos;
        window_end_ = stop;
        // The last answer is libunibreak's end-of-text break; trust the one before the ASCII byte.
        if (stop == end_ || stop - pos < 2 || brks_[stop - pos - 2] == GRAPHEMEBREAK_BREAK) {
            if (stop < end_) --window_end_;  // the ASCII byte is a cluster start: the fast path takes it
            return;
        }
        stop = end_;  // after a Prepend character (rare): analyse the rest at once
    }
}

std::size_t GraphemeScanner::cluster_end(std::size_t pos) {
    if (pos >= window_end_ || pos < window_start_) {
        char32_t c = 0;
        if (is_ascii(text_[pos])) {
            if (pos + 1 == end_) return end_;
            const char next = text_[pos + 1];
            if (is_ascii(next)) return pos + 1 + (text_[pos] == '\r' && next == '\n');
            if (plain_code_point_at(text_, pos + 1, end_, c) != 0) return pos + 1;
        } else if (const std::size_t len = plain_code_point_at(text_, pos, end_, c)) {
            const std::size_t q = pos + len;
            if (q == end_ || is_ascii(text_[q]) || plain_code_point_at(text_, q, end_, c) != 0) return q;
        }
        analyse(pos);
    }
    std::size_t i = pos - window_start_;
    while (i + 1 < brks_.size() && brks_[i] != GRAPHEMEBREAK_BREAK) ++i;
    return window_start_ + i + 1;
}

std::size_t grapheme_start(std::string_view text, std::size_t floor, std::size_t b) {
    if (b <= floor) return floor;
    while (b > floor && is_utf8_continuation(static_cast<unsigned char>(text[b]))) --b;
    // Back to a code point that starts a cluster whatever precedes it, then forward.
    std::size_t from = b;
    while (from > floor && !starts_cluster_in_any_context(text, previous_code_point(text, from), from))
        from = previous_code_point(text, from);
    if (from == b) return b;
    GraphemeScanner scanner(text, text.size());
    for (;;) {
        const std::size_t e = scanner.cluster_end(from);
        if (e > b) return from;
        from = e;
    }
}

std::size_t grapheme_end(std::string_view text, std::size_t floor, std::size_t b, std::size_t ceiling) {
    if (b <= floor || b >= ceiling) return b;
    const std::size_t start = grapheme_start(text, floor, b);
    if (start == b) return b;
    GraphemeScanner scanner(text, ceiling);
    return scanner.cluster_end(start);
}

}  // namespace inkspan
