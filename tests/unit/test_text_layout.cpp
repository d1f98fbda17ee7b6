#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/height_index.h"
#include "core/text_index.h"
#include "core/text_layout.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

// Every code point 10 px, a space 5 px (so a tab is 20 px); the layout itself zeroes marks and ZWJ.
GlyphAdvances fake_advances() {
    return GlyphAdvances([](char32_t c) { return c == U' ' ? 5.0f : 10.0f; });
}

TextLayout make_layout(std::string text, float width, ExtraAboveFn extra = {}) {
    LayoutStyle style;
    style.wrap_width = width;
    style.line_height = 20.0f;
    return TextLayout(std::move(text), fake_advances(), style, std::move(extra));
}

std::vector<LayoutLine> all_lines(TextLayout& layout) { return layout.visible_lines(-1.0f, 1e12f); }

struct Range {
    std::size_t start, end;
};
std::vector<Range> line_ranges(TextLayout& layout) {
    std::vector<Range> out;
    for (const LayoutLine& l : all_lines(layout)) out.push_back({l.cp_start, l.cp_end});
    return out;
}
bool operator==(const Range& a, const Range& b) { return a.start == b.start && a.end == b.end; }
doctest::String toString(const Range& r) {
    return ("[" + std::to_string(r.start) + "," + std::to_string(r.end) + ")").c_str();
}

}  // namespace

TEST_CASE("HeightIndex agrees with linear prefix sums") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> h(1.0, 50.0);
    std::vector<double> values(1000);
    for (double& v : values) v = h(rng);
    HeightIndex index;
    index.assign(values);
    for (int round = 0; round < 500; ++round) {
        const std::size_t i = rng() % values.size();
        values[i] = h(rng);
        index.set(i, values[i]);
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        CHECK(index.prefix(i) == doctest::Approx(sum));
        CHECK(index.find(sum + values[i] * 0.5) == i);
        sum += values[i];
    }
    CHECK(index.total() == doctest::Approx(sum));
    CHECK(index.find(-5.0) == 0);
    CHECK(index.find(sum + 1.0) == values.size() - 1);
}

TEST_CASE("lines break after spaces at the exact points, trailing spaces hang") {
    auto layout = make_layout("aaaa bbbb cc dd", 100.0f);
    auto lines = all_lines(layout);
    REQUIRE(lines.size() == 2);
    CHECK(Range{lines[0].cp_start, lines[0].cp_end} == Range{0, 10});  // "aaaa bbbb "
    CHECK(lines[0].width == 90.0f);
    CHECK_FALSE(lines[0].ends_paragraph);
    CHECK(Range{lines[1].cp_start, lines[1].cp_end} == Range{10, 15});
    CHECK(lines[1].width == 45.0f);
    CHECK(lines[1].ends_paragraph);
    CHECK(lines[1].y == 20.0f);
    CHECK(layout.line_text(lines[1]) == "cc dd");
    CHECK(layout.total_height() == 40.0f);

    auto exact = make_layout("aaaa bbbbb", 95.0f);  // exactly the width: fits
    CHECK(line_ranges(exact) == std::vector<Range>{{0, 10}});

    auto hanging = make_layout("aaaa      bbbb", 50.0f);  // 6 spaces go past 50 px and stay
    CHECK(line_ranges(hanging) == std::vector<Range>{{0, 10}, {10, 14}});

    auto tabs = make_layout("a\tb", 0.0f);  // tab = 4 spaces; width 0 = no wrapping
    CHECK(all_lines(tabs)[0].width == 40.0f);
    CHECK(layout.caret_position(15).x == 45.0f);
}

