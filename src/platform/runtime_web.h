#pragma once
// The web runtime: the WebGL2 context, the on-demand render loop and the frame timer. One
// instance lives for the page; the automation API and the event handlers reach it through here.
#include <emscripten/html5_webgl.h>

#include <vector>

namespace inkspan::ui { class App; }

namespace inkspan::platform {

struct FrameStats {
    long frames = 0;
    double last_ms = 0, p50_ms = 0, p95_ms = 0;
};

struct Runtime {
    ui::App* app = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    float dpr = 0;              // devicePixelRatio the fonts were built for
    int frames_wanted = 0;      // frames still to draw before the loop sleeps
    double awake_until_ms = 0;  // keep drawing until then (hover tooltips need time to appear)
    bool frame_scheduled = false;
    bool first_frame_done = false;
    long frames = 0;
    std::vector<double> frame_ms;  // ring of recent frame CPU times
};

Runtime& runtime();

// Draws one frame now (also used by the automation API to make a scroll take effect at once).
void run_frame();

[[nodiscard]] FrameStats frame_stats();

}  // namespace inkspan::platform
