#include <doctest/doctest.h>

#include "core/unicode_case.h"
#include "core/unicode_class.h"

using namespace inkspan;

TEST_CASE("letters of European and other scripts, and what is not a letter") {
    for (char32_t c : {U'a', U'Z', U'é', U'À', U'ß', U'ÿ', U'ª', U'µ', U'Ł', U'ő', U'ǅ', U'ə', U'ʃ', U'Ω', U'ж', U'Ё',
                       U'Ա', U'א', U'ب', U'क', U'中', U'ひ', U'カ', U'한', U'ก', U'𝔸'})
        CHECK_MESSAGE(is_letter(c), static_cast<unsigned>(c));
    for (char32_t c : {U'0', U' ', U'.', U'×', U'÷', U'’', U'«', U'€', U'\u0301', U'😀', U'\u00A0', U'٣'})
        CHECK_MESSAGE(!is_letter(c), static_cast<unsigned>(c));
}

TEST_CASE("combining marks") {
    for (char32_t c : {U'\u0301', U'\u0327', U'\u036F', U'\u1AB0', U'\u1DC0', U'\u20D7', U'\u20E3', U'\uFE20',
                       U'\u093E', U'\u064B', U'\u05B4'})
        CHECK_MESSAGE(is_combining_mark(c), static_cast<unsigned>(c));
    for (char32_t c : {U'e', U'\u00B4', U'\u02C6', U'\u200D'}) CHECK_FALSE(is_combining_mark(c));  // (U+FE0F is one: Mn)
}

TEST_CASE("digits, spaces, apostrophes, hyphens") {
    for (char32_t c : {U'0', U'9', U'٣', U'३', U'０'}) CHECK(is_digit(c));
    for (char32_t c : {U'a', U'²', U'½', U'Ⅻ'}) CHECK_FALSE(is_digit(c));
    for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\f', U'\v', U'\u0085', U'\u00A0', U'\u202F', U'\u2009',
                       U'\u2003', U'\u3000', U'\u2028', U'\u2029'})
        CHECK_MESSAGE(is_space(c), static_cast<unsigned>(c));
    for (char32_t c : {U'a', U'\u200B', U'\uFEFF', U'_', U'\0'}) CHECK_FALSE(is_space(c));
    CHECK(is_apostrophe(U'\''));
    CHECK(is_apostrophe(U'’'));
    CHECK_FALSE(is_apostrophe(U'‘'));
    CHECK_FALSE(is_apostrophe(U'`'));
    CHECK(is_hyphen(U'-'));
    CHECK(is_hyphen(U'\u2011'));
    CHECK_FALSE(is_hyphen(U'–'));
    CHECK(is_line_break(U'\n'));
    CHECK(is_line_break(U'\r'));
    CHECK_FALSE(is_line_break(U'\u00A0'));
}

TEST_CASE("punctuation, quotes and sentence-final marks") {
    for (char32_t c : {U'.', U',', U';', U'!', U'«', U'»', U'“', U'”', U'„', U'’', U'—', U'…', U'¿', U'、', U'。'})
        CHECK_MESSAGE(is_punctuation(c), static_cast<unsigned>(c));
    for (char32_t c : {U'+', U'$', U'€', U'©', U'😀', U'a'}) CHECK_FALSE(is_punctuation(c));
    for (char32_t c : {U'"', U'\'', U'«', U'»', U'“', U'”', U'„', U'‘', U'’', U'‹', U'›', U'「'}) CHECK(is_quote(c));
    CHECK_FALSE(is_quote(U'('));
    for (char32_t c : {U'(', U'[', U'{', U'«', U'“', U'„'}) CHECK(is_opening_punct(c));
    for (char32_t c : {U')', U']', U'}', U'»', U'”', U'’'}) CHECK(is_closing_punct(c));
    for (char32_t c : {U'.', U'!', U'?', U'…', U'‼', U'。', U'？', U'؟', U'।'}) CHECK(is_sentence_final(c));
    for (char32_t c : {U',', U';', U':', U'»'}) CHECK_FALSE(is_sentence_final(c));
}

