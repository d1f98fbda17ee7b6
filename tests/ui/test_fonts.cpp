// Fonts for every script, natively: the real App with the native stand-in of the static folder
// (platform/static_files_native.cpp) serving a small manifest and Debian's Noto fonts. Checks what
// is fetched (nothing for Latin), what is drawn (no missing glyph once fonts arrived), and that
// control characters are stored exactly and drawn as control pictures.
#include <doctest/doctest.h>

#include <string>

#include "platform/static_files.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;


TEST_CASE("fonts: a Latin session fetches nothing; Thai and Hindi fetch the manifest and their fonts, then nothing is missing") {
    platform::set_static_root(static_font_folder());
    Driver d;
    d.frame(3);
    const int before = platform::static_files_requested();
    CHECK(d.app().missing_glyphs().empty());
    CHECK(d.app().fonts_loaded().empty());

    const ui::ImportOutcome thai = d.app().import_file("ข่าว.txt", "กรุงเทพมหานคร เป็นเมืองหลวงของประเทศไทย\nनई दिल्ली भारत की राजधानी है।");
    REQUIRE_MESSAGE(thai.ok, thai.message);
    d.frame(4);
    CHECK(platform::static_files_requested() - before == 3);  // the manifest, Thai, Devanagari
    CHECK(d.app().fonts_loaded() == std::vector<std::string>{"noto-devanagari.ttf", "noto-thai.ttf"});
    CHECK(d.app().fonts_pending() == 0);
    CHECK(d.app().missing_glyphs().empty());
}

TEST_CASE("fonts: a code point no font has is counted as missing (and fetched only once)") {
    platform::set_static_root(static_font_folder());
    Driver d;
    // Tibetan: in no font of this manifest, nor in DejaVu Sans.
    const ui::ImportOutcome tibetan = d.app().import_file("bod.txt", "བོད་ཡིག");
    REQUIRE_MESSAGE(tibetan.ok, tibetan.message);
    d.frame(4);
    const int requested = platform::static_files_requested();
    CHECK(d.app().missing_glyphs().size() >= 1);
    d.frame(4);
    CHECK(platform::static_files_requested() == requested);
}

TEST_CASE("fonts: a text with NUL and other control characters is kept byte-exact and drawn as control pictures") {
    platform::set_static_root(static_font_folder());
    Driver d;
    const std::string text("Bonjour\0monde\x1B[0m\x7F fin", 22);
    const ui::ImportOutcome nul = d.app().import_file("nul.txt", text);
    REQUIRE_MESSAGE(nul.ok, nul.message);
    d.frame(4);
    REQUIRE(d.doc().name() == "nul.txt");
    CHECK(d.doc().text() == text);
    CHECK(d.doc().length() == 22);
    // Drawn: ␀ ␛ ␡ came from the symbols font, fetched for them; nothing is missing.
    CHECK(d.app().fonts_loaded() == std::vector<std::string>{"noto-symbols2.ttf"});
    CHECK(d.app().missing_glyphs().empty());
    ImFontBaked* baked = d.app().fonts().body->GetFontBaked(d.app().fonts().body_px);
    CHECK(baked->IsGlyphLoaded(0x2400));
    CHECK(baked->IsGlyphLoaded(0x241B));
    CHECK(baked->IsGlyphLoaded(0x2421));
    CHECK_FALSE(baked->IsGlyphLoaded(0));  // the NUL itself never reaches the font
    // The NUL is a code point like any other: it can be selected and located.
    const ImVec4 box = d.locate(7, d.doc().id());
    CHECK(box.z > 0.0f);
    // And it is exported exactly.
    CHECK(d.app().state_json().find("Bonjour\\u0000monde") != std::string::npos);
}
