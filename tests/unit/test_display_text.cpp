#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/display_text.h"
#include "core/utf8.h"

using namespace inkspan;

TEST_CASE("display text: C0 controls and DEL are shown as their pictures, tab and line ends are not") {
    CHECK(display_code_point(U'\0') == U'\u2400');
    CHECK(display_code_point(0x1B) == U'\u241B');
    CHECK(display_code_point(0x1F) == U'\u241F');
    CHECK(display_code_point(0x7F) == U'\u2421');
    CHECK(display_code_point(0x85) == U'\uFFFD');  // NEXT LINE, a C1 control
    CHECK(display_code_point(U'\t') == U'\t');
    CHECK(display_code_point(U'\n') == U'\n');
    CHECK(display_code_point(U'\r') == U'\r');
    CHECK(display_code_point(U'a') == U'a');
    CHECK(display_code_point(U'\u00E9') == U'\u00E9');
}

TEST_CASE("display text: default-ignorable code points are drawn as nothing") {
    CHECK(display_code_point(0x200D) == 0);   // ZERO WIDTH JOINER
    CHECK(display_code_point(0xFE0F) == 0);   // VARIATION SELECTOR-16
    CHECK(display_code_point(0xE0067) == 0);  // TAG LATIN SMALL LETTER G (subdivision flags)
    CHECK(display_code_point(0x1F469) == 0x1F469);
}

TEST_CASE("display text: a text with controls is drawn with one picture per control, the rest byte-exact") {
    const std::string text("a\0b\x01\x7F" "\xC3\xA9\tz", 9);
    CHECK(needs_display_mapping(text));
    CHECK(display_text(text) == "a\xE2\x90\x80" "b\xE2\x90\x81\xE2\x90\xA1\xC3\xA9\tz");
    CHECK_FALSE(needs_display_mapping("plain \t text \xC3\xA9 \xE4\xB8\xAD"));
    CHECK(display_text("plain \t text") == "plain \t text");
    // 👩‍👧 = U+1F469 U+200D U+1F467: the joiner is not drawn.
    CHECK(needs_display_mapping("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"));
    CHECK(display_text("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7") == "\xF0\x9F\x91\xA9\xF0\x9F\x91\xA7");
}

TEST_CASE("display text: needs_display_mapping agrees with display_code_point for every ASCII byte and the first two planes") {
    std::string utf8;
    std::size_t checked = 0;
    for (char32_t c = 0; c < 0x20000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        utf8.clear();
        append_utf8(utf8, c);
        const bool differs = display_code_point(c) != c;
        // Alone, and between letters (a run of ASCII around it).
        if (needs_display_mapping(utf8) != differs || needs_display_mapping("ab" + utf8 + "cd") != differs) {
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            FAIL_CHECK(name);
        }
        ++checked;
    }
    CHECK(checked == 0x20000 - 0x800);
}
