#include <doctest/doctest.h>
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/display_text.h"
#include "core/font_catalog.h"
#include "core/font_manifest.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {
const char* kManifest = R"({"version": 1, "fonts": [
  {"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 1000, "ranges": [[1536, 1791], [64336, 65023]]},
  {"file": "noto-cjk-sc-01.otf", "script": "Hani", "variant": "zh-Hans", "bytes": 5000, "ranges": [[12288, 12351], [20013, 20013], [22269, 22269]]},
  {"file": "noto-cjk-sc-02.otf", "script": "Hani", "variant": "zh-Hans", "bytes": 5000, "ranges": [[19968, 40959]]},
  {"file": "noto-cjk-jp-01.otf", "script": "Jpan", "variant": "ja", "bytes": 5000, "ranges": [[12288, 12543], [19968, 40959]]},
  {"file": "symbola.ttf", "script": "Zsye", "variant": "", "bytes": 3000, "ranges": [[127744, 129791]]}
]})";

// The index (manifest.json) of a build with slice maps: per-script fonts, and for each CJK variant
// the file listing its slices and the code points they may cover.
const char* kIndex = R"({"version": 2, "fonts": [
  {"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 1000, "ranges": [[1536, 1791]]},
  {"file": "noto-hebrew.ttf", "script": "Hebr", "variant": "", "bytes": 900, "ranges": [[1425, 1535]]},
  {"file": "symbola.ttf", "script": "Zsye", "variant": "", "bytes": 3000, "ranges": [[127744, 129791]]}],
 "cjk": [
  {"variant": "zh-Hans", "script": "Hans", "file": "cjk-slices-sc.json", "bytes": 400, "ranges": [[12288, 12351], [19968, 40959]]},
  {"variant": "ja", "script": "Jpan", "file": "cjk-slices-jp.json", "bytes": 300, "ranges": [[12288, 12543], [19968, 40959]]}]})";
const char* kSlicesSc = R"({"version": 2, "variant": "zh-Hans", "fonts": [
  {"file": "noto-cjk-sc-01.otf", "script": "Hans", "variant": "zh-Hans", "bytes": 5000, "ranges": [[12288, 12351], [20013, 20013], [22269, 22269]]},
  {"file": "noto-cjk-sc-02.otf", "script": "Hans", "variant": "zh-Hans", "bytes": 5000, "ranges": [[19968, 40959]]}]})";
const char* kSlicesJp = R"({"version": 2, "variant": "ja", "fonts": [
  {"file": "noto-cjk-jp-01.otf", "script": "Jpan", "variant": "ja", "bytes": 5000, "ranges": [[12288, 12543], [19968, 40959]]}]})";

std::vector<std::string> needed(const FontCatalog& c, std::string_view text, std::string_view variant) {
    return fonts_needed(c, drawn_code_points(text), variant).files;
}
std::vector<std::string> maps_needed(const FontCatalog& c, std::string_view text, std::string_view variant) {
    std::vector<std::string> out;
    for (const std::size_t m : fonts_needed(c, drawn_code_points(text), variant).slice_maps)
        out.push_back(c.index().slice_maps[m].file);
    return out;
}
}  // namespace

TEST_CASE("font manifest: reads files, scripts, variants and ranges") {
    const auto m = parse_font_manifest(kManifest);
    REQUIRE(m.ok());
    REQUIRE(m->fonts.size() == 5);
    CHECK(m->fonts[0].file == "noto-arabic.ttf");
    CHECK(m->fonts[1].variant == "zh-Hans");
    CHECK(m->fonts[0].bytes == 1000);
    CHECK(m->fonts[0].covers(0x0627));
    CHECK_FALSE(m->fonts[0].covers(0x0041));
    CHECK(m->fonts[0].covers(64336));
    CHECK_FALSE(m->fonts[0].covers(1792));
}

