#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_index.h"
#include "core/utf8.h"
#include "core/utf8_text.h"

using namespace inkspan;

TEST_CASE("find_invalid_utf8 accepts valid text and names the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("Istanbul « l’Atlantique » 😀").has_value());
    CHECK(find_invalid_utf8("ab\xFF").value() == 2);            // never a lead byte
    CHECK(find_invalid_utf8("a\x80").value() == 1);             // stray continuation
    CHECK(find_invalid_utf8("\xC0\xAF").value() == 0);          // overlong '/'
    CHECK(find_invalid_utf8("xy\xE2\x80").value() == 2);        // truncated at the end
    CHECK(find_invalid_utf8("\xED\xA0\x80").value() == 0);      // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80").value() == 0);  // above U+10FFFF
    CHECK(find_invalid_utf8("é\xE2\x28\xA1").value() == 2);     // bad second byte
}

TEST_CASE("find_invalid_utf8 finds a bad byte at every place of a long ASCII run, and accepts multi-byte letters there") {
    // ASCII is checked several bytes at a time: a bad byte or a letter must be seen at every
    // offset and alignment, also the last bytes of a text that is no whole number of words.
    for (std::size_t length = 1; length <= 40; ++length)
        for (std::size_t at = 0; at < length; ++at) {
            std::string s(length, 'a');
            s[at] = '\xFF';
            CHECK(find_invalid_utf8(s) == at);
            s[at] = '\x80';  // a continuation byte with no lead
            CHECK(find_invalid_utf8(s) == at);
            std::string letter = s.substr(0, at) + "é" + s.substr(at + 1);  // two bytes, valid
            CHECK_FALSE(find_invalid_utf8(letter).has_value());
            letter += "\xE2\x80";  // cut short at the end
            CHECK(find_invalid_utf8(letter) == length + 1);
        }
}

namespace {

// The rules of well-formed UTF-8 (Unicode table 3-7), one sequence at a time: what the checker
// must find, however it gets there.
std::optional<std::size_t> first_invalid_by_the_table(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t length = 1;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b < 0x80) length = 1;
        else if (b >= 0xC2 && b <= 0xDF) length = 2;
        else if (b == 0xE0) length = 3, lo = 0xA0;
        else if (b == 0xED) length = 3, hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF) length = 3;
        else if (b == 0xF0) length = 4, lo = 0x90;
        else if (b == 0xF4) length = 4, hi = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3) length = 4;
        else return i;
        for (std::size_t j = 1; j < length; ++j) {
            if (i + j >= s.size()) return i;
            const auto c = static_cast<unsigned char>(s[i + j]);
            if (j == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
        }
        i += length;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("find_invalid_utf8 and Utf8Checker (in pieces) agree with the table on random bytes") {
    const char* pieces[] = {"a", "bc", " ", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x80", "\xF0\x9F",
                            "\x80", "\xBF", "\xC0\xAF", "\xE0\x80\x80", "\xE0\xA0\x80", "\xED\xA0\x80", "\xED\x9F\xBF",
                            "\xF4\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xFF", "\xEF\xBF\xBD", "\xDF\xBF", "\xE1\x28\x80"};
    std::mt19937 rng(99);
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 24);
        const bool mostly_valid = round % 2 == 0;  // the invalid pieces are rare in half the rounds
        for (int i = 0; i < n; ++i) {
            const std::size_t k = rng() % std::size(pieces);
            s += mostly_valid && k >= 6 && rng() % 8 != 0 ? pieces[rng() % 6] : pieces[k];
        }
        const auto expected = first_invalid_by_the_table(s);
        CHECK(find_invalid_utf8(s) == expected);
        Utf8Checker checker;  // the same text cut anywhere, so that sequences straddle pieces
        std::optional<std::size_t> found;
        for (std::size_t at = 0; at < s.size() && !found;) {
            const std::size_t size = 1 + rng() % 5;
            found = checker.feed(std::string_view(s).substr(at, size));
            at += size;
        }
        if (!found) found = checker.finish();
        CHECK(found == expected);
    }
}

TEST_CASE("decode and encode round trip every kind of scalar value") {
    for (char32_t cp : {U'A', U'é', U'’', U'€', U'😀', U'\U0010FFFF', U'\u0301'}) {
        std::string s;
        append_utf8(s, cp);
        std::size_t pos = 0;
        CHECK(decode_utf8(s, pos) == cp);
        CHECK(pos == s.size());
        CHECK_FALSE(find_invalid_utf8(s).has_value());
    }
}

TEST_CASE("TextIndex converts bytes, code points and UTF-16 units") {
    const std::string text = "e\u0301 😀\r\nl’é";  // combining mark, emoji, CRLF, 3-byte quote
    TextIndex idx(text);
    CHECK(idx.byte_count() == text.size());
    CHECK(idx.code_point_count() == 9);
    CHECK(idx.utf16_count() == 10);
    CHECK(idx.code_point_to_byte(text, 2) == 3);   // after e + U+0301 (2 bytes)
    CHECK(idx.code_point_to_byte(text, 3) == 4);   // the emoji
    CHECK(idx.code_point_to_byte(text, 4) == 8);
    CHECK(idx.byte_to_code_point(text, 5) == 3);   // inside the emoji
    CHECK(idx.code_point_to_utf16(text, 4) == 5);
    CHECK(idx.utf16_to_code_point(text, 5).value() == 4);
    CHECK_FALSE(idx.utf16_to_code_point(text, 4).has_value());  // between surrogates
    CHECK_FALSE(idx.utf16_to_code_point(text, 11).has_value()); // past the end
    CHECK(idx.code_point_to_byte(text, 9) == text.size());
}

