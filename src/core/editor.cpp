#include "core/editor.h"

#include <algorithm>

#include "core/validation.h"

namespace inkspan {

namespace {

bool is_stamp(const edit::Op& op) {
    const auto* m = std::get_if<edit::ChangeDocMeta>(&op);
    if (!m) return false;
    edit::DocMeta before = m->before;
    before.modified = m->after.modified;
    return before == m->after;  // nothing but `modified` changes
}

// Shrinks a step's ops without changing what they do: the `modified` stamps that every command
// adds become one per document at the end (the other fields as the step leaves them), and
// runs of span insertions into one document become one bulk insertion, so undoing "annotate all
// occurrences" is one O(n) pass instead of one pass per span.
std::vector<edit::Op> compact(std::vector<edit::Op> ops, const Corpus& corpus) {
    std::vector<edit::Op> out;
    std::vector<std::pair<std::string, std::string>> first_modified;  // doc, modified before the step
    for (edit::Op& op : ops) {
        if (is_stamp(op)) {
            const auto& m = std::get<edit::ChangeDocMeta>(op);
            auto seen = std::find_if(first_modified.begin(), first_modified.end(),
                                     [&](const auto& p) { return p.first == m.doc; });
            if (seen == first_modified.end()) first_modified.emplace_back(m.doc, m.before.modified);
            continue;
        }
        auto* ins = std::get_if<edit::InsertSpans>(&op);
        auto* prev = out.empty() ? nullptr : std::get_if<edit::InsertSpans>(&out.back());
        if (ins && prev && prev->doc == ins->doc) {
            for (Span& s : ins->spans) prev->spans.push_back(std::move(s));
            continue;
        }
        out.push_back(std::move(op));
    }
    for (auto& [doc_id, modified] : first_modified) {
        const Document* d = corpus.find_document(doc_id);
        if (!d) continue;  // removed later in the same step
        out.push_back(edit::ChangeDocMeta{doc_id, {d->status(), d->annotator(), modified, d->language(), d->direction(), d->name()},
                                          {d->status(), d->annotator(), d->modified(), d->language(), d->direction(), d->name()}});
    }
    return out;
}

}  // namespace

Status Editor::apply(Corpus& corpus, const Command& command, std::string_view now) {
    return apply(corpus, std::span<const Command>(&command, 1), now);
}

Status Editor::apply(Corpus& corpus, std::span<const Command> commands, std::string_view now,
                     const BatchOptions& options) {
    last_effect_ = {};
    std::vector<std::string> created;
    std::size_t skipped = 0;
    std::vector<edit::Op> done;
    for (const Command& command : commands) {
        auto ops = plan(corpus, command, now);
        if (!ops) {
            if (options.skip_refused && ops.error().kind == ErrorKind::Refused) {
                ++skipped;
                continue;
            }
            (void)edit::revert_ops(corpus, done);
            return ops.error();
        }
        if (Status st = edit::apply_ops(corpus, *ops); !st) {
            (void)edit::revert_ops(corpus, done);
            return st;
        }
        for (edit::Op& op : *ops) {
            if (std::holds_alternative<cmd::AddSpan>(command))
                if (auto* ins = std::get_if<edit::InsertSpans>(&op)) created.push_back(ins->spans.front().id);
            if (std::holds_alternative<cmd::AddRelation>(command))
                if (auto* ins = std::get_if<edit::InsertRelations>(&op)) created.push_back(ins->relations.front().id);
            done.push_back(std::move(op));  // applied: the ops are kept for undo, not copied (a document can be 16 MB)
        }
    }
    last_created_ = std::move(created);
    last_skipped_ = skipped;
    if (done.empty()) return Ok{};
    std::string description = options.description;
    if (description.empty()) {
        description = describe(commands.front());
        if (commands.size() > 1) description += " (and " + std::to_string(commands.size() - 1) + " more)";
    }
    std::vector<edit::Op> ops = compact(std::move(done), corpus);
    last_effect_ = edit::effect_of(ops, false);
    record(std::move(ops), std::move(description));
    ++revision_;
    return Ok{};
}

void Editor::record(std::vector<edit::Op> ops, std::string description) {
    std::optional<std::string> scope = edit::document_of(ops.front());
    for (const edit::Op& op : ops)
        if (!scope || edit::document_of(op) != scope) {
            scope.reset();
            break;
        }
    Step step{next_seq_++, std::move(description), std::move(ops)};
    corpus_.redo.clear();
    if (scope) {
        History& h = documents_[*scope];
        h.redo.clear();
        h.undo.push_back(std::move(step));
    } else {
        for (auto& [id, h] : documents_) h.redo.clear();
        corpus_.undo.push_back(std::move(step));
    }
}

const Editor::History* Editor::document_history(std::string_view doc_id) const {
    if (doc_id.empty()) return nullptr;
    auto it = documents_.find(doc_id);
    return it == documents_.end() ? nullptr : &it->second;
}

Editor::Pick Editor::pick_undo(std::string_view doc_id) const {
    const History* h = document_history(doc_id);
    const Step* d = h && !h->undo.empty() ? &h->undo.back() : nullptr;
    const Step* c = corpus_.undo.empty() ? nullptr : &corpus_.undo.back();
    if (!d && !c) return Pick::None;
    return d && (!c || d->seq > c->seq) ? Pick::Document : Pick::Corpus;
}

Editor::Pick Editor::pick_redo(std::string_view doc_id) const {
    const History* h = document_history(doc_id);
    const Step* d = h && !h->redo.empty() ? &h->redo.back() : nullptr;
    const Step* c = corpus_.redo.empty() ? nullptr : &corpus_.redo.back();
    if (!d && !c) return Pick::None;
    return d && (!c || d->seq < c->seq) ? Pick::Document : Pick::Corpus;
}

bool Editor::can_undo(std::string_view doc_id) const { return pick_undo(doc_id) != Pick::None; }
bool Editor::can_redo(std::string_view doc_id) const { return pick_redo(doc_id) != Pick::None; }

std::string Editor::undo_description(std::string_view doc_id) const {
    switch (pick_undo(doc_id)) {
        case Pick::Document: return document_history(doc_id)->undo.back().description;
        case Pick::Corpus: return corpus_.undo.back().description;
        case Pick::None: break;
    }
    return {};
}

std::string Editor::redo_description(std::string_view doc_id) const {
    switch (pick_redo(doc_id)) {
        case Pick::Document: return document_history(doc_id)->redo.back().description;
        case Pick::Corpus: return corpus_.redo.back().description;
        case Pick::None: break;
    }
    return {};
}

Status Editor::undo(Corpus& corpus, std::string_view doc_id) {
    last_effect_ = {};
    const Pick pick = pick_undo(doc_id);
    if (pick == Pick::None) return make_error(ErrorKind::Refused, "nothing to undo");
    History& from = pick == Pick::Document ? documents_.find(doc_id)->second : corpus_;
    Step& step = from.undo.back();
    if (pick == Pick::Corpus)
        for (const auto& [id, h] : documents_)
            if (!h.undo.empty() && h.undo.back().seq > step.seq)
                return make_error(ErrorKind::Refused, "cannot undo \"" + step.description +
                                                          "\" before the later edits in document " + quote(id));
    if (Status st = edit::revert_ops(corpus, step.ops); !st) return st;
    last_effect_ = edit::effect_of(step.ops, true);
    from.redo.push_back(std::move(step));
    from.undo.pop_back();
    ++revision_;
    return Ok{};
}

Status Editor::redo(Corpus& corpus, std::string_view doc_id) {
    last_effect_ = {};
    const Pick pick = pick_redo(doc_id);
    if (pick == Pick::None) return make_error(ErrorKind::Refused, "nothing to redo");
    History& from = pick == Pick::Document ? documents_.find(doc_id)->second : corpus_;
    Step& step = from.redo.back();
    if (pick == Pick::Corpus)
        for (const auto& [id, h] : documents_)
            if (!h.redo.empty() && h.redo.back().seq < step.seq)
                return make_error(ErrorKind::Refused, "cannot redo \"" + step.description +
                                                          "\" before the earlier edits in document " + quote(id));
    if (Status st = edit::apply_ops(corpus, step.ops); !st) return st;
    last_effect_ = edit::effect_of(step.ops, false);
    from.undo.push_back(std::move(step));
    from.redo.pop_back();
    ++revision_;
    return Ok{};
}

void Editor::clear() {
    documents_.clear();
    corpus_ = History{};
    last_created_.clear();
    last_skipped_ = 0;
    last_effect_ = {};
    ++revision_;
}

}  // namespace inkspan
