// Glyph-id fonts (ui/glyph_font): every glyph of a font file is drawn by its id, including the
// ids that collide with code points ImGui treats specially (' ' hidden, '\t' widened, '?' as the
// fallback). Oracle: HarfBuzz's glyph extents of the same file.
#include <doctest/doctest.h>

#include <span>

#include "core/text_shaper.h"
#include "headless.h"
#include "ui/glyph_font.h"

using namespace inkspan;

TEST_CASE("glyph-id fonts draw exactly the glyphs that have ink, every id of Noto Sans Hebrew") {
    const std::vector<char> file = bench::read_binary("/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf");
    REQUIRE_MESSAGE(!file.empty(), "fonts-noto-core is missing (scripts/setup.sh native)");
    bench::HeadlessImGui imgui(800.0f, 600.0f);
    ImFont* font = ui::add_glyph_id_font(file);
    REQUIRE(font != nullptr);
    TextShaper shaper;
    const auto id = shaper.add_font(std::span(reinterpret_cast<const unsigned char*>(file.data()), file.size()));
    REQUIRE(id.has_value());
    const unsigned count = shaper.glyph_count(*id);
    REQUIRE(count > 100);

    bench::new_frame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    unsigned inked = 0;
    for (unsigned g = 0; g < count; ++g) {
        const int before = dl->VtxBuffer.Size;
        CHECK(ui::draw_glyph(dl, font, 20.0f, g, ImVec2(100, 100), IM_COL32_WHITE));
        const bool drawn = dl->VtxBuffer.Size > before;
        INFO("glyph " << g);
        CHECK(drawn == shaper.glyph_has_ink(*id, g));
        inked += drawn;
    }
    CHECK(inked > 100);
    CHECK_FALSE(ui::draw_glyph(dl, font, 20.0f, count, ImVec2(100, 100), IM_COL32_WHITE));  // past the last id
    (void)bench::render();
}
