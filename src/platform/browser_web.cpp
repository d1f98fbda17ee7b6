#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>
#include <imgui.h>

#include <cstring>
#include <ctime>
#include <string>
#include <utility>

#include "platform/browser.h"

namespace inkspan::platform {
namespace {

EM_JS(void, js_set_cursor, (const char* css), {
    const c = UTF8ToString(css);
    const canvas = Module.canvas;
    if (canvas && canvas.style.cursor !== c) canvas.style.cursor = c;
});

EM_JS(void, js_write_clipboard, (const char* text, int len), {
    const s = UTF8ToString(text, len);
    if (navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(s).catch(function (e) { console.warn("clipboard: " + e); });
});

EM_JS(void, js_download, (const char* name, const char* data, int len, const char* mime), {
    Module.inkspanDownload(UTF8ToString(name), HEAPU8.slice(data, data + len), UTF8ToString(mime));
});

EM_JS(void, js_open_file_picker, (), { Module.inkspanPickFiles(); });

EM_JS(void, js_zip_begin, (), { Module.zipEntries = {}; });
EM_JS(void, js_zip_add, (const char* name, const char* data, int len), {
    Module.zipEntries[UTF8ToString(name)] = HEAPU8.slice(data, data + len);
});
EM_JS(void, js_zip_download, (const char* name), {
    const zipped = fflate.zipSync(Module.zipEntries, { level: 6 });
    Module.zipEntries = null;
    Module.inkspanDownload(UTF8ToString(name), zipped, "application/zip");
});

// The last text copied or pasted: ImGui reads its clipboard synchronously, the browser only
// hands it over in events.
std::string& clipboard_buffer() {
    static std::string text;
    return text;
}

std::function<void(const std::string&)>& paste_handler() {
    static std::function<void(const std::string&)> handler;
    return handler;
}

}  // namespace

float device_pixel_ratio() {
    const double dpr = emscripten_get_device_pixel_ratio();
    return dpr > 0.5 ? static_cast<float>(dpr) : 1.0f;
}

void open_file_picker() { js_open_file_picker(); }

void set_paste_handler(std::function<void(const std::string&)> handler) { paste_handler() = std::move(handler); }

void set_cursor(const char* css_cursor) { js_set_cursor(css_cursor); }

void set_clipboard_text(std::string_view text) {
    clipboard_buffer().assign(text);
    js_write_clipboard(text.data(), static_cast<int>(text.size()));
}

void download_file(const std::string& file_name, std::string_view contents, const char* mime_type) {
    js_download(file_name.c_str(), contents.data(), static_cast<int>(contents.size()), mime_type);
}

void download_zip(const std::string& zip_name, const std::map<std::string, std::string>& files) {
    js_zip_begin();
    for (const auto& [name, text] : files) js_zip_add(name.c_str(), text.data(), static_cast<int>(text.size()));
    js_zip_download(zip_name.c_str());
}

double monotonic_ms() { return emscripten_get_now(); }

std::string now_iso8601() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::size_t memory_available() {
    const std::size_t ceiling = emscripten_get_heap_max();
    const auto in_use = static_cast<std::size_t>(mallinfo().uordblks);
    return in_use < ceiling ? ceiling - in_use : 0;
}

void install_clipboard_for_imgui() {
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) { set_clipboard_text(text); };
    pio.Platform_GetClipboardTextFn = [](ImGuiContext*) -> const char* { return clipboard_buffer().c_str(); };
}

}  // namespace inkspan::platform

// Called by web/inkspan.js from the document's paste event: the text becomes ImGui's clipboard
// content and a Ctrl+V reaches ImGui, so pasting into text fields works.
extern "C" EMSCRIPTEN_KEEPALIVE void inkspan_on_paste(const char* text) {
    using namespace inkspan::platform;
    clipboard_buffer().assign(text);
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && paste_handler()) {  // pasted onto the page: a new document
        paste_handler()(text);
        request_frames();
        return;
    }
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    request_frames();
}
