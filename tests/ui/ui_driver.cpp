#include "ui_driver.h"

#include <filesystem>
#include <fstream>
#include <utility>

#include <doctest/doctest.h>

#include <cfloat>
#include <cstdint>

#include "core/corpus.h"
#include "core/inkspan_json.h"
#include "platform/native.h"

namespace inkspan::uitest {

Range range_of(const Document& doc, std::string_view needle, int nth) {
    const std::string& text = doc.text();
    std::size_t byte = std::string::npos;
    for (int k = 0; k <= nth; ++k) {
        byte = text.find(needle, byte == std::string::npos ? 0 : byte + 1);
        REQUIRE_MESSAGE(byte != std::string::npos, "\"", std::string(needle), "\" occurs fewer than ", nth + 1, " times");
    }
    const std::size_t start = doc.index().byte_to_code_point(text, byte);
    const std::size_t end = doc.index().byte_to_code_point(text, byte + needle.size());
    return {start, end};
}

std::string text_at(const Document& doc, Range r) { return std::string(doc.text_of(r.start, r.end)); }

const Span* span_at(const Document& doc, Range r, std::string_view label) {
    for (const Span* s : doc.spans_overlapping(r.start, r.end))
        if (s->start == r.start && s->end == r.end && (label.empty() || s->label == label)) return s;
    return nullptr;
}

std::string static_font_folder() {
    const char* noto = "/usr/share/fonts/truetype/noto/";
    const std::filesystem::path root = std::filesystem::temp_directory_path() / "inkspan-ui-fonts";
    std::filesystem::create_directories(root / "fonts");
    for (const auto& [from, to] : {std::pair{"NotoSansThai-Regular.ttf", "noto-thai.ttf"},
                                   std::pair{"NotoSansDevanagari-Regular.ttf", "noto-devanagari.ttf"},
                                   std::pair{"NotoSansSymbols2-Regular.ttf", "noto-symbols2.ttf"}})
        std::filesystem::copy_file(std::string(noto) + from, root / "fonts" / to,
                                   std::filesystem::copy_options::overwrite_existing);
    std::ofstream(root / "fonts/manifest.json") << R"({"version": 1, "fonts": [
      {"file": "noto-thai.ttf", "script": "Thai", "variant": "", "bytes": 1, "ranges": [[3585, 3642], [3647, 3675]]},
      {"file": "noto-devanagari.ttf", "script": "Deva", "variant": "", "bytes": 1, "ranges": [[2304, 2431]]},
      {"file": "noto-symbols2.ttf", "script": "Zsym", "variant": "", "bytes": 1, "ranges": [[9216, 9254]]}]})";
    return root.string();
}

std::string sample_corpus_json() {
    const std::vector<char> bytes = bench::read_binary(INKSPAN_UI_TEST_SAMPLE);
    REQUIRE_MESSAGE(!bytes.empty(), "the sample article " INKSPAN_UI_TEST_SAMPLE " is missing");
    Corpus corpus;
    corpus.schema = default_news_schema();
    auto doc = Document::create("d1", "istanbul-talks.fr.txt", std::string(bytes.begin(), bytes.end()));
    REQUIRE(doc.ok());
    doc->set_created("2025-01-01T00:00:00Z");
    doc->set_modified(doc->created());
    corpus.documents.push_back(std::move(doc.value()));
    return write_inkspan_json(corpus);
}

Driver::Driver() : Driver(sample_corpus_json()) {}

Driver::Driver(const std::string& corpus_json) : imgui_(1280.0f, 800.0f) {
    const std::vector<char> ttf = bench::read_binary(INKSPAN_UI_TEST_FONT);
    REQUIRE_MESSAGE(!ttf.empty(), INKSPAN_UI_TEST_FONT " is missing (Debian's fonts-dejavu-core)");
    platform::native::set_memory_available(SIZE_MAX);
    // Natively the App cannot read the page's /assets file, so it gets the same sample corpus the
    // way a later visit restores it from storage.
    platform::native::set_restored_corpus(corpus_json);
    app_ = std::make_unique<ui::App>();
    app_->set_font_data(ttf);
    // locate() on another document draws a frame at once, as the web build does.
    platform::native::set_run_frame_hook([this] { (void)bench::app_frame(*app_); });
    frame(3);
    REQUIRE(app_->current_document());
}

Driver::~Driver() {
    platform::native::set_run_frame_hook({});
    platform::native::set_memory_available(SIZE_MAX);
    app_.reset();  // before the ImGui context (its fonts live in the context's atlas)
}

const item_hooks::ImGuiItem* Driver::item(std::string_view label, bool prefix) const {
    return item_hooks::find_item(label, prefix);
}

