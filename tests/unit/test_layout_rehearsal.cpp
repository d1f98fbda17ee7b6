// The layout rehearsal (core/layout_rehearsal.h): the page lays out a sample in many scripts while
// idle, so the shaping code is optimized before a document in those scripts opens (issue 16).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/layout_rehearsal.h"
#include "core/text_layout.h"
#include "shaping_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

GlyphAdvances fixed_advances() {
    return GlyphAdvances([](char32_t) { return 8.0f; });
}

}  // namespace

TEST_CASE("layout rehearsal: the sample holds every script whose shaping it is there to warm") {
    std::set<std::string> scripts;
    for (const char32_t c : code_points(LayoutRehearsal::sample_text())) {
        if (c >= 0x0370 && c <= 0x03FF) scripts.insert("Greek");
        if (c >= 0x0400 && c <= 0x04FF) scripts.insert("Cyrillic");
        if (c >= 0x0590 && c <= 0x05FF) scripts.insert("Hebrew");
        if (c >= 0x0600 && c <= 0x06FF) scripts.insert("Arabic");
        if (c >= 0x0900 && c <= 0x097F) scripts.insert("Devanagari");
        if (c >= 0x0980 && c <= 0x09FF) scripts.insert("Bengali");
        if (c >= 0x0E00 && c <= 0x0E7F) scripts.insert("Thai");
        if (c >= 0x3040 && c <= 0x30FF) scripts.insert("Kana");
        if (c >= 0x4E00 && c <= 0x9FFF) scripts.insert("Han");
        if (c >= 0xAC00 && c <= 0xD7A3) scripts.insert("Hangul");
        if (c >= 0x1F300) scripts.insert("Emoji");
    }
    CHECK(scripts == std::set<std::string>{"Greek", "Cyrillic", "Hebrew", "Arabic", "Devanagari", "Bengali", "Thai", "Kana",
                                           "Han", "Hangul", "Emoji"});
}

TEST_CASE("layout rehearsal: each round lays out the whole sample afresh, shaped, then it stops") {
    std::vector<unsigned char> latin = read_font(kNotoLatin), arabic = read_font(kNotoArabic), deva = read_font(kNotoDevanagari);
    REQUIRE_MESSAGE(!latin.empty(), "Noto fonts missing: scripts/setup.sh native installs fonts-noto-core");
    auto shaper = std::make_shared<TextShaper>();
    std::vector<FontId> fonts;
    for (auto* bytes : {&latin, &arabic, &deva}) fonts.push_back(*shaper->add_font(*bytes));
    // The lines of one layout of the sample, made here the way a document's view makes its own.
    LayoutStyle style;
    style.wrap_width = 36.0f * 16.0f;
    style.line_height = 1.6f * 16.0f;
    TextLayout one(LayoutRehearsal::sample_text(), fixed_advances(), style);
    one.set_shaping({shaper.get(), fonts, 16.0f, DirectionChoice::automatic});
    const std::size_t per_round = one.visible_lines(-1.0f, 1e9f).size();
    REQUIRE(per_round >= 12);  // a paragraph a script, some wrapped

    LayoutRehearsal rehearsal(fixed_advances(), shaper, fonts, 16.0f, 3);
    const std::weak_ptr<TextShaper> kept = shaper;
    shaper.reset();  // the rehearsal keeps the shaper alive while it runs
    CHECK(rehearsal.step());
    CHECK(rehearsal.step());
    CHECK_FALSE(kept.expired());
    CHECK_FALSE(rehearsal.step());  // the third and last
    CHECK(rehearsal.done());
    CHECK(kept.expired());  // then lets it go: the app's fonts may have a newer one by then
    CHECK(rehearsal.lines() == 3 * per_round);
    CHECK_FALSE(rehearsal.step());
    CHECK(rehearsal.lines() == 3 * per_round);
}

TEST_CASE("layout rehearsal: without a font file the lines are measured plainly") {
    LayoutRehearsal rehearsal(fixed_advances(), nullptr, {}, 16.0f, 1);
    CHECK_FALSE(rehearsal.step());
    CHECK(rehearsal.lines() >= 12);
}
