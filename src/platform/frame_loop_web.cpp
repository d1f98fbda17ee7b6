// The on-demand render loop over requestAnimationFrame (see frame_loop.h).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <utility>

#include "platform/browser.h"
#include "platform/frame_loop.h"

namespace inkspan::platform {
namespace {

struct FrameLoop {
    std::function<void()> draw;
    int frames_wanted = 0;      // frames still to draw before the loop sleeps
    double awake_until_ms = 0;  // keep drawing until then (hover tooltips need time to appear)
    bool scheduled = false;
};

FrameLoop& loop() {
    static FrameLoop l;
    return l;
}

std::function<bool()>& idle_step() {
    static std::function<bool()> step;
    return step;
}

// Steps run while the browser says the period has more than 4 ms left (it gives up to 50 ms when
// the page is quiet), so a step never pushes a frame back; then the next idle period is asked for.
EM_JS(void, js_request_idle_period, (), {
    const period = (deadline) => {
        let more = 1;
        while (more && deadline.timeRemaining() > 4) more = Module.ccall("inkspan_idle_step", "number", [], []);
        if (more) ask();
    };
    const ask = () => {
        if (typeof requestIdleCallback === "function") requestIdleCallback(period);
        else setTimeout(() => { const end = performance.now() + 8; period({ timeRemaining: () => end - performance.now() }); }, 100);
    };
    ask();
});

EM_BOOL on_animation_frame(double, void*) {
    FrameLoop& l = loop();
    l.scheduled = false;
    if (l.draw) l.draw();
    if (l.frames_wanted > 0 || emscripten_get_now() < l.awake_until_ms || ImGui::GetIO().WantTextInput)
        request_frames(0);
    return EM_FALSE;
}

}  // namespace

void set_frame_callback(std::function<void()> draw_frame) { loop().draw = std::move(draw_frame); }

void frame_drawn() {
    if (loop().frames_wanted > 0) --loop().frames_wanted;
}

void request_frames(int count) {
    FrameLoop& l = loop();
    l.frames_wanted = std::max(l.frames_wanted, count);
    l.awake_until_ms = std::max(l.awake_until_ms, emscripten_get_now() + (count > 0 ? 700.0 : 0.0));
    if (!l.scheduled) {
        l.scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

void run_while_idle(std::function<bool()> step) {
    idle_step() = std::move(step);
    js_request_idle_period();
}

void run_frame_now() {
    if (loop().draw) loop().draw();
}

}  // namespace inkspan::platform

extern "C" EMSCRIPTEN_KEEPALIVE int inkspan_idle_step() {
    auto& step = inkspan::platform::idle_step();
    if (step && step()) return 1;
    step = nullptr;
    return 0;
}