TEST_CASE("LF, CRLF and CR are hard breaks; blank lines have height") {
    auto layout = make_layout("ab\ncd\r\nef\rgh", 1000.0f);
    CHECK(layout.paragraph_count() == 4);
    CHECK(line_ranges(layout) == std::vector<Range>{{0, 2}, {3, 5}, {7, 9}, {10, 12}});
    auto lines = all_lines(layout);
    CHECK(lines[2].byte_start == 7);
    CHECK(lines[3].y == 60.0f);
    CHECK(layout.total_height() == 80.0f);

    auto blank = make_layout("a\n\nb\n", 1000.0f);  // a final terminator opens an empty last paragraph
    CHECK(line_ranges(blank) == std::vector<Range>{{0, 1}, {2, 2}, {3, 4}, {5, 5}});
    CHECK(blank.total_height() == 80.0f);
    CHECK(blank.caret_position(2).y == 20.0f);
    CHECK(blank.hit_test(50.0f, 25.0f).cp == 2);

    auto empty = make_layout("", 100.0f);
    CHECK(line_ranges(empty) == std::vector<Range>{{0, 0}});
    CHECK(empty.total_height() == 20.0f);
    CHECK(empty.hit_test(10.0f, 10.0f).cp == 0);
    CHECK(empty.caret_position(5).x == 0.0f);

    // The caret never sits inside CRLF and crosses it in one step.
    CHECK(layout.next_caret_stop(5) == 7);
    CHECK(layout.prev_caret_stop(7) == 5);
    CHECK(layout.prev_caret_stop(6) == 5);
    CHECK(layout.caret_position(6).y == 20.0f);
    CHECK(layout.caret_position(6).x == 20.0f);
}

TEST_CASE("a word wider than the line breaks between characters") {
    auto layout = make_layout("abcdefgh", 35.0f);
    CHECK(line_ranges(layout) == std::vector<Range>{{0, 3}, {3, 6}, {6, 8}});
    auto moved = make_layout("xx abcdefgh", 35.0f);  // the long word first moves to its own line
    CHECK(line_ranges(moved) == std::vector<Range>{{0, 3}, {3, 6}, {6, 9}, {9, 11}});
    auto narrow = make_layout("ab", 5.0f);  // one cluster per line at least
    CHECK(line_ranges(narrow) == std::vector<Range>{{0, 1}, {1, 2}});
}

TEST_CASE("combining marks, ZWJ sequences, skin tones and flags are one caret stop") {
    // e + U+0301 | woman ZWJ laptop | x | flag FR | y | thumbs up + skin tone
    auto layout = make_layout("e\u0301👩\u200D💻x🇫🇷y👍🏽", 0.0f);
    CHECK(layout.code_point_count() == 11);
    const std::vector<std::size_t> stops = {0, 2, 5, 6, 8, 9, 11};
    std::vector<std::size_t> forward = {0};
    while (forward.back() < 11) forward.push_back(layout.next_caret_stop(forward.back()));
    CHECK(forward == stops);
    std::vector<std::size_t> backward = {11};
    while (backward.back() > 0) backward.push_back(layout.prev_caret_stop(backward.back()));
    CHECK(std::vector<std::size_t>(backward.rbegin(), backward.rend()) == stops);

    std::set<std::size_t> stop_set(stops.begin(), stops.end());
    for (float x = -5.0f; x < 120.0f; x += 0.5f) CHECK(stop_set.count(layout.hit_test(x, 10.0f).cp) == 1);

    const float xs[] = {0, 10, 30, 40, 60, 70, 80};  // marks, ZWJ, skin tone 0 px; emoji 10 px each
    for (std::size_t i = 0; i < stops.size(); ++i) CHECK(layout.caret_position(stops[i]).x == xs[i]);
    CHECK(layout.caret_position(1).x == 0.0f);   // inside a cluster: its start
    CHECK(layout.caret_position(3).x == 10.0f);
    auto hover = layout.char_at(15.0f, 10.0f);
    REQUIRE(hover.has_value());
    CHECK(Range{hover->cp_start, hover->cp_end} == Range{2, 5});
    auto rects = layout.range_rects(1, 3);  // partial clusters are covered whole
    REQUIRE(rects.size() == 1);
    CHECK(rects[0].x0 == 0.0f);
    CHECK(rects[0].x1 == 30.0f);

    CHECK(layout.caret_position(11).x == 80.0f);  // a skin tone advances 0, like any extender
    CHECK_FALSE(all_lines(layout)[0].plain);
    auto plain = make_layout("plain é ’ text\nmore e\u0301", 60.0f);  // only the last line has a mark
    auto plain_lines = all_lines(plain);
    REQUIRE(plain_lines.size() == 4);
    CHECK(plain_lines[0].plain);
    CHECK(plain_lines[1].plain);
    CHECK(plain_lines[2].plain);
    CHECK_FALSE(plain_lines[3].plain);

    auto fits = make_layout("aaae\u0301", 40.0f);  // a mark never starts a line
    CHECK(line_ranges(fits) == std::vector<Range>{{0, 5}});
    auto chars = make_layout("ab\u0301c", 10.0f);
    CHECK(line_ranges(chars) == std::vector<Range>{{0, 1}, {1, 3}, {3, 4}});
    auto emoji = make_layout("👩\u200D💻👩\u200D💻", 25.0f);
    CHECK(line_ranges(emoji) == std::vector<Range>{{0, 3}, {3, 6}});
}

