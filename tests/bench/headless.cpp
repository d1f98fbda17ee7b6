#include "headless.h"

#include <algorithm>

#include <fstream>
#include <iterator>
#include <string_view>

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
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // see accept_texture_requests()
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(); }

void new_frame() {
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
    for (const ImDrawList* list : dd->CmdLists) {
        if (window && std::string_view(list->_OwnerName ? list->_OwnerName : "") != window) continue;
        s.vertices.insert(s.vertices.end(), list->VtxBuffer.begin(), list->VtxBuffer.end());
        s.indices.insert(s.indices.end(), list->IdxBuffer.begin(), list->IdxBuffer.end());
        for (const ImDrawCmd& c : list->CmdBuffer) s.command_sizes.push_back(c.ElemCount);
    }
    return s;
}

double filled_pixels(const char* window) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return 0;
    double total = 0;
    for (const ImDrawList* list : dd->CmdLists) {
        if (window && std::string_view(list->_OwnerName ? list->_OwnerName : "") != window) continue;
        for (const ImDrawCmd& c : list->CmdBuffer) {
            if (c.UserCallback) continue;
            for (unsigned int i = 0; i + 2 < c.ElemCount; i += 3) {
                const ImVec2& a = list->VtxBuffer[static_cast<int>(c.VtxOffset + list->IdxBuffer[static_cast<int>(c.IdxOffset + i)])].pos;
                const ImVec2& b = list->VtxBuffer[static_cast<int>(c.VtxOffset + list->IdxBuffer[static_cast<int>(c.IdxOffset + i + 1)])].pos;
                const ImVec2& d = list->VtxBuffer[static_cast<int>(c.VtxOffset + list->IdxBuffer[static_cast<int>(c.IdxOffset + i + 2)])].pos;
                const double area = std::fabs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) * 0.5;
                const float x0 = std::min({a.x, b.x, d.x}), x1 = std::max({a.x, b.x, d.x});
                const float y0 = std::min({a.y, b.y, d.y}), y1 = std::max({a.y, b.y, d.y});
                const double box = double(x1 - x0) * double(y1 - y0);
                const double kept = std::max(0.0f, std::min(x1, c.ClipRect.z) - std::max(x0, c.ClipRect.x)) *
                                    double(std::max(0.0f, std::min(y1, c.ClipRect.w) - std::max(y0, c.ClipRect.y)));
                total += box > 0 ? area * kept / box : 0;
            }
        }
    }
    return total;
}

std::string compare_draw_data(const DrawSnapshot& a, const DrawSnapshot& b) {
    if (a.vertices.size() != b.vertices.size())
        return std::to_string(a.vertices.size()) + " vertices against " + std::to_string(b.vertices.size());
    if (a.indices != b.indices) return "the indices differ";
    if (a.command_sizes != b.command_sizes) return "the draw commands differ";
    for (std::size_t i = 0; i < a.vertices.size(); ++i) {
        const ImDrawVert &u = a.vertices[i], &v = b.vertices[i];
        if (std::fabs(u.pos.x - v.pos.x) > 1e-3f || std::fabs(u.pos.y - v.pos.y) > 1e-3f || u.uv.x != v.uv.x ||
            u.uv.y != v.uv.y || u.col != v.col)
            return "vertex " + std::to_string(i) + " differs";
    }
    return {};
}

std::vector<char> read_binary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace inkspan::bench
