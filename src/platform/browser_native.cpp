// Native stand-ins for the browser services of browser.h, for native tests and the benchmark:
// no window, no clipboard, no downloads to disk. Frames are drawn by whoever drives the App
// (see native.h); requests for frames are only counted.
#include <chrono>
#include <ctime>
#include <limits>
#include <utility>

#include "platform/browser.h"
#include "platform/native.h"

namespace inkspan::platform {
namespace {

struct NativeBrowser {
    int requested_frames = 0;
    std::function<void()> run_frame_hook;
    std::string clipboard;
    std::vector<native::Download> downloads;
    std::size_t memory_available = std::numeric_limits<std::size_t>::max();
};

NativeBrowser& state() {
    static NativeBrowser s;
    return s;
}

}  // namespace

void request_frames(int count) { state().requested_frames += count > 0 ? count : 1; }

float device_pixel_ratio() { return 1.0f; }

void set_cursor(const char*) {}

void set_clipboard_text(std::string_view text) { state().clipboard.assign(text); }

void download_file(const std::string& file_name, std::string_view contents, const char*) {
    state().downloads.push_back({file_name, contents.size(), std::string(contents)});
}

void download_zip(const std::string& zip_name, const std::map<std::string, std::string>& files) {
    std::size_t bytes = 0;
    for (const auto& [name, text] : files) bytes += text.size();
    state().downloads.push_back({zip_name, bytes});  // uncompressed size: no zip natively
}

double monotonic_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string now_iso8601() {
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

// ImGui keeps its own in-process clipboard natively (no system clipboard to reach).
void install_clipboard_for_imgui() {}

void open_file_picker() {}

void set_paste_handler(std::function<void(const std::string&)>) {}

void run_frame_now() {
    if (state().run_frame_hook) state().run_frame_hook();
}

std::size_t memory_available() { return state().memory_available; }

namespace native {

void set_memory_available(std::size_t bytes) { state().memory_available = bytes; }

void set_run_frame_hook(std::function<void()> hook) { state().run_frame_hook = std::move(hook); }

int take_requested_frames() { return std::exchange(state().requested_frames, 0); }

const std::vector<Download>& downloads() { return state().downloads; }

void clear_downloads() { state().downloads.clear(); }

}  // namespace native
}  // namespace inkspan::platform
