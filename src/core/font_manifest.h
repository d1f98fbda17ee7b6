#pragma once
// Which fallback font files a text needs. The web build writes fonts/manifest.json next to the app
// (scripts/build_fonts.py, docs/FONTS.md): one entry per file, in preference order, with the code
// points it has a glyph for and the body font lacks. The app fetches a file only when a text it
// shows has one of those code points.
#include <cstddef>
#include <optional>
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

struct FontManifest {
    std::vector<FontFile> fonts;
};

[[nodiscard]] Result<FontManifest> parse_font_manifest(std::string_view json);

// The code points drawn for valid UTF-8 `utf8` (display_text.h: NUL as ␀, joiners as nothing)
// that are above U+007F, once each, ascending.
[[nodiscard]] std::vector<char32_t> drawn_code_points(std::string_view utf8);

// The file for code point `cp`: the first of variant "" or `variant` covering it, else (a Korean
// document name shown beside an Arabic document) the first of any variant covering it.
[[nodiscard]] std::optional<std::size_t> font_for(const FontManifest& manifest, char32_t cp, std::string_view variant);

// Indexes into manifest.fonts of the files that cover `code_points` (sorted), by font_for. Ascending.
[[nodiscard]] std::vector<std::size_t> fonts_needed(const FontManifest& manifest, const std::vector<char32_t>& code_points,
                                                    std::string_view variant);

// The CJK variant a document's language tag asks for ("zh-TW" → "zh-Hant", "ja-JP" → "ja"), or
// "" for other languages and an empty tag.
[[nodiscard]] std::string cjk_variant_of_language(std::string_view tag);

// "ja" when the text has kana, else "ko" with hangul, else "zh-Hans" with Han ideographs, else "".
[[nodiscard]] std::string detect_cjk_variant(std::string_view utf8);

}  // namespace inkspan
