#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/search.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

std::string found(std::string_view text, std::string_view query, SearchOptions options = {}) {
    Result<SearchResult> r = find_all(text, query, options);
    if (!r) return "error: " + r.error().message;
    std::string out;
    for (const TextRange& m : r->matches) {
        if (!out.empty()) out += '|';
        out += text.substr(m.byte_start, m.byte_end - m.byte_start);
    }
    return out;
}

SearchOptions literal(bool ci, bool ww) {
    SearchOptions o;
    o.case_insensitive = ci;
    o.whole_word = ww;
    return o;
}

SearchOptions regex(bool ci = false, bool ww = false) {
    SearchOptions o = literal(ci, ww);
    o.regex = true;
    return o;
}

// Escapes every non-alphanumeric ASCII character of `s` for the regex dialect.
std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u)) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("literal search") {
    CHECK(found("Istanbul, Istanbul!", "Istanbul") == "Istanbul|Istanbul");
    CHECK(found("aaaa", "aa") == "aa|aa");  // non-overlapping, left to right
    CHECK(found("aaa", "aa") == "aa");
    CHECK(found("abc", "") == "");
    CHECK(found("abc", "abcd") == "");
    CHECK(found("a.b*c", ".b*") == ".b*");  // no pattern syntax in literal mode
    CHECK(found("l’été l'été", "l’été") == "l’été");
    CHECK(found("x\r\ny", "\r\n") == "\r\n");
    CHECK(found("ababab", "abab") == "abab");
    CHECK(found("aabaabaaab", "aab") == "aab|aab|aab");
}

TEST_CASE("case-insensitive search folds É/é, Σ/ς, Ж/ж") {
    CHECK(found("États, états, ÉTATS", "états", literal(true, false)) == "États|états|ÉTATS");
    CHECK(found("États", "états", literal(false, false)) == "");
    CHECK(found("ΟΔΟΣ οδος", "οδοσ", literal(true, false)) == "ΟΔΟΣ|οδος");
    CHECK(found("Жуков ЖУКОВ", "жуков", literal(true, false)) == "Жуков|ЖУКОВ");
    CHECK(found("ÀÉÎÕÜ", "àéîõü", literal(true, false)) == "ÀÉÎÕÜ");
    CHECK(found("e\u0301", "É", literal(true, false)) == "");  // no normalization: é ≠ e + U+0301
}

TEST_CASE("whole-word search") {
    const std::string text = "de des de-facto mode de’ 1de de";
    CHECK(found(text, "de", literal(false, true)) == "de|de|de|de");
    // Each match is checked on its own: a rejected candidate does not hide the next one.
    CHECK(found("aaa aa", "aa", literal(false, true)) == "aa");
    CHECK(found("DE de", "de", literal(true, true)) == "DE|de");
    CHECK(found("l’Atlantique", "l’", literal(false, true)) == "l’");
    CHECK(found("été étés", "été", literal(false, true)) == "été");
}

TEST_CASE("regex search through find_all") {
    CHECK(found("Riyad le 18 février, 2016-2018", "\\d+(-\\d+)?", regex()) == "18|2016-2018");
    CHECK(found("ÉTAT état", "é\\w+", regex(true)) == "ÉTAT|état");
    CHECK(found("été étés", "été", regex(false, true)) == "été");
    CHECK(found("ab", "a)", regex()) == "error: regex: unbalanced ')' at position 1");
}

TEST_CASE("search errors") {
    Result<SearchResult> r = find_all("abc", std::string(1001, 'x'));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::TooLarge);
    CHECK(r.error().message == "search: query is 1001 code points long (limit 1000)");
    r = find_all("abc", "a\xC3");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::InvalidUtf8);
    CHECK(r.error().message == "search: query is not valid UTF-8 (byte 1)");
    CHECK(find_all("abc", std::string(1000, 'x')).ok());
}

TEST_CASE("search offsets count code points: emoji, combining marks and CRLF before the match") {
    const std::string text = "😀👍🏽 e\u0301\r\nIstanbul";
    for (const SearchOptions& o : {literal(false, false), literal(true, true), regex(), regex(true, true)}) {
        Result<SearchResult> r = find_all(text, "istanbul", o);
        REQUIRE(r.ok());
        if (!o.case_insensitive) {
            CHECK(r->matches.empty());
            continue;
        }
        REQUIRE(r->matches.size() == 1);
        CHECK(r->matches[0].start == 8);  // 😀 👍 🏽 space e U+0301 \r \n
        CHECK(r->matches[0].end == 16);
        CHECK(r->matches[0].byte_start == 18);
        CHECK(r->matches[0].byte_end == text.size());
    }
}

TEST_CASE("search stops at max_matches and says so") {
    SearchOptions o;
    o.max_matches = 2;
    Result<SearchResult> r = find_all("a a a", "a", o);
    REQUIRE(r.ok());
    CHECK(r->matches.size() == 2);
    CHECK(r->truncated);
    o.max_matches = 3;
    r = find_all("a a a", "a", o);
    CHECK(r->matches.size() == 3);
    CHECK_FALSE(r->truncated);
    std::string many;
    for (int i = 0; i < 100'001; ++i) many += "x ";
    r = find_all(many, "x");
    CHECK(r->matches.size() == kMaxSearchMatches);
    CHECK(r->truncated);
}

TEST_CASE("literal search equals regex search of the escaped query") {
    std::mt19937 rng(31337);
    const char32_t pool[] = {U'a', U'b', U'A', U'é', U'É', U' ', U'-', U'.', U'’', U'😀', U'\u0301', U'σ', U'ς', U'Σ', U'\n'};
    std::uniform_int_distribution<int> pick(0, static_cast<int>(std::size(pool)) - 1), tlen(0, 60), qlen(1, 4), flag(0, 1);
    for (int round = 0; round < 2000; ++round) {
        std::string text, query;
        for (int i = 0, n = tlen(rng); i < n; ++i) append_utf8(text, pool[pick(rng)]);
        for (int i = 0, n = qlen(rng); i < n; ++i) append_utf8(query, pool[pick(rng)]);
        const SearchOptions lit = literal(flag(rng), flag(rng));
        SearchOptions re = lit;
        re.regex = true;
        CAPTURE(text);
        CAPTURE(query);
        CAPTURE(lit.case_insensitive);
        CAPTURE(lit.whole_word);
        Result<SearchResult> a = find_all(text, query, lit);
        Result<SearchResult> b = find_all(text, escape(query), re);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        REQUIRE(a->matches.size() == b->matches.size());
        for (std::size_t i = 0; i < a->matches.size(); ++i) CHECK(a->matches[i] == b->matches[i]);
    }
}

TEST_CASE("searching 1 MB") {
    std::ifstream in(INKSPAN_SOURCE_DIR "/assets/istanbul-talks.fr.txt", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text;
    while (text.size() < (1u << 20)) text += ss.str();
    for (const auto& [query, options] : {std::pair{"États-Unis", literal(true, true)},
                                         std::pair{"\\b[A-Z]\\w+", regex()},
                                         std::pair{"r[ée]union", regex(true)}}) {
        const auto t0 = std::chrono::steady_clock::now();
        Result<SearchResult> r = find_all(text, query, options);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        REQUIRE(r.ok());
        MESSAGE(std::string(query) << ": " << r->matches.size() << " matches in " << ms << " ms");
        CHECK(r->matches.size() > 100);
        CHECK_FALSE(r->truncated);
    }
}
