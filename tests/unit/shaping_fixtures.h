#pragma once
// Helpers of the shaping tests: font files read by the test (the core does no I/O), code points of
// UTF-8 literals, and HarfBuzz's own command-line shaper, run live as the reference.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace inkspan::testing {

// Debian's fonts-noto-core (scripts/setup.sh installs it).
inline constexpr const char* kNotoArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
inline constexpr const char* kNotoDevanagari = "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf";
inline constexpr const char* kNotoThai = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";
inline constexpr const char* kNotoLatin = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

inline std::vector<unsigned char> read_font(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (std::size_t pos = 0; pos < utf8.size();) out.push_back(decode_utf8(utf8, pos));
    return out;
}

// "U+0643,U+062A" for hb-shape's --unicodes options.
inline std::string unicodes_option(std::u32string_view text) {
    std::string out;
    char buf[16];
    for (char32_t cp : text) {
        std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : ",", static_cast<unsigned>(cp));
        out += buf;
    }
    return out;
}

// Standard output of a shell command, or nullopt when it cannot run or exits with an error.
inline std::optional<std::string> command_output(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    return pclose(pipe) == 0 ? std::optional<std::string>(out) : std::nullopt;
}

}  // namespace inkspan::testing
