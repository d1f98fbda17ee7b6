#pragma once
// The fallback fonts known so far: the index (fonts/manifest.json) and the CJK slice maps read
// since. Says which font draws a code point, or which slice map must be read before that is
// known; the preference order is the one of one long list: the index's fonts, then each slice
// map's fonts in the index's order of the maps.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/font_manifest.h"
#include "core/result.h"

namespace inkspan {

class FontCatalog {
public:
    FontCatalog() = default;
    explicit FontCatalog(FontManifest index);

    [[nodiscard]] const FontManifest& index() const { return index_; }

    // Reads slice map `map` (an index into index().slice_maps) from its file's text.
    Status add_slice_map(std::size_t map, std::string_view json);
    [[nodiscard]] bool has_slice_map(std::size_t map) const;

    // For code point `cp` in a text shown with CJK variant `variant`: the first font of variant ""
    // or `variant` that covers it, else (a Korean document name beside an Arabic document) the
    // first font of any variant. `font`: that file. `slice_map`: a map not read yet that may hold
    // the answer; read it and ask again. Neither: no font has `cp`.
    struct Choice {
        const FontFile* font = nullptr;
        std::optional<std::size_t> slice_map;
    };
    [[nodiscard]] Choice choose(char32_t cp, std::string_view variant) const;

    // Every font known, in preference order (a shared CJK file once per map that lists it).
    [[nodiscard]] std::vector<const FontFile*> fonts() const;

private:
    FontManifest index_;
    std::vector<std::optional<std::vector<FontFile>>> slices_;  // per index_.slice_maps, once read
};

// What `code_points` (sorted) need, by FontCatalog::choose: font files (once each, in preference
// order) and the slice maps to read first (ascending).
struct FontsNeeded {
    std::vector<std::string> files;
    std::vector<std::size_t> slice_maps;
};
[[nodiscard]] FontsNeeded fonts_needed(const FontCatalog& catalog, const std::vector<char32_t>& code_points,
                                       std::string_view variant);

}  // namespace inkspan
