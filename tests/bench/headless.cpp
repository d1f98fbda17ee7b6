#include "headless.h"

#include <algorithm>

#include <fstream>
#include <iterator>
#include <string_view>

#include "timing.h"
#include "ui/app.h"

namespace inkspan::bench {

void HeapMeshStore::keep(ui::LineMesh& mesh) {
    Mesh& m = meshes_[mesh.id];
    m.vertices = std::move(mesh.vertices);
    m.indices = std::move(mesh.indices);
    mesh.vertices.clear();
    mesh.indices.clear();
}

const HeapMeshStore::Mesh* HeapMeshStore::find(std::uint64_t id) const {
    const auto it = meshes_.find(id);
    return it == meshes_.end() ? nullptr : &it->second;
}

void HeapMeshStore::frame_started() {
    for (const std::uint64_t id : released_) meshes_.erase(id);
    released_.clear();
}

HeapMeshStore& HeadlessImGui::mesh_store() {
    static HeapMeshStore store;
    return store;
}

HeadlessImGui::HeadlessImGui(float width, float height) {
    IMGUI_CHECKVERSION();
    ui::set_mesh_store(&mesh_store());
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendPlatformName = "inkspan_bench";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // see accept_texture_requests()
}

HeadlessImGui::~HeadlessImGui() {
    ImGui::DestroyContext();
    ui::set_mesh_store(nullptr);
}

void new_frame() {
    HeadlessImGui::mesh_store().frame_started();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
}

namespace {
// What a renderer backend does with ImGui 1.92's texture requests, minus the GPU: every texture
// is "created" and "updated" at once, so the atlas can grow and glyphs load on demand.
void accept_texture_requests(ImDrawData* dd) {
    if (!dd || !dd->Textures) return;
    for (ImTextureData* tex : *dd->Textures) {
        if (tex->Status == ImTextureStatus_WantCreate) {
            tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID + 1));
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantUpdates) {
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        }
    }
}
}  // namespace

int render() {
    ImGui::Render();
    ImDrawData* dd = ImGui::GetDrawData();
    accept_texture_requests(dd);
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

DrawSnapshot snapshot_draw_data(const char* window) {
    DrawSnapshot s;
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return s;
    const HeapMeshStore& store = HeadlessImGui::mesh_store();
    for (const ImDrawList* list : dd->CmdLists) {
        if (window && std::string_view(list->_OwnerName ? list->_OwnerName : "") != window) continue;
        for (const ImDrawCmd& c : list->CmdBuffer) {
            if (c.UserCallback == &HeapMeshStore::draw) {
                const auto* draws = static_cast<const ui::KeptDraw*>(c.UserCallbackData);
                for (std::size_t k = 0; k < static_cast<std::size_t>(c.UserCallbackDataSize) / sizeof(ui::KeptDraw); ++k) {
                    const HeapMeshStore::Mesh* m = store.find(draws[k].mesh);
                    if (!m) {
                        ++s.missing_meshes;
                        continue;
                    }
                    for (std::size_t i = 0; i < m->indices.size(); ++i) {
                        ImDrawVert v = m->vertices[m->indices[i]];
                        v.pos.x += draws[k].dx;
                        v.pos.y += draws[k].dy;
                        s.vertices.push_back(v);
                        if (i % 3 == 0) s.clips.push_back(c.ClipRect);
                    }
                }
                continue;
            }
            if (c.UserCallback) continue;  // a reset of the renderer's state
            for (unsigned int i = 0; i < c.ElemCount; ++i) {
                s.vertices.push_back(list->VtxBuffer[static_cast<int>(c.VtxOffset + list->IdxBuffer[static_cast<int>(c.IdxOffset + i)])]);
                if (i % 3 == 0) s.clips.push_back(c.ClipRect);
            }
        }
    }
    return s;
}

double filled_pixels(const char* window) {
    const DrawSnapshot s = snapshot_draw_data(window);
    double total = 0;
    for (std::size_t t = 0; t < s.clips.size(); ++t) {
        const ImVec2 &a = s.vertices[3 * t].pos, &b = s.vertices[3 * t + 1].pos, &d = s.vertices[3 * t + 2].pos;
        const ImVec4& clip = s.clips[t];
        const double area = std::fabs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) * 0.5;
        const float x0 = std::min({a.x, b.x, d.x}), x1 = std::max({a.x, b.x, d.x});
        const float y0 = std::min({a.y, b.y, d.y}), y1 = std::max({a.y, b.y, d.y});
        const double box = double(x1 - x0) * double(y1 - y0);
        const double kept = std::max(0.0f, std::min(x1, clip.z) - std::max(x0, clip.x)) *
                            double(std::max(0.0f, std::min(y1, clip.w) - std::max(y0, clip.y)));
        total += box > 0 ? area * kept / box : 0;
    }
    return total;
}

std::string compare_draw_data(const DrawSnapshot& a, const DrawSnapshot& b) {
    if (a.missing_meshes || b.missing_meshes)
        return std::to_string(a.missing_meshes + b.missing_meshes) + " kept meshes drawn that the store did not hold";
    if (a.vertices.size() != b.vertices.size())
        return std::to_string(a.vertices.size() / 3) + " triangles against " + std::to_string(b.vertices.size() / 3);
    for (std::size_t t = 0; t < a.clips.size(); ++t)
        if (a.clips[t].x != b.clips[t].x || a.clips[t].y != b.clips[t].y || a.clips[t].z != b.clips[t].z ||
            a.clips[t].w != b.clips[t].w)
            return "the clip rectangle of triangle " + std::to_string(t) + " differs";
    for (std::size_t i = 0; i < a.vertices.size(); ++i) {
        const ImDrawVert &u = a.vertices[i], &v = b.vertices[i];
        if (std::fabs(u.pos.x - v.pos.x) > 1e-3f || std::fabs(u.pos.y - v.pos.y) > 1e-3f || u.uv.x != v.uv.x ||
            u.uv.y != v.uv.y || u.col != v.col)
            return "vertex " + std::to_string(i) + " differs: (" + std::to_string(u.pos.x) + ", " + std::to_string(u.pos.y) +
                   ") uv (" + std::to_string(u.uv.x) + ", " + std::to_string(u.uv.y) + ") colour " + std::to_string(u.col) +
                   " against (" + std::to_string(v.pos.x) + ", " + std::to_string(v.pos.y) + ") uv (" + std::to_string(v.uv.x) +
                   ", " + std::to_string(v.uv.y) + ") colour " + std::to_string(v.col);
    }
    return {};
}

std::vector<char> read_binary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace inkspan::bench
