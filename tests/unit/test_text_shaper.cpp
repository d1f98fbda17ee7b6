#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/text_shaper.h"
#include "shaping_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

struct ReferenceGlyph {
    std::uint32_t glyph_id = 0;
    std::size_t cluster = 0;
    long x_advance = 0, x_offset = 0, y_offset = 0;  // font units
};

// HarfBuzz's own shaper (hb-shape from Debian's libharfbuzz-bin, HarfBuzz 6.0) on the same font, in
// font units; clusters count code points of the text between the before/after context.
std::vector<ReferenceGlyph> hb_shape_reference(const std::string& font, std::u32string_view text,
                                               std::u32string_view before = {}, std::u32string_view after = {}) {
    std::string command = "hb-shape --output-format=json --no-glyph-names";
    if (!before.empty()) command += " --unicodes-before=" + unicodes_option(before);
    if (!after.empty()) command += " --unicodes-after=" + unicodes_option(after);
    command += " --unicodes=" + unicodes_option(text) + " " + font;
    const std::optional<std::string> out = command_output(command);
    REQUIRE_MESSAGE(out.has_value(), "hb-shape failed (install libharfbuzz-bin: scripts/setup.sh native): " << command);
    const nlohmann::json glyphs = nlohmann::json::parse(*out, nullptr, false);
    REQUIRE(glyphs.is_array());
    std::vector<ReferenceGlyph> reference;
    for (const nlohmann::json& g : glyphs)
        reference.push_back({g["g"].get<std::uint32_t>(), g["cl"].get<std::size_t>(), g["ax"].get<long>(),
                             g["dx"].get<long>(), g["dy"].get<long>()});
    return reference;
}

std::string describe(const std::vector<ReferenceGlyph>& glyphs) {
    std::string out;
    for (const ReferenceGlyph& g : glyphs)
        out += std::to_string(g.glyph_id) + "=" + std::to_string(g.cluster) + "+" + std::to_string(g.x_advance) + "@" +
               std::to_string(g.x_offset) + "," + std::to_string(g.y_offset) + " ";
    return out;
}

// Our glyphs, shaped at 1 px per font unit (size = units per em), as reference glyphs with
// clusters counted from cp_start.
std::vector<ReferenceGlyph> ours_in_font_units(const std::vector<ShapedGlyph>& glyphs, std::size_t cp_start) {
    std::vector<ReferenceGlyph> out;
    for (const ShapedGlyph& g : glyphs)
        out.push_back({g.glyph_id, g.cluster - cp_start, std::lround(g.x_advance), std::lround(g.x_offset),
                       std::lround(g.y_offset)});
    return out;
}

// Shapes each word alone with the font and checks glyph ids, clusters, advances and offsets
// against hb-shape's.
void check_words_against_hb_shape(const std::string& font_path, TextDirection direction,
                                  const std::vector<std::string>& words) {
    const std::vector<unsigned char> bytes = read_font(font_path);
    REQUIRE_MESSAGE(!bytes.empty(), font_path << " is missing: install fonts-noto-core (scripts/setup.sh native)");
    TextShaper shaper;
    const std::optional<FontId> font = shaper.add_font(bytes);
    REQUIRE(font.has_value());
    const auto em = static_cast<float>(shaper.units_per_em(*font));
    for (const std::string& word : words) {
        CAPTURE(word);
        const std::u32string text = code_points(word);
        const std::vector<ShapedGlyph> glyphs = shaper.shape({text, 0, text.size(), direction, 0, {}, *font, em});
        CHECK(describe(ours_in_font_units(glyphs, 0)) == describe(hb_shape_reference(font_path, text)));
    }
}

}  // namespace

TEST_CASE("shaping: Arabic words give hb-shape's glyphs (joining forms, lam-alef, marks)") {
    check_words_against_hb_shape(kNotoArabic, TextDirection::rtl,
                                 {"كتاب", "العربية", "بِسْمِ اللَّهِ", "لا", "مُحَمَّد", "پارسی", "قاهره ۱۲۳"});
}

