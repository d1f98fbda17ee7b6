#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/shaped_line.h"
#include "shaping_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

constexpr float kSize = 20.0f;

// Glyph ids and the sum of advances (font units) that hb-shape gives for a text with one font.
struct Reference {
    std::vector<std::uint32_t> glyph_ids;
    long advance = 0;
};
Reference hb_shape_reference(const std::string& font, std::u32string_view text) {
    const std::string command = "hb-shape --output-format=json --no-glyph-names --unicodes=" + unicodes_option(text) + " " + font;
    const std::optional<std::string> out = command_output(command);
    REQUIRE_MESSAGE(out.has_value(), "hb-shape failed (install libharfbuzz-bin: scripts/setup.sh native): " << command);
    const nlohmann::json glyphs = nlohmann::json::parse(*out, nullptr, false);
    REQUIRE(glyphs.is_array());
    Reference reference;
    for (const nlohmann::json& g : glyphs) {
        reference.glyph_ids.push_back(g["g"].get<std::uint32_t>());
        reference.advance += g["ax"].get<long>();
    }
    return reference;
}

std::size_t cp_of(std::u32string_view text, std::u32string_view needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::u32string_view::npos);
    return at;
}

// Clusters tile the line: left to right without gaps, covering every code point once.
void check_clusters_tile_the_line(const ShapedLine& line) {
    const std::vector<ShapedCluster>& clusters = line.clusters();
    REQUIRE(!clusters.empty());
    CHECK(clusters.front().x0 == doctest::Approx(0.0f));
    CHECK(clusters.back().x1 == doctest::Approx(line.width()));
    for (std::size_t i = 0; i + 1 < clusters.size(); ++i) CHECK(clusters[i].x1 == doctest::Approx(clusters[i + 1].x0));
    std::vector<ShapedCluster> logical = clusters;
    std::sort(logical.begin(), logical.end(), [](const ShapedCluster& a, const ShapedCluster& b) { return a.cp_start < b.cp_start; });
    CHECK(logical.front().cp_start == line.cp_start());
    CHECK(logical.back().cp_end == line.cp_end());
    for (std::size_t i = 0; i + 1 < logical.size(); ++i) CHECK(logical[i].cp_end == logical[i + 1].cp_start);
}

// Offset → box → offset: every code point has a box; the middle of the box of a cluster's first
// code point hits that cluster again. Returns how many cluster boundaries were checked.
std::size_t check_hit_test_round_trip(const ShapedLine& line) {
    std::size_t boundaries = 0;
    for (std::size_t cp = line.cp_start(); cp < line.cp_end(); ++cp) {
        CAPTURE(cp);
        const std::optional<ShapedCluster> box = line.box_of(cp);
        REQUIRE(box.has_value());
        CHECK(box->cp_start <= cp);
        CHECK(cp < box->cp_end);
        if (box->cp_start != cp) continue;
        CHECK(box->x1 > box->x0);
        const std::optional<ShapedCluster> hit = line.cluster_at((box->x0 + box->x1) / 2);
        REQUIRE(hit.has_value());
        CHECK(hit->cp_start == cp);
        ++boundaries;
    }
    return boundaries;
}

struct Fonts {
    std::vector<unsigned char> arabic = read_font(kNotoArabic);
    std::vector<unsigned char> devanagari = read_font(kNotoDevanagari);
    std::vector<unsigned char> latin = read_font(kNotoLatin);
};

}  // namespace

TEST_CASE("shaped line: a Hindi paragraph — glyphs as hb-shape gives them, hit-test round trip on every cluster") {
    const Fonts files;
    REQUIRE_MESSAGE(!files.devanagari.empty(), "install fonts-noto-core (scripts/setup.sh native)");
    TextShaper shaper;
    const FontId devanagari = shaper.add_font(files.devanagari).value();
    const std::u32string text = code_points("भारत की राजधानी नई दिल्ली है। यहाँ 2 करोड़ से अधिक लोग रहते हैं।");
    const BidiParagraph bidi(text, DirectionChoice::automatic);
    const FontId fonts[] = {devanagari};
    const ShapedLine line(shaper, text, bidi, 0, text.size(), fonts, kSize);

    const Reference reference = hb_shape_reference(kNotoDevanagari, text);
    std::vector<std::uint32_t> ids;
    for (const ShapedRun& run : line.runs())
        for (const ShapedGlyph& g : run.glyphs) ids.push_back(g.glyph_id);
    CHECK(ids == reference.glyph_ids);
    CHECK(line.width() == doctest::Approx(reference.advance * kSize / 1000.0f));

    check_clusters_tile_the_line(line);
    const std::size_t boundaries = check_hit_test_round_trip(line);
    CHECK(boundaries < text.size());  // conjuncts and vowel signs make clusters of several code points
    CHECK(boundaries > text.size() / 3);
    // "दि": the vowel sign is drawn left of its consonant, yet the two are one cluster.
    const std::size_t di = cp_of(text, U"दि");
    CHECK(line.box_of(di)->cp_start == di);
    CHECK(line.box_of(di)->cp_end == di + 2);
}

