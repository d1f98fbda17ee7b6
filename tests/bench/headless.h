#pragma once
// Dear ImGui without a GPU: a context with a display size, a font atlas built in memory, and
// frames that go through NewFrame/Render; the draw data is counted and dropped. What a frame costs
// here is the CPU part of a frame in the app (building and submitting the draw lists).
#include <imgui.h>

#include <cmath>
#include <string>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ui/line_mesh.h"

namespace inkspan::ui { class App; }

namespace inkspan::bench {

// What a GPU renderer keeps of the text view's kept lines, on the heap: the copies the web host
// keeps in WebGL buffers, so the tests can draw what a renderer draws (snapshot_draw_data).
class HeapMeshStore final : public ui::MeshStore {
public:
    struct Mesh {
        std::vector<ImDrawVert> vertices;
        std::vector<ImDrawIdx> indices;
    };
    [[nodiscard]] bool holds(std::uint64_t id) const override { return meshes_.count(id) != 0; }
    void keep(ui::LineMesh& mesh) override;  // moves them in
    void release(std::uint64_t id) override { released_.push_back(id); }
    [[nodiscard]] ImDrawCallback draw_callback() const override { return &draw; }
    [[nodiscard]] const Mesh* find(std::uint64_t id) const;
    [[nodiscard]] std::size_t size() const { return meshes_.size(); }  // meshes held
    void frame_started();  // what was released before the last frame was drawn goes
    static void draw(const ImDrawList*, const ImDrawCmd*) {}  // snapshot_draw_data reads the commands

private:
    std::unordered_map<std::uint64_t, Mesh> meshes_;
    std::vector<std::uint64_t> released_;
};

// An ImGui context, with the heap mesh store as the process's mesh store.
class HeadlessImGui {
public:
    HeadlessImGui(float width, float height);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
    [[nodiscard]] static HeapMeshStore& mesh_store();
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

// The triangles of the last render()'s draw data as a renderer draws them, in order: one
// window's draw list (by its name), or all; kept meshes drawn from the heap mesh store, moved.
struct DrawSnapshot {
    std::vector<ImDrawVert> vertices;  // three per triangle
    std::vector<ImVec4> clips;         // one per triangle
    std::size_t missing_meshes = 0;    // kept meshes drawn that the store did not hold
};
[[nodiscard]] DrawSnapshot snapshot_draw_data(const char* window = nullptr);
// The pixels the last render()'s triangles cover, summed (overlaps count twice): what a software
// rasteriser such as SwiftShader fills and blends. Clipping is taken per triangle from its box.
[[nodiscard]] double filled_pixels(const char* window = nullptr);  // one window's draw list, or all
// Empty when the two are the same (positions within 1/1000 px); otherwise the first difference.
[[nodiscard]] std::string compare_draw_data(const DrawSnapshot& a, const DrawSnapshot& b);

[[nodiscard]] std::vector<char> read_binary(const std::string& path);

}  // namespace inkspan::bench
