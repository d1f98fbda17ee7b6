#include <emscripten/emscripten.h>

#include <cstdlib>
#include <utility>

#include "core/json_escape.h"
#include "platform/browser.h"
#include "platform/storage.h"

namespace inkspan::platform {
namespace {

StorageStatus& status_ref() {
    static StorageStatus s;
    return s;
}

StorageEvents& events() {
    static StorageEvents e;
    return e;
}

EM_JS(char*, js_take_restored, (), {
    const r = Module.restored || {};
    Module.restored = null;
    const s = r.json || "";
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(int, js_restored_state, (), {
    const r = Module.restoredInfo || {};
    return r.error ? 0 : (r.writer ? 2 : 1);
});

EM_JS(char*, js_restored_error, (), {
    const r = Module.restoredInfo || {};
    const s = r.error || "";
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_batch_begin, (), { Module.storageBatch = { docs: [], removed: [] }; });
// The document's JSON as UTF-8 bytes: a copy of the heap range (a memcpy), not a decode into a JS
// string (for a 7 MB document that held the main thread for tens of milliseconds).
EM_JS(void, js_batch_put, (const char* id, const char* json, int len), {
    Module.storageBatch.docs.push([UTF8ToString(id), HEAPU8.slice(json, json + len)]);
});
EM_JS(void, js_batch_remove, (const char* id), { Module.storageBatch.removed.push(UTF8ToString(id)); });
EM_JS(void, js_batch_commit, (const char* schema, int schema_len, const char* order_json), {
    const b = Module.storageBatch;
    Module.storageBatch = null;
    const meta = { schema: UTF8ToString(schema, schema_len), order: JSON.parse(UTF8ToString(order_json)) };
    InkspanStorage.save(b.docs, b.removed, meta).then(function () {
        Module.ccall("inkspan_storage_done", null, ["number", "string"], [0, ""]);
        InkspanStorage.estimate().then(function (e) {
            if (e) Module.ccall("inkspan_storage_estimate", null, ["number", "number"], [e.usage || 0, e.quota || 0]);
        });
    }, function (err) {
        const name = err && err.name || "";
        let msg = String(err && err.message || err);
        const quota = name === "QuotaExceededError" || /quota/i.test(msg);
        if (quota)
            msg = "Browser storage is full: your work is kept in this tab only. Export now (Ctrl+S) and free space.";
        else msg = "Saving to browser storage failed (" + msg + "): your work is kept in this tab only. Export now (Ctrl+S).";
        Module.ccall("inkspan_storage_done", null, ["number", "string"], [quota ? 2 : 1, msg]);
    });
});

EM_JS(void, js_schedule_autosave, (int ms), {
    const due = Date.now() + ms;
    if (Module.autosaveTimer) {
        if (Module.autosaveDue <= due) return;  // an earlier call is due sooner
        clearTimeout(Module.autosaveTimer);
    }
    Module.autosaveDue = due;
    Module.autosaveTimer = setTimeout(function () {
        Module.autosaveTimer = null;
        Module.ccall("inkspan_autosave", null, [], []);
    }, ms);
});

EM_JS(void, js_take_over, (), { InkspanStorage.takeOver(); });

}  // namespace

std::string take_restored_corpus() {
    StorageStatus& st = status_ref();
    const int state = js_restored_state();
    if (state == 0) {
        char* err = js_restored_error();
        st.state = StorageState::Unavailable;
        st.message = std::string("Browser storage is unavailable (") + err +
                     "): work stays in this tab only. Export before closing it.";
        std::free(err);
    } else if (state == 1) {
        st.state = StorageState::ReadOnly;
        st.message = "Inkspan is open in another tab: this tab is read-only.";
    }
    char* p = js_take_restored();
    std::string json(p);
    std::free(p);
    return json;
}

void storage_save(const std::vector<DocumentRecord>& changed, const std::vector<std::string>& removed,
                  std::string_view schema_json, const std::vector<std::string>& order) {
    StorageStatus& st = status_ref();
    if (st.state == StorageState::Unavailable || st.state == StorageState::ReadOnly) return;
    st.state = StorageState::Saving;
    js_batch_begin();
    for (const auto& d : changed) js_batch_put(d.id.c_str(), d.json.data(), static_cast<int>(d.json.size()));
    for (const auto& id : removed) js_batch_remove(id.c_str());
    std::string order_json = "[";
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i) order_json += ',';
        order_json += '"';
        append_json_escaped(order_json, order[i]);
        order_json += '"';
    }
    order_json += ']';
    js_batch_commit(schema_json.data(), static_cast<int>(schema_json.size()), order_json.c_str());
}

const StorageStatus& storage_status() { return status_ref(); }
bool storage_busy() { return status_ref().state == StorageState::Saving; }
void schedule_autosave(int ms) { js_schedule_autosave(ms); }
void set_storage_events(StorageEvents e) { events() = std::move(e); }
void storage_take_over() { js_take_over(); }

}  // namespace inkspan::platform

extern "C" {

// result: 0 saved, 1 failed, 2 failed for lack of quota.
EMSCRIPTEN_KEEPALIVE void inkspan_storage_done(int result, const char* message) {
    using namespace inkspan::platform;
    StorageStatus& st = status_ref();
    const bool ok = result == 0;
    if (st.state == StorageState::ReadOnly) {
        // The last write of a tab that handed the corpus over: it stays read-only.
    } else if (ok) {
        st.state = StorageState::Idle;
        st.message.clear();
        ++st.saves;
    } else {
        st.state = StorageState::Failed;
        st.message = message;
    }
    if (events().saved)
        events().saved(ok ? inkspan::SaveResult::Saved : result == 2 ? inkspan::SaveResult::QuotaExceeded : inkspan::SaveResult::Failed);
    request_frames();
}

EMSCRIPTEN_KEEPALIVE void inkspan_storage_estimate(double used, double quota) {
    auto& st = inkspan::platform::status_ref();
    st.used_bytes = used;
    st.quota_bytes = quota;
}

EMSCRIPTEN_KEEPALIVE void inkspan_autosave() {
    using namespace inkspan::platform;
    if (events().save_due) events().save_due();
}

// Another tab asked for the corpus: save what is pending, then let go and become read-only.
EMSCRIPTEN_KEEPALIVE void inkspan_hand_over() {
    using namespace inkspan::platform;
    if (events().hand_over) events().hand_over();
    StorageStatus& st = status_ref();
    st.state = StorageState::ReadOnly;
    st.message = "Inkspan was opened in another tab: this tab is now read-only.";
    // The final write's transaction exists now: IndexedDB runs it before the next tab's read.
    EM_ASM({ InkspanStorage.handOver(); });
    request_frames();
}

// This read-only tab got the writer lock (the writing tab closed, died or let go); Module.restored
// holds what that tab stored.
EMSCRIPTEN_KEEPALIVE void inkspan_became_writer() {
    using namespace inkspan::platform;
    StorageStatus& st = status_ref();
    st.state = StorageState::Idle;
    st.message.clear();
    char* p = js_take_restored();
    const std::string json(p);
    std::free(p);
    if (events().became_writer) events().became_writer(json);
    request_frames();
}

}  // extern "C"