TEST_CASE("shaped line: an Arabic paragraph with a number and a Latin name — visual order, font fallback, round trip") {
    const Fonts files;
    REQUIRE_MESSAGE(!files.arabic.empty(), "install fonts-noto-core (scripts/setup.sh native)");
    TextShaper shaper;
    const FontId arabic = shaper.add_font(files.arabic).value();
    const FontId latin = shaper.add_font(files.latin).value();
    const std::u32string text = code_points("ذهب محمد إلى القاهرة في 12 مارس مع Ali.");
    const BidiParagraph bidi(text, DirectionChoice::automatic);
    REQUIRE(bidi.direction() == TextDirection::rtl);
    const FontId fonts[] = {arabic, latin};
    const ShapedLine line(shaper, text, bidi, 0, text.size(), fonts, kSize);

    check_clusters_tile_the_line(line);
    const std::size_t boundaries = check_hit_test_round_trip(line);
    CHECK(boundaries > text.size() / 2);

    // Right to left: the first word ends the line on the right; the number and the name read left
    // to right inside it; the final full stop sits at the far left.
    CHECK(line.box_of(0)->x1 == doctest::Approx(line.width()));
    const std::size_t twelve = cp_of(text, U"12"), ali = cp_of(text, U"Ali");
    CHECK(line.box_of(twelve)->x0 < line.box_of(twelve + 1)->x0);
    CHECK(line.box_of(ali)->x0 < line.box_of(ali + 2)->x0);
    CHECK(line.box_of(text.size() - 1)->x0 == doctest::Approx(0.0f));
    CHECK(line.box_of(ali)->x0 < line.box_of(twelve)->x0);

    // "Ali" is drawn by the Latin font (the Arabic one has no Latin letters), the rest by the Arabic one.
    for (const ShapedRun& run : line.runs()) {
        CAPTURE(run.cp_start);
        const bool in_name = run.cp_start >= ali && run.cp_end <= ali + 3;
        CHECK((run.font == latin) == in_name);
    }
    // A word's glyphs are hb-shape's for that word with the same font.
    const std::size_t muhammad = cp_of(text, U"محمد");
    std::vector<std::uint32_t> ids;
    for (const ShapedRun& run : line.runs())
        for (const ShapedGlyph& g : run.glyphs)
            if (g.cluster >= muhammad && g.cluster < muhammad + 4) ids.push_back(g.glyph_id);
    CHECK(ids == hb_shape_reference(kNotoArabic, std::u32string_view(text).substr(muhammad, 4)).glyph_ids);

    // A range across the Arabic/Latin boundary ("مع Al", without the "i") is two pieces on screen:
    // ". Ali مع" reads left to right on screen, so "Al" and "مع " are apart.
    const std::size_t ma = cp_of(text, U"مع");
    const std::vector<LineSpan> spans = line.range_spans(ma, ali + 2);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].x1 < spans[1].x0);
    CHECK(line.range_spans(muhammad, muhammad + 4).size() == 1);
    CHECK(line.range_spans(ma, ali + 3).size() == 1);  // with the "i" the pieces touch: one span
}

TEST_CASE("shaped line: the middle of a paragraph as a line — only its code points, joined with their context") {
    const Fonts files;
    REQUIRE(!files.arabic.empty());
    TextShaper shaper;
    const FontId arabic = shaper.add_font(files.arabic).value();
    const std::u32string text = code_points("كتاب جميل جدا");
    const BidiParagraph bidi(text, DirectionChoice::automatic);
    const FontId fonts[] = {arabic};
    const std::size_t start = cp_of(text, U"جميل");
    const ShapedLine line(shaper, text, bidi, start, start + 5, fonts, kSize);  // "جميل " with its trailing space
    check_clusters_tile_the_line(line);
    CHECK(check_hit_test_round_trip(line) == 5);
    CHECK_FALSE(line.box_of(start - 1).has_value());
    CHECK_FALSE(line.box_of(start + 5).has_value());
    // The trailing space is at the paragraph's level (L1): on the far left of a right-to-left line.
    CHECK(line.box_of(start + 4)->x0 == doctest::Approx(0.0f));
    CHECK(line.cluster_at(-50.0f)->cp_start == start + 4);
    CHECK(line.cluster_at(line.width() + 50.0f)->cp_start == start);
}

TEST_CASE("shaped line: the caret before an offset sits at the leading edge of its cluster, in the cluster's direction") {
    const Fonts files;
    REQUIRE(!files.arabic.empty());
    TextShaper shaper;
    const FontId arabic = shaper.add_font(files.arabic).value();
    const FontId latin = shaper.add_font(files.latin).value();
    const FontId fonts[] = {arabic, latin};
    const std::u32string text = code_points("ذهب مع Ali.");
    const BidiParagraph bidi(text, DirectionChoice::automatic);
    const ShapedLine line(shaper, text, bidi, 0, text.size(), fonts, kSize);
    CHECK(line.caret_x(0) == doctest::Approx(line.width()));  // right-to-left text starts on the right
    const std::size_t ali = cp_of(text, U"Ali");
    CHECK(line.caret_x(ali) == doctest::Approx(line.box_of(ali)->x0));      // "Ali" starts on its left
    CHECK(line.caret_x(ali + 1) == doctest::Approx(line.box_of(ali)->x1));  // between "A" and "l"
    CHECK(line.caret_x(1) == doctest::Approx(line.box_of(0)->x0));          // after the first letter, on its left
    CHECK(line.caret_x(text.size()) == doctest::Approx(0.0f));  // after the full stop, at the far left

    const std::u32string latin_text = code_points("abc");
    const ShapedLine ltr(shaper, latin_text, BidiParagraph(latin_text, DirectionChoice::automatic), 0, 3, fonts, kSize);
    CHECK(ltr.caret_x(0) == doctest::Approx(0.0f));
    CHECK(ltr.caret_x(3) == doctest::Approx(ltr.width()));
    CHECK(ltr.caret_x(1) == doctest::Approx(ltr.box_of(1)->x0));
}