TEST_CASE("shaping: Devanagari words give hb-shape's glyphs (conjuncts, reph, pre-base vowel signs)") {
    check_words_against_hb_shape(kNotoDevanagari, TextDirection::ltr,
                                 {"हिन्दी", "क्षत्रिय", "कि", "र्क", "प्रेम", "श्रीमान्", "द्ध"});
}

TEST_CASE("shaping: Thai words give hb-shape's glyphs (stacked marks, sara am)") {
    check_words_against_hb_shape(kNotoThai, TextDirection::ltr, {"ภาษาไทย", "น้ำ", "กี่", "ปั้น"});
}

TEST_CASE("shaping: a run inside a paragraph joins with its neighbours, like hb-shape with context") {
    const std::vector<unsigned char> bytes = read_font(kNotoArabic);
    REQUIRE(!bytes.empty());
    TextShaper shaper;
    const FontId font = shaper.add_font(bytes).value();
    const auto em = static_cast<float>(shaper.units_per_em(font));
    const std::u32string text = code_points("كتاب");
    const std::vector<ShapedGlyph> middle = shaper.shape({text, 1, 3, TextDirection::rtl, 0, {}, font, em});
    const std::u32string_view all = text;
    CHECK(describe(ours_in_font_units(middle, 1)) ==
          describe(hb_shape_reference(kNotoArabic, all.substr(1, 2), all.substr(0, 1), all.substr(3))));
    // Alone, the same two letters take their isolated/final forms: the context is what differs.
    const std::u32string alone(all.substr(1, 2));
    CHECK(describe(ours_in_font_units(shaper.shape({alone, 0, 2, TextDirection::rtl, 0, {}, font, em}), 0)) ==
          describe(hb_shape_reference(kNotoArabic, alone)));
    CHECK(describe(ours_in_font_units(middle, 1)) != describe(hb_shape_reference(kNotoArabic, alone)));
}

TEST_CASE("shaping: advances scale with the size; the cmap says which font can draw a code point") {
    const std::vector<unsigned char> bytes = read_font(kNotoDevanagari);
    REQUIRE(!bytes.empty());
    TextShaper shaper;
    const FontId font = shaper.add_font(bytes).value();
    const unsigned em = shaper.units_per_em(font);
    CHECK(em == 1000);
    const std::u32string text = code_points("नमस्ते");
    const std::vector<ShapedGlyph> at_em = shaper.shape({text, 0, text.size(), TextDirection::ltr, 0, {}, font, 1000.0f});
    const std::vector<ShapedGlyph> at_20 = shaper.shape({text, 0, text.size(), TextDirection::ltr, 0, {}, font, 20.0f});
    REQUIRE(at_em.size() == at_20.size());
    REQUIRE(!at_em.empty());
    for (std::size_t i = 0; i < at_em.size(); ++i) CHECK(at_20[i].x_advance == doctest::Approx(at_em[i].x_advance * 0.02f));
    CHECK(shaper.has_glyph(font, U'न'));
    CHECK_FALSE(shaper.has_glyph(font, U'ب'));
    const std::vector<unsigned char> garbage{1, 2, 3, 4, 5};
    CHECK_FALSE(shaper.add_font(garbage).has_value());
    CHECK(shaper.font_count() == 1);
}

TEST_CASE("shaping: scripts of code points come from the Unicode tables") {
    CHECK(script_of(U'ك') == script_tag("Arab"));
    CHECK(script_of(U'क') == script_tag("Deva"));
    CHECK(script_of(U'ก') == script_tag("Thai"));
    CHECK(script_of(U'a') == script_tag("Latn"));
    CHECK(script_of(U'1') == kScriptCommon);
    CHECK(script_of(U'\u064E') == kScriptInherited);  // fatha, a combining mark
}
