#pragma once
// The layers of the open document (issue 18): a strip above its text with one button per member
// of its group — the document's own annotator, each other annotator's layer, the gold layer — the
// open one highlighted. Ctrl+[ and Ctrl+] step through them. Shown only when there are layers.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/corpus.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace inkspan::ui {

// What a member is called: "bob", "gold", "alice (you)", "(no annotator)".
[[nodiscard]] std::string layer_title(const Document& member, std::string_view you);

struct LayerBar {
    static constexpr float kHeight = 32.0f;
    // Whether `open` has layers (the bar is drawn).
    [[nodiscard]] static bool shown(const Corpus& corpus, const Document* open);
    // The id of the member chosen this frame (a click), if any.
    [[nodiscard]] std::optional<std::string> draw(ImVec2 min, ImVec2 max, const Corpus& corpus, const Document& open,
                                                  std::string_view you, const Theme& theme, const Fonts& fonts);
    // The member before (-1) or after (+1) the open one, wrapping around; nullopt without layers.
    [[nodiscard]] static std::optional<std::string> step(const Corpus& corpus, const Document& open, int direction);
};

}  // namespace inkspan::ui
