#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/bidi.h"

using namespace inkspan;

namespace {

// The Unicode Consortium's reference cases (Debian's unicode-data; scripts/setup.sh installs it).
constexpr const char* kBidiCharacterTest = "/usr/share/unicode/BidiCharacterTest.txt";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string field;
    while (std::getline(ss, field, sep)) out.push_back(field);
    return out;
}

// Code points of the line [cp_start, cp_end) in screen order (left to right), from its runs.
std::vector<std::size_t> screen_order(const std::vector<BidiRun>& runs) {
    std::vector<std::size_t> order;
    for (const BidiRun& run : runs) {
        if (run.direction() == TextDirection::ltr) {
            for (std::size_t i = run.cp_start; i < run.cp_end; ++i) order.push_back(i);
        } else {
            for (std::size_t i = run.cp_end; i > run.cp_start; --i) order.push_back(i - 1);
        }
    }
    return order;
}

// Levels after line rule L1, read back from the runs that hold each code point.
std::vector<int> run_levels(const std::vector<BidiRun>& runs, std::size_t size) {
    std::vector<int> levels(size, -1);
    for (const BidiRun& run : runs)
        for (std::size_t i = run.cp_start; i < run.cp_end; ++i) levels[i] = run.level;
    return levels;
}

// One case of BidiCharacterTest.txt: code points; paragraph direction (0 ltr, 1 rtl, 2 auto);
// resolved paragraph level; resolved levels ("x" = removed by rule X9); visual order of the
// code points that are not removed.
struct BidiCase {
    int line_number = 0;
    std::u32string text;
    DirectionChoice choice = DirectionChoice::automatic;
    int paragraph_level = 0;
    std::vector<int> levels;  // -1 for "x"
    std::vector<std::size_t> order;
};

BidiCase parse_case(const std::string& line, int line_number) {
    const std::vector<std::string> fields = split(line, ';');
    REQUIRE(fields.size() == 5);
    BidiCase c;
    c.line_number = line_number;
    for (const std::string& hex : split(fields[0], ' ')) c.text.push_back(static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
    const int dir = std::stoi(fields[1]);
    c.choice = dir == 0 ? DirectionChoice::ltr : dir == 1 ? DirectionChoice::rtl : DirectionChoice::automatic;
    c.paragraph_level = std::stoi(fields[2]);
    for (const std::string& level : split(fields[3], ' ')) c.levels.push_back(level == "x" ? -1 : std::stoi(level));
    for (const std::string& index : split(fields[4], ' '))
        if (!index.empty()) c.order.push_back(std::stoul(index));
    return c;
}

// Empty when the implementation agrees with the case, else what differs.
std::string check_case(const BidiCase& c) {
    const BidiParagraph paragraph(c.text, c.choice);
    if (paragraph.base_level() != c.paragraph_level) return "paragraph level " + std::to_string(paragraph.base_level());
    const std::vector<BidiRun> runs = paragraph.visual_runs(0, c.text.size());
    const std::vector<int> levels = run_levels(runs, c.text.size());
    for (std::size_t i = 0; i < c.text.size(); ++i)
        if (c.levels[i] >= 0 && levels[i] != c.levels[i])
            return "level of " + std::to_string(i) + " is " + std::to_string(levels[i]);
    std::vector<std::size_t> order;
    for (std::size_t i : screen_order(runs))
        if (c.levels[i] >= 0) order.push_back(i);  // the reference leaves out what X9 removes
    if (order != c.order) return "visual order differs";
    return {};
}

}  // namespace

TEST_CASE("bidi: every case of BidiCharacterTest.txt (Unicode 15.0) gives the reference levels and visual order") {
    std::ifstream in(kBidiCharacterTest);
    REQUIRE_MESSAGE(in.good(), kBidiCharacterTest << " is missing: install unicode-data (scripts/setup.sh native)");
    std::string line;
    int line_number = 0, cases = 0, failures = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty() || line[0] == '#') continue;
        const BidiCase c = parse_case(line, line_number);
        ++cases;
        const std::string problem = check_case(c);
        if (problem.empty()) continue;
        if (++failures <= 10) MESSAGE("line " << line_number << ": " << problem << " — " << line);
    }
    MESSAGE(cases << " cases, " << failures << " failed");
    CHECK(cases == 91707);
    CHECK(failures == 0);
}

TEST_CASE("bidi: Hebrew with a Latin word and digits reads right to left around a left-to-right island") {
    const std::u32string text = U"שלום abc 123";  // 0-3 Hebrew, 4 space, 5-7 abc, 8 space, 9-11 digits
    const BidiParagraph paragraph(text, DirectionChoice::automatic);
    CHECK(paragraph.direction() == TextDirection::rtl);
    const std::vector<BidiRun> runs = paragraph.visual_runs(0, text.size());
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].cp_start == 5);  // "abc 123" on the left: digits after a Latin letter are Latin (W7)
    CHECK(runs[0].cp_end == 12);
    CHECK(runs[0].level == 2);
    CHECK(runs[1].cp_start == 0);
    CHECK(runs[1].cp_end == 5);
    CHECK(runs[1].level == 1);
}

TEST_CASE("bidi: Arabic with a number keeps the number's digits left to right in the middle") {
    const std::u32string text = U"عدد 123 كتاب";  // 0-2 Arabic, 3 space, 4-6 digits, 7 space, 8-11 Arabic
    const BidiParagraph paragraph(text, DirectionChoice::automatic);
    CHECK(paragraph.direction() == TextDirection::rtl);
    const std::vector<BidiRun> runs = paragraph.visual_runs(0, text.size());
    REQUIRE(runs.size() == 3);
    CHECK(screen_order(runs) == std::vector<std::size_t>{11, 10, 9, 8, 7, 4, 5, 6, 3, 2, 1, 0});
    CHECK(runs[1].level == 2);
}

TEST_CASE("bidi: the paragraph direction comes from the first strong character unless overridden") {
    CHECK(first_strong_direction(U"123 שלום abc") == TextDirection::rtl);
    CHECK(first_strong_direction(U"123 abc שלום") == TextDirection::ltr);
    CHECK(first_strong_direction(U"\u2067שלום\u2069 abc") == TextDirection::ltr);  // isolates are skipped
    CHECK(first_strong_direction(U"123 …") == TextDirection::ltr);
    CHECK(BidiParagraph(U"abc", DirectionChoice::rtl).direction() == TextDirection::rtl);
    CHECK(BidiParagraph(U"שלום", DirectionChoice::ltr).direction() == TextDirection::ltr);
    CHECK(BidiParagraph(U"abc def", DirectionChoice::automatic).is_plain_ltr());
    CHECK_FALSE(BidiParagraph(U"abc שלום", DirectionChoice::automatic).is_plain_ltr());
}

TEST_CASE("bidi: a line in the middle of a paragraph is reordered on its own, its trailing space at the paragraph level") {
    // Paragraph: "abc ABC DEF ghi" with ABC/DEF Hebrew; the line holds "ABC " only (indices 4-7).
    const std::u32string text = U"abc אבג דהו ghi";
    const BidiParagraph paragraph(text, DirectionChoice::automatic);
    const std::vector<BidiRun> runs = paragraph.visual_runs(4, 8);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].cp_start == 4);
    CHECK(runs[0].cp_end == 7);
    CHECK(runs[0].level == 1);
    CHECK(runs[1].cp_start == 7);  // the space that ends the line goes back to level 0 (L1)
    CHECK(runs[1].level == 0);
}
