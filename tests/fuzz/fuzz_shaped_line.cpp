// libFuzzer target: bidi, itemizing, shaping and hit-testing of one line of arbitrary valid UTF-8
// (the first byte picks the paragraph direction and where the line starts and ends), drawn with
// Noto Sans, Arabic and Devanagari (Debian's fonts-noto-core, read once at start-up: noto_fonts.h).
// Invariants are checked with __builtin_trap so they hold in release-like builds too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/shaped_line.h"
#include "core/utf8.h"
#include "noto_fonts.h"

using namespace inkspan;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view utf8(reinterpret_cast<const char*>(data + 1), size - 1);
    if (find_invalid_utf8(utf8)) return 0;
    fuzz::NotoFonts& f = fuzz::noto_fonts();
    if (f.chain.empty()) return 0;
    std::u32string text;
    for (std::size_t pos = 0; pos < utf8.size();) text.push_back(decode_utf8(utf8, pos));

    const DirectionChoice choice = static_cast<DirectionChoice>(data[0] % 3);
    const BidiParagraph bidi(text, choice);
    const std::size_t start = text.empty() ? 0 : (data[0] / 3) % (text.size() + 1);
    const std::size_t end = text.size() - (text.empty() ? 0 : (data[0] / 7) % (text.size() - start + 1));
    const ShapedLine line(f.shaper, text, bidi, start, end, f.chain, 16.0f);

    // Clusters: left to right without gaps from 0 to the width; together every code point once.
    const std::vector<ShapedCluster>& clusters = line.clusters();
    check(clusters.empty() == (start >= end));
    std::vector<int> drawn(text.size(), 0);
    float x = 0.0f;
    for (const ShapedCluster& c : clusters) {
        check(start <= c.cp_start && c.cp_start < c.cp_end && c.cp_end <= end);
        check(c.x0 == x);
        x = c.x1;
        for (std::size_t i = c.cp_start; i < c.cp_end; ++i) ++drawn[i];
    }
    check(x == line.width());
    for (std::size_t i = 0; i < text.size(); ++i) check(drawn[i] == (i >= start && i < end ? 1 : 0));

    // Offset → box → offset on every cluster boundary with a width; spans stay on the line.
    for (std::size_t cp = start; cp < end; ++cp) {
        const std::optional<ShapedCluster> box = line.box_of(cp);
        check(box && box->cp_start <= cp && cp < box->cp_end);
        if (box->cp_start != cp || !(box->x1 > box->x0)) continue;
        const bool monotone = std::is_sorted(clusters.begin(), clusters.end(),
                                             [](const ShapedCluster& a, const ShapedCluster& b) { return a.x1 < b.x1; });
        if (monotone) check(line.cluster_at((box->x0 + box->x1) / 2)->cp_start == cp);
    }
    for (std::size_t cp = start; cp <= end; ++cp) check(0.0f <= line.caret_x(cp) && line.caret_x(cp) <= line.width());
    for (const LineSpan& span : line.range_spans(start, end)) check(0.0f <= span.x0 && span.x0 <= span.x1);
    return 0;
}
