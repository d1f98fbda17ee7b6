// libFuzzer target: TextLayout with shaping over arbitrary valid UTF-8 (several paragraphs, any
// mix of scripts and directions). The first byte picks the paragraph direction and the wrap width.
// Checks what the text view relies on: lines tile the text, caret stops move forward and back
// within the text, every caret offset's box hits that offset's cluster again, range boxes lie on
// their lines. Noto Sans, Arabic and Devanagari (Debian's fonts-noto-core, read once).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_layout.h"
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
    LayoutStyle style;
    style.wrap_width = 40.0f + static_cast<float>(data[0] / 3) * 4.0f;
    style.line_height = 20.0f;
    TextLayout layout(std::string(utf8), GlyphAdvances([](char32_t) { return 8.0f; }), style);
    layout.set_shaping({&f.shaper, f.chain, 14.0f, static_cast<DirectionChoice>(data[0] % 3)});

    const std::vector<LayoutLine> lines = layout.visible_lines(-1.0f, 1e12f);
    check(!lines.empty());
    check(lines.front().cp_start == 0);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        check(lines[i + 1].cp_start >= lines[i].cp_end && lines[i + 1].cp_start <= lines[i].cp_end + 2);
    check(lines.back().cp_end == layout.code_point_count());

    const std::size_t n = layout.code_point_count();
    std::u32string cps;
    for (std::size_t pos = 0; pos < utf8.size();) cps.push_back(decode_utf8(utf8, pos));
    std::size_t steps = 0;
    for (std::size_t cp = 0; cp < n; ++steps) {
        const std::size_t next = layout.next_caret_stop(cp);
        check(next > cp && next <= n);
        check(layout.prev_caret_stop(next) <= cp || layout.prev_caret_stop(next) < next);
        const bool terminator = cps[cp] == U'\n' || cps[cp] == U'\r';  // its box is past the line's end
        for (const LayoutRect& r : layout.range_rects(cp, next)) {
            check(r.x1 >= r.x0 && r.y1 > r.y0);
            if (r.x1 - r.x0 < 0.5f || terminator) continue;
            const auto hit = layout.char_at((r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f);
            check(hit.has_value());
            check(hit->cp_start < next && hit->cp_end > cp);  // the cluster of cp (a stop inside it is snapped)
            const TextHit t = layout.hit_test((r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f);
            check(t.cp <= n);
        }
        const CaretBox caret = layout.caret_position(cp);
        check(caret.height > 0.0f);
        cp = next;
        if (steps > 100000) break;
    }
    return 0;
}
