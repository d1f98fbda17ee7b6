#pragma once
// Browser storage of the corpus (IndexedDB, see web/inkspan-storage.js). Saves are batched: the
// app hands over the documents that changed and the corpus record; the browser writes them in
// one transaction and reports back through the callbacks the host registers (StorageEvents); the
// status bar reads storage_status().
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/save_queue.h"

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

// What storage reports back, registered by the host (nothing here knows the app).
struct StorageEvents {
    std::function<void(SaveResult)> saved;  // the write started by storage_save() finished
    std::function<void()> save_due;         // the timer of schedule_autosave() fired
    std::function<void()> hand_over;        // another tab takes the corpus: write what is pending now
    // This read-only tab now holds the corpus (the writing tab closed, died or let go): what that
    // tab stored, as inkspan JSON ("" when nothing is stored). The state is already Idle.
    std::function<void(const std::string&)> became_writer;
};
void set_storage_events(StorageEvents events);

// Calls events.save_due after `ms` milliseconds (sooner if an earlier call asked for sooner); the
// render loop sleeps meanwhile.
void schedule_autosave(int ms);

// Asks the tab holding the corpus to hand it over; events.became_writer follows once it let go.
void storage_take_over();

}  // namespace inkspan::platform