TEST_CASE("point -> offset -> point round trips, soft wraps included") {
    auto layout = make_layout("The quick brown fox\njumps over the lazy dog.\r\n\r\nEnd é😀 x\u0301 z", 60.0f);
    const std::size_t n = layout.code_point_count();
    for (std::size_t cp = 0; cp < n; cp = layout.next_caret_stop(cp)) {
        CaretBox c = layout.caret_position(cp);
        TextHit h = layout.hit_test(c.x + 0.01f, c.y + 1.0f);
        CHECK(h.cp == cp);
        CHECK_FALSE(h.upstream);
        CaretBox up = layout.caret_position(cp, true);
        TextHit hu = layout.hit_test(up.x + 0.01f, up.y + 1.0f);
        CHECK(hu.cp == cp);
        if (up.y != c.y) CHECK(hu.upstream);  // a soft-wrap point shown at the earlier line's end
    }
    for (const LayoutLine& l : all_lines(layout)) {
        TextHit past = layout.hit_test(1000.0f, l.y + 5.0f);  // past the end -> end of that line
        CHECK(past.cp == l.cp_end);
        CHECK(past.upstream == !l.ends_paragraph);
        CHECK(layout.caret_position(past.cp, past.upstream).y == l.y);
        CHECK(layout.hit_test(-50.0f, l.y).cp == l.cp_start);
    }
    CHECK(layout.hit_test(3.0f, -100.0f).cp == 0);  // above the text: first line
    CHECK(layout.hit_test(1000.0f, 1e6f).cp == n);  // below: last line
    for (float y = 0.0f; y < layout.total_height(); y += 3.0f) {
        for (float x = -3.0f; x < 70.0f; x += 2.5f) {
            TextHit h = layout.hit_test(x, y);
            CaretBox c = layout.caret_position(h.cp, h.upstream);
            CHECK(c.y <= y);
            CHECK(y < c.y + c.height);
            TextHit again = layout.hit_test(c.x, c.y);
            CHECK(again.cp == h.cp);
        }
    }
}

TEST_CASE("range_rects gives one rectangle per line, newlines as a space-wide box") {
    auto layout = make_layout("aaaa bbbb cc dd", 100.0f);
    auto rects = layout.range_rects(2, 12);
    REQUIRE(rects.size() == 2);
    CHECK(rects[0].x0 == 20.0f);
    CHECK(rects[0].x1 == 90.0f);
    CHECK(rects[0].y0 == 0.0f);
    CHECK(rects[0].y1 == 20.0f);
    CHECK(rects[1].x0 == 0.0f);
    CHECK(rects[1].x1 == 20.0f);
    CHECK(rects[1].y0 == 20.0f);
    CHECK(layout.range_rects(12, 2).size() == 2);  // reversed range
    CHECK(layout.range_rects(4, 4).empty());
    CHECK(layout.range_rects(2, 12, 20.0f, 40.0f).size() == 1);  // clipped to the second line

    auto paras = make_layout("ab\n\ncd", 100.0f);
    rects = paras.range_rects(1, 5);
    REQUIRE(rects.size() == 3);
    CHECK(rects[0].x0 == 10.0f);
    CHECK(rects[0].x1 == 25.0f);  // "b" + the newline
    CHECK(rects[1].x0 == 0.0f);   // the blank line shows as selected
    CHECK(rects[1].x1 == 5.0f);
    CHECK(rects[2].x0 == 0.0f);
    CHECK(rects[2].x1 == 10.0f);
    CHECK(rects[2].y0 == 40.0f);
}

