// TextLayout with shaping (issue 13): paragraphs in complex scripts and right-to-left text are
// shaped with HarfBuzz and ordered with FriBidi, and every geometry query (lines, hit tests,
// carets, range boxes, caret stops) answers from the shaped clusters. Real fonts: Debian's Noto.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text_layout.h"
#include "core/text_shaper.h"
#include "shaping_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

constexpr float kEm = 20.0f;
constexpr float kWidth = 400.0f;

// Noto Sans (Latin) first, then Arabic, Devanagari, Thai: the order the app's fallbacks have.
struct Fonts {
    std::vector<unsigned char> latin = read_font(kNotoLatin), arabic = read_font(kNotoArabic),
                               deva = read_font(kNotoDevanagari), thai = read_font(kNotoThai);
    TextShaper shaper;
    std::vector<FontId> ids;
    Fonts() {
        for (auto* bytes : {&latin, &arabic, &deva, &thai}) {
            REQUIRE_MESSAGE(!bytes->empty(), "Noto fonts missing: scripts/setup.sh native installs fonts-noto-core");
            ids.push_back(*shaper.add_font(*bytes));
        }
    }
    // What a font-less layout measures with: the Latin font's advances through the shaper, so the
    // plain path and the shaped path can be compared.
    GlyphAdvances advances() {
        return GlyphAdvances([this](char32_t c) {
            const std::u32string one(1, c);
            const auto glyphs = shaper.shape({one, 0, 1, TextDirection::ltr, 0, {}, ids[0], kEm});
            return glyphs.empty() ? 0.0f : glyphs[0].x_advance;
        });
    }
    ShapingOptions options() { return ShapingOptions{&shaper, ids, kEm, DirectionChoice::automatic}; }
};

TextLayout make(Fonts& fonts, std::string text, bool shaping = true, float width = kWidth) {
    LayoutStyle style;
    style.wrap_width = width;
    style.line_height = 30.0f;
    TextLayout layout(std::move(text), fonts.advances(), style);
    if (shaping) layout.set_shaping(fonts.options());
    return layout;
}

std::vector<LayoutLine> all_lines(TextLayout& layout) { return layout.visible_lines(-1.0f, 1e12f); }

std::size_t cp_of(const std::string& text, std::string_view needle) {
    const std::size_t byte = text.find(needle);
    REQUIRE(byte != std::string::npos);
    return code_points(std::string_view(text).substr(0, byte)).size();
}
std::size_t cp_len(std::string_view s) { return code_points(s).size(); }

// Offset → box → offset on every caret stop of the text: the middle of the box of the cluster at
// a stop hits that cluster again, and clicking on its leading half gives the stop back.
std::size_t check_round_trip(TextLayout& layout) {
    std::size_t checked = 0;
    for (std::size_t cp = 0; cp < layout.code_point_count(); cp = layout.next_caret_stop(cp)) {
        const std::size_t next = layout.next_caret_stop(cp);
        const auto rects = layout.range_rects(cp, next);
        REQUIRE(rects.size() == 1);
        const LayoutRect& r = rects.front();
        if (r.x1 - r.x0 < 0.5f) continue;  // a zero-width cluster (a joiner) cannot be clicked
        const float mid_y = (r.y0 + r.y1) * 0.5f;
        const auto hit = layout.char_at((r.x0 + r.x1) * 0.5f, mid_y);
        REQUIRE(hit.has_value());
        CHECK(hit->cp_start == cp);
        CHECK(hit->cp_end == next);
        // The caret before cp sits on one of the box's edges.
        const CaretBox caret = layout.caret_position(cp);
        CHECK((std::abs(caret.x - r.x0) < 0.01f || std::abs(caret.x - r.x1) < 0.01f));
        const float leading = std::abs(caret.x - r.x0) < 0.01f ? r.x0 + 0.25f * (r.x1 - r.x0) : r.x1 - 0.25f * (r.x1 - r.x0);
        CHECK(layout.hit_test(leading, mid_y).cp == cp);
        ++checked;
    }
    return checked;
}

}  // namespace

TEST_CASE("shaped layout: Latin paragraphs keep the plain path, identical to a layout without shaping") {
    Fonts fonts;
    const std::string text = "Le ministre des Affaires étrangères a rencontré son homologue à Istanbul, « mardi ».\nDeux.";
    TextLayout plain = make(fonts, text, false), shaped = make(fonts, text, true);
    const auto a = all_lines(plain), b = all_lines(shaped);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].cp_start == b[i].cp_start);
        CHECK(a[i].width == b[i].width);
        CHECK(b[i].x == 0.0f);
        CHECK(b[i].shaped == nullptr);
    }
}

TEST_CASE("shaped layout: an Arabic paragraph is shaped, right to left, aligned right") {
    Fonts fonts;
    const std::string text = "التقى وزير الخارجية سيرغي لافروف في إسطنبول";
    TextLayout layout = make(fonts, text);
    const auto lines = all_lines(layout);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].shaped != nullptr);
    CHECK(lines[0].rtl);
    CHECK(lines[0].x + lines[0].width == doctest::Approx(kWidth));
    // Right to left: the first word is at the right end, the last at the left.
    const auto first = layout.range_rects(0, cp_len("التقى"));
    const auto last = layout.range_rects(cp_of(text, "إسطنبول"), layout.code_point_count());
    REQUIRE(first.size() == 1);
    REQUIRE(last.size() == 1);
    CHECK(first[0].x1 == doctest::Approx(kWidth));
    CHECK(last[0].x1 < first[0].x0);
    // Joined: the shaped word is narrower than its letters' isolated forms side by side would be
    // not a claim we can make in general, but the glyph of the first letter differs from its
    // isolated form: shaping happened (checked against hb-shape in test_text_shaper.cpp).
    CHECK(check_round_trip(layout) >= 30);
}

