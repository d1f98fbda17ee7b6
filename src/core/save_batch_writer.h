#pragma once
// Serialises a SaveBatch (save_queue.h) a few items per call, so the main thread is never held
// for long by a big document: the caller calls step() from a timer until it returns true, then
// hands the records to storage. If the corpus changes between steps (its revision moved), the
// batch starts over, so the records handed over are one consistent state of the corpus.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/inkspan_json.h"
#include "core/save_queue.h"

namespace inkspan {

struct SavedRecords {
    std::vector<std::pair<std::string, std::string>> documents;  // id → document JSON
    std::vector<std::string> removed;
    std::string schema_json;         // the corpus record, written with every batch
    std::vector<std::string> order;  // the document ids in order
};

class SaveBatchWriter {
public:
    explicit SaveBatchWriter(SaveBatch batch) : batch_(std::move(batch)) {}

    // Writes about `items` more spans or relations; true when everything is written. `revision`
    // is the corpus's (EditSession::revision()); a different one than last time starts over.
    bool step(const Corpus& corpus, std::uint64_t revision, std::size_t items);
    [[nodiscard]] SavedRecords take() { return std::move(records_); }
    [[nodiscard]] int restarts() const { return restarts_; }  // times the corpus changed underneath

private:
    SaveBatch batch_;
    std::optional<std::uint64_t> revision_;
    std::size_t next_doc_ = 0;  // index into batch_.changed
    std::optional<DocumentJsonWriter> writer_;
    SavedRecords records_;
    int restarts_ = 0;
};

}  // namespace inkspan
