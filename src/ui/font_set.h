#pragma once
// The font files the app draws with: the body font (in the first download), then fallback fonts
// fetched on demand. want() is told every text the app shows; a code point no loaded font has
// makes it fetch fonts/manifest.json once, then the files the manifest says cover it (for the
// shown document's CJK variant). When files arrive, changed() asks the App to rebuild its fonts.
// A session that shows only text the body font covers fetches nothing.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/font_manifest.h"

namespace inkspan::ui {

class FontSet {
public:
    using HasGlyph = std::function<bool(char32_t)>;

    FontSet();
    void set_body_font(std::vector<char> ttf);

    // Asks for the fonts `text` needs; `has_glyph` says what the fonts built so far cover.
    void want(std::string_view text, const HasGlyph& has_glyph);
    // The shown document's CJK variant ("zh-Hans", "ja", "ko", …) and its text: its files come
    // first in files(), and the document's own code points are fetched in that variant (not those
    // of texts seen before: switching to a Japanese document does not fetch Japanese forms of a
    // Chinese document's characters).
    void set_variant(const std::string& variant, std::string_view document_text);

    // Files arrived (or the variant changed) since files() was last called.
    [[nodiscard]] bool changed() const { return state_->changed; }
    // The body font, then the loaded fallbacks in manifest order; clears changed().
    [[nodiscard]] std::vector<const std::vector<char>*> files();

    [[nodiscard]] int pending() const { return static_cast<int>(state_->pending.size()); }
    [[nodiscard]] std::vector<std::string> loaded() const;
    // `cp` was in a text given to want() and the fonts built then lacked it.
    [[nodiscard]] bool wanted(char32_t cp) const { return state_->wanted.count(cp) > 0; }
    [[nodiscard]] const std::set<char32_t>& wanted_code_points() const { return state_->wanted; }
    // A fetch for `cp` is under way (the manifest, or the file that covers it).
    [[nodiscard]] bool fetching(char32_t cp) const;
    [[nodiscard]] const std::string& error() const { return state_->error; }

private:
    struct State {
        std::vector<char> body;
        enum class Manifest { NotFetched, Pending, Ready, Failed } manifest_state = Manifest::NotFetched;
        FontManifest manifest;
        std::map<std::string, std::vector<char>> loaded;  // file → bytes
        std::set<std::string> pending, failed;
        std::set<char32_t> wanted;  // code points the built fonts lacked when asked
        std::string variant, error;
        bool changed = true;
    };
    // Fetches the files covering `cps` (the manifest first, if needed; then all wanted code points).
    static void fetch_needed(const std::shared_ptr<State>& state, const std::vector<char32_t>& cps);
    std::shared_ptr<State> state_;  // shared with fetch callbacks (which hold it weakly)
};

}  // namespace inkspan::ui
