// The C side of the automation API (window.inkspan, see docs/ARCHITECTURE.md): web/inkspan.js
// wraps these exported functions. Strings returned stay valid until the next call.
#include <emscripten/emscripten.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "platform/browser.h"
#include "platform/runtime_web.h"
#include "platform/storage.h"
#include "ui/app.h"

namespace {

const char* hold(std::string s) {
    static std::string held;
    held = std::move(s);
    return held.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* inkspan_get_state() {
    return hold(inkspan::platform::runtime().app->state_json());
}

EMSCRIPTEN_KEEPALIVE const char* inkspan_stats() {
    const auto s = inkspan::platform::frame_stats();
    nlohmann::ordered_json j = {{"frames", s.frames}, {"frameMsLast", s.last_ms}, {"frameMsP50", s.p50_ms},
                                {"frameMsP95", s.p95_ms},
                                {"heapBytes", static_cast<double>(EM_ASM_DOUBLE({ return HEAPU8.length; }))}};
    return hold(j.dump());
}

}  // extern "C"

extern "C" {

// {"state","message","pending","saves","usedBytes"}: what the status bar says about saving.
EMSCRIPTEN_KEEPALIVE const char* inkspan_storage_info() {
    using namespace inkspan::platform;
    const StorageStatus& st = storage_status();
    const char* names[] = {"unavailable", "read_only", "idle", "saving", "failed"};
    nlohmann::ordered_json j = {{"state", names[static_cast<int>(st.state)]}, {"message", st.message},
                                {"pending", runtime().app->has_unsaved_changes()}, {"saves", st.saves},
                                {"usedBytes", st.used_bytes}};
    return hold(j.dump());
}

// {"x","y","w","h"} in page CSS px, or null for an unknown document or an offset past the end.
EMSCRIPTEN_KEEPALIVE const char* inkspan_locate(const char* doc_id, double offset) {
    if (offset < 0) return hold("null");
    const auto box = inkspan::platform::runtime().app->locate(doc_id, static_cast<std::size_t>(offset));
    if (!box) return hold("null");
    nlohmann::ordered_json j = {{"x", box->x}, {"y", box->y}, {"w", box->z}, {"h", box->w}};
    return hold(j.dump());
}

// Files dropped or picked together arrive one by one (add), then are imported as one set (end),
// so brat's .txt/.ann pairs meet. An over-limit size is refused before the bytes are copied.
std::map<std::string, std::string>& staged_files() {
    static std::map<std::string, std::string> files;
    return files;
}

EMSCRIPTEN_KEEPALIVE void inkspan_import_add(const char* name, const char* bytes, int length) {
    staged_files()[name] = std::string(bytes, static_cast<std::size_t>(length));
}

// {"ok","error","message"}
EMSCRIPTEN_KEEPALIVE const char* inkspan_import_end() {
    auto* app = inkspan::platform::runtime().app;
    std::map<std::string, std::string> files;
    files.swap(staged_files());
    const auto outcome = app->import_files(files);
    inkspan::platform::request_frames();
    nlohmann::ordered_json j = {{"ok", outcome.ok}, {"error", outcome.ok ? nlohmann::json() : nlohmann::json(outcome.message)},
                                {"message", outcome.message}};
    return hold(j.dump());
}

// {file name: contents} of what the Export menu downloads for this format and scope.
EMSCRIPTEN_KEEPALIVE const char* inkspan_export_as(const char* format, const char* doc_id) {
    const auto files = inkspan::platform::runtime().app->export_as(format, doc_id);
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [name, text] : files) j[name] = text;
    return hold(j.dump());
}

}  // extern "C"

// A problem the page found before the app saw the file (too large, unreadable): shown in the UI.
extern "C" EMSCRIPTEN_KEEPALIVE void inkspan_report_error(const char* message) {
    inkspan::platform::runtime().app->show_message(message, true);
    inkspan::platform::request_frames();
}
