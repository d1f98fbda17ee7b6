// Native stand-in for the browser storage of storage.h: an in-memory store that records every
// save (see native.h), for native tests and the benchmark. Saves complete at once; the driver
// reports the outcome to the App like the page's IndexedDB callback does.
#include <utility>

#include "platform/native.h"
#include "platform/storage.h"

namespace inkspan::platform {
namespace {

struct NativeStorage {
    StorageStatus status;
    std::string restored;
    std::vector<native::SavedBatch> batches;
};

NativeStorage& store() {
    static NativeStorage s;
    return s;
}

}  // namespace

std::string take_restored_corpus() { return std::exchange(store().restored, std::string()); }

void storage_save(const std::vector<DocumentRecord>& changed, const std::vector<std::string>& removed,
                  std::string_view schema_json, const std::vector<std::string>& order) {
    // Every call is recorded, even in a read-only state (the web build drops those): tests see
    // whether the app tried to write.
    store().batches.push_back({changed, removed, std::string(schema_json), order});
    ++store().status.saves;
}

const StorageStatus& storage_status() { return store().status; }

bool storage_busy() { return false; }

// The driver decides when autosave runs and what a write did (it calls App::autosave() and
// App::on_storage_result() itself).
void schedule_autosave(int) {}
void set_storage_events(StorageEvents) {}

void storage_take_over() {}

namespace native {

void set_restored_corpus(std::string json) { store().restored = std::move(json); }

void set_storage_state(StorageState state, std::string message) {
    store().status.state = state;
    store().status.message = std::move(message);
}

std::size_t SavedBatch::bytes() const {
    std::size_t n = schema_json.size();
    for (const DocumentRecord& d : changed) n += d.json.size();
    return n;
}

const std::vector<SavedBatch>& saved_batches() { return store().batches; }

void clear_saved_batches() { store().batches.clear(); }

}  // namespace native
}  // namespace inkspan::platform
