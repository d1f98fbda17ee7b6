#pragma once
// How text is shown, as opposed to stored. The text keeps every code point byte-exact; the view
// draws each C0 control (except tab, LF, CR, which lay out as space and line ends) and DEL as its
// Unicode control picture (U+2400–U+2421, e.g. NUL as ␀) and C1 controls as U+FFFD, so they are
// visible and never reach an API that stops at NUL; it draws default-ignorable code points (ZWJ,
// variation selectors, …) as nothing with no advance, as a browser does, not as a missing glyph.
#include <string>
#include <string_view>

namespace inkspan {

[[nodiscard]] constexpr bool is_default_ignorable(char32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0xFEFF || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0xE0000 && c <= 0xE0FFF) ||
           (c >= 0x180B && c <= 0x180D);
}

// The code point drawn for `c`; 0 means nothing is drawn and it advances 0.
[[nodiscard]] constexpr char32_t display_code_point(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') return c;
    if (c < 0x20) return 0x2400 + c;
    if (c == 0x7F) return 0x2421;
    if (c >= 0x80 && c <= 0x9F) return 0xFFFD;  // C1 controls have no pictures
    if (is_default_ignorable(c)) return 0;
    return c;
}

// True when display_text(utf8) differs from utf8.
[[nodiscard]] bool needs_display_mapping(std::string_view utf8);
// `utf8` (valid) as drawn: controls as pictures, default-ignorables removed.
[[nodiscard]] std::string display_text(std::string_view utf8);

}  // namespace inkspan
