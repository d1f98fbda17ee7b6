// The frame's backdrop: the panels and the reading area draw no background of their own; the
// host clears the frame to the panels' colour and the reading area's rectangle to the page colour.
// In a browser without a GPU (SwiftShader), every blended pixel costs, and filling the largest
// window again cost a whole frame interval while scrolling (docs/BENCHMARKS.md, issue 16).
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

TEST_CASE("backdrop: no panel and not the reading area fills its own background; the backdrop names their colours and the reading rectangle") {
    Driver d;
    d.settle();
    for (const char* name : {"##toolbar", "##documents", "##reading", "##side", "##status"}) {
        CAPTURE(std::string(name));
        const ImGuiWindow* w = ImGui::FindWindowByName(name);
        REQUIRE(w != nullptr);
        const double area = double(w->Size.x) * w->Size.y;
        // Text, bands and widgets cover a part of a window; a background covers all of it.
        CHECK(bench::filled_pixels(name) < 0.6 * area);
    }
    const ui::App::Backdrop b = d.app().backdrop();
    CHECK(ImGui::ColorConvertFloat4ToU32(b.panel) == d.app().theme().panel_bg);
    CHECK(ImGui::ColorConvertFloat4ToU32(b.page) == d.app().theme().page_bg);
    const ImGuiWindow* reading = ImGui::FindWindowByName("##reading");
    CHECK(b.page_min.x == reading->Pos.x);
    CHECK(b.page_min.y == reading->Pos.y);
    CHECK(b.page_max.x == reading->Pos.x + reading->Size.x);
    CHECK(b.page_max.y == reading->Pos.y + reading->Size.y);
}
