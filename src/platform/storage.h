#pragma once
// Browser storage of the corpus (IndexedDB, see web/inkspan-storage.js). Saves are batched: the
// app hands over the documents that changed and the corpus record; the browser writes them in
// one transaction and reports back. The app reads the outcome from storage_status().
#include <string>
#include <string_view>
#include <vector>

namespace inkspan::platform {

enum class StorageState {
    Unavailable,  // no IndexedDB (disabled, private mode): work stays in memory
    ReadOnly,     // another tab holds the corpus
    Idle,         // nothing pending, last save (if any) succeeded
    Saving,
    Failed,       // the last save failed (quota, ...): message says what and what to do
};

struct StorageStatus {
    StorageState state = StorageState::Idle;
    std::string message;       // for Failed / Unavailable / ReadOnly
    double used_bytes = -1;    // navigator.storage.estimate(), when known
    double quota_bytes = -1;
    long saves = 0;            // successful saves this session
};

// The corpus restored at start-up as inkspan JSON, or "" when nothing is stored (first visit).
// Read once, before the first frame.
[[nodiscard]] std::string take_restored_corpus();

struct DocumentRecord {
    std::string id;
    std::string json;  // the document as an inkspan JSON object
};

// Starts one atomic write. `schema_json` is the schema object; `order` the document ids in order.
void storage_save(const std::vector<DocumentRecord>& changed, const std::vector<std::string>& removed,
                  std::string_view schema_json, const std::vector<std::string>& order);

[[nodiscard]] const StorageStatus& storage_status();
[[nodiscard]] bool storage_busy();

// Calls the app back after `ms` milliseconds (autosave debounce); the render loop sleeps meanwhile.
void schedule_autosave(int ms);

// Asks the tab holding the corpus to hand it over; the page reloads this tab's state afterwards.
void storage_take_over();

}  // namespace inkspan::platform