TEST_CASE("shaped layout: a Latin name and digits inside Arabic are in visual order; a span across the boundary is two boxes") {
    Fonts fonts;
    const std::string text = "قال Sergei Lavrov يوم 12 مارس";
    TextLayout layout = make(fonts, text);
    const std::size_t latin = cp_of(text, "Sergei"), latin_end = latin + cp_len("Sergei Lavrov");
    const auto name = layout.range_rects(latin, latin_end);
    REQUIRE(name.size() == 1);  // one left-to-right stretch
    const auto sergei = layout.range_rects(latin, latin + 6), lavrov = layout.range_rects(latin_end - 6, latin_end);
    CHECK(sergei[0].x0 < lavrov[0].x0);  // Latin reads left to right inside the right-to-left line
    const auto qala = layout.range_rects(0, 3);
    CHECK(qala[0].x0 > name[0].x1);  // the first Arabic word is right of the name
    // "12" left to right, right of the last word "مارس" (which follows it logically).
    const std::size_t digits = cp_of(text, "12");
    const auto twelve = layout.range_rects(digits, digits + 2);
    const auto march = layout.range_rects(cp_of(text, "مارس"), layout.code_point_count());
    CHECK(twelve[0].x0 > march[0].x1);
    // A span from inside "قال" into "Sergei" covers two separate stretches of the line.
    const auto across = layout.range_rects(1, latin + 3);
    CHECK(across.size() == 2);
    CHECK(check_round_trip(layout) >= 20);
}

TEST_CASE("shaped layout: a wrapped Hindi paragraph — lines fit, carets never inside a conjunct, round trip") {
    Fonts fonts;
    std::string text;
    for (int i = 0; i < 6; ++i) text += "विदेश मंत्री सर्गेई लावरोव ने क्षेत्रीय सुरक्षा पर बात की। ";
    TextLayout layout = make(fonts, text, true, 300.0f);
    const auto lines = all_lines(layout);
    REQUIRE(lines.size() > 2);
    for (const LayoutLine& l : lines) {
        REQUIRE(l.shaped != nullptr);
        CHECK_FALSE(l.rtl);
        CHECK(l.x == 0.0f);
        // Trailing spaces may hang; what is left fits.
        const std::string_view s = layout.line_text(l);
        const std::size_t trimmed = s.find_last_not_of(' ') + 1;
        const std::size_t end = l.cp_start + cp_len(s.substr(0, trimmed));
        const auto rects = layout.range_rects(l.cp_start, end);
        REQUIRE(!rects.empty());
        CHECK(rects.back().x1 <= 300.0f + 0.01f);
    }
    CHECK(lines.back().cp_end == layout.code_point_count());
    // "क्ष" (KA, VIRAMA, SSA) is one cluster: no caret stop inside it.
    const std::size_t ksha = cp_of(text, "क्ष");
    CHECK(layout.next_caret_stop(ksha) >= ksha + 3);
    CHECK(check_round_trip(layout) >= 100);
}

TEST_CASE("shaped layout: Thai marks stay on their consonant; NUL in a shaped paragraph is a control picture") {
    Fonts fonts;
    const std::string text = std::string("นายกรัฐมนตรี") + '\0' + "ไทย";
    TextLayout layout = make(fonts, text);
    const auto lines = all_lines(layout);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].shaped != nullptr);
    // ั (U+0E31) above ร: the caret skips from before ร to after ั.
    const std::size_t ra = cp_of(text, "รั");
    CHECK(layout.next_caret_stop(ra) == ra + 2);
    const std::size_t nul = cp_of(text, std::string_view("\0", 1));
    const auto box = layout.range_rects(nul, nul + 1);
    REQUIRE(box.size() == 1);
    CHECK(box[0].x1 - box[0].x0 > 1.0f);  // drawn visibly, like the plain path's ␀
    CHECK(check_round_trip(layout) >= 10);
}

TEST_CASE("shaped layout: a forced direction overrides the first strong character") {
    Fonts fonts;
    const std::string text = "Lavrov لافروف";
    TextLayout automatic = make(fonts, text);
    CHECK_FALSE(all_lines(automatic)[0].rtl);
    TextLayout forced = make(fonts, text, false);
    ShapingOptions options = fonts.options();
    options.direction = DirectionChoice::rtl;
    forced.set_shaping(options);
    const auto lines = all_lines(forced);
    CHECK(lines[0].rtl);
    CHECK(lines[0].x + lines[0].width == doctest::Approx(kWidth));
    // In a right-to-left paragraph the Latin word (logically first) is at the right end.
    CHECK(forced.range_rects(0, 6)[0].x0 > forced.range_rects(7, 13)[0].x1);
}
