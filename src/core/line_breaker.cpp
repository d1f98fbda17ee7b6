#include "core/line_breaker.h"

#include <linebreak.h>
extern "C" {
#include <linebreakdef.h>  // (the context API, declared without extern "C")
}

#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {
namespace {

// Whitespace that may hang past the line's width: White_Space except the no-break spaces, plus
// U+200B.
bool hangs(char32_t c) {
    return c == 0x200B || (is_space(c) && c != 0x00A0 && c != 0x2007 && c != 0x202F);
}

// libunibreak's language argument: no language tailoring, and CJ (small kana, the prolonged sound
// mark) resolved to NS as UAX #14's default does (its "strict" line breaking): no line starts with
// ょ or ー.
constexpr const char* kUax14Default = "-strict";

constexpr float kEpsilon = 1e-3f;  // px of slack so float sums that equal the width still fit

}  // namespace

Cluster ClusterScanner::next(std::size_t pos) {
    if (!shaped_.empty()) {
        Cluster c;
        c.byte_end = graphemes_.cluster_end(pos);
        std::size_t p = pos;
        c.hangs = hangs(decode_utf8(text_, p));
        c.code_points = 1;
        while (p < c.byte_end) {
            (void)decode_utf8(text_, p);
            ++c.code_points;
        }
        for (std::size_t b = pos; b < c.byte_end; ++b) c.advance += shaped_[b - base_];
        return c;
    }
    const auto b0 = static_cast<unsigned char>(text_[pos]);
    char32_t plain = 0;
    if (b0 < 0x80 &&
        (pos + 1 == end_ || static_cast<unsigned char>(text_[pos + 1]) < 0x80 ||
         plain_code_point_at(text_, pos + 1, end_, plain) != 0) &&
        !(b0 == '\r' && pos + 1 < end_ && text_[pos + 1] == '\n')) {
        // ASCII followed by ASCII (or é, ж, λ, ’): a cluster of its own, the common case.
        return Cluster{pos + 1, 1, advances_(b0), b0 == ' ' || b0 == '\t' || b0 == '\v' || b0 == '\f'};
    }
    if (const std::size_t len = plain_code_point_at(text_, pos, end_, plain)) {  // é ж λ ’ « before ASCII or such
        const char32_t c = plain;
        const std::size_t q = pos + len;
        if (q == end_ || static_cast<unsigned char>(text_[q]) < 0x80 || plain_code_point_at(text_, q, end_, plain) != 0)
            return Cluster{q, 1, advances_(c), hangs(c)};
    }
    Cluster c;
    c.byte_end = graphemes_.cluster_end(pos);
    std::size_t p = pos;
    const char32_t base = decode_utf8(text_, p);
    c.hangs = hangs(base);
    c.code_points = 1;
    c.advance = is_extender(base) ? 0.0f : advances_(base);
    while (p < c.byte_end) {
        const char32_t next = decode_utf8(text_, p);
        if (!is_extender(next)) c.advance += advances_(next);
        ++c.code_points;
    }
    return c;
}

