#include "core/regex_syntax.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/utf8.h"

namespace inkspan::regex_detail {

namespace {

using unicode_tables::CodePointRange;

bool is_ascii_alnum(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

int hex_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
    if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
    return -1;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

class Parser {
public:
    explicit Parser(std::u32string_view pattern) : p_(pattern) {}

    Result<Ast> run() {
        std::uint32_t root = 0;
        if (parse_alternation(root) && pos_ < p_.size()) fail("unbalanced ')'", pos_);  // only ')' stops it
        if (error_) return *error_;
        ast_.root = root;
        return std::move(ast_);
    }

private:
    bool fail(const std::string& what, std::size_t at) {
        if (!error_) error_ = make_error(ErrorKind::Invalid, "regex: " + what + " at position " + std::to_string(at));
        return false;
    }

    std::uint32_t add(Node node) {
        ast_.nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(ast_.nodes.size() - 1);
    }

    bool at(char32_t c) const { return pos_ < p_.size() && p_[pos_] == c; }

    bool parse_alternation(std::uint32_t& out) {
        std::vector<std::uint32_t> alternatives;
        for (;;) {
            std::uint32_t branch = 0;
            if (!parse_concat(branch)) return false;
            alternatives.push_back(branch);
            if (!at(U'|')) break;
            ++pos_;
        }
        if (alternatives.size() == 1) {
            out = alternatives[0];
        } else {
            Node node;
            node.kind = NodeKind::Alternate;
            node.children = std::move(alternatives);
            out = add(std::move(node));
        }
        return true;
    }

    bool parse_concat(std::uint32_t& out) {
        std::vector<std::uint32_t> items;
        while (pos_ < p_.size() && p_[pos_] != U'|' && p_[pos_] != U')') {
            std::uint32_t min = 0, max = 0;
            std::size_t quantifier_len = 0;
            if (!quantifier_at(pos_, min, max, quantifier_len)) return false;
            if (quantifier_len) return fail("nothing to repeat", pos_);
            std::uint32_t atom = 0;
            if (!parse_atom(atom)) return false;
            if (!quantifier_at(pos_, min, max, quantifier_len)) return false;
            if (quantifier_len) {
                pos_ += quantifier_len;
                Node node;
                node.kind = NodeKind::Repeat;
                node.index = atom;
                node.min = min;
                node.max = max;
                if (at(U'?')) {
                    node.greedy = false;
                    ++pos_;
                }
                atom = add(std::move(node));
                std::uint32_t unused_min = 0, unused_max = 0;
                if (!quantifier_at(pos_, unused_min, unused_max, quantifier_len)) return false;
                if (quantifier_len) return fail("nothing to repeat", pos_);  // a** or a{2}{3}
            }
            items.push_back(atom);
        }
        if (items.size() == 1) {
            out = items[0];
        } else {
            Node node;
            node.kind = items.empty() ? NodeKind::Empty : NodeKind::Concat;
            node.children = std::move(items);
            out = add(std::move(node));
        }
        return true;
    }

    // Sets `len` to the length of the quantifier at `i` (0 if none: a '{' that does not read as
    // {n}, {n,} or {n,m} is a literal brace). Fails on a malformed count.
    bool quantifier_at(std::size_t i, std::uint32_t& min, std::uint32_t& max, std::size_t& len) {
        len = 0;
        if (i >= p_.size()) return true;
        const char32_t c = p_[i];
        if (c == U'*' || c == U'+' || c == U'?') {
            min = c == U'+' ? 1 : 0;
            max = c == U'?' ? 1 : kUnbounded;
            len = 1;
            return true;
        }
        if (c != U'{') return true;
        std::size_t j = i + 1;
        auto number = [&](std::uint32_t& value) {
            const std::size_t from = j;
            std::uint64_t v = 0;
            while (j < p_.size() && p_[j] >= U'0' && p_[j] <= U'9') {
                v = std::min<std::uint64_t>(v * 10 + (p_[j] - U'0'), 1'000'000);
                ++j;
            }
            value = static_cast<std::uint32_t>(v);
            return j > from;
        };
        if (!number(min)) return true;
        max = min;
        if (j < p_.size() && p_[j] == U',') {
            ++j;
            if (!number(max)) max = kUnbounded;
        }
        if (j >= p_.size() || p_[j] != U'}') return true;
        len = j + 1 - i;
        if (min > kMaxRepeat || (max != kUnbounded && max > kMaxRepeat))
            return fail("repetition count over " + std::to_string(kMaxRepeat), i);
        if (min > max) return fail("bad repetition '" + to_utf8(p_.substr(i, len)) + "'", i);
        return true;
    }

    bool parse_atom(std::uint32_t& out) {
        const std::size_t start = pos_;
        const char32_t c = p_[pos_];
        Node node;
        switch (c) {
            case U'(': {
                if (depth_ >= kMaxNesting)
                    return fail("groups nested deeper than " + std::to_string(kMaxNesting), start);
                ++pos_;
                if (at(U'?')) {
                    if (pos_ + 1 < p_.size() && p_[pos_ + 1] == U':') pos_ += 2;
                    else return fail("unsupported group syntax '(?'", start);
                }
                ++depth_;
                const bool ok = parse_alternation(out);
                --depth_;
                if (!ok) return false;
                if (!at(U')')) return fail("missing ')' for '('", start);
                ++pos_;
                return true;
            }
            case U'[':
                return parse_class(out);
            case U'.':
                node.kind = NodeKind::AnyChar;
                ++pos_;
                break;
            case U'^':
            case U'$':
                node.kind = NodeKind::Assert;
                node.assertion = c == U'^' ? AssertKind::LineStart : AssertKind::LineEnd;
                ++pos_;
                break;
            case U'\\': {
                if (pos_ + 1 >= p_.size()) return fail("trailing backslash", start);
                const char32_t e = p_[pos_ + 1];
                std::optional<AssertKind> assertion;
                if (e == U'b') assertion = AssertKind::WordBoundary;
                else if (e == U'B') assertion = AssertKind::NotWordBoundary;
                else if (e == U'A') assertion = AssertKind::TextStart;
                else if (e == U'z') assertion = AssertKind::TextEnd;
                if (assertion) {
                    node.kind = NodeKind::Assert;
                    node.assertion = *assertion;
                    pos_ += 2;
                    break;
                }
                CharClass cls;
                if (set_shorthand(e, cls)) {
                    pos_ += 2;
                    ast_.classes.push_back(std::move(cls));
                    node.kind = NodeKind::Class;
                    node.index = static_cast<std::uint32_t>(ast_.classes.size() - 1);
                    break;
                }
                node.kind = NodeKind::Literal;
                if (!parse_escape(node.ch, false)) return false;
                break;
            }
            default:
                node.kind = NodeKind::Literal;
                node.ch = c;
                ++pos_;
        }
        out = add(std::move(node));
        return true;
    }

    // \d \D \w \W \s \S: sets the matching flag of `cls`.
    static bool set_shorthand(char32_t e, CharClass& cls) {
        switch (e) {
            case U'd': cls.digit = true; return true;
            case U'D': cls.not_digit = true; return true;
            case U'w': cls.word = true; return true;
            case U'W': cls.not_word = true; return true;
            case U's': cls.space = true; return true;
            case U'S': cls.not_space = true; return true;
            default: return false;
        }
    }

    // A character escape at pos_ (the backslash): \n \r \t \f \v \0 \xHH \x{H..} \uHHHH \u{H..} or an
    // escaped non-alphanumeric character. Inside a class, \b is backspace.
    bool parse_escape(char32_t& out, bool in_class) {
        const std::size_t start = pos_;
        if (pos_ + 1 >= p_.size()) return fail("trailing backslash", start);
        const char32_t e = p_[pos_ + 1];
        pos_ += 2;
        switch (e) {
            case U'n': out = U'\n'; return true;
            case U'r': out = U'\r'; return true;
            case U't': out = U'\t'; return true;
            case U'f': out = U'\f'; return true;
            case U'v': out = U'\v'; return true;
            case U'0': out = 0; return true;
            case U'b':
                if (!in_class) break;
                out = U'\b';
                return true;
            case U'x':
            case U'u': {
                std::uint32_t value = 0;
                std::size_t digits = 0;
                if (at(U'{')) {
                    ++pos_;
                    while (pos_ < p_.size() && hex_value(p_[pos_]) >= 0 && digits < 6) {
                        value = value * 16 + static_cast<std::uint32_t>(hex_value(p_[pos_++]));
                        ++digits;
                    }
                    if (digits == 0 || !at(U'}')) return fail("bad code point escape", start);
                    ++pos_;
                } else {
                    const std::size_t want = e == U'x' ? 2 : 4;
                    while (digits < want && pos_ < p_.size() && hex_value(p_[pos_]) >= 0) {
                        value = value * 16 + static_cast<std::uint32_t>(hex_value(p_[pos_++]));
                        ++digits;
                    }
                    if (digits != want) return fail("bad code point escape", start);
                }
                if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                    return fail("bad code point escape", start);
                out = value;
                return true;
            }
            default:
                if (!is_ascii_alnum(e)) {
                    out = e;
                    return true;
                }
        }
        return fail("unknown escape '\\" + to_utf8(std::u32string_view(&e, 1)) + "'", start);
    }

    bool parse_class(std::uint32_t& out) {
        const std::size_t open = pos_++;
        CharClass cls;
        if (at(U'^')) {
            cls.negated = true;
            ++pos_;
        }
        bool first = true;
        for (;; first = false) {
            if (pos_ >= p_.size()) return fail("missing ']' for '['", open);
            if (p_[pos_] == U']' && !first) {
                ++pos_;
                break;
            }
            const std::size_t item = pos_;
            char32_t lo = 0;
            if (p_[pos_] == U'\\' && pos_ + 1 < p_.size() && set_shorthand(p_[pos_ + 1], cls)) {
                pos_ += 2;
                continue;
            }
            if (!class_char(lo)) return false;
            char32_t hi = lo;
            if (at(U'-') && pos_ + 1 < p_.size() && p_[pos_ + 1] != U']') {
                ++pos_;
                const std::size_t hi_pos = pos_;
                CharClass probe;
                if (p_[pos_] == U'\\' && pos_ + 1 < p_.size() && set_shorthand(p_[pos_ + 1], probe))
                    return fail("bad character range '" + to_utf8(p_.substr(item, hi_pos + 2 - item)) + "'", item);
                if (!class_char(hi)) return false;
                if (hi < lo) return fail("bad character range '" + to_utf8(p_.substr(item, pos_ - item)) + "'", item);
            }
            cls.ranges.push_back({lo, hi});
        }
        normalize_ranges(cls.ranges);
        ast_.classes.push_back(std::move(cls));
        Node node;
        node.kind = NodeKind::Class;
        node.index = static_cast<std::uint32_t>(ast_.classes.size() - 1);
        out = add(std::move(node));
        return true;
    }

    bool class_char(char32_t& out) {
        if (p_[pos_] == U'\\') return parse_escape(out, true);
        out = p_[pos_++];
        return true;
    }

    std::u32string_view p_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    Ast ast_;
    std::optional<Error> error_;
};

}  // namespace

void normalize_ranges(std::vector<CodePointRange>& ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const CodePointRange& a, const CodePointRange& b) { return a.lo < b.lo; });
    std::size_t n = 0;
    for (const CodePointRange& r : ranges) {
        if (n > 0 && r.lo <= ranges[n - 1].hi + 1) ranges[n - 1].hi = std::max(ranges[n - 1].hi, r.hi);
        else ranges[n++] = r;
    }
    ranges.resize(n);
}

Result<Ast> parse_regex(std::u32string_view pattern) { return Parser(pattern).run(); }

}  // namespace inkspan::regex_detail
