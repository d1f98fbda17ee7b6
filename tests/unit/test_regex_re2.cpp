// RE2 as a second oracle for the regex engine (std::regex, in test_regex.cpp, only knows ASCII):
// the same matches, byte for byte and code point for code point, on Unicode patterns and texts,
// with and without case folding. How the dialects are matched up, and where the engines differ
// by design, is in re2_oracle.h and docs/SEARCH.md.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/regex.h"
#include "core/utf8.h"
#include "re2_oracle.h"

using namespace inkspan;

namespace {

enum class Outcome { Compared, NotComparable };

// Compares our matches of `pattern` in `text` with RE2's (CHECKs them); NotComparable when the
// pair falls under one of the documented differences.
Outcome compare_with_re2(const std::string& pattern, const std::string& text, bool case_insensitive) {
    CAPTURE(pattern);
    CAPTURE(text);
    CAPTURE(case_insensitive);
    Result<Regex> ours = compile_regex(pattern, RegexOptions{case_insensitive, false});
    REQUIRE(ours.ok());
    const std::optional<re2_oracle::Oracle> oracle = re2_oracle::make_oracle(pattern, case_insensitive);
    if (!oracle || !re2_oracle::comparable(oracle->translation, text)) return Outcome::NotComparable;
    CAPTURE(oracle->translation.pattern);
    const std::optional<std::vector<re2_oracle::ByteSpan>> expected = re2_oracle::find_all(*oracle, text);
    if (!expected) return Outcome::NotComparable;
    const SearchResult got = ours->find_all(text);
    std::vector<re2_oracle::ByteSpan> got_bytes;
    for (const TextRange& m : got.matches) {
        got_bytes.push_back({m.byte_start, m.byte_end});
        // RE2 speaks bytes; our code point offsets must name the same places.
        CHECK(m.start == count_code_points(std::string_view(text).substr(0, m.byte_start)));
        CHECK(m.end == count_code_points(std::string_view(text).substr(0, m.byte_end)));
    }
    CHECK(got_bytes == *expected);
    return Outcome::Compared;
}

}  // namespace

TEST_CASE("regex agrees with RE2 on Unicode patterns and texts, with and without case folding") {
    const std::vector<std::string> texts = {
        "Les délégations de la Russie et des États-Unis, réunies hier à Istanbul.\nÉTÉ été Été l’été",
        "ΣΊΣΥΦΟΣ σίσυφος ς Жуков МОСКВА Москва 中文 😀👍🏽 e\u0301t",
        "Straße STRASSE ẞ ſ s S Kelvin \u212A k K İ i ı",
        "12 ٣٤ ३ 3,5 % x\ty\u00A0z\u202F! a_b __",
        "aaaaab abababab <a><b> color colour a{b a{,3}",
        "un\ndeux\n\ntrois",
        "hello world, foo_bar baz42 x-y",
        "crlf\r\nline\rend",
    };
    const std::vector<std::string> patterns = {
        // literals and escapes
        "été", "ΣΊΣΥΦΟΣ", "ſ", "ß", "\\x{1F600}", "\\u00e9|\\x41", "a\\{b", "a{,3}|a{", "\\.|,", "’",
        // dot and classes
        "é.é", ".+", "[a-c]+", "[^a-z ]+", "[à-ÿ]+", "[σς]", "[]a]", "[a-]", "[\\d\\s]+", "[^\\w]", "[\\W]",
        "[\\D]", "[\\w-]+", "[^\\s]+", "[\\S\\d]",
        // classes under case folding: members of either case, negated, and the odd foldings
        "[A-Z]+", "[À-Þ]+", "[^A-Z ]+", "[ΣΑ-Ω]+", "[Σ]", "[\\u212A]", "[ẞ]", "[ſ]", "[К-Я]+", "[^É]",
        // Unicode shorthands
        "\\d+", "\\w+", "\\s", "\\D+", "\\W+", "\\S+", "\\w+\\s\\w+",
        // anchors and assertions
        "^\\w+", "\\w+$", "^$", "\\A\\w+", "\\w+\\z", "\\bfoo\\w*", "\\Bo", "\\b\\w", "x\\b",
        // alternation: leftmost-first, not leftmost-longest
        "a|ab", "ab|a", "(Ist|Ank)(an|ar)[a-z]+", "Straße|STRASSE", "(a|)b", "(|a)b",
        // repetition
        "a+", "a+?", "a{2}", "a{2,}", "a{2,3}", "a{2,3}?", "ba{00}", "a{02,003}", "(?:ab){2}", "(ab)+", "<.+>", "<.+?>", "colou?r",
        "(a*)+b", "(?:a|b)*?b", "[^\\n]*?ab", "(?:\\w+\\s?){2,3}",
    };
    std::map<std::pair<std::string, bool>, int> compared;
    for (const bool ci : {false, true})
        for (const std::string& pattern : patterns)
            for (const std::string& text : texts)
                if (compare_with_re2(pattern, text, ci) == Outcome::Compared) ++compared[{pattern, ci}];
    // Every pattern was checked on some text in both modes (no translation gap hides one).
    for (const bool ci : {false, true})
        for (const std::string& pattern : patterns) {
            CAPTURE(pattern);
            CAPTURE(ci);
            CHECK(compared[{pattern, ci}] > 0);
        }
}

