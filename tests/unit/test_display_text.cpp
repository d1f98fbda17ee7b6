#include <doctest/doctest.h>

#include <string>

#include "core/control_pictures.h"

using namespace inkspan;

TEST_CASE("control pictures: C0 controls and DEL are shown as their pictures, tab and line ends are not") {
    CHECK(visible_code_point(U'\0') == U'\u2400');
    CHECK(visible_code_point(0x1B) == U'\u241B');
    CHECK(visible_code_point(0x1F) == U'\u241F');
    CHECK(visible_code_point(0x7F) == U'\u2421');
    CHECK(visible_code_point(U'\t') == U'\t');
    CHECK(visible_code_point(U'\n') == U'\n');
    CHECK(visible_code_point(U'\r') == U'\r');
    CHECK(visible_code_point(U'a') == U'a');
    CHECK(visible_code_point(U'\u00E9') == U'\u00E9');
}

TEST_CASE("control pictures: a text with controls is drawn with one picture per control, the rest byte-exact") {
    const std::string text("a\0b\x01\x7F" "\xC3\xA9\tz", 9);
    CHECK(has_control_characters(text));
    CHECK(with_control_pictures(text) == "a\xE2\x90\x80" "b\xE2\x90\x81\xE2\x90\xA1\xC3\xA9\tz");
    CHECK_FALSE(has_control_characters("plain \t text \xC3\xA9"));
    CHECK(with_control_pictures("plain \t text") == "plain \t text");
}
