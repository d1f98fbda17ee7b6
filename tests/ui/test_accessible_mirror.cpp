// The App's accessible description (issue 19): built from what the canvas shows, changed only
// when that changes (its version says when the page must be told), following edits, scrolling
// and the mirror's own controls, which run what the canvas's controls run.
#include <doctest/doctest.h>

#include <string>

#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

// The mirrored span pieces' names, in reading order.
std::vector<std::string> span_names(const AccessibleView& v) {
    std::vector<std::string> names;
    for (const MirrorParagraph& p : v.paragraphs)
        for (const MirrorPiece& piece : p.pieces)
            if (!piece.span_id.empty()) names.push_back(piece.name);
    return names;
}

}  // namespace

TEST_CASE("the description changes only when what is shown changes") {
    Driver d;
    const std::uint64_t v0 = d.app().accessible_version();
    REQUIRE(v0 > 0);
    REQUIRE(!d.app().accessible_view().paragraphs.empty());
    d.frame(5);
    CHECK(d.app().accessible_version() == v0);  // idle frames: nothing new for the page
    d.drag_over(range_of(d.doc(), "Istanbul"));
    CHECK(d.app().accessible_view().selection_text == "Istanbul");
    CHECK(d.app().accessible_version() > v0);
}

TEST_CASE("a label is mirrored as a named span and announced") {
    Driver d;
    d.drag_over(range_of(d.doc(), "Istanbul"));
    d.press_hotkey("LOC");
    d.settle();
    const AccessibleView& v = d.app().accessible_view();
    CHECK(span_names(v) == std::vector<std::string>{"LOC: Istanbul"});
    CHECK(v.message == "Labelled Istanbul as LOC");
    CHECK(!v.message_error);
    CHECK(v.status.find(", 1 span, 0 relations,") != std::string::npos);  // the singular for one
}

TEST_CASE("the mirror's controls do what the canvas's do: select a span, undo, open a document") {
    Driver d;
    d.drag_over(range_of(d.doc(), "Istanbul"));
    d.press_hotkey("LOC");
    const std::string id = d.doc().span_at(0).id;
    d.app().queue_action("span:" + id);
    d.settle();
    CHECK(d.app().selected_span() == id);
    CHECK(d.app().accessible_view().selected_span == id);
    d.press_hotkey("ORG");  // the selected span is relabelled, as after a click on its chip
    CHECK(d.doc().span_at(0).label == "ORG");

    d.app().queue_action("undo");
    d.settle();
    CHECK(d.doc().span_at(0).label == "LOC");
    CHECK(d.app().accessible_view().message.rfind("Undone: ", 0) == 0);

    REQUIRE(d.app().import_file("second.txt", "A second text about Ankara.").ok);
    d.app().queue_action("doc:1");
    d.settle();
    REQUIRE(d.app().accessible_view().paragraphs.size() == 1);
    CHECK(d.app().accessible_view().paragraphs[0].pieces[0].text == "A second text about Ankara.");
    CHECK(d.app().accessible_view().documents[1].current);
}

TEST_CASE("only the visible paragraphs are mirrored, and scrolling moves them") {
    Driver d;
    std::string text;
    for (int i = 0; i < 400; ++i) text += "Paragraph " + std::to_string(i) + " tells of meeting number " + std::to_string(i) + ".\n";
    REQUIRE(d.app().import_file("long.txt", text).ok);
    d.app().queue_action("doc:1");
    d.settle();
    const auto first = d.app().accessible_view().paragraphs;
    REQUIRE(first.size() > 3);
    CHECK(first.size() < 60);
    CHECK(first[0].start == 0);
    d.move(ImVec2(640, 400));  // over the text
    d.wheel(-20.0f);
    d.settle();
    const auto after = d.app().accessible_view().paragraphs;
    REQUIRE(!after.empty());
    CHECK(after.size() < 60);
    CHECK(after[0].start > first.back().start);
    CHECK(after[0].pieces[0].text == std::string(d.doc().text_of(after[0].start, after[0].end)));
}

TEST_CASE("label chips grow with the zoom (they stayed 10.5 px whatever the zoom)") {
    Driver d;
    const float label = d.app().fonts().label_px, body = d.app().fonts().body_px;
    CHECK(label >= 14.0f);
    d.press(ImGuiKey_Equal, 0, true);  // Ctrl+=
    d.settle();
    CHECK(d.app().fonts().body_px == doctest::Approx(body * 1.1f));
    CHECK(d.app().fonts().label_px == doctest::Approx(label * 1.1f));
}
