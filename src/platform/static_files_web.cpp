#include <emscripten/emscripten.h>

#include <cstdlib>
#include <map>

#include "platform/browser.h"
#include "platform/static_files.h"

namespace inkspan::platform {
namespace {

struct Fetches {
    int next_id = 1, requested = 0;
    std::map<int, StaticFileDone> waiting;
};
Fetches& fetches() {
    static Fetches f;
    return f;
}

EM_JS(void, js_fetch_static, (int id, const char* path), {
    const url = UTF8ToString(path);
    const answer = function (ok, bytes, message) {
        const data = ok ? bytes : new TextEncoder().encode(message);
        const p = _malloc(Math.max(1, data.length));
        HEAPU8.set(data, p);
        Module.ccall("inkspan_static_file_done", null, ["number", "number", "number", "number"], [id, ok ? 1 : 0, p, data.length]);
    };
    fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.arrayBuffer();
    }).then(function (buf) { answer(true, new Uint8Array(buf), ""); },
            function (err) { answer(false, null, String(err && err.message || err)); });
});

}  // namespace

void fetch_static_file(const std::string& path, StaticFileDone done) {
    Fetches& f = fetches();
    const int id = f.next_id++;
    ++f.requested;
    f.waiting.emplace(id, std::move(done));
    js_fetch_static(id, path.c_str());
}

void set_static_root(const std::string&) {}

int static_files_requested() { return fetches().requested; }
int static_files_pending() { return static_cast<int>(fetches().waiting.size()); }

}  // namespace inkspan::platform

// Called by js_fetch_static when a fetch ends; `data` was allocated with malloc by the page.
extern "C" EMSCRIPTEN_KEEPALIVE void inkspan_static_file_done(int id, int ok, char* data, int length) {
    using namespace inkspan::platform;
    std::string bytes(data, static_cast<std::size_t>(length));
    std::free(data);
    auto& waiting = fetches().waiting;
    const auto it = waiting.find(id);
    if (it == waiting.end()) return;
    StaticFileDone done = std::move(it->second);
    waiting.erase(it);
    done(ok != 0, std::move(bytes));
    request_frames();
}
