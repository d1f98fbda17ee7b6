#include "core/text_shaper.h"

#include <algorithm>
#include <climits>

#include <hb.h>

#include "core/display_text.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

struct ShapingFont {
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    unsigned units_per_em = 1000;
};

}  // namespace

struct TextShaper::Impl {
    std::vector<ShapingFont> fonts;
    hb_buffer_t* buffer = hb_buffer_create();  // reused by every shape() call

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        for (ShapingFont& f : fonts) {
            hb_font_destroy(f.font);
            hb_face_destroy(f.face);
        }
        hb_buffer_destroy(buffer);
    }
    [[nodiscard]] const ShapingFont* find(FontId id) const { return id.index < fonts.size() ? &fonts[id.index] : nullptr; }
};

TextShaper::TextShaper() : impl_(std::make_unique<Impl>()) {}
TextShaper::~TextShaper() = default;

std::optional<FontId> TextShaper::add_font(std::span<const unsigned char> bytes, unsigned face_index) {
    if (bytes.empty() || bytes.size() > UINT_MAX) return std::nullopt;
    hb_blob_t* blob = hb_blob_create_or_fail(reinterpret_cast<const char*>(bytes.data()), static_cast<unsigned>(bytes.size()),
                                             HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    if (!blob) return std::nullopt;
    hb_face_t* face = hb_face_create_or_fail(blob, face_index);
    hb_blob_destroy(blob);  // the face holds its own reference
    if (!face) return std::nullopt;
    if (hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        return std::nullopt;
    }
    ShapingFont f;
    f.face = face;
    f.units_per_em = hb_face_get_upem(face);
    f.font = hb_font_create(face);
    // Font units, unhinted: results scale linearly to any size (see ShapedGlyph).
    hb_font_set_scale(f.font, static_cast<int>(f.units_per_em), static_cast<int>(f.units_per_em));
    impl_->fonts.push_back(f);
    return FontId{static_cast<std::uint32_t>(impl_->fonts.size() - 1)};
}

std::size_t TextShaper::font_count() const { return impl_->fonts.size(); }

unsigned TextShaper::units_per_em(FontId font) const {
    const ShapingFont* f = impl_->find(font);
    return f ? f->units_per_em : 1000;
}

bool TextShaper::has_glyph(FontId font, char32_t cp) const {
    const ShapingFont* f = impl_->find(font);
    hb_codepoint_t glyph = 0;
    return f && hb_font_get_nominal_glyph(f->font, cp, &glyph) && glyph != 0;
}

unsigned TextShaper::glyph_count(FontId font) const {
    const ShapingFont* f = impl_->find(font);
    return f ? hb_face_get_glyph_count(f->face) : 0;
}

bool TextShaper::glyph_has_ink(FontId font, std::uint32_t glyph_id) const {
    const ShapingFont* f = impl_->find(font);
    hb_glyph_extents_t extents{};
    return f && hb_font_get_glyph_extents(f->font, glyph_id, &extents) && extents.width != 0 && extents.height != 0;
}

std::vector<ShapedGlyph> TextShaper::shape(const ShapeRequest& request) {
    const ShapingFont* f = impl_->find(request.font);
    const std::size_t end = std::min(request.cp_end, request.text.size());
    if (!f || request.cp_start >= end || request.text.size() > INT_MAX) return {};
    hb_buffer_t* buffer = impl_->buffer;
    hb_buffer_clear_contents(buffer);
    static_assert(sizeof(char32_t) == sizeof(std::uint32_t));
    hb_buffer_add_utf32(buffer, reinterpret_cast<const std::uint32_t*>(request.text.data()),
                        static_cast<int>(request.text.size()), static_cast<unsigned>(request.cp_start),
                        static_cast<int>(end - request.cp_start));
    hb_buffer_set_direction(buffer, request.direction == TextDirection::rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (request.script != 0) hb_buffer_set_script(buffer, static_cast<hb_script_t>(request.script));
    if (!request.language.empty())
        hb_buffer_set_language(buffer, hb_language_from_string(request.language.data(), static_cast<int>(request.language.size())));
    hb_buffer_guess_segment_properties(buffer);  // fills in only what is still unset
    hb_shape(f->font, buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, nullptr);
    const float px_per_unit = request.size_px / static_cast<float>(f->units_per_em);
    std::vector<ShapedGlyph> glyphs(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs[i].glyph_id = infos[i].codepoint;
        glyphs[i].cluster = infos[i].cluster;
        glyphs[i].x_advance = static_cast<float>(positions[i].x_advance) * px_per_unit;
        glyphs[i].x_offset = static_cast<float>(positions[i].x_offset) * px_per_unit;
        glyphs[i].y_offset = static_cast<float>(positions[i].y_offset) * px_per_unit;
    }
    return glyphs;
}

std::uint32_t script_of(char32_t cp) { return hb_unicode_script(hb_unicode_funcs_get_default(), cp); }

bool continues_cluster(char32_t cp) {
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return true;
    default:
        return cp == 0x200C || cp == 0x200D;  // zero-width non-joiner and joiner
    }
}

namespace {

// Scripts drawn one code point after the other: no contextual forms, no reordering.
bool is_simple_script(std::uint32_t script) {
    switch (script) {
    case script_tag("Latn"): case script_tag("Grek"): case script_tag("Cyrl"): case script_tag("Armn"):
    case script_tag("Geor"): case script_tag("Ethi"): case script_tag("Cher"): case script_tag("Cans"):
    case script_tag("Hani"): case script_tag("Hira"): case script_tag("Kana"): case script_tag("Hang"):
    case script_tag("Bopo"): case script_tag("Yiii"): case script_tag("Brai"): case script_tag("Runr"):
    case script_tag("Ogam"): case kScriptCommon: case kScriptInherited: case kScriptUnknown:
        return true;
    default:
        return false;
    }
}

bool is_bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_conjoining_jamo(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

}  // namespace

bool needs_shaping(char32_t cp) {
    if (cp < 0x0300) return false;
    if (is_bidi_control(cp) || is_conjoining_jamo(cp)) return true;
    if (cp != 0x200C && cp != 0x200D && continues_cluster(cp)) return true;
    return !is_simple_script(script_of(cp));
}

bool needs_shaping(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0xCC) {  // ASCII, a continuation byte, or the lead byte of U+0080–U+02FF
            ++pos;
            continue;
        }
        if (needs_shaping(decode_utf8(utf8, pos))) return true;
    }
    return false;
}

char32_t shaping_code_point(char32_t cp) {
    if (cp == U'\t') return U' ';
    const char32_t shown = display_code_point(cp);
    return shown == 0 ? cp : shown;
}

}  // namespace inkspan
