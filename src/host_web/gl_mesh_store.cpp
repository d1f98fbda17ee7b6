#include "host_web/gl_mesh_store.h"

#include <cstddef>

namespace inkspan::host {

GlMeshStore& gl_mesh_store() {
    static GlMeshStore store;
    return store;
}

void GlMeshStore::keep(ui::LineMesh& mesh) {
    Buffers b;
    b.count = static_cast<GLsizei>(mesh.indices.size());
    glGenVertexArrays(1, &b.vertex_array);
    glGenBuffers(1, &b.vertices);
    glGenBuffers(1, &b.indices);
    glBindVertexArray(b.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, b.vertices);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(ImDrawVert)), mesh.vertices.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, b.indices);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(ImDrawIdx)), mesh.indices.data(),
                 GL_STATIC_DRAW);
    // ImGui's "#version 300 es" shader puts Position, UV and Color at locations 0, 1 and 2.
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    meshes_[mesh.id] = b;
    mesh.vertices.clear();
    mesh.indices.clear();
}

void GlMeshStore::remove(const Buffers& b) {
    glDeleteVertexArrays(1, &b.vertex_array);
    glDeleteBuffers(1, &b.vertices);
    glDeleteBuffers(1, &b.indices);
}

void GlMeshStore::frame_drawn() {
    for (const std::uint64_t id : released_) {
        const auto it = meshes_.find(id);
        if (it == meshes_.end()) continue;
        remove(it->second);
        meshes_.erase(it);
    }
    released_.clear();
}

void GlMeshStore::context_restored() {
    meshes_.clear();
    projection_ = -1;
    released_.clear();
}

void GlMeshStore::draw(const ImDrawList*, const ImDrawCmd* cmd) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return;
    // The command's clip rectangle in framebuffer pixels, as ImGui's backend sets it.
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    const float fb_h = dd->DisplaySize.y * scale.y;
    const ImVec2 lo((cmd->ClipRect.x - off.x) * scale.x, (cmd->ClipRect.y - off.y) * scale.y);
    const ImVec2 hi((cmd->ClipRect.z - off.x) * scale.x, (cmd->ClipRect.w - off.y) * scale.y);
    if (hi.x <= lo.x || hi.y <= lo.y) return;
    glScissor(static_cast<int>(lo.x), static_cast<int>(fb_h - hi.y), static_cast<int>(hi.x - lo.x), static_cast<int>(hi.y - lo.y));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(static_cast<std::intptr_t>(cmd->GetTexID())));
    GlMeshStore& store = gl_mesh_store();
    if (store.projection_ < 0) {  // ImGui's program is bound; it changes only with the context
        GLint program = 0;
        glGetIntegerv(GL_CURRENT_PROGRAM, &program);
        store.projection_ = glGetUniformLocation(static_cast<GLuint>(program), "ProjMtx");
    }
    // ImGui's orthographic projection, moved by each mesh's offset.
    const float L = off.x, R = off.x + dd->DisplaySize.x, T = off.y, B = off.y + dd->DisplaySize.y;
    float m[16] = {2.0f / (R - L), 0, 0, 0, 0, 2.0f / (T - B), 0, 0, 0, 0, -1.0f, 0, (R + L) / (L - R), (T + B) / (B - T), 0, 1.0f};
    const float tx = m[12], ty = m[13];
    const auto* draws = static_cast<const ui::KeptDraw*>(cmd->UserCallbackData);
    const std::size_t n = static_cast<std::size_t>(cmd->UserCallbackDataSize) / sizeof(ui::KeptDraw);
    for (std::size_t k = 0; k < n; ++k) {
        const auto it = store.meshes_.find(draws[k].mesh);
        if (it == store.meshes_.end()) continue;
        m[12] = tx + m[0] * draws[k].dx;
        m[13] = ty + m[5] * draws[k].dy;
        glUniformMatrix4fv(store.projection_, 1, GL_FALSE, m);
        glBindVertexArray(it->second.vertex_array);
        glDrawElements(GL_TRIANGLES, it->second.count, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, nullptr);
    }
}

}  // namespace inkspan::host
