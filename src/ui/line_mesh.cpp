#include "ui/line_mesh.h"

#include <cmath>

namespace inkspan::ui {

namespace {
MeshStore* g_store = nullptr;
std::uint64_t g_next_id = 0;
}  // namespace

MeshRecorder::MeshRecorder(ImDrawList* dl, ImVec2 origin)
    : dl_(dl), origin_(origin), vtx_begin_(dl->VtxBuffer.Size), idx_begin_(dl->IdxBuffer.Size),
      cmd_count_(dl->CmdBuffer.Size), vtx_current_(dl->_VtxCurrentIdx) {}

bool MeshRecorder::finish(LineMesh& mesh) const {
    mesh.release();
    mesh.vertices.clear();
    mesh.indices.clear();
    if (dl_->CmdBuffer.Size != cmd_count_ || dl_->_VtxCurrentIdx < vtx_current_) return false;
    const int nv = dl_->VtxBuffer.Size - vtx_begin_, ni = dl_->IdxBuffer.Size - idx_begin_;
    mesh.vertices.assign(dl_->VtxBuffer.Data + vtx_begin_, dl_->VtxBuffer.Data + vtx_begin_ + nv);
    mesh.recorded_at = origin_;
    // Counted from the mesh's first vertex (in ImDrawIdx's modular arithmetic), as the store keeps them.
    mesh.indices.resize(static_cast<std::size_t>(ni));
    const ImDrawIdx* src = dl_->IdxBuffer.Data + idx_begin_;
    const auto base = static_cast<ImDrawIdx>(vtx_current_);
    for (int i = 0; i < ni; ++i) mesh.indices[static_cast<std::size_t>(i)] = static_cast<ImDrawIdx>(src[i] - base);
    mesh.id = ++g_next_id;
    return true;
}

void set_mesh_store(MeshStore* store) { g_store = store; }
MeshStore* mesh_store() { return g_store; }

void LineMesh::release() {
    if (id != 0 && in_store && g_store) g_store->release(id);
    id = 0;
    in_store = false;
}

bool KeptRun::add(LineMesh& mesh, ImVec2 origin) {
    if (!g_store || mesh.id == 0) return false;
    if (!mesh.in_store) {
        if (mesh.indices.empty()) return true;  // nothing to draw
        g_store->keep(mesh);
        mesh.in_store = true;
    } else if (!g_store->holds(mesh.id)) {
        return false;
    }
    // Lines are drawn at whole pixels: the move is whole pixels, and exact.
    draws_.push_back({mesh.id, origin.x - mesh.recorded_at.x, origin.y - mesh.recorded_at.y});
    return true;
}

void KeptRun::flush(ImDrawList* dl) {
    if (draws_.empty()) return;
    dl->AddCallback(g_store->draw_callback(), draws_.data(), draws_.size() * sizeof(KeptDraw));
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    draws_.clear();
}

void draw_text_unclipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* begin,
                         const char* end) {
    if (begin == end || (col & IM_COL32_A_MASK) == 0) return;
    static const ImVec4 kEverywhere(-1e9f, -1e9f, 1e9f, 1e9f);
    // ImGui truncates the position toward zero: above or left of the screen's edge that rounds the
    // other way, and a line recorded there would be replayed 1 px off. Whole px first: the same.
    font->RenderText(dl, size, ImVec2(std::floor(pos.x), std::floor(pos.y)), col, kEverywhere, begin, end, 0.0f, false);
}

}  // namespace inkspan::ui
