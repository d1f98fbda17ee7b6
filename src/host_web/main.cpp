// Entry point of the web app: creates the WebGL2 context, Dear ImGui and the App, registers what
// the platform services report back (storage results, the save timer, a hand-over, paste), and
// draws a frame whenever the platform's on-demand loop asks for one.
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "host_web/gl_mesh_store.h"
#include "host_web/host.h"
#include "platform/browser.h"
#include "platform/frame_loop.h"
#include "platform/input_web.h"
#include "platform/storage.h"
#include "ui/app.h"
#include "ui/item_hooks/imgui_items.h"

namespace inkspan::host {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr std::size_t kFrameRing = 240;

EM_JS(void, js_first_frame_drawn, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });

// `?rehearsal=N` in the page's address: N rounds of the import rehearsal (0: none), for the
// benchmark to compare; -1 (absent) means the default.
EM_JS(int, js_rehearsal_rounds, (), {
    const v = new URLSearchParams(location.search).get("rehearsal");
    return v === null ? -1 : Math.max(0, parseInt(v, 10) || 0);
});

// The import rehearsal (core/import_rehearsal.h): every format written and read back on a
// sample, and added as the app adds an import, in idle periods after the first frame, so that V8
// has optimized the import path before the user's first import. V8 optimizes a function after it
// has run enough in baseline code, so the rounds buy speed with idle CPU: 24 rounds (~0.3 s)
// left brat-1000's first import at ~25 ms, 200 rounds (~1.3 s, in steps under 10 ms) at ~14 ms;
// a larger sample costs the same for the same effect (docs/BENCHMARKS.md, issue 16).
constexpr int kRehearsalRounds = 200;
// Then the layout rehearsal (core/layout_rehearsal.h): a sample in many scripts laid out and
// shaped afresh this many times, so a first document in Arabic or Chinese is not laid out by
// baseline code.
constexpr int kLayoutRehearsalRounds = 30;
constexpr std::size_t kRehearsalSentences = 8;

// `?linecache=0`: every line drawn afresh each frame, none kept in WebGL buffers (tests compare
// the two; the benchmark measures both).
EM_JS(int, js_line_cache_off, (), { return new URLSearchParams(location.search).get("linecache") === "0" ? 1 : 0; });