TEST_CASE("only the visible paragraphs are laid out") {
    std::string text;
    for (int p = 0; p < 1000; ++p) text += "paragraph " + std::to_string(p) + " has some words in it to wrap\n";
    auto layout = make_layout(text, 150.0f);
    CHECK(layout.stats().paragraphs_broken == 0);
    const float estimated = layout.total_height();
    CHECK(estimated > 1000 * 20.0f);

    const float y0 = estimated / 2;
    auto lines = layout.visible_lines(y0, y0 + 200.0f);
    const std::size_t broken = layout.stats().paragraphs_broken;
    CHECK(broken >= 2);
    CHECK(broken <= 6);  // 10 lines of 20 px, 3 to 4 lines per paragraph
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().top <= y0);
    CHECK(lines.back().top + lines.back().height > y0 + 180.0f);
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].top == lines[i - 1].top + 20.0f);
    CHECK(lines.front().paragraph > 400);
    CHECK(lines.front().paragraph < 600);

    (void)layout.visible_lines(y0, y0 + 200.0f);  // cached: nothing more to lay out
    CHECK(layout.stats().paragraphs_broken == broken);
    (void)layout.hit_test(30.0f, y0 + 50.0f);
    (void)layout.caret_position(lines.front().cp_start);
    CHECK(layout.stats().paragraphs_broken == broken);
}

TEST_CASE("lay_out_between lays out the paragraphs a later visible_lines of that range needs, and no others") {
    std::string text;
    for (int p = 0; p < 1000; ++p) text += "paragraph " + std::to_string(p) + " has some words in it to wrap\n";
    auto layout = make_layout(text, 150.0f);
    auto eager = make_layout(text, 150.0f);
    const float y0 = layout.total_height() / 2;
    CHECK(layout.lay_out_between(y0, y0 + 200.0f) >= 2);
    const std::size_t broken = layout.stats().paragraphs_broken;
    CHECK(broken <= 6);
    CHECK(layout.lay_out_between(y0, y0 + 200.0f) == 0);  // done already
    const auto lines = layout.visible_lines(y0, y0 + 200.0f);
    CHECK(layout.stats().paragraphs_broken == broken);  // nothing more to lay out
    REQUIRE_FALSE(lines.empty());
    // The same lines as a layout that was asked for them directly.
    const auto expected = eager.visible_lines(y0, y0 + 200.0f);
    REQUIRE(lines.size() == expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].cp_start == expected[i].cp_start);
        CHECK(lines[i].cp_end == expected[i].cp_end);
        CHECK(lines[i].top == expected[i].top);
    }
    CHECK(layout.lay_out_between(10.0f, 10.0f) == 0);  // an empty range
}

TEST_CASE("laid_out_between says whether visible_lines of a range would lay anything out, and lays out nothing") {
    std::string text;
    for (int p = 0; p < 1000; ++p) text += "paragraph " + std::to_string(p) + " has some words in it to wrap\n";
    auto layout = make_layout(text, 150.0f);
    const float y0 = layout.total_height() / 2;
    CHECK_FALSE(layout.laid_out_between(y0, y0 + 200.0f));
    CHECK(layout.stats().paragraphs_broken == 0);  // asking lays out nothing
    (void)layout.visible_lines(y0, y0 + 100.0f);
    const float bottom = y0 + 100.0f;
    CHECK(layout.laid_out_between(y0, y0 + 100.0f));
    CHECK_FALSE(layout.laid_out_between(y0, bottom + 400.0f));  // paragraphs below it are not
    (void)layout.lay_out_between(y0, bottom + 400.0f);
    const std::size_t broken = layout.stats().paragraphs_broken;
    CHECK(layout.laid_out_between(y0, bottom + 400.0f));
    (void)layout.visible_lines(y0, bottom + 400.0f);
    CHECK(layout.stats().paragraphs_broken == broken);
    CHECK(layout.laid_out_between(10.0f, 10.0f));  // an empty range needs nothing
}

