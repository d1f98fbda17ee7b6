#include "core/font_catalog.h"

#include <algorithm>

namespace inkspan {

FontCatalog::FontCatalog(FontManifest index) : index_(std::move(index)), slices_(index_.slice_maps.size()) {}

Status FontCatalog::add_slice_map(std::size_t map, std::string_view json) {
    if (map >= slices_.size()) return make_error(ErrorKind::NotFound, "no slice map " + std::to_string(map) + " in the index");
    auto fonts = parse_slice_map(json, index_.slice_maps[map]);
    if (!fonts.ok()) return fonts.error();
    slices_[map] = std::move(fonts.value());
    return Ok{};
}

bool FontCatalog::has_slice_map(std::size_t map) const { return map < slices_.size() && slices_[map].has_value(); }

FontCatalog::Choice FontCatalog::choose(char32_t cp, std::string_view variant) const {
    const auto own = [&](const std::string& v) { return v.empty() || v == variant; };
    // Walks the one long list in order. The first covering font of our variant wins; failing
    // that, the first covering font of any variant, which an unread map of another variant may
    // hold (then that map is the answer if no font of ours follows).
    std::optional<Choice> other;
    const auto look_in = [&](const std::vector<FontFile>& fonts) -> const FontFile* {
        for (const FontFile& f : fonts) {
            if (!f.covers(cp)) continue;
            if (own(f.variant)) return &f;
            if (!other) other = Choice{&f, std::nullopt};
        }
        return nullptr;
    };
    if (const FontFile* f = look_in(index_.fonts)) return {f, std::nullopt};
    for (std::size_t m = 0; m < slices_.size(); ++m) {
        const SliceMapRef& ref = index_.slice_maps[m];
        if (!ref.may_cover(cp)) continue;
        if (slices_[m]) {
            if (const FontFile* f = look_in(*slices_[m])) return {f, std::nullopt};
        } else if (own(ref.variant)) {
            return {nullptr, m};
        } else if (!other) {
            other = Choice{nullptr, m};
        }
    }
    return other.value_or(Choice{});
}

std::vector<const FontFile*> FontCatalog::fonts() const {
    std::vector<const FontFile*> out;
    for (const FontFile& f : index_.fonts) out.push_back(&f);
    for (const auto& slices : slices_)
        if (slices)
            for (const FontFile& f : *slices) out.push_back(&f);
    return out;
}

FontsNeeded fonts_needed(const FontCatalog& catalog, const std::vector<char32_t>& code_points, std::string_view variant) {
    std::vector<const FontFile*> fonts;
    FontsNeeded out;
    for (const char32_t cp : code_points) {
        const FontCatalog::Choice c = catalog.choose(cp, variant);
        if (c.font) fonts.push_back(c.font);
        if (c.slice_map) out.slice_maps.push_back(*c.slice_map);
    }
    std::sort(fonts.begin(), fonts.end());
    fonts.erase(std::unique(fonts.begin(), fonts.end()), fonts.end());
    const std::vector<const FontFile*> order = catalog.fonts();
    const auto position = [&](const FontFile* f) { return std::find(order.begin(), order.end(), f) - order.begin(); };
    std::sort(fonts.begin(), fonts.end(), [&](const FontFile* a, const FontFile* b) { return position(a) < position(b); });
    for (const FontFile* f : fonts)
        if (std::find(out.files.begin(), out.files.end(), f->file) == out.files.end()) out.files.push_back(f->file);
    std::sort(out.slice_maps.begin(), out.slice_maps.end());
    out.slice_maps.erase(std::unique(out.slice_maps.begin(), out.slice_maps.end()), out.slice_maps.end());
    return out;
}

}  // namespace inkspan
