// Shaped and right-to-left text in the real App (issue 13), natively: drags with ImGui mouse
// events over Arabic and Hindi names, the label hotkey, and the exact code point offsets stored.
#include <doctest/doctest.h>

#include <string>

#include "platform/static_files.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

void open_text(Driver& d, const std::string& name, const std::string& text) {
    const ui::ImportOutcome outcome = d.app().import_file(name, text);
    REQUIRE_MESSAGE(outcome.ok, outcome.message);
    d.frame(4);
    REQUIRE(d.app().current_document());
    REQUIRE(d.doc().text() == text);
}

}  // namespace

TEST_CASE("shaping: a drag from right to left over an Arabic name and the PER key give its exact offsets") {
    platform::set_static_root(static_font_folder());
    Driver d;
    open_text(d, "ar.txt", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في إسطنبول يوم الثلاثاء.");
    const Range name = range_of(d.doc(), "سيرغي لافروف");
    // Right to left: the name's first letter is drawn right of its last one.
    const ImVec4 first = d.locate(name.start), last = d.locate(name.end - 1);
    CHECK(first.x > last.x);
    d.drag_over(name);
    d.press_hotkey("PER");
    d.settle();
    const Span* span = span_at(d.doc(), name, "PER");
    REQUIRE_MESSAGE(span != nullptr, "spans: " << d.doc().spans().size());
    CHECK(text_at(d.doc(), name) == "سيرغي لافروف");
    CHECK(d.app().missing_glyphs().empty());
}

TEST_CASE("shaping: the same over a Hindi name (Devanagari fetched on demand, conjuncts whole)") {
    platform::set_static_root(static_font_folder());
    Driver d;
    open_text(d, "hi.txt", "रूसी विदेश मंत्री सर्गेई लावरोव ने इस्तांबुल में अपने अमेरिकी समकक्ष से मुलाकात की।");
    d.frame(4);  // the Devanagari font arrives and the fonts are rebuilt
    CHECK(d.app().fonts_loaded() == std::vector<std::string>{"noto-devanagari.ttf"});
    const Range name = range_of(d.doc(), "सर्गेई लावरोव");
    CHECK(d.locate(name.start).x < d.locate(name.end - 1).x);
    d.drag_over(name);
    d.press_hotkey("PER");
    d.settle();
    CHECK(span_at(d.doc(), name, "PER") != nullptr);
    CHECK(d.app().missing_glyphs().empty());
}
