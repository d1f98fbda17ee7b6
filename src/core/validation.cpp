#include "core/validation.h"

#include <algorithm>

#include "core/json_escape.h"
#include "core/limits.h"
#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {

bool is_unicode_whitespace(char32_t cp) { return is_space(cp); }

bool is_blank(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size())
        if (!is_space(decode_utf8(utf8, pos))) return false;
    return true;
}

bool is_valid_token(std::string_view s, std::size_t max_bytes) {
    if (s.empty() || s.size() > max_bytes) return false;
    // Most ids and names are printable ASCII (no space, no control character): no decoding needed.
    if (std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7F; })) return true;
    if (find_invalid_utf8(s)) return false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = decode_utf8(s, pos);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_space(cp)) return false;
    }
    return true;
}

bool is_valid_id(std::string_view s) { return is_valid_token(s, kMaxIdBytes); }
bool is_valid_type_name(std::string_view s) { return is_valid_token(s, kMaxNameBytes); }

bool is_valid_color(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

bool is_valid_hotkey(std::string_view s) { return s.empty() || (s.size() == 1 && s[0] > 0x20 && s[0] < 0x7F); }

bool is_valid_language_tag(std::string_view s) {
    if (s.size() < 2 || s.size() > 35) return false;
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t subtag = 0, length = 0;  // which subtag, and how long it is so far
    for (const char c : s) {
        if (c == '-') {
            if (length == 0 || (subtag == 0 && length < 2)) return false;  // empty subtag, or "x-"
            ++subtag;
            length = 0;
            continue;
        }
        if (!is_letter(c) && !(subtag > 0 && is_digit(c))) return false;
        if (++length > (subtag == 0 ? 3u : 8u)) return false;
    }
    return length > 0 && (subtag > 0 || length >= 2);
}

std::optional<Error> check_byte_limit(std::string_view s, std::size_t max_bytes, std::string_view place) {
    if (s.size() > max_bytes)
        return make_error(ErrorKind::TooLarge, std::string(place) + ": " + std::to_string(s.size()) +
                                                   " bytes, over the limit of " + std::to_string(max_bytes));
    return std::nullopt;
}

std::optional<Error> check_free_text(std::string_view s, std::size_t max_bytes, std::string_view place) {
    if (auto big = check_byte_limit(s, max_bytes, place)) return big;
    if (auto bad = find_invalid_utf8(s))
        return make_error(ErrorKind::InvalidUtf8, std::string(place) + ": invalid UTF-8 at byte " + std::to_string(*bad));
    return std::nullopt;
}

std::string quote(std::string_view text, std::size_t max_code_points) {
    std::size_t cut = 0, n = 0;
    while (cut < text.size() && n < max_code_points) {
        cut += utf8_sequence_length(static_cast<unsigned char>(text[cut]));
        ++n;
    }
    std::string out = "\"";
    append_json_escaped(out, text.substr(0, cut));
    if (cut < text.size()) out += "…";
    out += '"';
    return out;
}

}  // namespace inkspan
