#include "core/display_text.h"

#include "core/utf8.h"

namespace inkspan {

bool needs_display_mapping(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b < 0x80) {  // no ASCII code point is default-ignorable: only C0 controls and DEL differ
            if (b < 0x20 ? b != '\t' && b != '\n' && b != '\r' : b == 0x7F) return true;
            ++i;
            continue;
        }
        const char32_t c = decode_utf8(utf8, i);
        if (display_code_point(c) != c) return true;
    }
    return false;
}

std::string display_text(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() + 8);
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t at = i;
        const char32_t c = decode_utf8(utf8, i);
        const char32_t shown = display_code_point(c);
        if (shown == c) out.append(utf8.substr(at, i - at));
        else if (shown != 0) append_utf8(out, shown);
    }
    return out;
}

}  // namespace inkspan
