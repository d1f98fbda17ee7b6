#include "core/json_guard.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/limits.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

bool is_number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

Error refuse(std::string_view text, std::size_t byte, const std::string& what, std::string_view after = {}) {
    const TextPosition at = text_position(text, byte);
    return make_error(ErrorKind::TooLarge, what + " at line " + std::to_string(at.line) + ", column " +
                                               std::to_string(at.column) + std::string(after));
}

}  // namespace

TextPosition text_position(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    std::size_t line_start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    TextPosition at;
    for (std::size_t i = line_start; i < byte; ++i)
        if (text[i] == '\n') {
            ++at.line;
            line_start = i + 1;
        }
    for (std::size_t i = line_start; i < byte; ++i) at.column += is_utf8_continuation(static_cast<unsigned char>(text[i])) ? 0 : 1;
    return at;
}

Status check_json_limits(std::string_view text) {
    std::size_t depth = 0;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == '"') {  // a string: skip to its closing quote, whatever it holds
            for (++i; i < n && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return refuse(text, i, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t end = i + 1;
            bool exponent = false;
            for (; end < n && is_number_char(text[end]); ++end) exponent = exponent || text[end] == 'e' || text[end] == 'E';
            const std::size_t length = end - i;
            if (length > kMaxJsonNumberChars)
                return refuse(text, i, "number of " + std::to_string(length) + " characters",
                              ", over the limit of " + std::to_string(kMaxJsonNumberChars));
            if (exponent) {  // without one, 40 characters stay far below the largest double (1.8e308)
                char digits[kMaxJsonNumberChars + 1];
                text.copy(digits, length, i);
                digits[length] = '\0';
                if (std::isinf(std::strtod(digits, nullptr)))
                    return refuse(text, i, "number " + std::string(text.substr(i, length)), " is not finite as a double");
            }
            i = end - 1;
        }
    }
    return Ok{};
}

}  // namespace inkspan
