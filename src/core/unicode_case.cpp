#include "core/unicode_case.h"

#include <algorithm>

#include "core/unicode_class.h"
#include "core/unicode_tables.h"

namespace inkspan {

namespace {

using unicode_tables::FoldRun;
using unicode_tables::kFoldRuns;
using unicode_tables::kFoldRuns_size;

const FoldRun* find_run(char32_t cp) {
    const FoldRun* end = kFoldRuns + kFoldRuns_size;
    const FoldRun* it =
        std::lower_bound(kFoldRuns, end, cp, [](const FoldRun& r, char32_t c) { return r.hi < c; });
    if (it == end || it->lo > cp || (cp - it->lo) % static_cast<char32_t>(it->stride) != 0) return nullptr;
    return it;
}

// Blocks of scripts with upper and lower case.
bool in_bicameral_block(char32_t cp) {
    return (cp >= 0x0061 && cp <= 0x058F) ||  // Latin .. Cyrillic supplement, Armenian
           (cp >= 0x10A0 && cp <= 0x10FF) || (cp >= 0x13A0 && cp <= 0x13FF) ||
           (cp >= 0x1C80 && cp <= 0x1CBF) || (cp >= 0x1D00 && cp <= 0x1FFF) ||
           (cp >= 0x2C00 && cp <= 0x2D2F) || (cp >= 0xA640 && cp <= 0xA69F) ||
           (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xABBF) ||
           (cp >= 0xFB00 && cp <= 0xFB17) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
           (cp >= 0x10400 && cp <= 0x104FF) || (cp >= 0x10C80 && cp <= 0x10CFF) ||
           (cp >= 0x118A0 && cp <= 0x118FF) || (cp >= 0x16E40 && cp <= 0x16E9F) ||
           (cp >= 0x1E900 && cp <= 0x1E95F);
}

}  // namespace

char32_t simple_case_fold(char32_t cp) {
    if (cp < 0x80) return (cp >= U'A' && cp <= U'Z') ? cp + 32 : cp;
    const FoldRun* run = find_run(cp);
    return run ? static_cast<char32_t>(static_cast<std::int32_t>(cp) + run->delta) : cp;
}

bool is_uppercase(char32_t cp) { return simple_case_fold(cp) != cp; }

bool is_lowercase(char32_t cp) {
    if (cp < 0x80) return cp >= U'a' && cp <= U'z';
    return in_bicameral_block(cp) && is_letter(cp) && !is_uppercase(cp);
}

void append_fold_images(char32_t lo, char32_t hi, std::vector<char32_t>& out) {
    for (std::size_t i = 0; i < kFoldRuns_size; ++i) {
        const FoldRun& r = kFoldRuns[i];
        if (r.hi < lo || r.lo > hi) continue;
        const auto stride = static_cast<char32_t>(r.stride);
        char32_t first = std::max(lo, r.lo);
        first += (stride - (first - r.lo) % stride) % stride;  // align to the run's stride
        for (char32_t cp = first; cp <= std::min(hi, r.hi); cp += stride)
            out.push_back(static_cast<char32_t>(static_cast<std::int32_t>(cp) + r.delta));
    }
}

}  // namespace inkspan
