// Fonts for every script, natively: the real App with the native stand-in of the static folder
// (platform/static_files_native.cpp) serving a small manifest and Debian's Noto fonts. Checks what
// is fetched (nothing for Latin), what is drawn (no missing glyph once fonts arrived), and that
// control characters are stored exactly and drawn as control pictures.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <imgui_internal.h>

#include "core/font_manifest.h"
#include "platform/static_files.h"
#include "ui/font_set.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {
// A static folder with an index (Hebrew and Arabic fonts; a zh-Hans and a ja slice map) and the
// two maps; the font files hold placeholder bytes (FontSet only fetches and keeps them).
std::string slice_map_folder() {
    const std::filesystem::path root = std::filesystem::temp_directory_path() / "inkspan-ui-slice-maps";
    std::filesystem::create_directories(root / "fonts");
    const auto write = [&](const std::string& name, const std::string& text) { std::ofstream(root / "fonts" / name) << text; };
    write("manifest.json", R"({"version": 2, "fonts": [
      {"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 4, "ranges": [[1536, 1791]]},
      {"file": "noto-hebrew.ttf", "script": "Hebr", "variant": "", "bytes": 4, "ranges": [[1425, 1535]]}],
     "cjk": [
      {"variant": "zh-Hans", "script": "Hans", "file": "cjk-slices-sc.json", "bytes": 1, "ranges": [[12288, 12543], [19968, 40959]]},
      {"variant": "ja", "script": "Jpan", "file": "cjk-slices-jp.json", "bytes": 1, "ranges": [[12288, 12543], [19968, 40959]]}]})");
    write("cjk-slices-sc.json", R"({"version": 2, "variant": "zh-Hans", "fonts": [
      {"file": "noto-cjk-sc-01.otf", "script": "Hans", "variant": "zh-Hans", "bytes": 4, "ranges": [[12288, 12351], [19968, 39999]]},
      {"file": "noto-cjk-shared-01.otf", "script": "Hans", "variant": "zh-Hans", "bytes": 4, "ranges": [[12288, 12543], [19968, 40959]]}]})");
    write("cjk-slices-jp.json", R"({"version": 2, "variant": "ja", "fonts": [
      {"file": "noto-cjk-jp-01.otf", "script": "Jpan", "variant": "ja", "bytes": 4, "ranges": [[12288, 12543], [19968, 40959]]},
      {"file": "noto-cjk-shared-01.otf", "script": "Jpan", "variant": "ja", "bytes": 4, "ranges": [[12288, 12543], [19968, 40959]]}]})");
    for (const char* font : {"noto-arabic.ttf", "noto-hebrew.ttf", "noto-cjk-sc-01.otf", "noto-cjk-jp-01.otf", "noto-cjk-shared-01.otf"})
        write(font, "font");
    return root.string();
}

bool ascii_only(char32_t cp) { return cp < 0x80; }
}  // namespace

TEST_CASE("font set: Latin fetches nothing; Hebrew the index and the Hebrew font; Chinese also the zh-Hans slice map, once") {
    platform::set_static_root(slice_map_folder());
    ui::FontSet fonts;
    fonts.want("Istanbul talks", ascii_only);
    CHECK(fonts.requested().empty());

    fonts.want("שלום עולם", ascii_only);
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "noto-hebrew.ttf"});
    CHECK(fonts.loaded() == std::vector<std::string>{"noto-hebrew.ttf"});

    fonts.set_variant("zh-Hans", drawn_code_points("北京是中国的首都。"));
    fonts.want("北京是中国的首都。", ascii_only);
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "noto-hebrew.ttf", "cjk-slices-sc.json",
                                                        "noto-cjk-sc-01.otf"});
    // More Chinese, some of it beyond the first slice (鹰 U+9E70): the map is not fetched again.
    fonts.want("上海的天气和鹰", ascii_only);
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "noto-hebrew.ttf", "cjk-slices-sc.json",
                                                        "noto-cjk-sc-01.otf", "noto-cjk-shared-01.otf"});
    CHECK(fonts.pending() == 0);
    CHECK(fonts.error().empty());
    // The document's variant first: the body, Hebrew, then its slices in the map's order.
    CHECK(fonts.files().size() == 4);
}

