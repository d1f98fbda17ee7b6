#pragma once
// Character classes over Unicode code points, for the tokenizer, the sentence splitter and the
// regex engine (\d \w \s \b). Letters, marks, digits and punctuation come from generated range
// tables (General_Category of Unicode 14, see unicode_tables.cpp); the rest is small and by hand.
// Every predicate is total: unassigned code points and non-characters are simply "none of these".
#include <cstdint>

namespace inkspan {

[[nodiscard]] bool is_letter(char32_t cp);          // L*: Latin, Greek, Cyrillic, Hebrew, Arabic, CJK, ...
[[nodiscard]] bool is_combining_mark(char32_t cp);  // M*: U+0301, Indic vowel signs, U+20E3, ...
[[nodiscard]] bool is_digit(char32_t cp);           // Nd: 0-9 and the decimal digits of other scripts
[[nodiscard]] bool is_punctuation(char32_t cp);     // P*: . , ; « » ’ - — ( ) ...
[[nodiscard]] bool is_opening_punct(char32_t cp);   // Ps + Pi: ( [ { « “ ‘ „ ‹ 「 ...
[[nodiscard]] bool is_closing_punct(char32_t cp);   // Pe + Pf: ) ] } » ” ’ › 」 ...
// Unicode White_Space: ASCII \t \n \v \f \r and space, U+0085, U+00A0 (no-break space), U+1680,
// U+2000–200A (incl. U+2009 thin space), U+2028, U+2029, U+202F (French narrow no-break space),
// U+205F, U+3000. Not U+200B (zero width space), which is a format character.
[[nodiscard]] bool is_space(char32_t cp);
[[nodiscard]] bool is_line_break(char32_t cp);      // \n \v \f \r U+0085 U+2028 U+2029
[[nodiscard]] bool is_apostrophe(char32_t cp);      // ' and ’ (U+2019)
[[nodiscard]] bool is_hyphen(char32_t cp);          // - (U+002D), U+2010 hyphen, U+2011 no-break hyphen
[[nodiscard]] bool is_quote(char32_t cp);           // " ' and every Pi/Pf quote: « » “ ” „ ‘ ’ ‚ ‹ ›
// . ! ? … ‼ ⁇ ⁈ ⁉ and the full stops / question marks of other scripts (。 ！ ？ ؟ । ። ...).
[[nodiscard]] bool is_sentence_final(char32_t cp);
// \w of the regex engine and "a word character" for \b and whole-word search: letters, digits,
// marks, '_', ZWNJ and ZWJ (which occur inside words of Indic and Arabic scripts).
[[nodiscard]] bool is_word_char(char32_t cp);
// Han ideographs, Hiragana and Katakana: scripts written without spaces, where each character is
// its own token (we have no dictionary to find word edges).
[[nodiscard]] bool is_ideograph(char32_t cp);
// Code points that attach to the one before them: marks, variation selectors, emoji skin-tone
// modifiers, tag characters (flag subdivisions), ZWNJ, ZWJ, the word joiner U+2060 and the soft
// hyphen U+00AD.
[[nodiscard]] bool is_extender(char32_t cp);
[[nodiscard]] bool is_regional_indicator(char32_t cp);  // U+1F1E6–1F1FF, two of them make a flag

inline constexpr char32_t kZeroWidthJoiner = 0x200D;

}  // namespace inkspan
