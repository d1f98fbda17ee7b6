#pragma once
// Browser events (mouse, wheel, touch, keyboard, paste, resize) → Dear ImGui's input queue.
// Replaces Emscripten's built-in GLFW, which has no devicePixelRatio, touch, cursor or clipboard.
// Text fields take their text from a hidden textarea at the caret (web/inkspan-ime.js), so input
// methods, dead keys, the emoji picker and insertText work like anywhere else in the browser.

namespace inkspan::platform {

// Installs the event handlers and sets up ImGui's io (backend name and flags, macOS behaviours).
void install_input_handlers(const char* canvas_selector);

// The CSS cursor for the canvas after a frame: ImGui's (GetMouseCursor(): the I-beam over text
// fields, resize arrows, a hand) or, where no widget asked for one, `wanted` (the app's own).
[[nodiscard]] const char* css_cursor(const char* wanted);

}  // namespace inkspan::platform
