#include "core/edit_session.h"

#include <span>

namespace inkspan {

EditSession::EditSession(Corpus corpus, IsoClock now, MsClock now_ms)
    : corpus_(std::move(corpus)), now_(std::move(now)), now_ms_(std::move(now_ms)) {}

void EditSession::set_read_only(bool read_only) {
    read_only_ = read_only;
    saves_.set_read_only(read_only);
}

EditOutcome EditSession::submit(Edit edit) {
    EditOutcome out;
    if (read_only_) {
        out.status = make_error(ErrorKind::Refused, kReadOnlyMessage);
        return out;
    }
    const std::string now = now_ ? now_() : std::string();
    out.status = std::visit(
        [&](auto& e) -> Status {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, Command>) return editor_.apply(corpus_, e, now);
            else if constexpr (std::is_same_v<T, Batch>)
                return editor_.apply(corpus_, std::span<const Command>(e.commands), now, e.options);
            else if constexpr (std::is_same_v<T, Undo>) return editor_.undo(corpus_, e.doc);
            else return editor_.redo(corpus_, e.doc);
        },
        edit);
    if (!out.status) return out;
    out.effect = editor_.last_effect();
    out.created = editor_.last_created();
    out.skipped = editor_.last_skipped();
    mark_unsaved(out.effect);
    return out;
}

std::vector<EditOutcome> EditSession::apply_queued(const std::function<void(const Edit&)>& before) {
    std::vector<Edit> queue;
    queue.swap(queued_);
    std::vector<EditOutcome> outcomes;
    outcomes.reserve(queue.size());
    for (Edit& e : queue) {
        if (before) before(e);
        outcomes.push_back(submit(std::move(e)));
    }
    return outcomes;
}

// The one rule for what must be written after a change.
void EditSession::mark_unsaved(const edit::Effect& effect) {
    const double t = now_ms();
    for (const std::string& id : effect.documents)
        if (corpus_.find_document(id)) saves_.mark_changed(id, t);
    for (const std::string& id : effect.inserted) saves_.mark_changed(id, t);
    for (const std::string& id : effect.removed) saves_.mark_removed(id, t);
    if (effect.renames_everywhere)
        for (const Document& d : corpus_.documents) saves_.mark_changed(d.id(), t);
    if (effect.schema || !effect.inserted.empty() || !effect.removed.empty()) saves_.mark_meta(t);
}

void EditSession::reset(Corpus corpus) {
    corpus_ = std::move(corpus);
    editor_.clear();
    queued_.clear();
    saves_ = SaveQueue{};
    saves_.set_read_only(read_only_);
}

void EditSession::mark_all_unsaved() {
    if (read_only_) return;  // the tab that holds the corpus stores it, not this one
    const double t = now_ms();
    for (const Document& d : corpus_.documents) saves_.mark_changed(d.id(), t);
    saves_.mark_meta(t);
}

}  // namespace inkspan
