// The C side of the automation API (window.inkspan, see docs/ARCHITECTURE.md): web/inkspan.js
// wraps these exported functions. Strings returned stay valid until the next call.
#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "platform/runtime_web.h"
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