TEST_CASE("font set: a document's CJK variant asks for a font rebuild only when it reorders loaded fonts") {
    platform::set_static_root(slice_map_folder());
    ui::FontSet fonts;
    (void)fonts.files();
    REQUIRE_FALSE(fonts.changed());
    // Nothing of any variant loaded yet: the order of the fonts cannot change (a Chinese document
    // opened in a Latin session rebuilt the fonts and laid its first screen out twice).
    fonts.set_variant("zh-Hans", drawn_code_points("北京是中国的首都。"));
    CHECK_FALSE(fonts.changed());
    fonts.want("北京是中国的首都。", ascii_only);  // its slice arrives: that is a change
    CHECK(fonts.changed());
    (void)fonts.files();
    // A Japanese document next: the zh-Hans slice now goes after the ja ones.
    fonts.set_variant("ja", drawn_code_points("東京"));
    CHECK(fonts.changed());
}

TEST_CASE("font set: a Japanese document fetches the ja slice map and Japanese slices, not the Chinese map") {
    platform::set_static_root(slice_map_folder());
    ui::FontSet fonts;
    fonts.set_variant("ja", drawn_code_points("東京は日本の首都です"));
    fonts.want("東京は日本の首都です", ascii_only);
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "cjk-slices-jp.json", "noto-cjk-jp-01.otf"});
    CHECK_FALSE(fonts.fetching(U'東'));
}

TEST_CASE("font set: the code point that asked for a slice map gets its slice once the map arrives") {
    platform::set_static_root(slice_map_folder());
    ui::FontSet fonts;
    fonts.set_variant("zh-Hans", drawn_code_points("鹰"));
    fonts.want("鹰", ascii_only);  // U+9E70: only in the shared slice
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "cjk-slices-sc.json", "noto-cjk-shared-01.otf"});
    CHECK(fonts.loaded() == std::vector<std::string>{"noto-cjk-shared-01.otf"});
}

TEST_CASE("font set: a slice map that cannot be read is reported and its code points are not pending") {
    const std::string root = slice_map_folder();
    std::filesystem::remove(std::filesystem::path(root) / "fonts" / "cjk-slices-sc.json");
    platform::set_static_root(root);
    ui::FontSet fonts;
    fonts.set_variant("zh-Hans", drawn_code_points("中国"));
    fonts.want("中国", ascii_only);
    CHECK(fonts.requested() == std::vector<std::string>{"manifest.json", "cjk-slices-sc.json"});
    CHECK_FALSE(fonts.error().empty());
    CHECK_FALSE(fonts.fetching(U'中'));
    fonts.want("中国人", ascii_only);  // not asked for again
    CHECK(fonts.requested().size() == 2);
}


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

TEST_CASE("fonts: six hundred font rebuilds (zooms) leave Dear ImGui's atlas bookkeeping sound and every glyph drawable") {
    // Each rebuild dropped the fonts one by one, so the atlas reused its rectangle entries and
    // bumped their 10-bit generation counters: past 511 reuses they overflowed (Dear ImGui 1.92.2b;
    // the fuzzer tripped its assertion), and a glyph's rectangle could no longer be found.
    Driver d;
    for (int i = 0; i < 600; ++i) {
        d.app().load_fonts(1.0f);
        d.frame();
    }
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    REQUIRE(atlas->Builder != nullptr);
    for (const ImFontAtlasRectEntry& e : atlas->Builder->RectsIndex) CHECK(e.Generation >= 0);
    ImFontBaked* baked = d.app().fonts().body->GetFontBaked(d.app().fonts().body_px);
    const ImFontGlyph* g = baked->FindGlyph(U'é');
    REQUIRE(g != nullptr);
    CHECK(g->Visible);
    CHECK(ImFontAtlasPackGetRect(const_cast<ImFontAtlas*>(atlas), g->PackId) != nullptr);
}
