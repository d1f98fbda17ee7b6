#include "core/font_manifest.h"

#include <algorithm>
#include <cstdint>
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

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

bool in_ranges(const Ranges& ranges, char32_t cp) {
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                     [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

// The first code points of `r` outside `ranges` (sorted, disjoint), as a range; none if all are in.
std::optional<std::pair<char32_t, char32_t>> first_uncovered(const Ranges& ranges, std::pair<char32_t, char32_t> r) {
    char32_t next = r.first;
    for (const auto& [first, last] : ranges) {
        if (last < next) continue;
        if (first > next) return std::pair{next, std::min<char32_t>(r.second, first - 1)};
        if (last >= r.second) return std::nullopt;
        next = last + 1;
    }
    return std::pair{next, r.second};
}

Result<std::string> plain_file_name(const Json& entry, const std::string& at) {
    if (!entry.contains("file") || !entry["file"].is_string()) return invalid(at + ".file", "missing or not a string");
    std::string file = entry["file"].get<std::string>();
    if (!is_plain_file_name(file)) return invalid(at + ".file", "\"" + file + "\" is not a plain file name");
    return file;
}

// `entry`'s "ranges": inclusive code point pairs, sorted and disjoint.
Result<Ranges> parse_ranges(const Json& entry, const std::string& at) {
    if (!entry.contains("ranges") || !entry["ranges"].is_array()) return invalid(at + ".ranges", "missing or not a list");
    const Json& ranges = entry["ranges"];
    Ranges out;
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        const std::string rat = at + ".ranges[" + std::to_string(r) + "]";
        const Json& range = ranges[r];
        if (!range.is_array() || range.size() != 2 || !range[0].is_number_unsigned() || !range[1].is_number_unsigned())
            return invalid(rat, "not a pair of code points");
        const auto first = range[0].get<std::uint64_t>(), last = range[1].get<std::uint64_t>();
        if (last > 0x10FFFF) return invalid(rat, "last code point " + std::to_string(last) + " is beyond U+10FFFF");
        if (first > last)
            return invalid(rat, "first code point " + std::to_string(first) + " is after last " + std::to_string(last));
        if (!out.empty() && first <= out.back().second) return invalid(rat, "overlaps or precedes the range before it");
        out.emplace_back(static_cast<char32_t>(first), static_cast<char32_t>(last));
    }
    return out;
}

// The "fonts" list of the index or of a slice map; `prefix` starts every error's place.
Result<std::vector<FontFile>> parse_fonts(const Json& j, const std::string& prefix) {
    if (!j.contains("fonts") || !j["fonts"].is_array()) return invalid(prefix + "fonts", "missing or not a list");
    std::vector<FontFile> out;
    const Json& fonts = j["fonts"];
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        const Json& f = fonts[i];
        const std::string at = prefix + "fonts[" + std::to_string(i) + "]";
        if (!f.is_object()) return invalid(at, "not an object");
        FontFile font;
        auto file = plain_file_name(f, at);
        if (!file.ok()) return file.error();
        font.file = std::move(file.value());
        if (f.contains("script") && f["script"].is_string()) font.script = f["script"].get<std::string>();
        if (f.contains("variant") && f["variant"].is_string()) font.variant = f["variant"].get<std::string>();
        if (f.contains("bytes") && f["bytes"].is_number_unsigned()) font.bytes = f["bytes"].get<std::size_t>();
        auto ranges = parse_ranges(f, at);
        if (!ranges.ok()) return ranges.error();
        font.ranges = std::move(ranges.value());
        out.push_back(std::move(font));
    }
    return out;
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

bool FontFile::covers(char32_t cp) const { return in_ranges(ranges, cp); }

bool SliceMapRef::may_cover(char32_t cp) const { return in_ranges(ranges, cp); }

Result<FontManifest> parse_font_manifest(std::string_view text) {
    const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorKind::Malformed, "the font manifest is not a JSON object");
    FontManifest m;
    auto fonts = parse_fonts(j, "");
    if (!fonts.ok()) return fonts.error();
    m.fonts = std::move(fonts.value());
    if (!j.contains("cjk")) return m;  // version 1: every font in `fonts`
    const Json& maps = j["cjk"];
    if (!maps.is_array()) return invalid("cjk", "not a list");
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const Json& r = maps[i];
        const std::string at = "cjk[" + std::to_string(i) + "]";
        if (!r.is_object()) return invalid(at, "not an object");
        SliceMapRef out;
        auto file = plain_file_name(r, at);
        if (!file.ok()) return file.error();
        out.file = std::move(file.value());
        if (!r.contains("variant") || !r["variant"].is_string() || r["variant"].get<std::string>().empty())
            return invalid(at + ".variant", "missing or not a variant name");
        out.variant = r["variant"].get<std::string>();
        if (r.contains("script") && r["script"].is_string()) out.script = r["script"].get<std::string>();
        if (r.contains("bytes") && r["bytes"].is_number_unsigned()) out.bytes = r["bytes"].get<std::size_t>();
        auto ranges = parse_ranges(r, at);
        if (!ranges.ok()) return ranges.error();
        out.ranges = std::move(ranges.value());
        m.slice_maps.push_back(std::move(out));
    }
    return m;
}

