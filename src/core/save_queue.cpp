#include "core/save_queue.h"

#include <algorithm>
#include <cmath>

namespace inkspan {

void SaveQueue::touched(double now) {
    if (failures_ == 0) {
        if (pending_.empty()) due_ = now + kDebounceMs;  // the first change of a burst starts the wait
    } else if (quota_) {
        due_ = std::min(due_, now + kDebounceMs);  // the user may have freed space: try with this change
    }
}

void SaveQueue::mark_changed(const std::string& doc_id, double now) {
    touched(now);
    pending_.removed.erase(doc_id);
    pending_.changed.insert(doc_id);
}

void SaveQueue::mark_removed(const std::string& doc_id, double now) {
    touched(now);
    pending_.changed.erase(doc_id);
    pending_.removed.insert(doc_id);
}

void SaveQueue::mark_meta(double now) {
    touched(now);
    pending_.meta = true;
}

std::optional<SaveBatch> SaveQueue::take_batch(double now) {
    if (read_only_ || saving_ || pending_.empty()) return std::nullopt;
    if (failures_ > 0 && now < due_) return std::nullopt;
    in_flight_ = std::move(pending_);
    pending_ = Marks{};
    saving_ = true;
    return SaveBatch{{in_flight_.changed.begin(), in_flight_.changed.end()},
                     {in_flight_.removed.begin(), in_flight_.removed.end()}, in_flight_.meta};
}

void SaveQueue::on_result(SaveResult result, double now) {
    if (!saving_) return;
    saving_ = false;
    Marks done = std::move(in_flight_);
    in_flight_ = Marks{};
    if (result == SaveResult::Saved) {
        failures_ = 0;
        quota_ = false;
        return;
    }
    // Back to pending, unless a newer mark says otherwise (a document removed meanwhile is not
    // written again; one added again meanwhile is not deleted).
    for (const std::string& id : done.changed)
        if (!pending_.removed.count(id)) pending_.changed.insert(id);
    for (const std::string& id : done.removed)
        if (!pending_.changed.count(id)) pending_.removed.insert(id);
    pending_.meta = pending_.meta || done.meta;
    ++failures_;
    quota_ = result == SaveResult::QuotaExceeded;
    const double backoff = quota_ ? kQuotaRetryMs : std::min(kMaxRetryMs, kFirstRetryMs * std::pow(2.0, failures_ - 1));
    due_ = now + backoff;
}

std::optional<double> SaveQueue::due_at() const {
    if (read_only_ || saving_ || pending_.empty()) return std::nullopt;
    return due_;
}

SaveState SaveQueue::state() const {
    if (saving_) return SaveState::Saving;
    if (pending_.empty()) return SaveState::Idle;
    if (failures_ > 0) return quota_ ? SaveState::Full : SaveState::Retrying;
    return SaveState::Pending;
}

bool SaveQueue::has_unsaved() const { return saving_ || !pending_.empty(); }

}  // namespace inkspan
