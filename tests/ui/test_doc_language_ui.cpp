// The documents panel's Language combo queues cmd::SetDocLanguage like "Mark document done"
// queues SetDocStatus: applied after the frame's widgets, one undo step (Ctrl+Z).
#include <doctest/doctest.h>

#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

TEST_CASE("a language request applies after the frame, is undone with Ctrl+Z, and a bad tag changes nothing") {
    Driver d;
    CHECK(d.doc().language().empty());
    d.app().request_doc_language("d1", "ja");
    CHECK(d.doc().language().empty());  // queued, not applied inside the widgets
    d.settle();
    CHECK(d.doc().language() == "ja");
    d.app().request_doc_language("d1", "x y");
    d.settle();
    CHECK(d.doc().language() == "ja");
    d.press(ImGuiKey_Z, 0, true);
    d.settle();
    CHECK(d.doc().language().empty());
}
