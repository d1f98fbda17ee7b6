#include "core/line_breaker.h"

#include <linebreak.h>

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
    const auto b0 = static_cast<unsigned char>(text_[pos]);
    if (b0 < 0x80 && (pos + 1 == end_ || static_cast<unsigned char>(text_[pos + 1]) < 0x80) &&
        !(b0 == '\r' && pos + 1 < end_ && text_[pos + 1] == '\n')) {
        // ASCII followed by ASCII: a cluster of its own, the common case.
        return Cluster{pos + 1, 1, advances_(b0), b0 == ' ' || b0 == '\t' || b0 == '\v' || b0 == '\f'};
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

std::vector<LineBox> break_paragraph(std::string_view text, std::size_t byte_start, std::size_t byte_end,
                                     std::size_t cp_start, const GlyphAdvances& advances, float wrap_width) {
    std::vector<LineBox> lines;
    const bool wrap = wrap_width > 0.0f;
    const float limit = wrap_width + kEpsilon;
    auto u32 = [](std::size_t v) { return static_cast<std::uint32_t>(v); };

    // UAX #14 answers per byte: brks[i] says whether a line may break after byte byte_start + i.
    std::vector<char> brks(byte_end - byte_start);
    if (!brks.empty())
        set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data() + byte_start), brks.size(), kUax14Default,
                            brks.data());

    std::size_t line_byte = byte_start, line_cp = cp_start;
    float line_width = 0.0f;
    bool has_break = false;  // a break opportunity exists on the current line
    std::size_t break_byte = 0, break_cp = 0;
    float break_width = 0.0f;
    bool plain_to_break = true, plain_after_break = true;  // no multi-code-point cluster so far

    ClusterScanner clusters(text, byte_end, advances);
    std::size_t pos = byte_start, cp = cp_start;
    while (pos < byte_end) {
        const Cluster c = clusters.next(pos);
        if (wrap && !c.hangs && pos > line_byte && line_width + c.advance > limit) {
            if (has_break) {  // end the line at the last opportunity; what follows it moves down
                lines.push_back({u32(line_byte), u32(break_byte), u32(line_cp), u32(break_cp), break_width, 0, 0,
                                 plain_to_break});
                line_byte = break_byte;
                line_cp = break_cp;
                line_width -= break_width;
                has_break = false;
                plain_to_break = true;
            }
            if (pos > line_byte && line_width + c.advance > limit) {  // no opportunity fits: between clusters
                lines.push_back({u32(line_byte), u32(pos), u32(line_cp), u32(cp), line_width, 0, 0, plain_after_break});
                line_byte = pos;
                line_cp = cp;
                line_width = 0.0f;
                plain_after_break = true;
            }
        }
        line_width += c.advance;
        pos = c.byte_end;
        cp += c.code_points;
        if (c.code_points > 1) plain_after_break = false;
        if (pos == byte_end) break;
        const char brk = brks[pos - 1 - byte_start];
        if (brk == LINEBREAK_MUSTBREAK) {  // VT, FF, NEL, U+2028, U+2029 inside the paragraph
            lines.push_back({u32(line_byte), u32(pos), u32(line_cp), u32(cp), line_width, 0, 0,
                             plain_to_break && plain_after_break});
            line_byte = pos;
            line_cp = cp;
            line_width = 0.0f;
            has_break = false;
            plain_to_break = plain_after_break = true;
        } else if (brk == LINEBREAK_ALLOWBREAK) {
            has_break = true;
            break_byte = pos;
            break_cp = cp;
            break_width = line_width;
            plain_to_break = plain_to_break && plain_after_break;
            plain_after_break = true;
        }
    }
    lines.push_back({u32(line_byte), u32(byte_end), u32(line_cp), u32(cp), line_width, 0, 0,
                     plain_to_break && plain_after_break});
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
