#pragma once
// The on-demand render loop: a frame is drawn after input or when something asks for frames
// (request_frames in browser.h), never every vsync, so an idle tab does no work. The host says
// what drawing a frame is; the loop only decides when.
#include <functional>

namespace inkspan::platform {

// Draws one whole frame (the host's: ImGui frame, app, render).
void set_frame_callback(std::function<void()> draw_frame);

// Calls `step` in the page's idle periods (requestIdleCallback: no frame or input due), again
// and again while a period lasts, until it returns false. A step should take a few milliseconds.
// For work nobody waits for (the import rehearsal); what the user waits for belongs in frames.
void run_while_idle(std::function<bool()> step);

// Frames still wanted before the loop sleeps (the host counts a drawn frame with frame_drawn()).
void frame_drawn();

}  // namespace inkspan::platform
