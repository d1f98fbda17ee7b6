#include "ui/line_mesh.h"

#include <cmath>
#include <cstring>

namespace inkspan::ui {

MeshRecorder::MeshRecorder(ImDrawList* dl, ImVec2 origin)
    : dl_(dl), origin_(origin), vtx_begin_(dl->VtxBuffer.Size), idx_begin_(dl->IdxBuffer.Size),
      cmd_count_(dl->CmdBuffer.Size), vtx_current_(dl->_VtxCurrentIdx) {}

bool MeshRecorder::finish(LineMesh& mesh) const {
    mesh.vertices.clear();
    mesh.indices.clear();
    if (dl_->CmdBuffer.Size != cmd_count_ || dl_->_VtxCurrentIdx < vtx_current_) return false;
    const int nv = dl_->VtxBuffer.Size - vtx_begin_, ni = dl_->IdxBuffer.Size - idx_begin_;
    mesh.vertices.assign(dl_->VtxBuffer.Data + vtx_begin_, dl_->VtxBuffer.Data + vtx_begin_ + nv);
    mesh.recorded_at = origin_;
    mesh.indices.assign(dl_->IdxBuffer.Data + idx_begin_, dl_->IdxBuffer.Data + idx_begin_ + ni);
    mesh.recorded_base = vtx_current_;
    return true;
}

void replay(ImDrawList* dl, const LineMesh& mesh, ImVec2 origin) {
    const int nv = static_cast<int>(mesh.vertices.size()), ni = static_cast<int>(mesh.indices.size());
    if (nv == 0) return;
    dl->PrimReserve(ni, nv);
    const unsigned int base = dl->_VtxCurrentIdx;
    ImDrawVert* v = dl->_VtxWritePtr;
    // Copied whole, then moved in place: a copy-and-add per vertex reads back what it just stored
    // (20-byte vertices) and runs about 1.6 times slower.
    std::memcpy(v, mesh.vertices.data(), static_cast<std::size_t>(nv) * sizeof(ImDrawVert));
    // Lines are drawn at whole pixels: the move is whole pixels, and exact.
    const ImVec2 d(origin.x - mesh.recorded_at.x, origin.y - mesh.recorded_at.y);
    for (int i = 0; i < nv; ++i) {
        v[i].pos.x += d.x;
        v[i].pos.y += d.y;
    }
    // The indices as drawn, moved from the vertex index they started at to this one (in
    // ImDrawIdx's modular arithmetic: every result is a real index below the draw list's limit).
    ImDrawIdx* ix = dl->_IdxWritePtr;
    const ImDrawIdx* isrc = mesh.indices.data();
    const auto shift = static_cast<ImDrawIdx>(base - mesh.recorded_base);
    for (int i = 0; i < ni; ++i) ix[i] = static_cast<ImDrawIdx>(isrc[i] + shift);
    dl->_VtxWritePtr += nv;
    dl->_IdxWritePtr += ni;
    dl->_VtxCurrentIdx += static_cast<unsigned int>(nv);
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