TEST_CASE("a width change re-breaks lazily and matches a fresh layout") {
    std::string text;
    for (int p = 0; p < 300; ++p) text += "some words of a paragraph that wraps at the width\r\n";
    auto layout = make_layout(text, 200.0f);
    (void)layout.visible_lines(0.0f, 400.0f);
    const std::size_t broken = layout.stats().paragraphs_broken;
    layout.set_width(200.0f);  // unchanged: nothing happens
    (void)layout.visible_lines(0.0f, 400.0f);
    CHECK(layout.stats().paragraphs_broken == broken);

    layout.set_width(120.0f);
    CHECK(layout.stats().paragraphs_broken == broken);  // lazily: nothing re-broken yet
    auto after = layout.visible_lines(0.0f, 400.0f);
    CHECK(layout.stats().paragraphs_broken > broken);
    auto fresh = make_layout(text, 120.0f);
    auto expected = fresh.visible_lines(0.0f, 400.0f);
    REQUIRE(after.size() == expected.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].cp_start == expected[i].cp_start);
        CHECK(after[i].cp_end == expected[i].cp_end);
        CHECK(after[i].top == expected[i].top);
    }
    CHECK(line_ranges(layout).size() == line_ranges(fresh).size());
    CHECK(layout.total_height() == fresh.total_height());
}

TEST_CASE("band heights above lines: per line, refreshed without re-breaking") {
    std::set<std::size_t> marked;  // code points under a span: their line gets an 8 px band
    ExtraAboveFn extra = [&marked](std::size_t, std::size_t start, std::size_t end) {
        auto it = marked.lower_bound(start);
        return it != marked.end() && *it < end ? 8.0f : 0.0f;
    };
    std::string text;
    for (int p = 0; p < 20; ++p) text += "alpha beta gamma delta\n";  // 22 code points + LF each
    auto layout = make_layout(text, 120.0f, extra);  // "alpha beta " / "gamma delta"
    (void)all_lines(layout);
    const float before = layout.total_height();
    const std::size_t broken = layout.stats().paragraphs_broken;

    const std::size_t cp = 5 * 23 + 18;  // "delta" of paragraph 5, on its second line
    marked.insert(cp);
    layout.invalidate_extras(cp, cp + 1);
    CHECK(layout.stats().paragraphs_broken == broken);
    CHECK(layout.stats().paragraphs_reextra == 1);
    CHECK(layout.total_height() == before + 8.0f);
    const CaretBox c = layout.caret_position(cp);
    CHECK(c.y == 5 * 40.0f + 20.0f + 8.0f);  // below the band
    CHECK(layout.caret_position(6 * 23).y == 6 * 40.0f + 8.0f);  // later paragraphs move down
    auto line = layout.visible_lines(c.y, c.y + 1.0f).at(0);
    CHECK(line.extra_above == 8.0f);
    CHECK(line.top == c.y - 8.0f);
    CHECK(layout.hit_test(2.0f, line.top + 2.0f).cp == line.cp_start);  // the band belongs to its line
    CHECK_FALSE(layout.char_at(10.0f, line.top + 2.0f).has_value());
    CHECK(layout.char_at(10.0f, line.y + 2.0f).has_value());
}

