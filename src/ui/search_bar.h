#pragma once
// The search bar (Ctrl+F) over the open document: query, case, whole words, regular expression,
// the match count, and "label all matches" (a label button, or Enter then a label hotkey). Owns
// its query, options and the cached result; the caller acts on the request it returns.
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/schema.h"
#include "core/search.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct SearchBar {
    bool open = false;
    bool focus = false;       // give the query field the keyboard next frame
    bool label_mode = false;  // Enter was pressed: the next label hotkey labels every match
    std::string query;
    bool regex = false, match_case = false, words = true;

    void show(std::optional<std::string> query_text = std::nullopt);  // opens it with the keyboard
    // Opened, and the query field has not taken the keyboard yet (a frame or two): what is typed
    // meanwhile is the query's — the App hands it over (keep_typed) instead of acting on it.
    [[nodiscard]] bool awaiting_keys() const { return open && awaiting_frames_ > 0; }
    void keep_typed(ImGuiIO& io);  // takes this frame's typed characters, for the field
    void hide() { open = false; label_mode = false; }

    // The matches of the query in `doc` (searched once per query, document and revision).
    const Result<SearchResult>& matches(const Document* doc, std::uint64_t revision);

    // The matches drawn in the text: those of the last search while the bar is open, else nullptr.
    [[nodiscard]] const std::vector<TextRange>* shown_matches() const {
        return open && !query.empty() && cache_ && cache_->ok() ? &(*cache_)->matches : nullptr;
    }

    // A label whose button was pressed: label every match with it.
    [[nodiscard]] std::optional<std::string> draw(ImVec2 min, ImVec2 max, const Document* doc, std::uint64_t revision,
                                                  const Schema& schema, const Theme& theme);

private:
    int awaiting_frames_ = 0;            // frames left to wait for the field to take the keyboard
    std::vector<ImWchar> typed_early_;   // characters typed meanwhile, in order
    bool active_once_ = false;           // the field took the keyboard in the last frame
    struct Key {
        std::string doc;
        std::uint64_t revision = 0;
        std::string query;
        bool regex = false, match_case = false, words = false;
        bool operator==(const Key&) const = default;
    };
    Key key_;
    std::optional<Result<SearchResult>> cache_;
};

}  // namespace inkspan::ui
