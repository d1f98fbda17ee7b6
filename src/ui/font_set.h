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
    // The shown document's CJK variant ("zh-Hans", "ja", "ko", …); fonts of other variants are
    // left out of files() and later fetches follow it.
    void set_variant(const std::string& variant);

    // Files arrived (or the variant changed) since files() was last called.
    [[nodiscard]] bool changed() const { return state_->changed; }
    // The body font, then the loaded fallbacks in manifest order; clears changed().
    [[nodiscard]] std::vector<const std::vector<char>*> files();

    [[nodiscard]] int pending() const { return static_cast<int>(state_->pending.size()); }
    [[nodiscard]] std::vector<std::string> loaded() const;
    // `cp` was in a text given to want() and the fonts built then lacked it.
    [[nodiscard]] bool wanted(char32_t cp) const { return state_->wanted.count(cp) > 0; }
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
    static void fetch_needed(const std::shared_ptr<State>& state);
    std::shared_ptr<State> state_;  // shared with fetch callbacks (which hold it weakly)
};

}  // namespace inkspan::ui
