#include "core/unicode_class.h"

#include <algorithm>

#include "core/unicode_tables.h"

namespace inkspan {

namespace unicode_tables {

bool in_ranges(const CodePointRange* ranges, std::size_t count, char32_t cp) {
    const CodePointRange* end = ranges + count;
    // First range whose upper bound is >= cp; it contains cp when its lower bound is <= cp.
    const CodePointRange* it =
        std::lower_bound(ranges, end, cp, [](const CodePointRange& r, char32_t c) { return r.hi < c; });
    return it != end && it->lo <= cp;
}

}  // namespace unicode_tables

namespace {

using namespace unicode_tables;

enum AsciiFlag : std::uint8_t {
    kLetter = 1, kDigit = 2, kPunct = 4, kSpace = 8, kOpen = 16, kClose = 32,
};

struct AsciiTable {
    std::uint8_t flags[128] = {};
    constexpr AsciiTable() {
        for (int c = 'a'; c <= 'z'; ++c) flags[c] = kLetter;
        for (int c = 'A'; c <= 'Z'; ++c) flags[c] = kLetter;
        for (int c = '0'; c <= '9'; ++c) flags[c] = kDigit;
        for (char c : "!\"#%&'()*,-./:;?@[\\]_{}") if (c) flags[static_cast<int>(c)] = kPunct;
        for (char c : "\t\n\v\f\r ") if (c) flags[static_cast<int>(c)] = kSpace;
        for (char c : "([{") if (c) flags[static_cast<int>(c)] |= kOpen;
        for (char c : ")]}") if (c) flags[static_cast<int>(c)] |= kClose;
    }
};
constexpr AsciiTable kAscii;

bool ascii_has(char32_t cp, std::uint8_t flag) { return (kAscii.flags[cp] & flag) != 0; }

}  // namespace

bool is_letter(char32_t cp) {
    return cp < 0x80 ? ascii_has(cp, kLetter) : in_ranges(kLetters, kLetters_size, cp);
}

bool is_combining_mark(char32_t cp) { return cp >= 0x300 && in_ranges(kMarks, kMarks_size, cp); }

bool is_digit(char32_t cp) {
    return cp < 0x80 ? ascii_has(cp, kDigit) : in_ranges(kDigits, kDigits_size, cp);
}

bool is_punctuation(char32_t cp) {
    return cp < 0x80 ? ascii_has(cp, kPunct) : in_ranges(kPunctuation, kPunctuation_size, cp);
}

bool is_opening_punct(char32_t cp) {
    return cp < 0x80 ? ascii_has(cp, kOpen) : in_ranges(kOpening, kOpening_size, cp);
}

bool is_closing_punct(char32_t cp) {
    return cp < 0x80 ? ascii_has(cp, kClose) : in_ranges(kClosing, kClosing_size, cp);
}

bool is_space(char32_t cp) {
    if (cp < 0x80) return ascii_has(cp, kSpace);
    switch (cp) {
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_line_break(char32_t cp) {
    return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019; }

bool is_hyphen(char32_t cp) { return cp == U'-' || cp == 0x2010 || cp == 0x2011; }

bool is_quote(char32_t cp) {
    if (cp == U'"' || cp == U'\'') return true;
    if (cp < 0xAB) return false;
    // Pi/Pf (initial and final quotes) plus the low-9 quotes „ ‚, which Unicode files under Ps,
    // and the CJK corner brackets used as quotes.
    switch (cp) {
        case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C:
        case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A: case 0x2E02: case 0x2E03:
        case 0x2E04: case 0x2E05: case 0x2E09: case 0x2E0A: case 0x2E0C: case 0x2E0D: case 0x2E1C:
        case 0x2E1D: case 0x2E20: case 0x2E21: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
        case 0x301D: case 0x301E: case 0x301F: case 0xFF02: case 0xFF07:
            return true;
        default:
            return false;
    }
}

bool is_sentence_final(char32_t cp) {
    switch (cp) {
        case U'.': case U'!': case U'?':
        case 0x037E:                                // Greek question mark
        case 0x0589:                                // Armenian full stop
        case 0x061F: case 0x06D4:                   // Arabic question mark, full stop
        case 0x0964: case 0x0965:                   // Devanagari danda, double danda
        case 0x1362: case 0x1367: case 0x1368:      // Ethiopic full stop, question marks
        case 0x2026:                                // … horizontal ellipsis
        case 0x203C: case 0x203D: case 0x2047: case 0x2048: case 0x2049:  // ‼ ‽ ⁇ ⁈ ⁉
        case 0x3002:                                // 。 ideographic full stop
        case 0xFE52: case 0xFE56: case 0xFE57:      // small forms
        case 0xFF01: case 0xFF0E: case 0xFF1F: case 0xFF61:  // fullwidth ! . ? and halfwidth 。
            return true;
        default:
            return false;
    }
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return ascii_has(cp, kLetter | kDigit) || cp == U'_';
    return cp == 0x200C || cp == 0x200D || is_letter(cp) || is_digit(cp) || is_combining_mark(cp);
}

bool is_ideograph(char32_t cp) {
    return (cp >= 0x3005 && cp <= 0x3007) ||   // 々 〆 〇
           (cp >= 0x3041 && cp <= 0x30FF) ||   // Hiragana, Katakana
           (cp >= 0x31F0 && cp <= 0x31FF) ||   // Katakana phonetic extensions
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0xFF66 && cp <= 0xFF9F) ||   // halfwidth Katakana
           (cp >= 0x20000 && cp <= 0x323AF);   // extensions B–H and compatibility supplement
}

bool is_extender(char32_t cp) {
    if (cp < 0xAD) return false;
    return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||  // soft hyphen, ZWNJ, ZWJ, word joiner
           (cp >= 0xFE00 && cp <= 0xFE0F) ||      // variation selectors (FE0F: emoji presentation)
           (cp >= 0x1F3FB && cp <= 0x1F3FF) ||    // emoji skin-tone modifiers
           (cp >= 0xE0020 && cp <= 0xE007F) ||    // tags (subdivision flags)
           (cp >= 0xE0100 && cp <= 0xE01EF) ||    // variation selectors supplement
           is_combining_mark(cp);
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace inkspan
