#pragma once
// Extended grapheme clusters (UAX #29, libunibreak's rules and Unicode 15.1 data, GB9c included):
// what a caret never enters, a line never splits and a span never cuts. Emoji ZWJ sequences, flags,
// skin tones, Hangul jamo syllables, base + combining marks, Devanagari consonant + virama +
// consonant, CR LF.
#include <cstddef>
#include <string_view>
#include <vector>

namespace inkspan {

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
