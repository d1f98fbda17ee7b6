#pragma once
// The font files the app draws with: the body font (in the first download), then fallback fonts
// fetched on demand. want() is told every text the app shows; a code point no loaded font has
// makes it fetch the index fonts/manifest.json once, then the files it says cover it (for the
// shown document's CJK variant) -- for a CJK code point, first that variant's slice map (once),
// then the slices it names. When files arrive, changed() asks the App to rebuild its fonts. A
// session that shows only text the body font covers fetches nothing.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/font_catalog.h"

namespace inkspan::ui {

class FontSet {
public:
    using HasGlyph = std::function<bool(char32_t)>;

    FontSet();
    void set_body_font(std::vector<char> ttf);

    // Asks for the fonts `text` needs; `has_glyph` says what the fonts built so far cover.
    void want(std::string_view text, const HasGlyph& has_glyph);
    // The same for a text's drawn code points (core/font_manifest.h: drawn_code_points).
    void want(std::span<const char32_t> drawn, const HasGlyph& has_glyph);
    // The shown document's CJK variant ("zh-Hans", "ja", "ko", …) and its text's drawn code
    // points: its files come first in files(), and the document's own code points are fetched in
    // that variant (not those of texts seen before: switching to a Japanese document does not
    // fetch Japanese forms of a Chinese document's characters).
    void set_variant(const std::string& variant, std::span<const char32_t> document_drawn);

    // Files arrived (or the variant changed) since files() was last called.
    [[nodiscard]] bool changed() const { return state_->changed; }
    // The body font, then the loaded fallbacks in manifest order; clears changed().
    [[nodiscard]] std::vector<const std::vector<char>*> files();

    // Files still loading: the index, slice maps, fonts.
    [[nodiscard]] int pending() const { return static_cast<int>(state_->pending.size()); }
    // Every file under fonts/ asked for, in the order asked (the index and slice maps included).
    [[nodiscard]] const std::vector<std::string>& requested() const { return state_->requested; }
    [[nodiscard]] std::vector<std::string> loaded() const;
    // Code points of texts given to want() that the fonts built then lacked.
    [[nodiscard]] const std::set<char32_t>& wanted_code_points() const { return state_->wanted; }
    // A fetch for `cp` is under way (the index, its slice map, or the file that covers it).
    [[nodiscard]] bool fetching(char32_t cp) const;
    [[nodiscard]] const std::string& error() const { return state_->error; }

private:
    struct State {
        std::vector<char> body;
        enum class Manifest { NotFetched, Pending, Ready, Failed } manifest_state = Manifest::NotFetched;
        FontCatalog catalog;
        std::map<std::string, std::vector<char>> loaded;  // file → bytes
        std::set<std::string> pending, failed;            // file names (fonts, the index, slice maps)
        std::vector<std::string> requested;
        // Per slice map being fetched: the code points waiting for it, with the variant asked for.
        std::map<std::size_t, std::vector<std::pair<char32_t, std::string>>> awaiting;
        std::set<char32_t> wanted;  // code points the built fonts lacked when asked
        std::string variant, error;
        bool changed = true;
    };
    // Fetches the files covering `cps` in `variant` (the index first, if needed; then all wanted
    // code points; a slice map first for code points it may cover, then those again).
    static void fetch_needed(const std::shared_ptr<State>& state, const std::vector<char32_t>& cps, const std::string& variant);
    static void fetch_font(const std::shared_ptr<State>& state, const std::string& file);
    static void fetch_slice_map(const std::shared_ptr<State>& state, std::size_t map);
    std::shared_ptr<State> state_;  // shared with fetch callbacks (which hold it weakly)
};

}  // namespace inkspan::ui