TEST_CASE("word characters, ideographs, extenders") {
    for (char32_t c : {U'a', U'é', U'7', U'_', U'\u0301', U'\u200D', U'ж'}) CHECK(is_word_char(c));
    for (char32_t c : {U' ', U'-', U'’', U'.', U'😀'}) CHECK_FALSE(is_word_char(c));
    for (char32_t c : {U'中', U'ひ', U'カ', U'\U00020000'}) CHECK(is_ideograph(c));
    for (char32_t c : {U'한', U'a', U'ก'}) CHECK_FALSE(is_ideograph(c));
    for (char32_t c : {U'\u0301', U'\uFE0F', U'\U0001F3FD', U'\u200D', U'\U000E0067', U'\u00AD'}) CHECK(is_extender(c));
    for (char32_t c : {U'a', U'😀', U' '}) CHECK_FALSE(is_extender(c));
    CHECK(is_regional_indicator(U'\U0001F1EB'));
    CHECK_FALSE(is_regional_indicator(U'F'));
}

TEST_CASE("simple case folding for Latin, Greek, Cyrillic and friends") {
    CHECK(simple_case_fold(U'A') == U'a');
    CHECK(simple_case_fold(U'É') == U'é');
    CHECK(simple_case_fold(U'é') == U'é');
    CHECK(simple_case_fold(U'Œ') == U'œ');
    CHECK(simple_case_fold(U'Ÿ') == U'ÿ');
    CHECK(simple_case_fold(U'Ł') == U'ł');
    CHECK(simple_case_fold(U'Ǆ') == U'ǆ');
    CHECK(simple_case_fold(U'ǅ') == U'ǆ');
    CHECK(simple_case_fold(U'ẞ') == U'ß');
    CHECK(simple_case_fold(U'ß') == U'ß');  // no one-to-many folding
    CHECK(simple_case_fold(U'ſ') == U's');
    CHECK(simple_case_fold(U'Σ') == U'σ');
    CHECK(simple_case_fold(U'ς') == U'σ');
    CHECK(simple_case_fold(U'Ά') == U'ά');
    CHECK(simple_case_fold(U'Ж') == U'ж');
    CHECK(simple_case_fold(U'Ё') == U'ё');
    CHECK(simple_case_fold(U'Ա') == U'ա');
    CHECK(simple_case_fold(U'\u212A') == U'k');  // Kelvin sign
    CHECK(simple_case_fold(U'Ａ') == U'ａ');
    CHECK(simple_case_fold(U'中') == U'中');
    CHECK(simple_case_fold(U'1') == U'1');
    // Folding is idempotent, and every fold target is a fixed point.
    for (char32_t c = 0; c < 0x20000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const char32_t f = simple_case_fold(c);
        if (simple_case_fold(f) != f) FAIL_CHECK("not idempotent at " << static_cast<unsigned>(c));
    }
}

TEST_CASE("upper and lower case") {
    CHECK(is_uppercase(U'É'));
    CHECK(is_uppercase(U'Ж'));
    CHECK_FALSE(is_uppercase(U'é'));
    CHECK(is_lowercase(U'é'));
    CHECK(is_lowercase(U'ß'));
    CHECK(is_lowercase(U'σ'));
    CHECK(is_lowercase(U'ж'));
    CHECK_FALSE(is_lowercase(U'É'));
    CHECK_FALSE(is_lowercase(U'中'));
    CHECK_FALSE(is_lowercase(U'א'));
    CHECK_FALSE(is_lowercase(U'1'));
}

TEST_CASE("fold images of a range") {
    std::vector<char32_t> out;
    append_fold_images(U'A', U'C', out);
    CHECK(out == std::vector<char32_t>{U'a', U'b', U'c'});
    out.clear();
    append_fold_images(U'Ā', U'ą', out);  // alternating upper/lower: Ā ā Ă ă Ą ą
    CHECK(out == std::vector<char32_t>{U'ā', U'ă', U'ą'});
    out.clear();
    append_fold_images(U'a', U'z', out);
    CHECK(out.empty());
}
