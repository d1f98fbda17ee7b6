#pragma once
// Browser events (mouse, wheel, touch, keyboard, paste, resize) → Dear ImGui's input queue.
// Replaces Emscripten's built-in GLFW, which has no devicePixelRatio, touch, cursor or clipboard.

namespace inkspan::platform {

void install_input_handlers(const char* canvas_selector);

}  // namespace inkspan::platform
