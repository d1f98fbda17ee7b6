#pragma once
// RE2 (Debian's libre2-dev) as a second oracle for core/regex, for the unit tests and the regex
// fuzz target (never linked into the app). A pattern of our dialect is translated to RE2's syntax
// and RE2's matches are listed the way Regex::find_all reports them. What the two engines mean
// differently (docs/SEARCH.md, "Compared with RE2") is either translated away or makes a
// pattern/text pair "not comparable":
// - \d \w \s are Unicode here, ASCII in RE2: written out as \p{Nd}, [\p{L}\p{Nd}\p{M}_ZWNJ ZWJ] and
//   the White_Space list; `.` (any but \n and \r) as [^\n\r]; every literal as \x{…};
// - \b \B are ASCII-only in RE2: compared only on texts without non-ASCII word characters;
// - ^ $ see only \n in RE2's (?m) mode, ours every line break (\r, \v, \f, U+0085, U+2028/9 too):
//   compared only on texts whose only line break is \n;
// - \W or \S inside a negated class [^…] cannot be said in RE2 (no class intersection): no translation;
// - RE2 refuses nested counts over 1000 in all ((a{100}){20}) and programs over its memory budget;
// - we never report an empty match; RE2 does. Where RE2's preferred match is empty and nothing
//   longer starts there, both go on at the next code point; where something longer does start
//   there, we report the preferred non-empty match, which RE2 cannot name: not comparable.
#include <re2/re2.h>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan::re2_oracle {

struct Translation {
    std::string pattern;              // RE2 syntax
    bool word_boundaries = false;     // \b or \B: RE2's are ASCII
    bool line_anchors = false;        // ^ or $: RE2's (?m) knows only \n
};

inline std::string hex_literal(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
    return buf;
}

// Class items (without brackets) for our \d \w \s; "" for another letter.
inline std::string shorthand_items(char32_t e) {
    switch (e) {
        case U'd': return "\\p{Nd}";
        case U'w': return "\\p{L}\\p{Nd}\\p{M}_\\x{200C}\\x{200D}";
        case U's': return "\\x{9}-\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";
        default: return "";
    }
}

// Our pattern (already accepted by compile_regex) in RE2's syntax, or nullopt when RE2 cannot say it.
inline std::optional<Translation> translate(std::string_view ours, bool case_insensitive) {
    std::u32string p;
    for (std::size_t i = 0; i < ours.size();) p.push_back(decode_utf8(ours, i));
    Translation t;
    t.pattern = case_insensitive ? "(?im)" : "(?m)";
    std::size_t i = 0;
    const auto hex = [](char32_t c) { return static_cast<char32_t>(c <= U'9' ? c - U'0' : (c | 0x20) - U'a' + 10); };
    // A character escape at p[i] == '\\' (not a shorthand or an assertion): the code point it names.
    const auto escaped_char = [&](bool in_class) -> char32_t {
        const char32_t e = p[i + 1];
        i += 2;
        switch (e) {
            case U'n': return U'\n';
            case U'r': return U'\r';
            case U't': return U'\t';
            case U'f': return U'\f';
            case U'v': return U'\v';
            case U'0': return 0;
            case U'b': return in_class ? U'\b' : e;
            case U'x':
            case U'u': {
                char32_t v = 0;
                if (p[i] == U'{') {
                    for (++i; p[i] != U'}'; ++i) v = v * 16 + hex(p[i]);
                    ++i;
                } else {
                    for (std::size_t n = 0; n < (e == U'x' ? 2u : 4u); ++n, ++i) v = v * 16 + hex(p[i]);
                }
                return v;
            }
            default: return e;  // an escaped non-alphanumeric character
        }
    };
    while (i < p.size()) {
        const char32_t c = p[i];
        if (c == U'\\') {
            const char32_t e = p[i + 1];
            if (e == U'b' || e == U'B') {
                t.pattern += e == U'b' ? "\\b" : "\\B";
                t.word_boundaries = true;
                i += 2;
            } else if (e == U'A' || e == U'z') {
                t.pattern += e == U'A' ? "\\A" : "\\z";
                i += 2;
            } else if (!shorthand_items(e).empty()) {
                t.pattern += "[" + shorthand_items(e) + "]";
                i += 2;
            } else if (e == U'D' || e == U'W' || e == U'S') {
                t.pattern += "[^" + shorthand_items(e - U'A' + U'a') + "]";
                i += 2;
            } else {
                t.pattern += hex_literal(escaped_char(false));
            }
        } else if (c == U'.') {
            t.pattern += "[^\\x{A}\\x{D}]";
            ++i;
        } else if (c == U'^' || c == U'$') {
            t.pattern += static_cast<char>(c);
            t.line_anchors = true;
            ++i;
        } else if (c == U'(') {
            t.pattern += "(?:";
            i += (i + 1 < p.size() && p[i + 1] == U'?') ? 3 : 1;
        } else if (c == U')' || c == U'|' || c == U'*' || c == U'+' || c == U'?') {
            t.pattern += static_cast<char>(c);
            ++i;
        } else if (c == U'{') {
            // A count ({m}, {m,}, {m,n}) is a quantifier; any other brace is literal (a{, a{,3}).
            std::size_t j = i + 1, digits = 0;
            while (j < p.size() && p[j] >= U'0' && p[j] <= U'9') ++j, ++digits;
            if (digits && j < p.size() && p[j] == U',') {
                ++j;
                while (j < p.size() && p[j] >= U'0' && p[j] <= U'9') ++j;
            }
            if (digits && j < p.size() && p[j] == U'}') {
                // The counts without leading zeros: RE2 reads "x{00}" as literal text, the engine
                // (as PCRE and JavaScript do) as x{0}.
                std::string number;
                const auto flush = [&] {
                    std::size_t k = 0;
                    while (k + 1 < number.size() && number[k] == '0') ++k;
                    t.pattern += number.substr(k);
                    number.clear();
                };
                for (; i <= j; ++i) {
                    const char ch = static_cast<char>(p[i]);
                    if (ch >= '0' && ch <= '9') { number += ch; continue; }
                    flush();
                    t.pattern += ch;
                }
            } else {
                t.pattern += hex_literal(c);
                ++i;
            }
        } else if (c == U'[') {
            ++i;
            const bool negated = i < p.size() && p[i] == U'^';
            if (negated) ++i;
            std::string items;
            std::vector<std::string> complements;  // \D \W \S: classes of their own
            for (bool first = true; first || p[i] != U']'; first = false) {
                if (p[i] == U'\\' && !shorthand_items(p[i + 1]).empty()) {
                    items += shorthand_items(p[i + 1]);
                    i += 2;
                    continue;
                }
                if (p[i] == U'\\' && (p[i + 1] == U'D' || p[i + 1] == U'W' || p[i + 1] == U'S')) {
                    complements.push_back(shorthand_items(p[i + 1] - U'A' + U'a'));
                    i += 2;
                    continue;
                }
                const char32_t lo = p[i] == U'\\' ? escaped_char(true) : p[i++];
                items += hex_literal(lo);
                if (p[i] == U'-' && p[i + 1] != U']') {
                    ++i;
                    const char32_t hi = p[i] == U'\\' ? escaped_char(true) : p[i++];
                    items += "-" + hex_literal(hi);
                }
            }
            ++i;  // ']'
            if (negated && !complements.empty()) return std::nullopt;
            std::vector<std::string> alternatives;
            if (!items.empty()) alternatives.push_back(std::string(negated ? "[^" : "[") + items + "]");
            for (const std::string& c2 : complements) alternatives.push_back("[^" + c2 + "]");
            if (alternatives.size() == 1) {
                t.pattern += alternatives[0];
            } else {
                t.pattern += "(?:";
                for (std::size_t k = 0; k < alternatives.size(); ++k) t.pattern += (k ? "|" : "") + alternatives[k];
                t.pattern += ")";
            }
        } else {
            t.pattern += hex_literal(c);
            ++i;
        }
    }
    return t;
}

