#pragma once
// Dear ImGui without a GPU: a context with a display size, a font atlas built in memory, and
// frames that go through NewFrame/Render; the draw data is counted and dropped. What a frame costs
// here is the CPU part of a frame in the app (building and submitting the draw lists).
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

namespace inkspan::ui { class App; }

namespace inkspan::bench {

class HeadlessImGui {
public:
    HeadlessImGui(float width, float height);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// ImGui::NewFrame(), 1/60 s after the previous frame (the atlas must have been built).
void new_frame();
// ImGui::Render(); returns the vertex count of the frame's draw data (which is then dropped).
int render();

// A reading-area window at the app's place for `min`..`max` (no decoration, no padding), as
// App::frame opens it; everything drawn between begin and end goes into its draw list.
void begin_reading_window(ImVec2 min, ImVec2 max, ImU32 background);
void end_reading_window();

// One frame of the whole app, as the web runtime's run_frame draws it minus the GL calls (fonts
// rebuilt first when the app asks); returns its duration in ms.
double app_frame(ui::App& app);

// The geometry of the last render()'s draw data: one window's draw list (by its name), or all.
struct DrawSnapshot {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<unsigned int> command_sizes;
};
[[nodiscard]] DrawSnapshot snapshot_draw_data(const char* window = nullptr);
// The pixels the last render()'s triangles cover, summed (overlaps count twice): what a software
// rasteriser such as SwiftShader fills and blends. Clipping is taken per triangle from its box.
[[nodiscard]] double filled_pixels(const char* window = nullptr);  // one window's draw list, or all
// Empty when the two are the same (positions within 1/1000 px); otherwise the first difference.
[[nodiscard]] std::string compare_draw_data(const DrawSnapshot& a, const DrawSnapshot& b);

[[nodiscard]] std::vector<char> read_binary(const std::string& path);

}  // namespace inkspan::bench