void Driver::click_item(std::string_view label, bool prefix, int which) {
    const item_hooks::ImGuiItem* found = item(label, prefix);
    REQUIRE_MESSAGE(found, "no widget labelled \"", std::string(label), "\" in the last frame");
    const ImVec2 at{(found->min.x + found->max.x) * 0.5f, (found->min.y + found->max.y) * 0.5f};
    wait_past_double_click();
    move(at);
    button(true, which);
    button(false, which);
}

const Document& Driver::doc() const {
    const Document* d = app_->current_document();
    REQUIRE(d);
    return *d;
}

void Driver::frame(int n) {
    item_hooks::record_items(true);
    for (int i = 0; i < n; ++i) {
        item_hooks::clear_items();
        (void)bench::app_frame(*app_);
    }
}

ImVec4 Driver::locate(std::size_t cp, const std::string& doc_id) {
    const std::string id = doc_id.empty() ? doc().id() : doc_id;
    const auto box = app_->locate(id, cp);
    REQUIRE_MESSAGE(box.has_value(), "locate(", id, ", ", cp, ") found nothing");
    settle();
    return *box;
}

void Driver::move(ImVec2 p) {
    ImGui::GetIO().AddMousePosEvent(p.x, p.y);
    frame();
}

void Driver::button(bool down, int which) {
    if (down) last_press_ = ImGui::GetTime();
    ImGui::GetIO().AddMouseButtonEvent(which, down);
    frame();
}

void Driver::wait_past_double_click() {
    // A new press soon after the last one, close to it, would count as a double-click.
    while (ImGui::GetTime() - last_press_ < ImGui::GetIO().MouseDoubleClickTime + 0.05) frame();
}

void Driver::click_at(std::size_t cp, bool shift) {
    const ImVec4 b = locate(cp);
    wait_past_double_click();
    ImGuiIO& io = ImGui::GetIO();
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
    move(ImVec2(b.x + b.z / 2, b.y + b.w / 2));
    button(true);
    button(false);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
    settle();
}

void Driver::double_click_at(std::size_t cp) {
    const ImVec4 b = locate(cp);
    wait_past_double_click();
    move(ImVec2(b.x + b.z / 2, b.y + b.w / 2));
    button(true);
    button(false);
    button(true);
    button(false);
    settle();
}

void Driver::drag_over(Range r) {
    const ImVec4 a = locate(r.start);
    const ImVec4 b = locate(r.end - 1);
    wait_past_double_click();
    // As the browser tests' page.mouse.move(x, y, {steps}): evenly spaced moves to the target.
    auto glide = [&](ImVec2 to, int steps) {
        const ImVec2 from = ImGui::GetIO().MousePos;
        for (int i = 1; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
        }
    };
    move(ImVec2(a.x + a.z * 0.3f, a.y + a.w / 2));
    button(true);
    glide(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2 + a.w / 4), 4);
    glide(ImVec2(b.x + b.z * 0.7f, b.y + b.w / 2), 4);
    button(false);
    settle();
}

void Driver::leave() {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frame();
}

void Driver::wheel(float dy) {
    ImGui::GetIO().AddMouseWheelEvent(0.0f, dy);
    frame();
}

void Driver::press(ImGuiKey key, char typed, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    auto mods = [&](bool c, bool s) {
        io.AddKeyEvent(ImGuiMod_Ctrl, c);
        io.AddKeyEvent(ImGuiMod_Shift, s);
        io.AddKeyEvent(ImGuiMod_Alt, false);
        io.AddKeyEvent(ImGuiMod_Super, false);
    };
    mods(ctrl, shift);
    io.AddKeyEvent(key, true);
    if (typed) io.AddInputCharacter(static_cast<unsigned int>(static_cast<unsigned char>(typed)));
    frame();
    io.AddKeyEvent(key, false);
    frame();
    mods(false, false);
    settle();
}

ImGuiKey key_for(char c) {
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    return ImGuiKey_None;
}

void Driver::press_hotkey(std::string_view label) {
    const EntityType* t = app_->corpus().schema.find_entity(label);
    REQUIRE_MESSAGE(t, "no label ", std::string(label), " in the schema");
    REQUIRE_MESSAGE(t->hotkey.size() == 1, "label ", std::string(label), " has no hotkey");
    const char c = t->hotkey[0];
    press(key_for(c), c);
}

void type_text(Driver& d, std::string_view text) {
    for (char c : text) d.press(c == ' ' ? ImGuiKey_Space : key_for(c), c);
}

Range label_text(Driver& d, std::string_view needle, std::string_view label, int nth) {
    const Range r = range_of(d.doc(), needle, nth);
    d.drag_over(r);
    d.press_hotkey(label);
    return r;
}

void relate(Driver& d, Range from, Range to) {
    d.click_at(from.start + 2);
    d.press(ImGuiKey_R, 'r');
    d.click_at(to.start + 2);
}

}  // namespace inkspan::uitest
