#include "ui/app.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace inkspan::ui {
namespace {

constexpr const char* kFontPath = "/fonts/DejaVuSans.ttf";
constexpr const char* kSamplePath = "/assets/istanbul-talks.fr.txt";
constexpr float kBodyPx = 17.0f;
constexpr float kUiPx = 14.0f;

std::vector<char> read_file(const char* path) {
    std::vector<char> data;
    if (FILE* f = std::fopen(path, "rb")) {
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + n);
        std::fclose(f);
    }
    return data;
}

}  // namespace

App::App() {
    const auto sample = read_file(kSamplePath);
    text_.assign(sample.begin(), sample.end());
    font_data_ = read_file(kFontPath);
}

void App::load_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder ranges_builder;
    static const ImWchar base_ranges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F,
                                          0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF, 0};
    ranges_builder.AddRanges(base_ranges);
    ranges_builder.AddText(text_.data(), text_.data() + text_.size());
    ImVector<ImWchar> ranges;
    ranges_builder.BuildRanges(&ranges);

    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    if (!font_data_.empty()) {
        void* data = font_data_.data();
        const int size = static_cast<int>(font_data_.size());
        body_font_ = io.Fonts->AddFontFromMemoryTTF(data, size, kBodyPx * zoom_ * dpr, &cfg, ranges.Data);
        ui_font_ = io.Fonts->AddFontFromMemoryTTF(data, size, kUiPx * dpr, &cfg, ranges.Data);
    } else {
        ImFontConfig def;
        def.SizePixels = 13.0f * dpr;
        body_font_ = ui_font_ = io.Fonts->AddFontDefault(&def);
    }
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = ui_font_;
    fonts_dirty_ = false;
}

ImVec4 App::background_color() const { return ImVec4(0.98f, 0.976f, 0.965f, 1.0f); }

void App::frame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background_color());
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.13f, 0.13f, 0.15f, 1.0f));
    ImGui::Begin("##text", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_text_view();
    cursor_ = ImGui::IsWindowHovered() ? "text" : "default";
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void App::draw_text_view() {
    ImGui::PushFont(body_font_);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail - 32.0f, ImGui::GetFontSize() * 38.0f);  // ~80 characters
    const float left = (avail - column) * 0.5f;
    ImGui::PushTextWrapPos(left + column);
    std::size_t start = 0;
    while (start <= text_.size()) {
        std::size_t end = text_.find('\n', start);
        if (end == std::string::npos) end = text_.size();
        ImGui::SetCursorPosX(left);
        if (end > start) ImGui::TextUnformatted(text_.data() + start, text_.data() + end);
        else ImGui::Dummy(ImVec2(1, ImGui::GetFontSize() * 0.6f));
        start = end + 1;
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

std::string App::state_json() const {
    nlohmann::ordered_json doc = {{"id", "d1"}, {"name", "istanbul-talks.fr.txt"}, {"text", text_},
                                  {"status", "new"}, {"spans", nlohmann::json::array()},
                                  {"relations", nlohmann::json::array()}};
    nlohmann::ordered_json state = {{"format", "inkspan"}, {"version", 1},
                                    {"schema", {{"entities", nlohmann::json::array()},
                                                {"relations", nlohmann::json::array()}}},
                                    {"documents", {doc}}};
    return state.dump(2);
}

}  // namespace inkspan::ui