void start_import_rehearsal() {
    const int asked = js_rehearsal_rounds();
    const int rounds = asked < 0 ? kRehearsalRounds : asked;
    if (rounds == 0) return;
    Host& h = host();
    h.rehearsal = std::make_unique<ImportRehearsal>(ImportRehearsal::sample_corpus(kRehearsalSentences), rounds);
    platform::run_while_idle([] {
        Host& h = host();
        const double t0 = emscripten_get_now();
        bool more = true;
        if (!h.rehearsal->done()) {
            (void)h.rehearsal->step();
        } else {
            if (!h.layout_rehearsal) {
                // The app's shaper and fonts (kept alive by the rehearsal; their bytes live with
                // the app), and fixed advances: the app's own measure ImGui's baked fonts, which
                // only a frame may touch.
                const ui::Fonts& f = h.app->fonts();
                const float em = f.body_em_px > 0 ? f.body_em_px : 16.0f;
                h.layout_rehearsal = std::make_unique<LayoutRehearsal>(
                    GlyphAdvances([em](char32_t) { return 0.55f * em; }), f.shaper, f.shaping_fonts, em, kLayoutRehearsalRounds);
            }
            more = h.layout_rehearsal->step();
        }
        const double ms = emscripten_get_now() - t0;
        h.rehearsal_ms += ms;
        h.rehearsal_longest_ms = std::max(h.rehearsal_longest_ms, ms);
        return more;
    });
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

EM_BOOL on_context_lost(int, const void*, void*) { return EM_TRUE; }

EM_BOOL on_context_restored(int, const void*, void*) {
    Host& h = host();
    emscripten_webgl_make_context_current(h.gl);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    gl_mesh_store().context_restored();
    h.dpr = 0;  // rebuild the fonts (the backend re-creates its textures)
    platform::request_frames();
    return EM_TRUE;
}

// One frame: ImGui's frame, the app, the render; timed for stats().
void draw_frame() {
    Host& h = host();
    if (emscripten_is_webgl_context_lost(h.gl)) return;
    const double t0 = emscripten_get_now();
    const float dpr = platform::device_pixel_ratio();
    // Glyphs are rasterised on demand at io.DisplayFramebufferScale; the fonts are rebuilt (and
    // the text view's kept geometry dropped) when the density or the font files change.
    if (dpr != h.dpr || h.app->fonts_need_rebuild()) {
        h.dpr = dpr;
        h.app->load_fonts(dpr);
    }
    ImGuiIO& io = ImGui::GetIO();
    float css_w = 0, css_h = 0;
    sync_canvas_size(css_w, css_h, dpr);
    io.DisplaySize = ImVec2(css_w, css_h);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    // The loop sleeps between inputs, so the gap can be long; it must reach ImGui whole, or two
    // clicks seconds apart (with no frame between) would look like a double-click.
    if (h.last_frame_ms < 0) h.last_frame_ms = t0;
    io.DeltaTime = static_cast<float>(std::clamp((t0 - h.last_frame_ms) / 1000.0, 1e-4, 60.0));
    h.last_frame_ms = t0;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    h.app->frame();
    ImGui::Render();
    const int fb_w = static_cast<int>(css_w * dpr + 0.5f), fb_h = static_cast<int>(css_h * dpr + 0.5f);
    glViewport(0, 0, fb_w, fb_h);
    // The backdrop, as clears (no panel draws a background: App::backdrop).
    const ui::App::Backdrop b = h.app->backdrop();
    glClearColor(b.panel.x, b.panel.y, b.panel.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const int x0 = static_cast<int>(b.page_min.x * dpr + 0.5f), x1 = static_cast<int>(b.page_max.x * dpr + 0.5f);
    const int y0 = static_cast<int>(b.page_min.y * dpr + 0.5f), y1 = static_cast<int>(b.page_max.y * dpr + 0.5f);
    if (x1 > x0 && y1 > y0) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, fb_h - y1, x1 - x0, y1 - y0);  // GL counts rows from the bottom
        glClearColor(b.page.x, b.page.y, b.page.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    gl_mesh_store().frame_drawn();
    sync_accessibility(*h.app);

    const double ms = emscripten_get_now() - t0;
    if (h.frame_ms.size() < kFrameRing) h.frame_ms.push_back(ms);
    else h.frame_ms[static_cast<std::size_t>(h.frames) % kFrameRing] = ms;
    ++h.frames;
    platform::frame_drawn();
    platform::set_cursor(platform::css_cursor(h.app->wants_cursor()));
    if (!h.first_frame_done) {
        h.first_frame_done = true;
        js_first_frame_drawn();
        start_import_rehearsal();
    }
}

// What the platform services report back reaches the app here.
void register_callbacks(ui::App& app) {
    platform::set_frame_callback(draw_frame);
    platform::StorageEvents events;
    events.saved = [&app](SaveResult result) { app.on_storage_result(result); };
    events.save_due = [&app] { app.autosave(); };
    events.hand_over = [&app] { app.save_now(); };
    events.became_writer = [&app](const std::string& stored) { app.take_over(stored); };
    platform::set_storage_events(std::move(events));
    platform::set_paste_handler([&app](const std::string& text) { app.paste_as_document(text); });
}

}  // namespace

Host& host() {
    static Host instance;
    return instance;
}

FrameStats frame_stats() {
    const Host& h = host();
    FrameStats s;
    s.frames = h.frames;
    if (h.frame_ms.empty()) return s;
    s.last_ms = h.frame_ms[static_cast<std::size_t>(h.frames - 1) % kFrameRing];
    std::vector<double> sorted = h.frame_ms;
    std::sort(sorted.begin(), sorted.end());
    s.p50_ms = sorted[sorted.size() / 2];
    s.p95_ms = sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
    return s;
}

}  // namespace inkspan::host

int main() {
    using namespace inkspan;
    host::Host& h = host::host();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.premultipliedAlpha = false;
    h.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (h.gl <= 0) {
        EM_ASM({ if (Module.onFatal) Module.onFatal("WebGL2 is not available in this browser."); });
        return 1;
    }
    emscripten_webgl_make_context_current(h.gl);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, true,
        reinterpret_cast<em_webgl_context_callback>(host::on_context_lost));
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, true,
        reinterpret_cast<em_webgl_context_callback>(host::on_context_restored));

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is fixed each frame; nothing to persist
    item_hooks::record_items(true);  // window.inkspan.items(): each frame's widgets (when built with the hooks)
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ui::set_mesh_store(&host::gl_mesh_store());  // the text view's kept lines live in WebGL buffers
    platform::install_input_handlers("#canvas");
    platform::install_clipboard_for_imgui();

    h.app = new ui::App();
    if (host::js_line_cache_off()) h.app->set_line_cache(false);
    host::apply_page_preferences(*h.app);
    host::register_callbacks(*h.app);
    platform::request_frames();
    return 0;
}
