#pragma once
// Simple (one code point to one code point) Unicode case folding, for case-insensitive search:
// É and é, Σ σ and ς, Ё and ё, K (Kelvin sign) and k all fold to one code point, so offsets of a
// match are the same in the folded and the original text. Full foldings that change the length
// (ß → ss, İ → i̇) are not applied: ß matches only ß (and ẞ).
#include <vector>

namespace inkspan {

[[nodiscard]] char32_t simple_case_fold(char32_t cp);

// A cased letter that folds to another code point (capital or title case): É, Σ, Ж, ǅ.
[[nodiscard]] bool is_uppercase(char32_t cp);

// A letter of a bicameral script (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, ...) that
// is not uppercase: é, ß, σ, ж. Letters of scripts without case (Han, Arabic, Hebrew) are neither.
[[nodiscard]] bool is_lowercase(char32_t cp);

// Appends simple_case_fold(cp) for every cp in [lo, hi] whose folding differs from cp (used to make
// a regex character class case-insensitive without iterating over a million code points).
void append_fold_images(char32_t lo, char32_t hi, std::vector<char32_t>& out);

}  // namespace inkspan
