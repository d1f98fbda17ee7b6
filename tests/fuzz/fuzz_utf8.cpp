// UTF-8 validation and the offset index on arbitrary bytes: valid input must round-trip through
// every conversion; invalid input must be reported at a position where decoding really fails.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text_index.h"
#include "core/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto bad = inkspan::find_invalid_utf8(text)) {
        if (*bad >= size) __builtin_trap();
        if (inkspan::find_invalid_utf8(text.substr(0, *bad))) __builtin_trap();  // the prefix is valid
        return 0;
    }
    const inkspan::TextIndex index(text);
    std::size_t pos = 0, cp = 0, u16 = 0;
    while (pos < size) {
        if (index.code_point_to_byte(text, cp) != pos) __builtin_trap();
        if (index.byte_to_code_point(text, pos) != cp) __builtin_trap();
        if (index.code_point_to_utf16(text, cp) != u16) __builtin_trap();
        const auto back = index.utf16_to_code_point(text, u16);
        if (!back || *back != cp) __builtin_trap();
        const char32_t c = inkspan::decode_utf8(text, pos);
        std::string again;
        inkspan::append_utf8(again, c);
        if (again.size() != inkspan::utf8_sequence_length(static_cast<unsigned char>(again[0]))) __builtin_trap();
        u16 += inkspan::utf16_length(c);
        ++cp;
    }
    if (index.code_point_count() != cp || index.utf16_count() != u16) __builtin_trap();
    return 0;
}