TEST_CASE("a 1 MB document lays out correctly everywhere") {
    std::mt19937 rng(2024);
    const char* words[] = {"the", "annotation", "é", "中文字", "😀", "e\u0301té", "l’Atlantique", "x",
                           "a\tb", "Istanbul", "👩\u200D💻", "supercalifragilisticexpialidociousness"};
    const char* terminators[] = {"\n", "\r\n", "\r", "\n\n"};
    std::string text;
    std::size_t paragraphs = 1;
    while (text.size() < 1'000'000) {
        const int count = 1 + static_cast<int>(rng() % 25);  // >= 1: "\r" + "\n" would merge
        for (int w = 0; w < count; ++w) {
            text += words[rng() % std::size(words)];
            text += rng() % 8 ? " " : "  ";
        }
        const char* t = terminators[rng() % std::size(terminators)];
        text += t;
        paragraphs += std::string_view(t) == "\n\n" ? 2 : 1;
    }
    REQUIRE_FALSE(find_invalid_utf8(text).has_value());
    const float width = 300.0f;
    auto layout = make_layout(text, width);
    CHECK(layout.paragraph_count() == paragraphs);
    CHECK(paragraphs > 9000);

    for (int jump = 0; jump < 200; ++jump) {  // scroll jumps before everything is laid out
        const float y = static_cast<float>(rng() % static_cast<unsigned>(layout.total_height()));
        auto lines = layout.visible_lines(y, y + 800.0f);
        REQUIRE_FALSE(lines.empty());
        CHECK(lines.front().top <= y);
        for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].top == lines[i - 1].top + 20.0f);
    }
    CHECK(layout.stats().paragraphs_broken < paragraphs / 2);

    const TextIndex index(text);
    auto lines = all_lines(layout);
    CHECK(layout.stats().paragraphs_broken == paragraphs);  // each paragraph broken once
    REQUIRE(lines.front().cp_start == 0);
    REQUIRE(lines.back().cp_end == index.code_point_count());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LayoutLine& l = lines[i];
        CHECK(index.code_point_to_byte(text, l.cp_start) == l.byte_start);
        CHECK(index.code_point_to_byte(text, l.cp_end) == l.byte_end);
        CHECK(l.top == static_cast<float>(i) * 20.0f);
        auto clusters = layout.clusters(l);
        float content = 0.0f, x = 0.0f;
        bool plain = true;
        for (const ClusterBox& c : clusters) {
            plain = plain && c.cp_end == c.cp_start + 1;
            x += c.width;
            if (text[c.byte_start] != ' ' && text[c.byte_start] != '\t') content = x;
        }
        CHECK(x == doctest::Approx(l.width));
        CHECK(plain == l.plain);
        CHECK(content <= width + 1e-3f);  // fits (every cluster here is narrower than the line)
        if (i + 1 == lines.size()) continue;
        const LayoutLine& next = lines[i + 1];
        if (l.ends_paragraph) {
            const std::string_view gap = std::string_view(text).substr(l.byte_end, next.byte_start - l.byte_end);
            CHECK((gap == "\n" || gap == "\r\n" || gap == "\r"));
        } else {
            CHECK(next.cp_start == l.cp_end);
            // Greedy: the next line's first word (or cluster, after a character break) did not fit.
            auto next_clusters = layout.clusters(next);
            const bool broke_at_space = text[l.byte_end - 1] == ' ' || text[l.byte_end - 1] == '\t';
            float word = 0.0f;
            for (const ClusterBox& c : next_clusters) {
                if (text[c.byte_start] == ' ' || text[c.byte_start] == '\t') break;
                word += c.width;
                if (!broke_at_space) break;
            }
            CHECK(l.width + word > width);
        }
    }
    CHECK(layout.total_height() == static_cast<float>(lines.size()) * 20.0f);

    const std::size_t n = layout.code_point_count();
    for (int round = 0; round < 2000; ++round) {
        const std::size_t cp = rng() % (n + 1);
        const std::size_t stop = cp == n ? n : layout.prev_caret_stop(layout.next_caret_stop(cp));
        const CaretBox c = layout.caret_position(cp);
        CHECK(layout.hit_test(c.x + 0.01f, c.y + 1.0f).cp == stop);
        CHECK(layout.paragraph_at_y(c.y) == layout.paragraph_of(stop));
    }
    auto rects = layout.range_rects(0, n);
    CHECK(rects.size() == lines.size() - 1);  // all but the final empty paragraph
}

