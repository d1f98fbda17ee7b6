#pragma once
// How control characters are shown. The text keeps them byte-exact; the view draws each C0 control
// (except tab, LF, CR, which lay out as space and line ends) and DEL as its Unicode control picture
// (U+2400–U+2421, e.g. NUL as ␀), so they are visible and never reach an API that stops at NUL.
#include <string>
#include <string_view>

namespace inkspan {

[[nodiscard]] constexpr char32_t visible_code_point(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') return c;
    if (c < 0x20) return 0x2400 + c;
    if (c == 0x7F) return 0x2421;
    return c;
}

[[nodiscard]] bool has_control_characters(std::string_view utf8);
// `utf8` with every control that visible_code_point() replaces written as its picture.
[[nodiscard]] std::string with_control_pictures(std::string_view utf8);

}  // namespace inkspan
