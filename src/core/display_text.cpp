#include "core/control_pictures.h"

#include "core/utf8.h"

namespace inkspan {
namespace {
bool is_shown_as_picture(unsigned char b) { return b < 0x80 && visible_code_point(b) != b; }
}  // namespace

bool has_control_characters(std::string_view utf8) {
    for (const char c : utf8)
        if (is_shown_as_picture(static_cast<unsigned char>(c))) return true;
    return false;
}

std::string with_control_pictures(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() + 8);
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if (is_shown_as_picture(b)) append_utf8(out, visible_code_point(b));
        else out.push_back(c);
    }
    return out;
}

}  // namespace inkspan
