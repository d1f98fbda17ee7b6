// libFuzzer target: the text view lays out and draws arbitrary valid UTF-8 (controls, NUL, lone
// combining marks, ZWJ runs, any script) into headless Dear ImGui frames through the real App:
// import as a .txt, draw, locate code points, select and label by the App's own verbs, draw again.
// Nothing may crash or trip the sanitizers; locate() must find every code point it is asked for.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/format.h"
#include "core/utf8.h"
#include "headless.h"
#include "platform/native.h"
#include "ui/app.h"

using namespace inkspan;

namespace {
void check(bool ok) {
    if (!ok) __builtin_trap();
}

struct World {
    bench::HeadlessImGui imgui{1280.0f, 800.0f};
    std::vector<char> font = bench::read_binary(INKSPAN_FUZZ_FONT);
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (size == 0 || size > 4096 || find_invalid_utf8(text)) return 0;
    platform::native::set_memory_available(SIZE_MAX);
    ui::App app;
    app.set_font_data(world.font);
    (void)bench::app_frame(app);
    // Text that reads as CoNLL is imported as CoNLL (its refusals are fuzz_formats_conll's business);
    // any other .txt must import as exactly its bytes.
    const bool plain = !formats::sniff_format("fuzz.txt", text).has_value();
    const ui::ImportOutcome imported = app.import_file("fuzz.txt", text);
    check(imported.ok || !plain);
    if (!imported.ok) return 0;
    (void)bench::app_frame(app);
    const Document* doc = app.current_document();
    check(doc && (!plain || doc->text() == text));
    const std::string id = doc->id();
    const std::size_t n = doc->length();
    for (const std::size_t cp : {std::size_t{0}, n / 3, n / 2, n > 0 ? n - 1 : 0, n}) {
        check(app.locate(id, cp).has_value());
        (void)bench::app_frame(app);
    }
    app.set_text_selection(n / 4, n - n / 4, true);
    (void)bench::app_frame(app);
    (void)bench::app_frame(app);
    return 0;
}
