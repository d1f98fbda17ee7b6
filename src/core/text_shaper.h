#pragma once
// Text shaping with HarfBuzz: a run of one script, one direction and one font becomes glyphs —
// glyph ids (ligatures and conjuncts have no code point), advances, offsets, and the cluster each
// glyph belongs to. The shaper keeps a HarfBuzz face and font per font it was given; fonts come
// in as bytes (the core does no I/O). Results are in px for a size; HarfBuzz works in font units
// (no hinting), so a size change only rescales and the same run shapes the same natively and in
// the browser.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/bidi.h"

namespace inkspan {

struct FontId {
    std::uint32_t index = 0;
    friend bool operator==(FontId, FontId) = default;
};

struct ShapedGlyph {
    std::uint32_t glyph_id = 0;
    std::size_t cluster = 0;  // code point offset (in the shaped text) of the first code point it draws
    float x_advance = 0.0f;   // px the pen moves after it
    float x_offset = 0.0f;    // px from the pen position to where the glyph is drawn
    float y_offset = 0.0f;    // px, upwards (HarfBuzz's convention)
};

// What to shape: code points [cp_start, cp_end) of `text`, which is the whole paragraph so that
// letters join across the run's edges (Arabic) the way they do inside it.
struct ShapeRequest {
    std::u32string_view text;
    std::size_t cp_start = 0, cp_end = 0;
    TextDirection direction = TextDirection::ltr;
    std::uint32_t script = 0;       // ISO 15924 tag, e.g. script_tag("Arab"); 0 = from the text
    std::string_view language;      // BCP 47 (Persian and Urdu take their own forms); empty = none
    FontId font;
    float size_px = 16.0f;          // the font's em in px
};

class TextShaper {
public:
    TextShaper();
    ~TextShaper();
    TextShaper(const TextShaper&) = delete;
    TextShaper& operator=(const TextShaper&) = delete;

    // Adds face `face_index` of a font file (TrueType/OpenType/collection). The bytes are not
    // copied: they must stay alive and unchanged as long as the shaper (the font atlas keeps them).
    // nullopt when the bytes hold no such face.
    [[nodiscard]] std::optional<FontId> add_font(std::span<const unsigned char> bytes, unsigned face_index = 0);
    [[nodiscard]] std::size_t font_count() const;
    [[nodiscard]] unsigned units_per_em(FontId font) const;
    // True when the font maps `cp` to a glyph of its own (its cmap), i.e. it can draw it.
    [[nodiscard]] bool has_glyph(FontId font, char32_t cp) const;
    // Number of glyphs of the font, and whether glyph `glyph_id` has ink (an outline with an
    // area: false for spaces and empty glyphs).
    [[nodiscard]] unsigned glyph_count(FontId font) const;
    [[nodiscard]] bool glyph_has_ink(FontId font, std::uint32_t glyph_id) const;

    // Glyphs in visual order, left to right: a right-to-left run's last code point comes first.
    // Clusters are code point offsets into request.text.
    [[nodiscard]] std::vector<ShapedGlyph> shape(const ShapeRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The ISO 15924 tag of four letters ("Arab", "Deva", "Latn") as a number, HarfBuzz's hb_script_t.
[[nodiscard]] constexpr std::uint32_t script_tag(const char (&name)[5]) {
    return std::uint32_t(static_cast<unsigned char>(name[0])) << 24 |
           std::uint32_t(static_cast<unsigned char>(name[1])) << 16 |
           std::uint32_t(static_cast<unsigned char>(name[2])) << 8 | std::uint32_t(static_cast<unsigned char>(name[3]));
}
inline constexpr std::uint32_t kScriptCommon = script_tag("Zyyy");     // spaces, digits, punctuation
inline constexpr std::uint32_t kScriptInherited = script_tag("Zinh");  // combining marks, joiners
inline constexpr std::uint32_t kScriptUnknown = script_tag("Zzzz");

// Unicode Script property of a code point (HarfBuzz's tables).
[[nodiscard]] std::uint32_t script_of(char32_t cp);
// True when a paragraph holding `cp` must be shaped to be drawn right: right-to-left letters and
// digits (Hebrew, Arabic, Syriac, Thaana, N'Ko, …), bidi controls, every script with contextual
// forms, conjuncts or reordering (Indic, Southeast Asian, Mongolian, …), combining marks (they
// are positioned on their base) and conjoining Hangul jamo. False for Latin, Greek, Cyrillic,
// Armenian, Georgian, Ethiopic, CJK ideographs, kana, Hangul syllables, symbols and emoji: drawn
// one code point after the other, they need no shaping.
[[nodiscard]] bool needs_shaping(char32_t cp);
// True when some code point of `utf8` (valid UTF-8) needs shaping; fast on Latin text.
[[nodiscard]] bool needs_shaping(std::string_view utf8);
// The code point shaped for `cp`: what core/display_text draws (controls as pictures), a tab as a
// space; default-ignorables stay (HarfBuzz needs the joiners and hides them itself).
[[nodiscard]] char32_t shaping_code_point(char32_t cp);

// True for combining marks (variation selectors too) and the zero-width (non-)joiner: code points
// that belong with the one before and are drawn by its font.
[[nodiscard]] bool continues_cluster(char32_t cp);

}  // namespace inkspan
