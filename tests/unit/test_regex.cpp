#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <regex>  // only as an oracle for random ASCII patterns; the core never uses it
#include <string>

#include "core/regex.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

// Matched texts joined with '|', or "error: <message>".
std::string matches(std::string_view text, std::string_view pattern, RegexOptions options = {}) {
    Result<Regex> re = compile_regex(pattern, options);
    if (!re) return "error: " + re.error().message;
    std::string out;
    for (const TextRange& m : re->find_all(text).matches) {
        if (!out.empty()) out += '|';
        out += text.substr(m.byte_start, m.byte_end - m.byte_start);
    }
    return out;
}

std::string error_of(std::string_view pattern) {
    Result<Regex> re = compile_regex(pattern);
    return re ? std::string("<compiled>") : re.error().message;
}

double elapsed_ms(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("regex: literals, dot, classes and escapes") {
    CHECK(matches("abc abd", "ab") == "ab|ab");
    CHECK(matches("a\nb a-b", "a.b") == "a-b");
    CHECK(matches("a\r\nb", "a..b") == "");  // . never matches \r or \n
    CHECK(matches("x😀y", "x.y") == "x😀y");  // . is one code point
    CHECK(matches("cab bad", "[a-c]+") == "cab|ba");
    CHECK(matches("cab bad", "[^a-c ]") == "d");
    CHECK(matches("a]b-c", "[]-]") == "]|-");
    CHECK(matches("a-b", "[a-]") == "a|-");
    CHECK(matches("a^b", "[\\^]") == "^");
    CHECK(matches("x1_ é-", "[\\d_é]") == "1|_|é");
    CHECK(matches("A é\u00A0", "[^\\s]") == "A|é");
    CHECK(matches("1.5 a+b", "\\.|\\+") == ".|+");
    CHECK(matches("AéB😀", "\\x41|\\u00e9|\\x{1F600}") == "A|é|😀");
    CHECK(matches("a\tb\\c", "\\t|\\\\") == "\t|\\");
    CHECK(matches("a{b a{,3}", "a{,3}|a{") == "a{|a{,3}");  // a brace that is no count is literal
    CHECK(matches("l’été", "’") == "’");
}

TEST_CASE("regex: Unicode-aware \\d \\w \\s \\b") {
    CHECK(matches("12 ٣٤ ३", "\\d+") == "12|٣٤|३");
    CHECK(matches("été, Ставка; e\u0301t", "\\w+") == "été|Ставка|e\u0301t");
    CHECK(matches("a\u00A0b\u202Fc d", "\\s") == "\u00A0|\u202F| ");
    CHECK(matches("été étés l’été", "\\bété\\b") == "été|été");
    CHECK(matches("été étés", "\\Bt") == "t|t");
    CHECK(matches("ab,cd", "\\W") == ",");
    CHECK(matches("a1b2", "\\D") == "a|b");
    CHECK(matches("a b", "\\S+") == "a|b");
}

TEST_CASE("regex: repetition, laziness and leftmost-first alternation") {
    CHECK(matches("baaac", "a*") == "aaa");  // empty matches are skipped
    CHECK(matches("baaac", "a+") == "aaa");
    CHECK(matches("baaac", "a+?") == "a|a|a");
    CHECK(matches("color colour", "colou?r") == "color|colour");
    CHECK(matches("aaaaaaa", "a{2}") == "aa|aa|aa");
    CHECK(matches("aaaaaaa", "a{2,}") == "aaaaaaa");
    CHECK(matches("aaaaaaa", "a{2,3}") == "aaa|aaa");
    CHECK(matches("aaaaaaa", "a{2,3}?") == "aa|aa|aa");
    CHECK(matches("aaa", "a{0}") == "");
    CHECK(matches("<a><b>", "<.+>") == "<a><b>");
    CHECK(matches("<a><b>", "<.+?>") == "<a>|<b>");
    CHECK(matches("ab", "a|ab") == "a");  // leftmost-first, not leftmost-longest
    CHECK(matches("ab", "ab|a") == "ab");
    CHECK(matches("ababab abx", "(ab)+") == "ababab|ab");
    CHECK(matches("ababab", "(?:ab){2}") == "abab");
    CHECK(matches("Istanbul Ankara", "(Ist|Ank)(an|ar)[a-z]+") == "Istanbul|Ankara");
    CHECK(matches("abc", "") == "");
    CHECK(matches("abc", "x*") == "");
    CHECK(matches("abc", "()") == "");
    CHECK(matches("aaa", "(a*)*") == "aaa");
    CHECK(matches("ab", "(|a)b") == "ab");
    CHECK(matches("ab", "(a|)b") == "ab");
}

TEST_CASE("regex: line anchors with LF, CRLF and CR") {
    CHECK(matches("un\r\ndeux\ntrois\rquatre", "^\\w+$") == "un|deux|trois|quatre");
    CHECK(matches("un\r\ndeux", "$") == "");
    CHECK(matches("ab\nab", "^ab") == "ab|ab");
    CHECK(matches("ab\nab", "ab$") == "ab|ab");
    CHECK(matches("ab\nab", "\\Aab") == "ab");
    CHECK(matches("ab\nab", "ab\\z") == "ab");
    CHECK(matches("x\r\ny", "x$\\r\\n^y") == "x\r\ny");
}

TEST_CASE("regex: case-insensitive and whole-word options") {
    const RegexOptions ci{true, false};
    CHECK(matches("ÉTÉ été Été", "été", ci) == "ÉTÉ|été|Été");
    CHECK(matches("Hello WORLD", "[a-z]+", ci) == "Hello|WORLD");
    CHECK(matches("ÉCOLE école", "[à-ÿ]", ci) == "É|é");
    CHECK(matches("ΣΊΣΥΦΟΣ σίσυφος", "σίσυφοσ", ci) == "ΣΊΣΥΦΟΣ|σίσυφος");  // final sigma folds to σ
    CHECK(matches("МОСКВА Москва", "москва", ci) == "МОСКВА|Москва");
    CHECK(matches("A a", "[^a]", ci) == " ");
    CHECK(matches("Straße STRASSE", "straße", ci) == "Straße");  // no ß → ss
    const RegexOptions ww{false, true};
    CHECK(matches("été étés l’été", "été", ww) == "été|été");
    CHECK(matches("été étés", "été\\w*", ww) == "été|étés");
    CHECK(matches("abc abcd", "abc|abcd", ww) == "abc|abcd");  // tries the next alternative
    CHECK(matches("l’Atlantique", "l’", ww) == "l’");
    CHECK(matches("DE de", "de", {true, true}) == "DE|de");
}

TEST_CASE("regex: code-point offsets with emoji and combining marks before the match") {
    const std::string text = "😀 e\u0301 👨‍👩‍👧 Istanbul";
    Result<Regex> re = compile_regex("Ist\\w+");
    REQUIRE(re.ok());
    const SearchResult r = re->find_all(text);
    REQUIRE(r.matches.size() == 1);
    CHECK(r.matches[0].start == 11);  // 😀, space, e, U+0301, space, 5 code points of the family, space
    CHECK(r.matches[0].end == 19);
    CHECK(text.substr(r.matches[0].byte_start, r.matches[0].byte_end - r.matches[0].byte_start) == "Istanbul");
    // find() from the middle sees the code point before `from`.
    Result<Regex> b = compile_regex("\\bb");
    REQUIRE(b.ok());
    CHECK_FALSE(b->find("ab b", 1, 1).has_value() == false);
    CHECK(b->find("ab b", 1, 1)->start == 3);
}

TEST_CASE("regex: error messages name the position in code points") {
    CHECK(error_of("a)") == "regex: unbalanced ')' at position 1");
    CHECK(error_of("(a))") == "regex: unbalanced ')' at position 3");
    CHECK(error_of("éé)") == "regex: unbalanced ')' at position 2");
    CHECK(error_of("x(ab") == "regex: missing ')' for '(' at position 1");
    CHECK(error_of("😀(") == "regex: missing ')' for '(' at position 1");
    CHECK(error_of("[ab") == "regex: missing ']' for '[' at position 0");
    CHECK(error_of("[]") == "regex: missing ']' for '[' at position 0");
    CHECK(error_of("*a") == "regex: nothing to repeat at position 0");
    CHECK(error_of("a**") == "regex: nothing to repeat at position 2");
    CHECK(error_of("a|+") == "regex: nothing to repeat at position 2");
    CHECK(error_of("(?:*)") == "regex: nothing to repeat at position 3");
    CHECK(error_of("a{2}{3}") == "regex: nothing to repeat at position 4");
    CHECK(error_of("x{3,2}") == "regex: bad repetition '{3,2}' at position 1");
    CHECK(error_of("x{1001}") == "regex: repetition count over 1000 at position 1");
    CHECK(error_of("x{1,99999999999}") == "regex: repetition count over 1000 at position 1");
    CHECK(error_of("[z-a]") == "regex: bad character range 'z-a' at position 1");
    CHECK(error_of("[a-\\d]") == "regex: bad character range 'a-\\d' at position 1");
    CHECK(error_of("\\q") == "regex: unknown escape '\\q' at position 0");
    CHECK(error_of("ab\\") == "regex: trailing backslash at position 2");
    CHECK(error_of("(?=a)") == "regex: unsupported group syntax '(?' at position 0");
    CHECK(error_of("\\x4") == "regex: bad code point escape at position 0");
    CHECK(error_of("\\x{110000}") == "regex: bad code point escape at position 0");
    CHECK(error_of("\\uD800") == "regex: bad code point escape at position 0");
    CHECK(error_of(std::string(101, '(') + "a" + std::string(101, ')')) ==
          "regex: groups nested deeper than 100 at position 100");
    CHECK(error_of(std::string(1001, 'a')) == "regex: pattern is 1001 code points long (limit 1000)");
    CHECK(compile_regex(std::string(1001, 'a')).error().kind == ErrorKind::TooLarge);
    CHECK(error_of("(a{1000}){1000}") ==
          "regex: pattern too large after expanding repetitions (limit 10000 instructions)");
    CHECK(error_of("a\xFF") == "regex: pattern is not valid UTF-8 (byte 1)");
    CHECK(compile_regex("[\\d-z]").ok());  // a class shorthand before '-': the '-' is literal
    CHECK(matches("5-z", "[\\d-z]") == "5|-|z");
}

TEST_CASE("regex: pathological patterns run in linear time") {
    const std::string as(10'000, 'a');
    for (const char* pattern : {"(a*)*b", "(a|aa)*b", "(a+a+)+b", "(a|a)*b", "(?:a*)*a{20}b", "(.*)*b"}) {
        const auto t0 = std::chrono::steady_clock::now();
        Result<Regex> re = compile_regex(pattern);
        REQUIRE(re.ok());
        const SearchResult r = re->find_all(as);
        const double ms = elapsed_ms(t0);
        MESSAGE(std::string(pattern) << " on 10k 'a': " << ms << " ms");
        CHECK(r.matches.empty());
        CHECK_FALSE(r.truncated);
    }
    Result<Regex> re = compile_regex("(a*)*");
    REQUIRE(re.ok());
    CHECK(re->find_all(as).matches.size() == 1);
}

TEST_CASE("regex: skipping ahead to a possible first character forgets the skipped position") {
    // Regression (found by the oracle test): the visited-instruction set of the position where all
    // threads died was kept while skipping ahead, which hid the assertion at the next candidate.
    CHECK(matches("abc\na\naaa", "(b?)\\ba") == "a|a|a");
    CHECK(matches("xy a", "\\ba") == "a");
}

TEST_CASE("regex: match limit and truncation") {
    Result<Regex> re = compile_regex("a");
    REQUIRE(re.ok());
    SearchResult r = re->find_all("aaaaa", 3);
    CHECK(r.matches.size() == 3);
    CHECK(r.truncated);
    r = re->find_all("aaa", 3);
    CHECK(r.matches.size() == 3);
    CHECK_FALSE(r.truncated);
}

TEST_CASE("regex agrees with a backtracking engine on random ASCII patterns") {
    // std::regex (ECMAScript, leftmost-first, match_not_null) as an oracle on small inputs.
    std::mt19937 rng(4242);
    const char* atoms[] = {"a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\s", "\\b", " ", "(a|b)", "(ab|a)", "(a|)",
                           "(?:a*)", "(b?)", "[a-c]"};
    const char* quantifiers[] = {"", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,2}?"};
    std::uniform_int_distribution<int> n_atoms(1, 4), pick_atom(0, std::size(atoms) - 1),
        pick_q(0, std::size(quantifiers) - 1), coin(0, 5), text_len(0, 14), pick_char(0, 4);
    int compared = 0;
    for (int round = 0; round < 1500; ++round) {
        std::string pattern;
        for (int i = 0, n = n_atoms(rng); i < n; ++i) {
            if (i > 0 && coin(rng) == 0) pattern += '|';
            std::string atom = atoms[pick_atom(rng)];
            if (atom == "\\b") pattern += atom;  // no quantifier on an assertion
            else pattern += atom + quantifiers[pick_q(rng)];
        }
        std::string text;
        for (int i = 0, n = text_len(rng); i < n; ++i) text += "abc \n"[pick_char(rng)];
        CAPTURE(pattern);
        CAPTURE(text);
        Result<Regex> ours = compile_regex(pattern);
        REQUIRE(ours.ok());
        const SearchResult got = ours->find_all(text);
        std::vector<std::pair<std::size_t, std::size_t>> expected;
        const std::regex oracle(pattern, std::regex::ECMAScript);
        auto begin = text.cbegin();
        auto flags = std::regex_constants::match_not_null;
        std::smatch m;
        while (std::regex_search(begin, text.cend(), m, oracle, flags)) {
            const std::size_t start = static_cast<std::size_t>(m[0].first - text.cbegin());
            const std::size_t end = static_cast<std::size_t>(m[0].second - text.cbegin());
            expected.emplace_back(start, end);
            begin = m[0].second;
            flags = std::regex_constants::match_not_null | std::regex_constants::match_prev_avail;
        }
        REQUIRE(got.matches.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(got.matches[i].byte_start == expected[i].first);
            CHECK(got.matches[i].byte_end == expected[i].second);
        }
        ++compared;
    }
    CHECK(compared == 1500);
}
