#pragma once
// The one JSON string escaper (inkspan JSON, the quotes in error messages, the document order the
// web storage keeps).
#include <string>
#include <string_view>

namespace inkspan {

// Appends `s` escaped for the inside of a JSON string (no quotes added): " and \, control
// characters as \b \f \n \r \t or \u00XX, every other byte as it is (UTF-8 stays UTF-8). Bytewise,
// so any cut of UTF-8 escapes the same.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace inkspan
