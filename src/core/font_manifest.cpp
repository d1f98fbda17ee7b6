#include "core/font_manifest.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/display_text.h"
#include "core/utf8.h"

namespace inkspan {
namespace {

using Json = nlohmann::json;

Error invalid(const std::string& where, const std::string& what) {
    return make_error(ErrorKind::Invalid, where + ": " + what);
}

bool is_plain_file_name(const std::string& name) {
    return !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
           name.front() != '.';
}

bool is_kana(char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9D); }
bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}
bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

}  // namespace

bool FontFile::covers(char32_t cp) const {
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                     [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

Result<FontManifest> parse_font_manifest(std::string_view text) {
    const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorKind::Malformed, "the font manifest is not a JSON object");
    if (!j.contains("fonts") || !j["fonts"].is_array()) return invalid("fonts", "missing or not a list");
    FontManifest m;
    const Json& fonts = j["fonts"];
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        const Json& f = fonts[i];
        const std::string at = "fonts[" + std::to_string(i) + "]";
        if (!f.is_object()) return invalid(at, "not an object");
        FontFile out;
        if (!f.contains("file") || !f["file"].is_string()) return invalid(at + ".file", "missing or not a string");
        out.file = f["file"].get<std::string>();
        if (!is_plain_file_name(out.file)) return invalid(at + ".file", "\"" + out.file + "\" is not a plain file name");
        if (f.contains("script") && f["script"].is_string()) out.script = f["script"].get<std::string>();
        if (f.contains("variant") && f["variant"].is_string()) out.variant = f["variant"].get<std::string>();
        if (f.contains("bytes") && f["bytes"].is_number_unsigned()) out.bytes = f["bytes"].get<std::size_t>();
        if (!f.contains("ranges") || !f["ranges"].is_array()) return invalid(at + ".ranges", "missing or not a list");
        const Json& ranges = f["ranges"];
        for (std::size_t r = 0; r < ranges.size(); ++r) {
            const std::string rat = at + ".ranges[" + std::to_string(r) + "]";
            const Json& range = ranges[r];
            if (!range.is_array() || range.size() != 2 || !range[0].is_number_unsigned() || !range[1].is_number_unsigned())
                return invalid(rat, "not a pair of code points");
            const auto first = range[0].get<std::uint64_t>(), last = range[1].get<std::uint64_t>();
            if (last > 0x10FFFF) return invalid(rat, "last code point " + std::to_string(last) + " is beyond U+10FFFF");
            if (first > last)
                return invalid(rat, "first code point " + std::to_string(first) + " is after last " + std::to_string(last));
            if (!out.ranges.empty() && first <= out.ranges.back().second)
                return invalid(rat, "overlaps or precedes the range before it");
            out.ranges.emplace_back(static_cast<char32_t>(first), static_cast<char32_t>(last));
        }
        m.fonts.push_back(std::move(out));
    }
    return m;
}

std::vector<char32_t> drawn_code_points(std::string_view utf8) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const char32_t shown = display_code_point(b < 0x80 ? (++i, char32_t{b}) : decode_utf8(utf8, i));
        if (shown >= 0x80) out.push_back(shown);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<std::size_t> font_for(const FontManifest& manifest, char32_t cp, std::string_view variant) {
    std::optional<std::size_t> other_variant;
    for (std::size_t i = 0; i < manifest.fonts.size(); ++i) {
        const FontFile& f = manifest.fonts[i];
        if (!f.covers(cp)) continue;
        if (f.variant.empty() || f.variant == variant) return i;
        if (!other_variant) other_variant = i;
    }
    return other_variant;
}

std::vector<std::size_t> fonts_needed(const FontManifest& manifest, const std::vector<char32_t>& code_points,
                                      std::string_view variant) {
    std::vector<std::size_t> out;
    for (const char32_t cp : code_points)
        if (const auto i = font_for(manifest, cp, variant)) out.push_back(*i);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string cjk_variant_of_language(std::string_view tag) {
    std::string t;
    for (const char c : tag) t.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    const auto is = [&](std::string_view lang) {
        return t.size() >= lang.size() && t.compare(0, lang.size(), lang) == 0 && (t.size() == lang.size() || t[lang.size()] == '-');
    };
    if (is("zh")) {
        for (const char* traditional : {"zh-hant", "zh-tw", "zh-hk", "zh-mo"})
            if (is(traditional)) return "zh-Hant";
        return "zh-Hans";
    }
    if (is("ja")) return "ja";
    if (is("ko")) return "ko";
    return "";
}

std::string detect_cjk_variant(std::string_view utf8) {
    bool han = false, hangul = false;
    for (std::size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        const char32_t c = decode_utf8(utf8, i);
        if (is_kana(c)) return "ja";
        hangul = hangul || is_hangul(c);
        han = han || is_han(c);
    }
    return hangul ? "ko" : han ? "zh-Hans" : "";
}

}  // namespace inkspan
