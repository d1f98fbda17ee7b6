#include "headless.h"

#include <fstream>
#include <iterator>

#include "timing.h"
#include "ui/app.h"

namespace inkspan::bench {

HeadlessImGui::HeadlessImGui(float width, float height) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendPlatformName = "inkspan_bench";
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(); }

void new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    ImGui::NewFrame();
}

int render() {
    ImGui::Render();
    const ImDrawData* dd = ImGui::GetDrawData();
    return dd ? dd->TotalVtxCount : 0;
}

void begin_reading_window(ImVec2 min, ImVec2 max, ImU32 background) {
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(max.x - min.x, max.y - min.y));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##reading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
}

void end_reading_window() {
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

double app_frame(ui::App& app) {
    Stopwatch w;
    if (app.fonts_need_rebuild()) app.load_fonts(1.0f);
    new_frame();
    app.frame();
    (void)render();
    return w.ms();
}

std::vector<char> read_binary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace inkspan::bench
