#pragma once
// The one place where a corpus changes: commands (commands.h) are validated, applied, stamped with
// the caller's `now`, and recorded for undo. The UI queues commands while drawing and applies them
// here once per frame; `revision()` tells it (and autosave) that something changed.
//
// History. Each document has its own unlimited undo/redo stack, because annotators expect Ctrl+Z
// to undo what they just did in the text in front of them, not an edit in another document. Steps
// that reach beyond one document (schema edits, cascades, adding or removing documents, batches
// over several documents) go on one corpus stack. Steps are numbered in the order they were done;
// undo(doc) takes the newer of the document's last step and the corpus's last step. A corpus step
// may underlie any later edit (a label used by a span added afterwards), so it is undone only when
// it is the newest step of all, and redone only when no older step is waiting; otherwise the call
// is refused and says which document to undo or redo first. So every undo and redo replays exact
// inverse operations on the very state they were recorded against: ids come back unchanged, and
// no snapshot of a document (which may hold 50,000 spans) is ever taken. (A document removed and
// another added under the same id share one history; the ordering rule keeps their steps apart.)
// Undo also restores each document's `modified` stamp, so undoing everything gives back the
// original file byte for byte.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/corpus.h"
#include "core/edit_ops.h"
#include "core/result.h"

namespace inkspan {

struct BatchOptions {
    std::string description;    // for the undo menu; default: the first command's description
    bool skip_refused = false;  // skip commands refused with ErrorKind::Refused (e.g. "annotate all
                                // occurrences" skips the ones already labelled) instead of failing
};

class Editor {
public:
    // Applies one command as one undo step. On failure nothing changes and the error says why.
    Status apply(Corpus& corpus, const Command& command, std::string_view now);
    // Applies the commands in order as ONE undo step: all of them or none (unless skip_refused).
    Status apply(Corpus& corpus, std::span<const Command> commands, std::string_view now,
                 const BatchOptions& options = {});

    // Undoes/redoes the newest step of `doc_id` or of the corpus history, whichever comes first
    // (see above). An empty or unknown doc_id addresses the corpus history only.
    Status undo(Corpus& corpus, std::string_view doc_id);
    Status redo(Corpus& corpus, std::string_view doc_id);
    [[nodiscard]] bool can_undo(std::string_view doc_id) const;
    [[nodiscard]] bool can_redo(std::string_view doc_id) const;
    // "add span LOC", or "" when there is nothing to undo/redo.
    [[nodiscard]] std::string undo_description(std::string_view doc_id) const;
    [[nodiscard]] std::string redo_description(std::string_view doc_id) const;

    // Ids of the spans and relations created by the last successful apply(), in command order.
    [[nodiscard]] const std::vector<std::string>& last_created() const { return last_created_; }
    // How many commands the last apply() skipped (skip_refused).
    [[nodiscard]] std::size_t last_skipped() const { return last_skipped_; }
    // What the last successful apply(), undo() or redo() changed (empty after a refusal).
    [[nodiscard]] const edit::Effect& last_effect() const { return last_effect_; }
    // Increases on every change to the corpus made here (apply, undo, redo).
    [[nodiscard]] std::uint64_t revision() const { return revision_; }

    // Forgets every history (after loading another corpus).
    void clear();

private:
    struct Step {
        std::uint64_t seq;
        std::string description;
        std::vector<edit::Op> ops;
    };
    struct History {
        std::vector<Step> undo, redo;
    };
    enum class Pick { None, Document, Corpus };

    [[nodiscard]] const History* document_history(std::string_view doc_id) const;
    [[nodiscard]] Pick pick_undo(std::string_view doc_id) const;
    [[nodiscard]] Pick pick_redo(std::string_view doc_id) const;
    void record(std::vector<edit::Op> ops, std::string description);

    std::map<std::string, History, std::less<>> documents_;
    History corpus_;
    std::uint64_t next_seq_ = 1, revision_ = 0;
    std::vector<std::string> last_created_;
    std::size_t last_skipped_ = 0;
    edit::Effect last_effect_;
};

}  // namespace inkspan
