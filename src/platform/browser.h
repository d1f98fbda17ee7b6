#pragma once
// The browser services the UI may ask for. One header; the web implementation is in *_web.cpp
// (chosen by CMake); a native build would provide its own.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace inkspan::platform {

// Ask for the next few frames to be drawn; the render loop otherwise sleeps between inputs.
void request_frames(int count = 3);

[[nodiscard]] float device_pixel_ratio();

// The CSS cursor over the canvas ("text", "pointer", "default", ...).
void set_cursor(const char* css_cursor);

// Writes to the system clipboard (asynchronous in the browser; best effort).
void set_clipboard_text(std::string_view text);

// Starts a real file download of `contents` named `file_name`.
void download_file(const std::string& file_name, std::string_view contents, const char* mime_type);

// Starts a download of a zip holding `files` (name → contents).
void download_zip(const std::string& zip_name, const std::map<std::string, std::string>& files);

// Milliseconds on a clock that only moves forward (for timers: autosave, retries).
[[nodiscard]] double monotonic_ms();

// Now as an ISO-8601 UTC timestamp, e.g. "2026-11-28T05:10:28Z".
[[nodiscard]] std::string now_iso8601();

// Bytes the app can still allocate: the heap's ceiling minus what is in use (the tab's wasm heap
// can grow to 1 GB; a native host reports what it can tell).
[[nodiscard]] std::size_t memory_available();

}  // namespace inkspan::platform

namespace inkspan::platform {
// Routes ImGui's clipboard through the browser (writes via the Clipboard API, reads from the
// last paste event).
void install_clipboard_for_imgui();
}  // namespace inkspan::platform

namespace inkspan::platform {
// Opens the browser's file picker; chosen files arrive through the import path (web/inkspan-api.js).
void open_file_picker();
// Draws a frame immediately (e.g. so a newly opened document has a layout before a query).
void run_frame_now();
// Text pasted onto the page outside any text field (a new document), registered by the host.
void set_paste_handler(std::function<void(const std::string&)> handler);
}  // namespace inkspan::platform
