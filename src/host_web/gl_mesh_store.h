#pragma once
// The text view's kept lines in WebGL (ui/line_mesh.h's MeshStore): each kept mesh is a vertex
// array over its own vertex and index buffers, made the first frame that shows the line again,
// and drawn by a draw-list callback with ImGui's projection moved by the line's offset. A frame
// that shows a kept line uploads none of its vertices.
#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ui/line_mesh.h"

namespace inkspan::host {

class GlMeshStore final : public ui::MeshStore {
public:
    [[nodiscard]] bool holds(std::uint64_t id) const override { return meshes_.count(id) != 0; }
    void keep(ui::LineMesh& mesh) override;  // uploads them; the mesh keeps their memory, empty
    void release(std::uint64_t id) override { released_.push_back(id); }
    [[nodiscard]] ImDrawCallback draw_callback() const override { return &draw; }
    // After a frame is drawn: the buffers released while it was built go.
    void frame_drawn();
    // The WebGL context was lost and restored: its buffers are gone; meshes are kept again.
    void context_restored();
    [[nodiscard]] std::size_t size() const { return meshes_.size(); }

private:
    struct Buffers {
        GLuint vertex_array = 0, vertices = 0, indices = 0;
        GLsizei count = 0;
    };
    // Runs inside ImGui_ImplOpenGL3_RenderDrawData, with ImGui's program and blending set; the
    // next command resets ImGui's render state (ui::KeptRun adds it).
    static void draw(const ImDrawList* list, const ImDrawCmd* cmd);
    void remove(const Buffers& b);

    std::unordered_map<std::uint64_t, Buffers> meshes_;
    GLint projection_ = -1;  // where ImGui's program takes its projection (found on the first draw)
    std::vector<std::uint64_t> released_;
};

GlMeshStore& gl_mesh_store();

}  // namespace inkspan::host
