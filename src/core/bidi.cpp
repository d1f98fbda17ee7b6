#include "core/bidi.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

#include <fribidi-bidi.h>
#include <fribidi-brackets.h>

#include "core/utf8.h"

namespace inkspan {

static_assert(std::is_same_v<FriBidiCharType, std::uint32_t>);
static_assert(std::is_same_v<FriBidiChar, std::uint32_t> && sizeof(char32_t) == sizeof(FriBidiChar));

namespace {

const FriBidiChar* fribidi_text(std::u32string_view text) { return reinterpret_cast<const FriBidiChar*>(text.data()); }

std::vector<std::uint32_t> bidi_types(std::u32string_view text) {
    std::vector<std::uint32_t> types(text.size());
    fribidi_get_bidi_types(fribidi_text(text), static_cast<FriBidiStrIndex>(text.size()), types.data());
    return types;
}

}  // namespace

BidiParagraph::BidiParagraph(std::u32string_view paragraph, DirectionChoice choice)
    : types_(bidi_types(paragraph)), levels_(paragraph.size(), 0) {
    FriBidiParType direction = choice == DirectionChoice::ltr   ? FRIBIDI_PAR_LTR
                               : choice == DirectionChoice::rtl ? FRIBIDI_PAR_RTL
                                                                : FRIBIDI_PAR_ON;
    const auto size = static_cast<FriBidiStrIndex>(paragraph.size());
    if (size > 0) {
        std::vector<FriBidiBracketType> brackets(paragraph.size());
        fribidi_get_bracket_types(fribidi_text(paragraph), size, types_.data(), brackets.data());
        std::vector<FriBidiLevel> levels(paragraph.size());
        if (fribidi_get_par_embedding_levels_ex(types_.data(), brackets.data(), size, &direction, levels.data()) == 0) {
            direction = FRIBIDI_PAR_LTR;  // out of memory: show it left to right rather than not at all
            std::fill(levels.begin(), levels.end(), FriBidiLevel{0});
        }
        std::copy(levels.begin(), levels.end(), levels_.begin());
    }
    base_level_ = direction == FRIBIDI_PAR_RTL ? 1 : 0;
    uniform_ = std::all_of(levels_.begin(), levels_.end(), [&](std::uint8_t l) { return l == base_level_; });
    plain_ltr_ = base_level_ == 0 && uniform_;
}

std::vector<BidiRun> BidiParagraph::visual_runs(std::size_t cp_start, std::size_t cp_end) const {
    cp_end = std::min(cp_end, levels_.size());
    if (cp_start >= cp_end) return {};
    if (plain_ltr_) return {BidiRun{cp_start, cp_end, 0}};
    const std::size_t size = cp_end - cp_start;
    // FriBidi reads the line's part of the paragraph's arrays; rule L1 rewrites the line's levels.
    std::vector<FriBidiLevel> levels(levels_.begin() + static_cast<std::ptrdiff_t>(cp_start),
                                     levels_.begin() + static_cast<std::ptrdiff_t>(cp_end));
    std::vector<FriBidiStrIndex> visual_to_logical(size);
    std::iota(visual_to_logical.begin(), visual_to_logical.end(), 0);
    const FriBidiParType direction = base_level_ % 2 ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_reorder_line(0, types_.data() + cp_start, static_cast<FriBidiStrIndex>(size), 0, direction, levels.data(),
                             nullptr, visual_to_logical.data()) == 0)
        return {BidiRun{cp_start, cp_end, base_level_}};  // out of memory: one run in logical order

    std::vector<BidiRun> runs;
    std::size_t previous = 0;
    for (const FriBidiStrIndex index : visual_to_logical) {
        const auto logical = static_cast<std::size_t>(index);
        const auto level = static_cast<std::uint8_t>(levels[logical]);
        const std::size_t cp = cp_start + logical;
        const bool rtl = level % 2 != 0;
        if (!runs.empty() && runs.back().level == level && (rtl ? logical + 1 == previous : logical == previous + 1)) {
            if (rtl) runs.back().cp_start = cp;
            else runs.back().cp_end = cp + 1;
        } else {
            runs.push_back(BidiRun{cp, cp + 1, level});
        }
        previous = logical;
    }
    return runs;
}

TextDirection first_strong_direction(std::u32string_view paragraph) {
    const std::vector<std::uint32_t> types = bidi_types(paragraph);
    return fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size())) == FRIBIDI_PAR_RTL
               ? TextDirection::rtl
               : TextDirection::ltr;
}

bool has_right_to_left(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {  // ASCII has no right-to-left letter
            ++pos;
            continue;
        }
        const FriBidiCharType type = fribidi_get_bidi_type(decode_utf8(utf8, pos));
        if (type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL) return true;
    }
    return false;
}

}  // namespace inkspan
