#pragma once
// A guard run on untrusted JSON text before nlohmann/json parses it: one linear pass, no
// allocation. It refuses (ErrorKind::TooLarge, naming line and column) arrays and objects nested
// deeper than kMaxJsonDepth, and numbers longer than kMaxJsonNumberChars or not finite as a
// double (1e999, -1e400), which the parser would otherwise build into a huge tree or an infinity.
// It does not check the syntax (the parser does that) and accepts every valid JSON text within
// those limits; several texts in a row (JSON Lines) are checked as one.
#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace inkspan {

// Ok, or e.g. `JSON nested deeper than 64 levels at line 3, column 18`,
// `number 1e999 at line 1, column 9 is not finite as a double`.
[[nodiscard]] Status check_json_limits(std::string_view text);

// Line (from 1) and column (from 1, in code points) of byte `byte` of `text`; a leading UTF-8
// byte order mark takes no column.
struct TextPosition {
    std::size_t line = 1, column = 1;
};
[[nodiscard]] TextPosition text_position(std::string_view text, std::size_t byte);

}  // namespace inkspan
