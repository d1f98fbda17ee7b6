#pragma once
// The native stand-ins for the browser services (browser_native.cpp, storage_native.cpp): what
// the UI needs to build and run without a browser, for native tests and the benchmark
// (tests/bench/). Nothing is drawn, downloaded or stored on disk. A native driver uses these
// hooks where the web build has JavaScript: it draws frames itself and answers storage writes.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "platform/storage.h"

namespace inkspan::platform::native {

// What run_frame_now() does (the web build draws a frame at once); by default nothing.
void set_run_frame_hook(std::function<void()> hook);

// Frames the app asked for (request_frames) since the last call, then reset to 0.
[[nodiscard]] int take_requested_frames();

// What memory_available() reports (default: as good as unlimited).
void set_memory_available(std::size_t bytes);

// The corpus take_restored_corpus() hands to the next App (default "": a first visit).
void set_restored_corpus(std::string json);

// What storage_status() reports (default Idle); ReadOnly stands for another tab holding the corpus.
void set_storage_state(StorageState state, std::string message = {});

// The in-memory store: every storage_save() call is recorded here (the web build writes one
// IndexedDB transaction). The state stays Idle: a save "completes" synchronously, and the driver
// calls App::on_storage_result(SaveResult::Saved) itself, as the page's callback does after the transaction.
struct SavedBatch {
    std::vector<DocumentRecord> changed;
    std::vector<std::string> removed;
    std::string schema_json;
    std::vector<std::string> order;
    [[nodiscard]] std::size_t bytes() const;  // document JSON + schema JSON handed over
};
[[nodiscard]] const std::vector<SavedBatch>& saved_batches();
void clear_saved_batches();

// Downloads the app started (file name → bytes), most recent last; cleared on request.
struct Download {
    std::string name;
    std::size_t bytes = 0;
    std::string contents;  // a single file's (a zip's entries are not kept)
};
[[nodiscard]] const std::vector<Download>& downloads();
void clear_downloads();

}  // namespace inkspan::platform::native