// Whether `text` means the same to both engines under translation `t`.
inline bool comparable(const Translation& t, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decode_utf8(text, i);
        if (t.word_boundaries && c >= 0x80 && is_word_char(c)) return false;
        if (t.line_anchors && c != U'\n' && is_line_break(c)) return false;
    }
    return true;
}

struct ByteSpan {
    std::size_t start, end;
    bool operator==(const ByteSpan&) const = default;
};

// The pattern compiled twice: leftmost-first (the matches) and leftmost-longest (is anything
// longer than an empty match there?).
struct Oracle {
    std::unique_ptr<RE2> first, longest;
    Translation translation;
};

inline RE2::Options options(bool longest) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_longest_match(longest);
    o.set_max_mem(64 << 20);
    return o;
}

// nullopt when RE2 cannot say the pattern or refuses it.
inline std::optional<Oracle> make_oracle(std::string_view ours, bool case_insensitive) {
    std::optional<Translation> t = translate(ours, case_insensitive);
    if (!t) return std::nullopt;
    Oracle o{std::make_unique<RE2>(t->pattern, options(false)), std::make_unique<RE2>(t->pattern, options(true)), *t};
    if (!o.first->ok() || !o.longest->ok()) return std::nullopt;
    return o;
}

// RE2's matches as find_all reports them (see the top of this file); nullopt where RE2 prefers an
// empty match at a place where a longer one starts too.
inline std::optional<std::vector<ByteSpan>> find_all(const Oracle& o, std::string_view text) {
    std::vector<ByteSpan> out;
    const re2::StringPiece whole(text.data(), text.size());
    std::size_t pos = 0;
    while (pos <= text.size()) {
        re2::StringPiece m;
        if (!o.first->Match(whole, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
        const std::size_t start = static_cast<std::size_t>(m.data() - text.data());
        if (!m.empty()) {
            out.push_back({start, start + m.size()});
            pos = start + m.size();
            continue;
        }
        re2::StringPiece longest;
        if (o.longest->Match(whole, start, text.size(), RE2::ANCHOR_START, &longest, 1) && !longest.empty())
            return std::nullopt;
        if (start == text.size()) break;
        pos = start + utf8_sequence_length(static_cast<unsigned char>(text[start]));
    }
    return out;
}

}  // namespace inkspan::re2_oracle