Result<std::vector<FontFile>> parse_slice_map(std::string_view text, const SliceMapRef& ref) {
    const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return make_error(ErrorKind::Malformed, ref.file + ": the slice map is not a JSON object");
    const auto at = [&](const std::string& where, const std::string& what) { return invalid(ref.file + ": " + where, what); };
    const std::string variant = j.contains("variant") && j["variant"].is_string() ? j["variant"].get<std::string>() : "";
    if (variant != ref.variant)
        return make_error(ErrorKind::Invalid, ref.file + ": variant \"" + variant + "\", expected \"" + ref.variant + "\"");
    auto fonts = parse_fonts(j, ref.file + ": ");
    if (!fonts.ok()) return fonts.error();
    for (std::size_t i = 0; i < fonts->size(); ++i) {
        const FontFile& f = (*fonts)[i];
        const std::string fat = "fonts[" + std::to_string(i) + "]";
        if (f.variant != ref.variant) return at(fat + ".variant", "\"" + f.variant + "\", expected \"" + ref.variant + "\"");
        for (std::size_t r = 0; r < f.ranges.size(); ++r)
            if (const auto gap = first_uncovered(ref.ranges, f.ranges[r]))
                return at(fat + ".ranges[" + std::to_string(r) + "]",
                          "code points " + std::to_string(gap->first) + "–" + std::to_string(gap->second) +
                              " are beyond what the index says the map covers");
    }
    return fonts;
}

std::vector<char32_t> drawn_code_points(std::string_view utf8) {
    // A whole document's text, when it opens, has a non-ASCII code point nearly everywhere in
    // another script: each BMP code point is then kept once, marked in a bitmap of the BMP (8 KB),
    // rather than all kept and sorted (136,000 for a 250 KB Arabic text). Short texts (names,
    // labels, notes: thousands after an edit in a large corpus) skip the bitmap. Code points are
    // marked as stored and mapped to what is drawn once each, at the end; printable ASCII, drawn
    // as itself, is passed over, and two-byte sequences (Latin, Greek, Cyrillic, Arabic, Hebrew)
    // are decoded in place (3.6 ms of a first Arabic frame in the browser went here).
    const bool long_text = utf8.size() > 4096;
    std::vector<std::uint64_t> seen(long_text ? 0x10000 / 64 : 0);
    std::vector<char32_t> stored;
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b >= 0x20 && b < 0x7F) { ++i; continue; }
        char32_t c = 0;
        if (b < 0x80) {
            c = b;
            ++i;
        } else if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            c = (char32_t{b} & 0x1F) << 6 | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
            i += 2;
        } else {
            c = decode_utf8(utf8, i);
        }
        if (long_text && c < 0x10000) {
            std::uint64_t& word = seen[c >> 6];
            const std::uint64_t bit = std::uint64_t{1} << (c & 63);
            if (word & bit) continue;
            word |= bit;
        }
        stored.push_back(c);
    }
    std::vector<char32_t> out;
    out.reserve(stored.size());
    for (const char32_t c : stored)
        if (const char32_t shown = display_code_point(c); shown >= 0x80) out.push_back(shown);
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

std::string detect_cjk_variant(std::span<const char32_t> drawn) {
    bool han = false, hangul = false;
    for (const char32_t c : drawn) {
        if (is_kana(c)) return "ja";
        hangul = hangul || is_hangul(c);
        han = han || is_han(c);
    }
    return hangul ? "ko" : han ? "zh-Hans" : "";
}

}  // namespace inkspan
