#pragma once
// Checks on the strings that users and files hand to the model (ids, type names, colours, hotkeys,
// free text), and the one way to quote text inside an error message.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inkspan {

// Unicode White_Space; the same as is_space in unicode_class.h, kept under this name for callers.
[[nodiscard]] bool is_unicode_whitespace(char32_t cp);
// True for "" and for text made only of Unicode White_Space.
// `utf8` must be valid UTF-8.
[[nodiscard]] bool is_blank(std::string_view utf8);

// Ids (documents, spans, relations) and type names: 1..max_bytes bytes of valid UTF-8 without
// whitespace or control characters, so they survive every export format (brat, CoNLL, ...).
[[nodiscard]] bool is_valid_token(std::string_view s, std::size_t max_bytes);
[[nodiscard]] bool is_valid_id(std::string_view s);
[[nodiscard]] bool is_valid_type_name(std::string_view s);
// "#rrggbb" (either case).
[[nodiscard]] bool is_valid_color(std::string_view s);
// "" (no hotkey) or one printable ASCII character other than space.
[[nodiscard]] bool is_valid_hotkey(std::string_view s);
// A well-formed BCP 47 language tag as documents store it ("zh-Hans", "ja", "ko", "en-US",
// "es-419"): 2 to 35 ASCII characters, subtags of 1 to 8 letters or digits joined by single
// hyphens, the first one 2 or 3 letters. Only the form is checked (no registry; any case).
[[nodiscard]] bool is_valid_language_tag(std::string_view s);

// For free text (notes, names, attribute values): nullopt when fine, otherwise an error naming
// `place`: `place: invalid UTF-8 at byte 3` (InvalidUtf8) or `place: 20000 bytes, over the limit
// of 16384` (TooLarge).
[[nodiscard]] std::optional<Error> check_free_text(std::string_view s, std::size_t max_bytes, std::string_view place);
// Its size alone (for text checked as UTF-8 already): the same TooLarge error.
[[nodiscard]] std::optional<Error> check_byte_limit(std::string_view s, std::size_t max_bytes, std::string_view place);

// `text` in double quotes for a message: \, ", and control characters escaped JSON-style, cut
// after `max_code_points` code points with "…". `text` must be valid UTF-8.
[[nodiscard]] std::string quote(std::string_view text, std::size_t max_code_points = 40);

}  // namespace inkspan
