// Entry point of the web app: creates the WebGL2 context and Dear ImGui, restores state, and
// draws frames on demand (input, resize, or the app asking) instead of every vsync.
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "platform/browser.h"
#include "platform/input_web.h"
#include "platform/runtime_web.h"
#include "ui/app.h"

namespace inkspan::platform {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr std::size_t kFrameRing = 240;

EM_JS(void, js_first_frame_drawn, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });

EM_BOOL on_animation_frame(double, void*) {
    Runtime& rt = runtime();
    rt.frame_scheduled = false;
    run_frame();
    if (rt.frames_wanted > 0 || emscripten_get_now() < rt.awake_until_ms || ImGui::GetIO().WantTextInput)
        request_frames(0);
    return EM_FALSE;
}

void sync_canvas_size(float& css_w, float& css_h, float dpr) {
    double w = 0, h = 0;
    emscripten_get_element_css_size(kCanvas, &w, &h);
    css_w = static_cast<float>(w);
    css_h = static_cast<float>(h);
    const int fb_w = static_cast<int>(w * dpr + 0.5), fb_h = static_cast<int>(h * dpr + 0.5);
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
}

EM_BOOL on_context_lost(int, const void*, void*) {
    runtime().frames_wanted = 0;
    return EM_TRUE;
}

EM_BOOL on_context_restored(int, const void*, void*) {
    Runtime& rt = runtime();
    emscripten_webgl_make_context_current(rt.gl);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    rt.dpr = 0;  // rebuild the fonts (the backend re-creates its textures)
    request_frames();
    return EM_TRUE;
}

}  // namespace

Runtime& runtime() {
    static Runtime instance;
    return instance;
}

void request_frames(int count) {
    Runtime& rt = runtime();
    rt.frames_wanted = std::max(rt.frames_wanted, count);
    rt.awake_until_ms = std::max(rt.awake_until_ms, emscripten_get_now() + (count > 0 ? 700.0 : 0.0));
    if (!rt.frame_scheduled) {
        rt.frame_scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

void run_frame() {
    Runtime& rt = runtime();
    if (emscripten_is_webgl_context_lost(rt.gl)) return;
    const double t0 = emscripten_get_now();
    const float dpr = device_pixel_ratio();
    // Glyphs are rasterised on demand at io.DisplayFramebufferScale; the fonts are rebuilt (and
    // the text view's kept geometry dropped) when the density or the font files change.
    if (dpr != rt.dpr || rt.app->fonts_need_rebuild()) {
        rt.dpr = dpr;
        rt.app->load_fonts(dpr);
    }
    ImGuiIO& io = ImGui::GetIO();
    float css_w = 0, css_h = 0;
    sync_canvas_size(css_w, css_h, dpr);
    io.DisplaySize = ImVec2(css_w, css_h);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    static double last = t0;  // wall time between frames, for ImGui's timers
    // The loop sleeps between inputs, so the gap can be long; it must reach ImGui whole, or two
    // clicks seconds apart (with no frame between) would look like a double-click.
    io.DeltaTime = static_cast<float>(std::clamp((t0 - last) / 1000.0, 1e-4, 60.0));
    last = t0;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    rt.app->frame();
    ImGui::Render();
    const int fb_w = static_cast<int>(css_w * dpr + 0.5f), fb_h = static_cast<int>(css_h * dpr + 0.5f);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = rt.app->background_color();
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const double ms = emscripten_get_now() - t0;
    if (rt.frame_ms.size() < kFrameRing) rt.frame_ms.push_back(ms);
    else rt.frame_ms[static_cast<std::size_t>(rt.frames) % kFrameRing] = ms;
    ++rt.frames;
    if (rt.frames_wanted > 0) --rt.frames_wanted;
    set_cursor(rt.app->wants_cursor());
    if (!rt.first_frame_done) {
        rt.first_frame_done = true;
        js_first_frame_drawn();
    }
}

void run_frame_now() { run_frame(); }

FrameStats frame_stats() {
    const Runtime& rt = runtime();
    FrameStats s;
    s.frames = rt.frames;
    if (rt.frame_ms.empty()) return s;
    s.last_ms = rt.frame_ms[static_cast<std::size_t>(rt.frames - 1) % kFrameRing];
    std::vector<double> sorted = rt.frame_ms;
    std::sort(sorted.begin(), sorted.end());
    s.p50_ms = sorted[sorted.size() / 2];
    s.p95_ms = sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
    return s;
}

}  // namespace inkspan::platform

int main() {
    using namespace inkspan::platform;
    Runtime& rt = runtime();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.premultipliedAlpha = false;
    rt.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (rt.gl <= 0) {
        EM_ASM({ if (Module.onFatal) Module.onFatal("WebGL2 is not available in this browser."); });
        return 1;
    }
    emscripten_webgl_make_context_current(rt.gl);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, true,
        reinterpret_cast<em_webgl_context_callback>(on_context_lost));
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, true,
        reinterpret_cast<em_webgl_context_callback>(on_context_restored));

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed each frame; nothing to persist
    io.BackendPlatformName = "inkspan_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigInputTrickleEventQueue = true;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    install_input_handlers("#canvas");
    install_clipboard_for_imgui();

    rt.app = new inkspan::ui::App();
    request_frames();
    return 0;
}
