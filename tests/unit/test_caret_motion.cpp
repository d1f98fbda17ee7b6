// The keyboard caret's moves (issue 19): clusters, words, line and document ends, lines up and
// down at a kept x, pages; right to left by the paragraph's direction. Fake advances (every code
// point 10 px, a space 5 px) for Latin; Debian's Noto Arabic for the right-to-left paragraph.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/caret_motion.h"
#include "core/text_index.h"
#include "core/text_layout.h"
#include "core/text_shaper.h"
#include "shaping_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

struct Latin {
    std::string text;
    TextIndex index;
    TextLayout layout;
    Latin(std::string t, float width)
        : text(std::move(t)), index(text), layout(text, GlyphAdvances([](char32_t c) { return c == U' ' ? 5.0f : 10.0f; }),
                                                  LayoutStyle{width, 20.0f, 0.0f}) {}
    Caret go(Caret c, CaretMove m, float page = 0) { return move_caret(layout, text, index, c, m, page); }
    std::size_t cp_of(std::string_view needle) const { return index.byte_to_code_point(text, text.find(needle)); }
};

}  // namespace

TEST_CASE("caret: Right and Left step over whole clusters (e + combining acute, a flag) and stop at the ends") {
    Latin t("ae\u0301b\U0001F1EB\U0001F1F7c", 0);  // a é b 🇫🇷 c: code points a e ◌́ b F R c
    Caret c{};
    std::vector<std::size_t> stops;
    for (int i = 0; i < 6; ++i) stops.push_back((c = t.go(c, CaretMove::Right)).cp);
    CHECK(stops == std::vector<std::size_t>{1, 3, 4, 6, 7, 7});
    std::vector<std::size_t> back;
    for (int i = 0; i < 6; ++i) back.push_back((c = t.go(c, CaretMove::Left)).cp);
    CHECK(back == std::vector<std::size_t>{6, 4, 3, 1, 0, 0});
}

TEST_CASE("caret: word moves go to word ends forwards and word starts backwards, skipping spaces and punctuation") {
    Latin t("Le ministre, « Alexandre Darchiev », a dit.", 0);
    Caret c{};
    std::vector<std::size_t> ends;
    for (int i = 0; i < 7; ++i) ends.push_back((c = t.go(c, CaretMove::WordRight)).cp);
    const std::size_t n = t.index.code_point_count();
    CHECK(ends == std::vector<std::size_t>{2, 11, t.cp_of("Alexandre") + 9, t.cp_of(" Darchiev") + 9, t.cp_of(" a ") + 2,
                                           n - 1, n});
    std::vector<std::size_t> starts;
    for (int i = 0; i < 3; ++i) starts.push_back((c = t.go(c, CaretMove::WordLeft)).cp);
    CHECK(starts == std::vector<std::size_t>{t.cp_of("dit"), t.cp_of(" a ") + 1, t.cp_of("Darchiev")});
    // From inside a word: that word's ends.
    const std::size_t inside = t.cp_of("nistre");
    CHECK(t.go({inside}, CaretMove::WordRight).cp == 11);
    CHECK(t.go({inside}, CaretMove::WordLeft).cp == 3);
}

TEST_CASE("caret: Home and End are the wrapped line's ends (End stays on its line); Ctrl+Home/End the text's") {
    // 100 px lines: "aaaa bbbb " (85 px) then "cccc dddd" — a soft wrap after the second space.
    Latin t("aaaa bbbb cccc dddd", 100);
    const Caret end = t.go({t.cp_of("bb")}, CaretMove::LineEnd);
    CHECK(end.cp == 10);
    CHECK(end.upstream);
    CHECK(t.layout.caret_position(end.cp, end.upstream).y == t.layout.caret_position(0).y);  // drawn on the first line
    CHECK(t.go({t.cp_of("dd")}, CaretMove::LineStart).cp == 10);
    CHECK(t.go({t.cp_of("dd")}, CaretMove::LineEnd).cp == 19);
    CHECK(t.go({t.cp_of("bb")}, CaretMove::DocumentEnd).cp == 19);
    CHECK(t.go({t.cp_of("dd")}, CaretMove::DocumentStart).cp == 0);
}

TEST_CASE("caret: Down and Up keep the x of the first vertical move across a shorter line") {
    Latin t("aaaaaaaa\nbb\ncccccccc", 0);
    Caret c{6};                             // x = 60 on the first line
    c = t.go(c, CaretMove::Down);
    CHECK(c.cp == 11);                      // the short line's end (x 20)
    CHECK(c.goal_x == doctest::Approx(60.0f));
    c = t.go(c, CaretMove::Down);
    CHECK(c.cp == 12 + 6);                  // back at x = 60
    c = t.go(c, CaretMove::Up);
    c = t.go(c, CaretMove::Up);
    CHECK(c.cp == 6);
    CHECK(t.go(c, CaretMove::Up).cp == 0);  // on the first line: to the text's start
    CHECK(t.go({18}, CaretMove::Down).cp == t.index.code_point_count());
    // A horizontal move forgets the kept x.
    CHECK_FALSE(t.go(c, CaretMove::Right).goal_x.has_value());
}

TEST_CASE("caret: PageDown and PageUp move by the page height at the kept x") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "line" + std::to_string(10 + i) + "\n";  // 7 code points a line
    Latin t(text, 0);
    const Caret c = t.go({2}, CaretMove::PageDown, 200.0f);  // ten 20 px lines down
    CHECK(c.cp == 10 * 7 + 2);
    CHECK(t.go(c, CaretMove::PageUp, 200.0f).cp == 2);
    CHECK(t.go(c, CaretMove::PageUp, 1000.0f).cp == 0);
    CHECK(t.go(c, CaretMove::PageDown, 10000.0f).cp == t.index.code_point_count());
}

TEST_CASE("caret: in a right-to-left Arabic paragraph Left moves leftwards on screen, forwards in reading order") {
    const std::vector<unsigned char> arabic = read_font(kNotoArabic), latin = read_font(kNotoLatin);
    REQUIRE_MESSAGE(!arabic.empty(), "Noto fonts missing: scripts/setup.sh installs fonts-noto-core");
    TextShaper shaper;
    const std::vector<FontId> ids{*shaper.add_font(latin), *shaper.add_font(arabic)};
    const std::string text = "التقى وزير الخارجية سيرغي لافروف";
    const TextIndex index(text);
    TextLayout layout(text, GlyphAdvances([](char32_t) { return 10.0f; }), LayoutStyle{600.0f, 30.0f, 0.0f});
    layout.set_shaping(ShapingOptions{&shaper, ids, 20.0f, DirectionChoice::automatic});
    REQUIRE(layout.visible_lines(0, 1)[0].rtl);

    Caret c{};
    float x = layout.caret_position(0).x;
    while (c.cp < index.code_point_count()) {
        const Caret next = move_caret(layout, text, index, c, CaretMove::Left);
        CHECK(next.cp == layout.next_caret_stop(c.cp));
        const float nx = layout.caret_position(next.cp).x;
        CHECK(nx < x);
        c = next;
        x = nx;
    }
    CHECK(move_caret(layout, text, index, c, CaretMove::Right).cp == layout.prev_caret_stop(c.cp));
    // Ctrl+Left: the end of the first word (its left edge on screen).
    CHECK(move_caret(layout, text, index, Caret{}, CaretMove::WordLeft).cp == 5);
    CHECK(move_caret(layout, text, index, Caret{5}, CaretMove::WordRight).cp == 0);
}