namespace {

bool is_ascii_alnum(char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

// libunibreak's answers for one paragraph, computed only where the greedy breaker asks. Exact: an
// ASCII letter or digit followed by a space leaves libunibreak's context in the state a fresh
// context started at that letter has (class AL or NU, no pending LB8a/LB21a/LB30a flag, the space
// changes nothing), so the analysis may restart there ("anchors") and skip what comes before.
// Latin text is then analysed about one word per line instead of entirely; text without anchors
// (CJK) is analysed once, front to back.
class LazyLineBreaks {
public:
    LazyLineBreaks(std::string_view text, std::size_t start, std::size_t end)
        : text_(text), start_(start), brks_(end - start, kUnknown) {
        restart(main_, start);
    }

    // Whether a line may break before byte b (start < b < end, a code point boundary).
    [[nodiscard]] bool allows(std::size_t b) {
        if (b > main_.at) advance_to(b);
        if (brks_[b - 1 - start_] == kUnknown) {
            if (gap_.at < b && b <= gap_end_) feed(gap_, b);
            else fill_from_scratch(b);
        }
        return brks_[b - 1 - start_] == LINEBREAK_ALLOWBREAK;
    }

private:
    static constexpr signed char kUnknown = -1;
    struct Cursor {
        LineBreakContext ctx{};
        std::size_t at = 0;  // the last code point fed starts here; answers before it are known
    };

    void restart(Cursor& cursor, std::size_t at) {
        std::size_t p = at;
        lb_init_break_context(&cursor.ctx, decode_utf8(text_, p), kUax14Default);
        cursor.at = at;
    }
    void feed(Cursor& cursor, std::size_t target) {  // until the code point at `target` is fed
        while (cursor.at < target) {
            std::size_t p = cursor.at + utf8_sequence_length(static_cast<unsigned char>(text_[cursor.at]));
            const std::size_t next = p;
            const char32_t c = decode_utf8(text_, p);
            brks_[next - 1 - start_] = static_cast<signed char>(lb_process_next_char(&cursor.ctx, c));
            cursor.at = next;
        }
    }
    // The last anchor (a letter or digit followed by a space) in [lo, hi), or hi when none.
    [[nodiscard]] std::size_t last_anchor(std::size_t lo, std::size_t hi) const {
        for (std::size_t a = hi; a > lo;) {
            --a;
            if (text_[a + 1] == ' ' && is_ascii_alnum(text_[a])) return a;
        }
        return hi;
    }
    void advance_to(std::size_t b) {
        const std::size_t a = last_anchor(main_.at, b);
        if (a != b && a > main_.at) {  // skip to the anchor; what lies before it is analysed on demand
            gap_ = main_;
            gap_end_ = a;
            restart(main_, a);
        }
        feed(main_, b);
    }
    void fill_from_scratch(std::size_t b) {
        Cursor cursor;
        const std::size_t a = last_anchor(start_, b - 1);
        restart(cursor, a == b - 1 ? start_ : a);
        feed(cursor, b);
    }

    std::string_view text_;
    std::size_t start_;
    std::vector<signed char> brks_;  // [i]: may a line break after byte start + i (kUnknown: not asked yet)
    Cursor main_, gap_;
    std::size_t gap_end_ = 0;  // answers in (gap_.at, gap_end_] were skipped by main_
};

// VT, FF, NEL, U+2028, U+2029: UAX #14's BK and NL, after which a line must end (LB4, LB5); CR
// and LF end paragraphs before this code sees them.
bool is_mandatory_break(char32_t c) { return c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029; }

}  // namespace

std::vector<LineBox> break_paragraph(std::string_view text, std::size_t byte_start, std::size_t byte_end,
                                     std::size_t cp_start, const GlyphAdvances& advances, float wrap_width,
                                     std::span<const float> shaped_advances) {
    std::vector<LineBox> lines;
    const bool wrap = wrap_width > 0.0f;
    const float limit = wrap_width + kEpsilon;
    auto u32 = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
    LazyLineBreaks breaks(text, byte_start, byte_end);
    ClusterScanner clusters(text, byte_end, advances, shaped_advances, byte_start);

    std::size_t line_byte = byte_start, line_cp = cp_start;
    float line_width = 0.0f;
    std::vector<std::size_t> multi;  // starts of the current line's clusters of several code points
    auto end_line = [&](std::size_t b, std::size_t b_cp, float width) {
        bool plain = true;
        for (std::size_t m : multi) plain = plain && !(m < b);
        lines.push_back({u32(line_byte), u32(b), u32(line_cp), u32(b_cp), width, 0, 0, plain});
        std::erase_if(multi, [b](std::size_t m) { return m < b; });
        line_byte = b;
        line_cp = b_cp;
    };

    // The cluster at pos (cp) does not fit: ends the line at its last break opportunity at a cluster
    // boundary (pos included) and, when what follows still does not fit, right before pos. Kept
    // out of line so that the loop over clusters stays small.
    auto wrap_before = [&](std::size_t pos, std::size_t cp, float advance) __attribute__((noinline)) {
        // The last break opportunity of the line at a cluster boundary, this cluster's start included.
        std::size_t b = pos;
        while (b > line_byte && !(breaks.allows(b) && grapheme_start(text, line_byte, b) == b)) {
            do --b;
            while (is_utf8_continuation(static_cast<unsigned char>(text[b])));
        }
        if (b > line_byte) {  // end the line there; the clusters after it move down
            float tail = 0.0f;
            std::size_t tail_cp = 0;
            ClusterScanner again(text, pos, advances, shaped_advances, byte_start);
            for (std::size_t q = b; q < pos;) {
                const Cluster t = again.next(q);
                tail += t.advance;
                tail_cp += t.code_points;
                q = t.byte_end;
            }
            end_line(b, cp - tail_cp, line_width - tail);
            line_width = tail;
        }
        if (pos > line_byte && line_width + advance > limit) {  // still too wide: between clusters
            end_line(pos, cp, line_width);
            line_width = 0.0f;
        }
    };

    std::size_t pos = byte_start, cp = cp_start;
    while (pos < byte_end) {
        const Cluster c = clusters.next(pos);
        if (wrap && !c.hangs && line_width + c.advance > limit && pos > line_byte) wrap_before(pos, cp, c.advance);
        if (c.code_points > 1) multi.push_back(pos);
        std::size_t start = pos;
        line_width += c.advance;
        pos = c.byte_end;
        cp += c.code_points;
        const auto lead = static_cast<unsigned char>(text[start]);
        if (pos < byte_end && (lead == 0x0B || lead == 0x0C || lead == 0xC2 || lead == 0xE2) &&
            is_mandatory_break(decode_utf8(text, start))) {
            end_line(pos, cp, line_width);
            line_width = 0.0f;
        }
    }
    end_line(byte_end, cp, line_width);
    return lines;
}

std::vector<std::size_t> line_break_opportunities(std::string_view text) {
    std::vector<std::size_t> out;
    std::vector<char> brks(text.size());
    if (brks.empty()) return out;
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), kUax14Default, brks.data());
    std::size_t cp = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (is_utf8_continuation(static_cast<unsigned char>(text[i + 1]))) continue;
        ++cp;  // byte i ends code point cp - 1
        if (brks[i] == LINEBREAK_ALLOWBREAK || brks[i] == LINEBREAK_MUSTBREAK) out.push_back(cp);
    }
    return out;
}

}  // namespace inkspan
