#pragma once
// Extended grapheme clusters (UAX #29, libunibreak's rules and Unicode 15.1 data, GB9c included):
// what a caret never enters, a line never splits and a span never cuts. Emoji ZWJ sequences, flags,
// skin tones, Hangul jamo syllables, base + combining marks, Devanagari consonant + virama +
// consonant, CR LF.
#include <cstddef>
#include <string_view>
#include <vector>

namespace inkspan {

// Code points of Latin-1, Latin Extended, Greek and Cyrillic (U+00A0–052F) and of General
// Punctuation (U+2010–205F: dashes, quotes ’ « », …) that have Grapheme_Cluster_Break=Other and
// are neither Extended_Pictographic (© ® ‼ ⁉) nor marks, controls or joiners (checked against
// GraphemeBreakProperty.txt by test_unicode_break_files.cpp). A cluster that starts with one of
// them ends unless an Extend, ZWJ or SpacingMark follows, none of which is ASCII or one of these:
// French, German, Russian, Greek text needs no lookup.
[[nodiscard]] inline bool is_plain_code_point(char32_t c) {
    if (c < 0x2000) {
        return c >= 0xA0 && c <= 0x52F && c != 0xA9 && c != 0xAD && c != 0xAE && !(c >= 0x300 && c <= 0x36F) &&
               !(c >= 0x483 && c <= 0x489);
    }
    return c >= 0x2010 && c <= 0x205F && !(c >= 0x2028 && c <= 0x202E) && c != 0x203C && c != 0x2049;
}

// The length in bytes of the code point at `pos` when it is plain (above), else 0; `cp` gets it.
[[nodiscard]] inline std::size_t plain_code_point_at(std::string_view text, std::size_t pos, std::size_t end,
                                                     char32_t& cp) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead >= 0xC2 && lead <= 0xD4 && pos + 1 < end) {
        cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (static_cast<unsigned char>(text[pos + 1]) & 0x3F);
        return is_plain_code_point(cp) ? 2 : 0;
    }
    if (lead == 0xE2 && pos + 2 < end) {
        cp = (static_cast<char32_t>(lead & 0x0F) << 12) |
             (static_cast<char32_t>(static_cast<unsigned char>(text[pos + 1]) & 0x3F) << 6) |
             (static_cast<unsigned char>(text[pos + 2]) & 0x3F);
        return is_plain_code_point(cp) ? 3 : 0;
    }
    return 0;
}

// Walks the clusters of valid UTF-8 text[.., end) forward from a cluster boundary. ASCII followed
// by ASCII is decided without a lookup; any other stretch goes through libunibreak in windows
// that end at the next ASCII byte, so Latin text with a few accents stays on the fast path and a
// CJK line is analysed once, not once per cluster.
class GraphemeScanner {
public:
    GraphemeScanner(std::string_view text, std::size_t end) : text_(text), end_(end) {}

    // One past the last byte of the cluster that starts at `pos` < end. `pos` must be a cluster
    // boundary: the start of the text, a paragraph start, or a value this function returned.
    // Calls go forward (a call before the current window recomputes it, correctly but slower).
    [[nodiscard]] std::size_t cluster_end(std::size_t pos);

private:
    void analyse(std::size_t pos);

    std::string_view text_;
    std::size_t end_;
    std::size_t window_start_ = 0, window_end_ = 0;  // brks_ holds libunibreak's answers for this range
    std::vector<char> brks_;
};

// The start of the cluster holding byte `b` (b itself when it starts one), looking no further back
// than `floor`, which must be a cluster boundary (e.g. a paragraph start). Costs the distance to
// the nearest earlier code point that starts a cluster whatever comes before it (a letter, a digit,
// a space, punctuation: almost always the previous one or two).
[[nodiscard]] std::size_t grapheme_start(std::string_view text, std::size_t floor, std::size_t b);

// `b` when it is a cluster boundary, else the end of the cluster holding byte `b`; `floor` as
// above, `ceiling` (a cluster boundary after b, e.g. a paragraph end) bounds the scan.
[[nodiscard]] std::size_t grapheme_end(std::string_view text, std::size_t floor, std::size_t b,
                                       std::size_t ceiling);

}  // namespace inkspan