TEST_CASE("laid out lazily (jumps, then idle slices) or all at once: the same lines, bands and hit tests") {
    // Lines of brat's benchmark shape (one sentence each, some wrapping), bands above every third.
    std::mt19937 rng(16);
    const char* words[] = {"Selon", "Anaïs Faure", "l’équipe", "à", "Saint-Pétersbourg", "le", "4 mars 2002", "中文字", "😀"};
    std::string text;
    for (int line = 0; line < 400; ++line) {
        const int count = 3 + static_cast<int>(rng() % 20);
        for (int w = 0; w < count; ++w) text += std::string(w ? " " : "") + words[rng() % std::size(words)];
        text += "\n";
    }
    ExtraAboveFn extra = [](std::size_t paragraph, std::size_t, std::size_t) { return paragraph % 3 == 0 ? 8.0f : 0.0f; };
    auto eager = make_layout(text, 300.0f, extra);
    const std::vector<LayoutLine> expected = all_lines(eager);

    auto lazy = make_layout(text, 300.0f, extra);
    for (int jump = 0; jump < 30; ++jump) {  // what a reader does first: jumps, clicks, carets
        const float y = static_cast<float>(rng() % static_cast<unsigned>(lazy.total_height()));
        (void)lazy.visible_lines(y, y + 120.0f);
        (void)lazy.hit_test(40.0f, y + 30.0f);
        (void)lazy.caret_position(rng() % lazy.code_point_count());
    }
    const std::size_t by_queries = lazy.stats().paragraphs_broken;
    CHECK(by_queries < expected.back().paragraph / 2);
    std::size_t slices = 0;
    for (std::size_t before = by_queries; lazy.lay_out_more(25); before = lazy.stats().paragraphs_broken) {
        CHECK(lazy.stats().paragraphs_broken - before == 25);  // a slice does what it was given, no more
        ++slices;
    }
    CHECK(slices > 5);
    CHECK(lazy.fully_laid_out());
    CHECK(lazy.stats().paragraphs_broken == eager.stats().paragraphs_broken);  // each paragraph broken once

    const std::vector<LayoutLine> got = all_lines(lazy);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].cp_start == expected[i].cp_start);
        CHECK(got[i].cp_end == expected[i].cp_end);
        CHECK(got[i].top == expected[i].top);
        CHECK(got[i].y == expected[i].y);
        CHECK(got[i].width == expected[i].width);
    }
    CHECK(lazy.total_height() == eager.total_height());
    for (float y = -10.0f; y < eager.total_height() + 10.0f; y += 7.0f)
        for (float x : {-5.0f, 3.0f, 77.0f, 151.0f, 299.0f, 400.0f}) {
            const TextHit a = lazy.hit_test(x, y), b = eager.hit_test(x, y);
            CHECK(a.cp == b.cp);
            CHECK(a.upstream == b.upstream);
        }
    for (std::size_t cp = 0; cp < eager.code_point_count(); cp += 13) {
        const CaretBox a = lazy.caret_position(cp), b = eager.caret_position(cp);
        CHECK(a.x == b.x);
        CHECK(a.y == b.y);
    }
}

TEST_CASE("an idle layout slice stops once its time is up, however slow a paragraph is") {
    // A fake clock: each paragraph laid out costs `cost` ms (shaping a paragraph of Arabic in a tab
    // whose HarfBuzz code has not been compiled yet costs ms, not µs).
    std::string text;
    for (int line = 0; line < 500; ++line) text += "Selon Anaïs Faure, l’équipe a présenté le rapport à Lyon.\n";
    for (const double cost : {10.0, 1.0, 0.01}) {
        CAPTURE(cost);
        auto layout = make_layout(text, 300.0f, {});
        const auto clock = [&layout, cost] { return static_cast<double>(layout.stats().paragraphs_broken) * cost; };
        const double budget = 3.0;
        CHECK(layout.lay_out_for(budget, clock));
        const double spent = clock();
        // It stops within the step that crossed the budget: at most a quarter of the budget over,
        // or one paragraph when a single one costs more than that.
        CHECK(spent >= budget);
        CHECK(spent <= std::max(budget * 1.25, cost));
        if (cost == 10.0) CHECK(layout.stats().paragraphs_broken == 1);
    }
    // Given time, it lays out everything, each paragraph once, and says it is done.
    auto layout = make_layout(text, 300.0f, {});
    const auto clock = [&layout] { return static_cast<double>(layout.stats().paragraphs_broken) * 0.001; };
    while (layout.lay_out_for(3.0, clock)) {
    }
    CHECK(layout.fully_laid_out());
    CHECK(layout.stats().paragraphs_broken == 501);
}