TEST_CASE("TextIndex agrees with a linear scan on random Unicode text") {
    std::mt19937 rng(12345);
    const char32_t pool[] = {U'a', U' ', U'\n', U'\r', U'é', U'\u0301', U'’', U'中', U'😀', U'𝔸', U'«'};
    for (int round = 0; round < 50; ++round) {
        std::string text;
        std::uniform_int_distribution<int> len(0, 400), pick(0, std::size(pool) - 1);
        int n = len(rng);
        for (int i = 0; i < n; ++i) append_utf8(text, pool[pick(rng)]);
        TextIndex idx(text);
        REQUIRE(idx.code_point_count() == static_cast<std::size_t>(n));
        std::size_t pos = 0, u16 = 0;
        for (int cp = 0; cp <= n; ++cp) {
            CHECK(idx.code_point_to_byte(text, cp) == pos);
            CHECK(idx.byte_to_code_point(text, pos) == static_cast<std::size_t>(cp));
            CHECK(idx.code_point_to_utf16(text, cp) == u16);
            CHECK(idx.utf16_to_code_point(text, u16).value() == static_cast<std::size_t>(cp));
            if (cp < n) {
                char32_t c = decode_utf8(text, pos);
                u16 += utf16_length(c);
            }
        }
    }
}

TEST_CASE("TextIndex agrees with a linear scan on mostly ASCII text (8 ASCII bytes at a time)") {
    std::mt19937 rng(678);
    const char32_t rare[] = {U'é', U'’', U'中', U'😀', U'\u0301'};
    for (int round = 0; round < 50; ++round) {
        std::string text;
        const int n = std::uniform_int_distribution<int>(0, 700)(rng);
        const int one_in = 1 + round;  // from every code point non-ASCII to long ASCII runs
        for (int i = 0; i < n; ++i)
            append_utf8(text, rng() % one_in == 0 ? rare[rng() % std::size(rare)] : static_cast<char32_t>('a' + rng() % 26));
        const TextIndex idx(text);
        REQUIRE(idx.code_point_count() == static_cast<std::size_t>(n));
        std::size_t pos = 0, u16 = 0;
        std::vector<std::size_t> starts;  // byte of each code point, and the end
        for (int cp = 0; cp <= n; ++cp) {
            CHECK(idx.code_point_to_byte(text, cp) == pos);
            CHECK(idx.byte_to_code_point(text, pos) == static_cast<std::size_t>(cp));
            CHECK(idx.code_point_to_utf16(text, cp) == u16);
            starts.push_back(pos);
            if (cp < n) u16 += utf16_length(decode_utf8(text, pos));
        }
        CHECK(idx.utf16_count() == u16);
        const std::size_t from = static_cast<std::size_t>(n) / 3;  // skip_code_points from anywhere to anywhere after
        for (std::size_t k = from; k < starts.size(); ++k) CHECK(skip_code_points(text, starts[from], k - from) == starts[k]);
    }
}

TEST_CASE("utf8_prefix: a byte limit never cuts a code point") {
    CHECK(utf8_prefix("abc", 10) == "abc");
    CHECK(utf8_prefix("abc", 2) == "ab");
    CHECK(utf8_prefix("\xC3\xA9t\xC3\xA9", 4) == "\xC3\xA9t");        // été: the second é does not fit
    CHECK(utf8_prefix("\xE0\xA4\x85\xE0\xA4\xA8", 5) == "\xE0\xA4\x85");  // अन: 3 + 3 bytes
    CHECK(utf8_prefix("\xF0\x9F\x98\x80", 3) == "");
}

TEST_CASE("Utf8Text and Utf8Files: only checked text gets through, refusals name the place and byte") {
    auto good = Utf8Text::check("Zoë 😀", "text");
    REQUIRE(good.ok());
    CHECK(good->str() == "Zoë 😀");
    auto bad = Utf8Text::check(std::string(57, 'a') + "\xC3(", "text");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == ErrorKind::InvalidUtf8);
    CHECK(bad.error().message == "text: invalid UTF-8 at byte 57");
    CHECK(Utf8Text().str().empty());

    // The first file (in name order) that is not UTF-8, as App::import_files said it.
    auto files = Utf8Files::check({{"b.ann", "T1\tX 0 1\tb\xFF"}, {"a.txt", "ok"}, {"c.txt", "\x80"}});
    REQUIRE_FALSE(files.ok());
    CHECK(files.error().kind == ErrorKind::InvalidUtf8);
    CHECK(files.error().message == "b.ann: invalid UTF-8 at byte 10");
    auto fine = Utf8Files::check({{"a.txt", "Émile"}, {"a.ann", ""}});
    REQUIRE(fine.ok());
    CHECK(fine->files() == std::map<std::string, std::string>{{"a.ann", ""}, {"a.txt", "Émile"}});
    CHECK(fine->text("a.txt").str() == "Émile");
    CHECK(fine->text("none.txt").str().empty());
    Utf8Files one;
    CHECK(one.add("x.txt", "fine") == std::nullopt);
    const auto refused = one.add("y.txt", "\xC0\xAF");
    REQUIRE(refused.has_value());
    CHECK(refused->message == "y.txt: invalid UTF-8 at byte 0");
    CHECK(one.files().size() == 1);  // the refused file was not added
}
