#pragma once
// Browser events (mouse, wheel, touch, keyboard, paste, resize) → Dear ImGui's input queue.
// Replaces Emscripten's built-in GLFW, which has no devicePixelRatio, touch, cursor or clipboard.
// Text fields take their text from a hidden textarea at the caret (web/inkspan-ime.js), so input
// methods, dead keys, the emoji picker and insertText work like anywhere else in the browser.

namespace inkspan::platform {

void install_input_handlers(const char* canvas_selector);

}  // namespace inkspan::platform