TEST_CASE("font manifest: refuses what is not a manifest, naming the place") {
    CHECK_FALSE(parse_font_manifest("[]").ok());
    const auto bad = parse_font_manifest(R"({"version": 1, "fonts": [{"file": "a.ttf", "ranges": [[5, 2]]}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "fonts[0].ranges[0]: first code point 5 is after last 2");
    const auto path = parse_font_manifest(R"({"version": 1, "fonts": [{"file": "../x.ttf", "ranges": []}]})");
    REQUIRE_FALSE(path.ok());
    CHECK(path.error().message == "fonts[0].file: \"../x.ttf\" is not a plain file name");
}

TEST_CASE("font manifest: the files a text needs, first covering file per code point, in the document's variant") {
    // A manifest of the first builds (version 1): every font in one list, no slice maps.
    const auto m = parse_font_manifest(kManifest);
    REQUIRE(m.ok());
    const FontCatalog c(*m);
    // Latin only: nothing to fetch.
    CHECK(needed(c, "Istanbul talks, é ’ «»", "").empty());
    // Arabic and an emoji: two files.
    CHECK(needed(c, "مرحبا 😀", "") == std::vector<std::string>{"noto-arabic.ttf", "symbola.ttf"});
    // 中国 in Simplified Chinese: 中 (U+4E2D) and 国 (U+56FD) are in the first slice; 人 (U+4EBA) only in the second.
    CHECK(needed(c, "中国", "zh-Hans") == std::vector<std::string>{"noto-cjk-sc-01.otf"});
    CHECK(needed(c, "中国人", "zh-Hans") == std::vector<std::string>{"noto-cjk-sc-01.otf", "noto-cjk-sc-02.otf"});
    // Han in a text shown beside a document without CJK (a document name): the first file of any
    // variant; kana beside a Chinese document: the Japanese file.
    CHECK(needed(c, "中国", "") == std::vector<std::string>{"noto-cjk-sc-01.otf"});
    CHECK(needed(c, "ニ", "zh-Hans") == std::vector<std::string>{"noto-cjk-jp-01.otf"});
    // The same characters in a Japanese document come from the Japanese font.
    CHECK(needed(c, "中国人", "ja") == std::vector<std::string>{"noto-cjk-jp-01.otf"});
    CHECK(fonts_needed(c, drawn_code_points("中国人 ニ"), "ja").slice_maps.empty());
}

TEST_CASE("font manifest: the index names each CJK variant's slice map and the code points it may cover") {
    const auto m = parse_font_manifest(kIndex);
    REQUIRE(m.ok());
    REQUIRE(m->fonts.size() == 3);
    REQUIRE(m->slice_maps.size() == 2);
    const SliceMapRef& sc = m->slice_maps[0];
    CHECK(sc.variant == "zh-Hans");
    CHECK(sc.script == "Hans");
    CHECK(sc.file == "cjk-slices-sc.json");
    CHECK(sc.bytes == 400);
    CHECK(sc.may_cover(0x4E2D));
    CHECK(sc.may_cover(0x3002));
    CHECK_FALSE(sc.may_cover(0x30CB));  // ニ: kana, only in the Japanese map
    CHECK(m->slice_maps[1].may_cover(0x30CB));

    const auto slices = parse_slice_map(kSlicesSc, sc);
    REQUIRE(slices.ok());
    REQUIRE(slices->size() == 2);
    CHECK((*slices)[0].file == "noto-cjk-sc-01.otf");
    CHECK((*slices)[0].variant == "zh-Hans");
    CHECK((*slices)[1].covers(0x4EBA));
}

TEST_CASE("font manifest: a slice map that does not match its entry in the index is refused, naming the place") {
    const auto m = parse_font_manifest(kIndex);
    REQUIRE(m.ok());
    const SliceMapRef& sc = m->slice_maps[0];
    CHECK_FALSE(parse_slice_map("[]", sc).ok());
    const auto other = parse_slice_map(kSlicesJp, sc);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().message == "cjk-slices-sc.json: variant \"ja\", expected \"zh-Hans\"");
    const auto beyond = parse_slice_map(R"({"version": 2, "variant": "zh-Hans", "fonts": [
      {"file": "noto-cjk-sc-01.otf", "variant": "zh-Hans", "ranges": [[12288, 12543]]}]})", sc);
    REQUIRE_FALSE(beyond.ok());
    CHECK(beyond.error().message ==
          "cjk-slices-sc.json: fonts[0].ranges[0]: code points 12352–12543 are beyond what the index says the map covers");
    const auto entry_variant = parse_slice_map(R"({"version": 2, "variant": "zh-Hans", "fonts": [
      {"file": "noto-cjk-jp-01.otf", "variant": "ja", "ranges": [[20013, 20013]]}]})", sc);
    REQUIRE_FALSE(entry_variant.ok());
    CHECK(entry_variant.error().message == "cjk-slices-sc.json: fonts[0].variant: \"ja\", expected \"zh-Hans\"");
    const auto bad_ref = parse_font_manifest(R"({"version": 2, "fonts": [], "cjk": [{"variant": "ja", "file": "a/b.json", "ranges": []}]})");
    REQUIRE_FALSE(bad_ref.ok());
    CHECK(bad_ref.error().message == "cjk[0].file: \"a/b.json\" is not a plain file name");
}

