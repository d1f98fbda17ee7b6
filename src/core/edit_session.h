#pragma once
// The one edit path of the app: the corpus, its editor (undo history), the queue of edits the UI
// made while drawing, the read-only policy and what is still unsaved. Every change to the corpus
// goes through submit() — a command, a batch (annotate all, an import), undo or redo — so the
// read-only guard and the rule for what must be saved are written once, here. No ImGui, no I/O:
// the caller passes the clocks and hands SaveQueue batches to storage.
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "core/commands.h"
#include "core/corpus.h"
#include "core/editor.h"
#include "core/save_queue.h"

namespace inkspan {

struct Batch {  // applied as one undo step (all or nothing, unless options.skip_refused)
    std::vector<Command> commands;
    BatchOptions options;
};
struct Undo { std::string doc; };  // the newest step of this document or of the corpus
struct Redo { std::string doc; };
using Edit = std::variant<Command, Batch, Undo, Redo>;

struct EditOutcome {
    Status status = Ok{};
    edit::Effect effect;                // what changed (empty when refused or nothing to do)
    std::vector<std::string> created;   // ids of the spans and relations added
    std::size_t skipped = 0;            // commands of a skip_refused batch that were refused
};

class EditSession {
public:
    using IsoClock = std::function<std::string()>;  // "2026-11-28T05:10:28Z", stamped on documents
    using MsClock = std::function<double()>;        // monotonic milliseconds, for the save queue

    explicit EditSession(Corpus corpus = {}, IsoClock now = {}, MsClock now_ms = {});

    [[nodiscard]] const Corpus& corpus() const { return corpus_; }
    [[nodiscard]] const Editor& editor() const { return editor_; }  // history: can_undo, descriptions
    [[nodiscard]] std::uint64_t revision() const { return editor_.revision(); }

    // Another tab holds the corpus: every submit is refused and nothing is written.
    void set_read_only(bool read_only);
    [[nodiscard]] bool read_only() const { return read_only_; }
    static constexpr const char* kReadOnlyMessage =
        "This tab is read-only: Inkspan is open in another tab. Click \"Use it here\" to edit here.";

    // Applies one edit now, marks what it changed for saving, and says what happened.
    EditOutcome submit(Edit edit);

    // Edits the UI makes while drawing, applied together after the widgets, in order; `before`
    // (optional) sees each one just before it applies (a view notes what it will have to redraw).
    void queue(Edit edit) { queued_.push_back(std::move(edit)); }
    [[nodiscard]] bool has_queued() const { return !queued_.empty(); }
    std::vector<EditOutcome> apply_queued(const std::function<void(const Edit&)>& before = {});

    // Another corpus wholesale (restored at start-up): no history, nothing unsaved. Not an edit.
    void reset(Corpus corpus);
    // Everything is to be stored (a first visit stores the sample); nothing when read-only.
    void mark_all_unsaved();

    [[nodiscard]] SaveQueue& saves() { return saves_; }
    [[nodiscard]] const SaveQueue& saves() const { return saves_; }
    [[nodiscard]] double now_ms() const { return now_ms_ ? now_ms_() : 0.0; }

private:
    void mark_unsaved(const edit::Effect& effect);

    Corpus corpus_;
    Editor editor_;
    IsoClock now_;
    MsClock now_ms_;
    bool read_only_ = false;
    std::vector<Edit> queued_;
    SaveQueue saves_;
};

}  // namespace inkspan
