#pragma once
// Which fallback font files a text needs. The web build writes fonts/manifest.json next to the app
// (scripts/build_fonts.py, docs/FONTS.md), a small index: one entry per per-script file, in
// preference order, with the code points it has a glyph for and the body font lacks, and for each
// CJK variant the name of its slice map, a file of its own listing that variant's slices the same
// way (fetched only when a text has a code point the map may cover). The app fetches a font file
// only when a text it shows has one of its code points. (A manifest of the first builds, version
// 1, had every file in `fonts` and no slice maps; it still reads.)
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace inkspan {

struct FontFile {
    std::string file;     // plain file name under fonts/
    std::string script;   // ISO 15924, e.g. "Arab", "Hani"
    std::string variant;  // "" or a CJK regional variant: "zh-Hans", "ja", "ko", …
    std::size_t bytes = 0;
    std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive, sorted, disjoint

    [[nodiscard]] bool covers(char32_t cp) const;
};

// One CJK variant's slice map in the index ("cjk"): the file listing that variant's slices.
struct SliceMapRef {
    std::string variant;  // "zh-Hans", "ja", "ko", "zh-Hant"
    std::string script;   // ISO 15924: "Hans", "Jpan", "Kore", "Hant"
    std::string file;     // plain file name under fonts/
    std::size_t bytes = 0;
    std::vector<std::pair<char32_t, char32_t>> ranges;  // every code point the map's fonts may have

    [[nodiscard]] bool may_cover(char32_t cp) const;
};

struct FontManifest {
    std::vector<FontFile> fonts;
    std::vector<SliceMapRef> slice_maps;  // in preference order
};

// The index, fonts/manifest.json.
[[nodiscard]] Result<FontManifest> parse_font_manifest(std::string_view json);

// The fonts of slice map `ref`, read from its file: refused unless they are all of ref's variant
// and within ref's ranges (what the index promised is what the app relies on).
[[nodiscard]] Result<std::vector<FontFile>> parse_slice_map(std::string_view json, const SliceMapRef& ref);

// The code points drawn for valid UTF-8 `utf8` (display_text.h: NUL as ␀, joiners as nothing)
// that are above U+007F, once each, ascending.
[[nodiscard]] std::vector<char32_t> drawn_code_points(std::string_view utf8);

// The CJK variant a document's language tag asks for ("zh-TW" → "zh-Hant", "ja-JP" → "ja"), or
// "" for other languages and an empty tag.
[[nodiscard]] std::string cjk_variant_of_language(std::string_view tag);

// "ja" when the text has kana, else "ko" with hangul, else "zh-Hans" with Han ideographs, else "".
// From the text's drawn code points (drawn_code_points: what the app collects anyway when a
// document opens, so its text is decoded once).
[[nodiscard]] std::string detect_cjk_variant(std::span<const char32_t> drawn);

}  // namespace inkspan
