#pragma once
// The web host: owns the WebGL2 context, Dear ImGui's context and the App, draws frames for the
// platform's render loop, and answers JavaScript (the automation API, imports, paste, storage
// events). The only code that sees both Emscripten and ui/; the platform services below it know
// nothing of the app and report back through the callbacks registered here.
#include <emscripten/html5_webgl.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/import_rehearsal.h"
#include "core/layout_rehearsal.h"

namespace inkspan::ui { class App; }

namespace inkspan::host {

struct FrameStats {
    long frames = 0;
    double last_ms = 0, p50_ms = 0, p95_ms = 0;
};

struct Host {
    ui::App* app = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    float dpr = 0;  // devicePixelRatio the fonts were built for
    bool first_frame_done = false;
    double last_frame_ms = -1;     // wall time of the previous frame, for ImGui's timers
    long frames = 0;
    std::vector<double> frame_ms;  // ring of recent frame CPU times
    std::uint64_t accessible_version_sent = 0;  // the accessible mirror's description the page has
    std::unique_ptr<ImportRehearsal> rehearsal;  // run while idle after the first frame (main.cpp)
    std::unique_ptr<LayoutRehearsal> layout_rehearsal;  // then this one, with the fonts the app has
    double rehearsal_ms = 0, rehearsal_longest_ms = 0;  // its steps' time, all and the longest
};

// The page's one host (extern "C" entry points have no other way to reach it).
Host& host();

[[nodiscard]] FrameStats frame_stats();

// After a frame: gives the page the App's accessible description if it changed (accessibility.cpp).
void sync_accessibility(ui::App& app);
// Before the first frame: the page's colour scheme, contrast and motion preferences.
void apply_page_preferences(ui::App& app);

}  // namespace inkspan::host
