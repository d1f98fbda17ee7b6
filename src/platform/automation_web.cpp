// The C side of the automation API (window.inkspan, see docs/ARCHITECTURE.md): web/inkspan.js
// wraps these exported functions. Strings returned stay valid until the next call.
#include <emscripten/emscripten.h>

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

// The bytes of a dropped or picked file (or a string's UTF-8); {"ok","error"}.
EMSCRIPTEN_KEEPALIVE const char* inkspan_import_file(const char* name, const char* bytes, int length) {
    auto* app = inkspan::platform::runtime().app;
    const auto outcome = app->import_file(name, std::string_view(bytes, static_cast<std::size_t>(length)));
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
