#pragma once
// Horizontal advances of single code points in px, as the renderer will draw them. Wraps the
// caller's function (e.g. an ImGui font lookup) with a table for U+0000–U+00FF so Latin text is
// measured without a call per character.
#include <array>
#include <functional>
#include <utility>

namespace inkspan {

class GlyphAdvances {
public:
    using Fn = std::function<float(char32_t)>;

    GlyphAdvances() = default;  // every code point advances 0
    // A tab advances `tab_spaces` times the space's advance (what ImGui's font atlas does too).
    explicit GlyphAdvances(Fn fn, float tab_spaces = 4.0f) : fn_(std::move(fn)) {
        if (!fn_) return;
        for (char32_t c = 0; c < kTableSize; ++c) table_[c] = fn_(c);
        table_['\t'] = tab_spaces * table_[' '];
    }

    [[nodiscard]] float operator()(char32_t cp) const {
        if (cp < kTableSize) return table_[cp];
        return fn_ ? fn_(cp) : 0.0f;
    }

private:
    static constexpr char32_t kTableSize = 256;
    std::array<float, kTableSize> table_{};
    Fn fn_;
};

}  // namespace inkspan
