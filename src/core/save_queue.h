#pragma once
// What still has to be written to storage, and when: the autosave protocol as a state machine
// with no clock and no I/O of its own (the caller passes `now` in milliseconds, so tests use a fake
// clock). Changes are marked as they happen; take_batch() hands over everything pending as one
// batch (one storage transaction); on_result() says how that write went. One batch is in flight
// at a time. A failed batch goes back to pending (unless newer marks superseded it) and is retried
// with exponential backoff; a full quota waits longer, since retrying at once cannot help. A
// read-only queue (another tab holds the corpus) never hands out a batch.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace inkspan {

struct SaveBatch {
    std::vector<std::string> changed;  // documents to write (whole records)
    std::vector<std::string> removed;  // documents whose records to delete
    bool meta = false;                 // the schema and the document order
};

enum class SaveResult { Saved, Failed, QuotaExceeded };

enum class SaveState {
    Idle,       // nothing pending
    Pending,    // changes wait for their write
    Saving,     // a batch is in flight
    Retrying,   // the last write failed; the next attempt is due at retry_at()
    Full,       // the last write failed for lack of quota; retried after kQuotaRetryMs or a new change
};

class SaveQueue {
public:
    static constexpr double kDebounceMs = 600;       // a burst of edits becomes one write
    static constexpr double kFirstRetryMs = 1000;    // then 2 s, 4 s, ... up to kMaxRetryMs
    static constexpr double kMaxRetryMs = 30000;
    static constexpr double kQuotaRetryMs = 60000;

    void mark_changed(const std::string& doc_id, double now);
    void mark_removed(const std::string& doc_id, double now);
    void mark_meta(double now);

    // Another tab holds the corpus: never write (what is pending stays pending).
    void set_read_only(bool read_only) { read_only_ = read_only; }
    [[nodiscard]] bool read_only() const { return read_only_; }

    // Everything pending as one batch, or nullopt: nothing pending, a batch in flight, read-only,
    // or a retry not yet due. Ignores the debounce (a page being hidden saves at once).
    [[nodiscard]] std::optional<SaveBatch> take_batch(double now);
    // The outcome of the batch last taken.
    void on_result(SaveResult result, double now);

    // When the caller should next call take_batch (debounce or retry), or nullopt: no write is due
    // (idle, in flight, or read-only).
    [[nodiscard]] std::optional<double> due_at() const;
    [[nodiscard]] SaveState state() const;
    [[nodiscard]] bool has_unsaved() const;  // pending or in flight
    [[nodiscard]] int consecutive_failures() const { return failures_; }

private:
    struct Marks {
        std::set<std::string> changed, removed;
        bool meta = false;
        [[nodiscard]] bool empty() const { return changed.empty() && removed.empty() && !meta; }
    };
    void touched(double now);

    Marks pending_, in_flight_;
    bool saving_ = false, read_only_ = false, quota_ = false;
    int failures_ = 0;
    double due_ = 0;  // when the pending marks should be written
};

}  // namespace inkspan
