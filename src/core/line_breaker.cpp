#include "core/line_breaker.h"

#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {
namespace {

// Decodes the code point at `pos` without reading past `end` (a truncated sequence decodes as its
// lead byte, so even invalid input cannot make the layout read out of bounds).
char32_t decode_at(std::string_view text, std::size_t pos, std::size_t end, std::size_t& len) {
    len = utf8_sequence_length(static_cast<unsigned char>(text[pos]));
    if (len == 1 || pos + len > end) {
        len = 1;
        return static_cast<unsigned char>(text[pos]);
    }
    std::size_t p = pos;
    return decode_utf8(text, p);
}

// Whitespace after which a line may break: White_Space except the no-break spaces, plus U+200B.
bool is_break_space(char32_t c) {
    return c == 0x200B || (is_space(c) && c != 0x00A0 && c != 0x2007 && c != 0x202F);
}

constexpr float kEpsilon = 1e-3f;  // px of slack so float sums that equal the width still fit

}  // namespace

Cluster next_cluster(std::string_view text, std::size_t pos, std::size_t end, const GlyphAdvances& advances) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80 && (pos + 1 == end || static_cast<unsigned char>(text[pos + 1]) < 0x80)) {
        // ASCII not followed by a possible extender: the common case.
        return Cluster{pos + 1, 1, advances(b0), b0 == ' ' || b0 == '\t' || b0 == '\v' || b0 == '\f'};
    }
    std::size_t len = 0;
    const char32_t base = decode_at(text, pos, end, len);
    Cluster c;
    c.byte_end = pos + len;
    c.code_points = 1;
    c.advance = is_extender(base) ? 0.0f : advances(base);
    c.breaks_after = is_break_space(base);
    bool join_next = base == kZeroWidthJoiner;
    bool pending_flag_half = is_regional_indicator(base);
    while (c.byte_end < end) {
        const char32_t next = decode_at(text, c.byte_end, end, len);
        const bool extends = is_extender(next);
        if (!join_next && !extends && !(pending_flag_half && is_regional_indicator(next))) break;
        pending_flag_half = false;
        join_next = next == kZeroWidthJoiner;
        if (!extends) c.advance += advances(next);  // a ZWJ-joined code point or a flag's second half
        c.byte_end += len;
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

    std::size_t line_byte = byte_start, line_cp = cp_start;
    float line_width = 0.0f;
    bool has_break = false;  // a break opportunity (after whitespace) exists on the current line
    std::size_t break_byte = 0, break_cp = 0;
    float break_width = 0.0f;
    bool plain_to_break = true, plain_after_break = true;  // no multi-code-point cluster so far

    std::size_t pos = byte_start, cp = cp_start;
    while (pos < byte_end) {
        const Cluster c = next_cluster(text, pos, byte_end, advances);
        if (wrap && !c.breaks_after && pos > line_byte && line_width + c.advance > limit) {
            if (has_break) {  // end the line after the last whitespace; the word so far moves down
                lines.push_back({u32(line_byte), u32(break_byte), u32(line_cp), u32(break_cp), break_width, 0, 0,
                                 plain_to_break});
                line_byte = break_byte;
                line_cp = break_cp;
                line_width -= break_width;
                has_break = false;
                plain_to_break = true;
            }
            if (pos > line_byte && line_width + c.advance > limit) {  // the word alone is too wide
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
        if (c.breaks_after) {
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

}  // namespace inkspan