TEST_CASE("font catalog: a code point no per-script font has asks for its variant's slice map first, then the slice") {
    const auto m = parse_font_manifest(kIndex);
    REQUIRE(m.ok());
    FontCatalog c(*m);
    // Hebrew, Arabic, emoji: from the index alone, no slice map.
    CHECK(needed(c, "שלום مرحبا 😀", "zh-Hans") ==
          std::vector<std::string>{"noto-arabic.ttf", "noto-hebrew.ttf", "symbola.ttf"});
    CHECK(maps_needed(c, "שלום مرحبا 😀", "zh-Hans").empty());
    CHECK(maps_needed(c, "Istanbul, é «»", "").empty());
    // Chinese: the zh-Hans map (once for all its characters), no font yet.
    CHECK(needed(c, "中国人。", "zh-Hans").empty());
    CHECK(maps_needed(c, "中国人。", "zh-Hans") == std::vector<std::string>{"cjk-slices-sc.json"});
    // Han shown without a CJK document (a document name): the first variant's map; in a Japanese
    // document, the Japanese map.
    CHECK(maps_needed(c, "中国", "") == std::vector<std::string>{"cjk-slices-sc.json"});
    CHECK(maps_needed(c, "中国", "ja") == std::vector<std::string>{"cjk-slices-jp.json"});

    REQUIRE(c.add_slice_map(0, kSlicesSc).ok());
    CHECK(c.has_slice_map(0));
    CHECK_FALSE(c.has_slice_map(1));
    CHECK(needed(c, "中国", "zh-Hans") == std::vector<std::string>{"noto-cjk-sc-01.otf"});
    CHECK(needed(c, "中国人", "zh-Hans") == std::vector<std::string>{"noto-cjk-sc-01.otf", "noto-cjk-sc-02.otf"});
    CHECK(maps_needed(c, "中国人", "zh-Hans").empty());
    CHECK(needed(c, "中国", "") == std::vector<std::string>{"noto-cjk-sc-01.otf"});
    // Kana beside a Chinese document: not in the zh-Hans map's reach, so the Japanese map; a
    // Japanese document's Han: its own map, even though the Chinese one is known.
    CHECK(maps_needed(c, "ニ", "zh-Hans") == std::vector<std::string>{"cjk-slices-jp.json"});
    CHECK(maps_needed(c, "中国", "ja") == std::vector<std::string>{"cjk-slices-jp.json"});

    REQUIRE(c.add_slice_map(1, kSlicesJp).ok());
    CHECK(needed(c, "ニ", "zh-Hans") == std::vector<std::string>{"noto-cjk-jp-01.otf"});
    CHECK(needed(c, "中国人", "ja") == std::vector<std::string>{"noto-cjk-jp-01.otf"});
    // Every font known, in preference order: the index's, then each map's in the index's order.
    std::vector<std::string> order;
    for (const FontFile* f : c.fonts()) order.push_back(f->file);
    CHECK(order == std::vector<std::string>{"noto-arabic.ttf", "noto-hebrew.ttf", "symbola.ttf", "noto-cjk-sc-01.otf",
                                            "noto-cjk-sc-02.otf", "noto-cjk-jp-01.otf"});
    // A map that does not fit its entry is not added.
    FontCatalog fresh(*m);
    CHECK_FALSE(fresh.add_slice_map(0, kSlicesJp).ok());
    CHECK_FALSE(fresh.has_slice_map(0));
}

