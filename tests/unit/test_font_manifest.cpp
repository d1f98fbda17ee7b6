#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/font_manifest.h"

using namespace inkspan;

namespace {
const char* kManifest = R"({"version": 1, "fonts": [
  {"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 1000, "ranges": [[1536, 1791], [64336, 65023]]},
  {"file": "noto-cjk-sc-01.otf", "script": "Hani", "variant": "zh-Hans", "bytes": 5000, "ranges": [[12288, 12351], [20013, 20013], [22269, 22269]]},
  {"file": "noto-cjk-sc-02.otf", "script": "Hani", "variant": "zh-Hans", "bytes": 5000, "ranges": [[19968, 40959]]},
  {"file": "noto-cjk-jp-01.otf", "script": "Jpan", "variant": "ja", "bytes": 5000, "ranges": [[12288, 12543], [19968, 40959]]},
  {"file": "symbola.ttf", "script": "Zsye", "variant": "", "bytes": 3000, "ranges": [[127744, 129791]]}
]})";

std::vector<std::string> names(const FontManifest& m, const std::vector<std::size_t>& idx) {
    std::vector<std::string> out;
    for (std::size_t i : idx) out.push_back(m.fonts[i].file);
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
    const auto m = parse_font_manifest(kManifest);
    REQUIRE(m.ok());
    // Latin only: nothing to fetch.
    CHECK(fonts_needed(*m, drawn_code_points("Istanbul talks, é ’ «»"), "").empty());
    // Arabic and an emoji: two files.
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("مرحبا 😀"), "")) ==
          std::vector<std::string>{"noto-arabic.ttf", "symbola.ttf"});
    // 中国 in Simplified Chinese: 中 (U+4E2D) and 国 (U+56FD) are in the first slice; 人 (U+4EBA) only in the second.
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("中国"), "zh-Hans")) ==
          std::vector<std::string>{"noto-cjk-sc-01.otf"});
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("中国人"), "zh-Hans")) ==
          std::vector<std::string>{"noto-cjk-sc-01.otf", "noto-cjk-sc-02.otf"});
    // Han in a text shown beside a document without CJK (a document name): the first file of any
    // variant; kana beside a Chinese document: the Japanese file.
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("中国"), "")) == std::vector<std::string>{"noto-cjk-sc-01.otf"});
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("ニ"), "zh-Hans")) == std::vector<std::string>{"noto-cjk-jp-01.otf"});
    // The same characters in a Japanese document come from the Japanese font.
    CHECK(names(*m, fonts_needed(*m, drawn_code_points("中国人"), "ja")) ==
          std::vector<std::string>{"noto-cjk-jp-01.otf"});
}

TEST_CASE("font manifest: the CJK variant follows the text: kana → ja, hangul → ko, Han only → zh-Hans") {
    CHECK(detect_cjk_variant("Istanbul") == "");
    CHECK(detect_cjk_variant("北京是中国的首都") == "zh-Hans");
    CHECK(detect_cjk_variant("東京は日本の首都です") == "ja");
    CHECK(detect_cjk_variant("서울은 한국의 수도") == "ko");
    CHECK(detect_cjk_variant("漢字とかな") == "ja");
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