TEST_CASE("regex agrees with RE2 on random Unicode patterns") {
    std::mt19937 rng(2718);
    const std::vector<std::string> atoms = {
        "a", "b", "é", "É", "σ", "Σ", "ς", "k", "\\u212A", "ß", "ẞ", "s", "ſ", "😀", "\\x{301}", ".",
        "[aé]", "[^a]", "[a-zà-ÿ]", "[σ-ω]", "[A-ZÀ-Þ]", "[Σ]", "[^É]", "[\\u212A]", "[ẞ]", "\\w", "\\W", "\\d", "\\s", "\\S", "[\\w-]", "[^\\s]", "[\\d\\s]",
        "(a|é)", "(ab|a)", "(a|)", "(?:σ*)", "(b?)", "\\b", "\\B", "^", "$", "\\A", "\\z"};
    const std::vector<std::string> quantifiers = {"", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,2}?"};
    const std::vector<std::string> alphabet = {"a", "b", "é", "É", "e\u0301", "σ", "ς", "Σ", "k", "K", "\u212A",
                                               "ß", "ẞ", "s", "S", "ſ", "٣", "1", "_", " ", "\u00A0", "\n",
                                               "😀", "\u200D", "-", "\r"};
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    int compared = 0;
    const int rounds = 3000;
    for (int round = 0; round < rounds; ++round) {
        std::string pattern;
        for (std::size_t i = 0, n = 1 + pick(4); i < n; ++i) {
            if (i > 0 && pick(6) == 0) pattern += '|';
            const std::string& atom = atoms[pick(atoms.size())];
            const bool assertion = atom == "\\b" || atom == "\\B" || atom == "^" || atom == "$" || atom == "\\A" || atom == "\\z";
            pattern += assertion ? atom : atom + quantifiers[pick(quantifiers.size())];
        }
        std::string text;
        for (std::size_t i = 0, n = pick(15); i < n; ++i) text += alphabet[pick(alphabet.size())];
        if (compare_with_re2(pattern, text, pick(2) == 1) == Outcome::Compared) ++compared;
    }
    // Most pairs fall outside the documented differences (\b next to non-ASCII letters, ^ $ next
    // to \r, an empty preferred match): if not, the oracle has stopped checking.
    CHECK(compared > rounds / 2);
}

TEST_CASE("where RE2 and the regex engine differ by design") {
    const auto ours = [](std::string_view pattern, std::string_view text) {
        Result<Regex> re = compile_regex(pattern);
        REQUIRE(re.ok());
        std::vector<re2_oracle::ByteSpan> out;
        for (const TextRange& m : re->find_all(text).matches) out.push_back({m.byte_start, m.byte_end});
        return out;
    };
    const auto re2_first = [](std::string_view re2_pattern, std::string_view text) {
        const RE2 re(re2::StringPiece(re2_pattern.data(), re2_pattern.size()), re2_oracle::options(false));
        REQUIRE(re.ok());
        re2::StringPiece m;
        const re2::StringPiece whole(text.data(), text.size());
        return re.Match(whole, 0, text.size(), RE2::UNANCHORED, &m, 1)
                   ? std::optional<re2_oracle::ByteSpan>(re2_oracle::ByteSpan{static_cast<std::size_t>(m.data() - text.data()),
                                                                             static_cast<std::size_t>(m.data() - text.data()) + m.size()})
                   : std::nullopt;
    };
    // We never report an empty match: a lazy a*? takes one 'a'; RE2 prefers the empty match.
    CHECK(ours("a*?", "aa") == std::vector<re2_oracle::ByteSpan>{{0, 1}, {1, 2}});
    CHECK(re2_first("a*?", "aa") == re2_oracle::ByteSpan{0, 0});
    // RE2's \b is ASCII: no boundary between ’ and é for it.
    CHECK(ours("\\bété", "l’été") == std::vector<re2_oracle::ByteSpan>{{4, 9}});
    CHECK_FALSE(re2_first("\\bété", "l’été").has_value());
    // Our ^ and $ know every line break; RE2's (?m) only \n.
    CHECK(ours("^b", "a\rb") == std::vector<re2_oracle::ByteSpan>{{2, 3}});
    CHECK_FALSE(re2_first("(?m)^b", "a\rb").has_value());
    // RE2 refuses nested counts over 1000 in all; we take them while the program stays under 10,000.
    CHECK(compile_regex("(?:a{100}){20}").ok());
    CHECK_FALSE(RE2("(?:a{100}){20}", re2_oracle::options(false)).ok());
}
