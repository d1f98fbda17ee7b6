// The autosave protocol (core/save_queue.h) with a fake clock: debounce, one batch in flight,
// retries with backoff, a full quota, removed documents, and a read-only tab that never writes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/save_queue.h"

using namespace inkspan;

namespace {

std::vector<std::string> ids(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

}  // namespace

TEST_CASE("save queue: the first change of a burst is due after the debounce; the batch holds the burst") {
    SaveQueue q;
    CHECK(q.state() == SaveState::Idle);
    CHECK_FALSE(q.due_at());
    q.mark_changed("d2", 1000);
    q.mark_changed("d1", 1200);
    q.mark_changed("d2", 1300);
    REQUIRE(q.due_at());
    CHECK(*q.due_at() == 1000 + SaveQueue::kDebounceMs);  // later changes do not push it back
    CHECK(q.state() == SaveState::Pending);
    auto batch = q.take_batch(1600);
    REQUIRE(batch);
    CHECK(batch->changed == ids({"d1", "d2"}));
    CHECK(batch->removed.empty());
    CHECK_FALSE(batch->meta);
    CHECK(q.state() == SaveState::Saving);
    CHECK(q.has_unsaved());
    q.on_result(SaveResult::Saved, 1700);
    CHECK(q.state() == SaveState::Idle);
    CHECK_FALSE(q.has_unsaved());
    CHECK_FALSE(q.take_batch(5000));
}

TEST_CASE("save queue: one batch in flight; changes made meanwhile go in the next one") {
    SaveQueue q;
    q.mark_changed("d1", 0);
    auto first = q.take_batch(600);
    REQUIRE(first);
    q.mark_changed("d2", 650);
    CHECK_FALSE(q.take_batch(700));  // d1 is still being written
    CHECK_FALSE(q.due_at());
    q.on_result(SaveResult::Saved, 800);
    REQUIRE(q.due_at());
    CHECK(*q.due_at() == 650 + SaveQueue::kDebounceMs);
    auto second = q.take_batch(1300);
    REQUIRE(second);
    CHECK(second->changed == ids({"d2"}));
}

TEST_CASE("save queue: a removed document is deleted, not written; removing then adding it again writes it") {
    SaveQueue q;
    q.mark_changed("d1", 0);
    q.mark_removed("d1", 10);
    q.mark_meta(10);
    auto batch = q.take_batch(700);
    REQUIRE(batch);
    CHECK(batch->changed.empty());
    CHECK(batch->removed == ids({"d1"}));
    CHECK(batch->meta);
    q.on_result(SaveResult::Saved, 800);

    q.mark_removed("d3", 900);
    q.mark_changed("d3", 950);  // a Replace import that gives the new document the old id
    batch = q.take_batch(2000);
    REQUIRE(batch);
    CHECK(batch->changed == ids({"d3"}));
    CHECK(batch->removed.empty());
}

TEST_CASE("save queue: a failed write goes back to pending and is retried with a growing backoff") {
    SaveQueue q;
    q.mark_changed("d1", 0);
    q.mark_removed("d9", 0);
    REQUIRE(q.take_batch(600));
    q.on_result(SaveResult::Failed, 1000);
    CHECK(q.state() == SaveState::Retrying);
    CHECK(q.consecutive_failures() == 1);
    REQUIRE(q.due_at());
    CHECK(*q.due_at() == 1000 + SaveQueue::kFirstRetryMs);
    CHECK_FALSE(q.take_batch(1500));  // not yet
    auto retry = q.take_batch(2000);
    REQUIRE(retry);
    CHECK(retry->changed == ids({"d1"}));
    CHECK(retry->removed == ids({"d9"}));  // the removal is not forgotten
    q.on_result(SaveResult::Failed, 2000);
    CHECK(*q.due_at() == 2000 + 2 * SaveQueue::kFirstRetryMs);
    for (int i = 0; i < 10; ++i) {
        REQUIRE(q.take_batch(*q.due_at()));
        q.on_result(SaveResult::Failed, 0);
    }
    CHECK(*q.due_at() == SaveQueue::kMaxRetryMs);  // capped
    REQUIRE(q.take_batch(SaveQueue::kMaxRetryMs));
    q.on_result(SaveResult::Saved, SaveQueue::kMaxRetryMs);
    CHECK(q.state() == SaveState::Idle);
    CHECK(q.consecutive_failures() == 0);
}

TEST_CASE("save queue: a failed batch does not undo newer marks (removed meanwhile stays removed)") {
    SaveQueue q;
    q.mark_changed("d1", 0);
    q.mark_removed("d2", 0);
    REQUIRE(q.take_batch(600));
    q.mark_removed("d1", 700);  // removed while its write was in flight
    q.mark_changed("d2", 700);  // and d2 added again
    q.on_result(SaveResult::Failed, 800);
    auto retry = q.take_batch(800 + SaveQueue::kFirstRetryMs);
    REQUIRE(retry);
    CHECK(retry->changed == ids({"d2"}));
    CHECK(retry->removed == ids({"d1"}));
}

TEST_CASE("save queue: a full quota waits long, but a new change tries again soon") {
    SaveQueue q;
    q.mark_changed("d1", 0);
    REQUIRE(q.take_batch(600));
    q.on_result(SaveResult::QuotaExceeded, 1000);
    CHECK(q.state() == SaveState::Full);
    CHECK(*q.due_at() == 1000 + SaveQueue::kQuotaRetryMs);
    CHECK_FALSE(q.take_batch(1000 + SaveQueue::kFirstRetryMs));
    q.mark_changed("d2", 5000);  // perhaps the user freed space
    CHECK(*q.due_at() == 5000 + SaveQueue::kDebounceMs);
    auto retry = q.take_batch(5000 + SaveQueue::kDebounceMs);
    REQUIRE(retry);
    CHECK(retry->changed == ids({"d1", "d2"}));
}

TEST_CASE("save queue: a read-only tab never hands out a batch, whatever is marked") {
    SaveQueue q;
    q.set_read_only(true);
    q.mark_changed("d1", 0);
    q.mark_removed("d2", 0);
    q.mark_meta(0);
    CHECK_FALSE(q.due_at());
    for (double t : {0.0, 600.0, 1e6}) CHECK_FALSE(q.take_batch(t));
    CHECK(q.has_unsaved());  // kept: if this tab takes the corpus over, it is written then
    q.set_read_only(false);
    CHECK(q.take_batch(1e6));
}