TEST_CASE("font manifest: the CJK variant follows the text: kana → ja, hangul → ko, Han only → zh-Hans") {
    // From a text's drawn code points, what the app collects once when a document opens.
    const auto variant_of = [](std::string_view text) { return detect_cjk_variant(drawn_code_points(text)); };
    CHECK(variant_of("Istanbul") == "");
    CHECK(variant_of("北京是中国的首都") == "zh-Hans");
    CHECK(variant_of("東京は日本の首都です") == "ja");
    CHECK(variant_of("서울은 한국의 수도") == "ko");
    CHECK(variant_of("漢字とかな") == "ja");
    // Kana anywhere wins, then hangul, then Han; other scripts do not count.
    const std::pair<const char*, const char*> mixed[] = {
        {"Ankara و 北京 и 서울", "ko"}, {"鹰ア", "ja"}, {"서울 東京 ア", "ja"}, {"Москва 北京", "zh-Hans"},
        {"مرحبا بالعالم", ""}, {"ｱ", "ja"}, {"𠀋", "zh-Hans"}};
    for (const auto& [text, expected] : mixed) CHECK(variant_of(text) == expected);
    CHECK(detect_cjk_variant(std::span<const char32_t>()) == "");
    const std::vector<char32_t> hangul_and_han{U'中', U'한'};
    CHECK(detect_cjk_variant(std::span<const char32_t>(hangul_and_han)) == "ko");
}

TEST_CASE("font manifest: a document's language tag picks the CJK variant") {
    CHECK(cjk_variant_of_language("") == "");
    CHECK(cjk_variant_of_language("fr") == "");
    CHECK(cjk_variant_of_language("zh") == "zh-Hans");
    CHECK(cjk_variant_of_language("zh-Hans-CN") == "zh-Hans");
    CHECK(cjk_variant_of_language("zh-TW") == "zh-Hant");
    CHECK(cjk_variant_of_language("ZH-Hant") == "zh-Hant");
    CHECK(cjk_variant_of_language("ja-JP") == "ja");
    CHECK(cjk_variant_of_language("ko") == "ko");
    CHECK(cjk_variant_of_language("kok") == "");  // Konkani, not Korean
}

TEST_CASE("font manifest: the code points drawn beyond ASCII are collected once each, sorted") {
    CHECK(drawn_code_points("abc") == std::vector<char32_t>{});
    CHECK(drawn_code_points("é a é 😀 中") == std::vector<char32_t>{0xE9, 0x4E2D, 0x1F600});
    // As drawn: NUL as its control picture, the joiner of 👩‍👧 not at all.
    CHECK(drawn_code_points(std::string("a\0b", 3)) == std::vector<char32_t>{0x2400});
    CHECK(drawn_code_points("👩\u200D👧") == std::vector<char32_t>{0x1F467, 0x1F469});
}

TEST_CASE("font manifest: drawn code points of long mixed texts equal sorting every drawn code point") {
    // The reference: every drawn code point beyond ASCII, sorted, repeats removed.
    const auto reference = [](std::string_view utf8) {
        std::vector<char32_t> all;
        for (std::size_t i = 0; i < utf8.size();) {
            const char32_t shown = display_code_point(decode_utf8(utf8, i));
            if (shown >= 0x80) all.push_back(shown);
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        return all;
    };
    // Code points from every plane the view draws: ASCII (controls too), Latin-1 and its C1
    // controls, Arabic, Han, the last BMP code points, emoji, a joiner, Plane 2 and tags.
    const char32_t pool[] = {U'a', U' ', 0x01, 0x7F, U'\n', 0xE9, 0x85, 0x627, 0x644, 0x4E2D, 0x56FD, 0xFFFD, 0xFFFC,
                             0x1F600, 0x1F469, 0x200D, 0x20000, 0x2A6D6, 0xE0041, 0xFE0F, 0x10FFFD};
    std::uint64_t state = 12345;
    std::size_t short_texts = 0, long_texts = 0;  // both ways of collecting (a bitmap above 4 KB)
    for (int round = 0; round < 50; ++round) {
        std::string text;
        const int length = 1 + static_cast<int>((state >> 33) % 4000);
        for (int k = 0; k < length; ++k) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            append_utf8(text, pool[(state >> 33) % (sizeof pool / sizeof pool[0])]);
        }
        append_utf8(text, static_cast<char32_t>(0x3042 + round));  // a code point found once
        REQUIRE(drawn_code_points(text) == reference(text));
        ++(text.size() > 4096 ? long_texts : short_texts);
    }
    CHECK(short_texts > 5);
    CHECK(long_texts > 5);
}
