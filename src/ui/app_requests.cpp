// What the user asks through the UI: selecting, labelling, relating, opening and undoing. Each
// request changes UI state or queues an edit on the EditSession (applied after the widgets draw).
#include <algorithm>

#include "core/layers.h"
#include "core/search.h"
#include "platform/browser.h"
#include "platform/preferences.h"
#include "ui/app.h"

namespace inkspan::ui {

// ---- requests from the UI ---------------------------------------------------------------------

void App::set_text_selection(std::size_t anchor, std::size_t caret, bool open_palette) {
    selection_ = {anchor, caret};
    selected_span_.clear();
    selected_relation_.clear();
    relation_source_.clear();
    if (open_palette && !selection_.empty()) {
        open_palette_by(PaletteMode::Label, selection_.start(), selection_.end());
    } else if (!open_palette) {
        palette_.close();
    }
}

void App::select_span(const std::string& span_id) {
    if (span_id != selected_span_) end_scoped_message(MessageScope::Selection);
    const Span* s = current_document() ? current_document()->find_span(span_id) : nullptr;
    selection_ = s ? TextSelection{s->start, s->start} : TextSelection{};  // the keyboard caret goes to its start
    selected_span_ = span_id;
    selected_relation_.clear();
    relation_source_.clear();
    palette_.close();
}

void App::select_relation(const std::string& relation_id) {
    selection_ = {};
    selected_span_.clear();
    selected_relation_ = relation_id;
    relation_source_.clear();
    palette_.close();
}

void App::end_scoped_message(MessageScope ended) {
    if (message_scope_ == ended || (ended == MessageScope::Selection && message_scope_ == MessageScope::RelationMode)) {
        message_.clear();
        message_scope_ = MessageScope::None;
    }
}

void App::clear_selection() {
    end_scoped_message(MessageScope::Selection);
    selection_ = {selection_.caret, selection_.caret};  // the keyboard caret stays
    selected_span_.clear();
    selected_relation_.clear();
    relation_source_.clear();
    palette_.close();
}

void App::set_hover(const std::string& span_id, const std::string& relation_id) {
    hovered_span_ = span_id;
    hovered_relation_ = relation_id;
}

void App::start_relation_from(const std::string& span_id) {
    relation_source_ = span_id;
    relation_focus_.clear();
    palette_.close();
    show_message("Click the span this relation points to, or Tab to it and press Enter (Esc cancels).", false);
    message_scope_ = MessageScope::RelationMode;
}

void App::request_label(const std::string& label) {
    const Document* doc = current_document();
    if (!doc) return;
    if (!selection_.empty()) {
        session_.queue(Command(cmd::AddSpan{doc->id(), selection_.start(), selection_.end(), label, {}, {}}));
        selection_ = {selection_.caret, selection_.caret};  // the keyboard caret stays where the selection ended
    } else if (!selected_span_.empty()) {
        session_.queue(Command(cmd::SetSpanLabel{doc->id(), selected_span_, label}));
    }
    palette_.close();
}

void App::request_relation(std::string head, std::string tail) {
    const Document* doc = current_document();
    if (!doc) return;
    const Span* h = doc->find_span(head);
    const Span* t = doc->find_span(tail);
    if (!h || !t) return;
    std::vector<std::string> allowed;
    for (const RelationType& r : corpus().schema.relations)
        if (r.allows(h->label, t->label)) allowed.push_back(r.name);
    relation_source_.clear();
    if (allowed.empty()) {
        show_message("No relation type of the schema goes from " + h->label + " to " + t->label +
                     ". Add one in the Labels panel.", true);
        message_scope_ = MessageScope::Selection;
        return;
    }
    if (allowed.size() == 1) {
        session_.queue(Command(cmd::AddRelation{doc->id(), allowed.front(), head, tail}));
        return;
    }
    selected_span_ = head;
    relation_tail_ = tail;
    open_palette_by(PaletteMode::Relation, t->start, t->end);  // by the span it points to
}

void App::open_palette_by(PaletteMode mode, std::size_t start, std::size_t end) {
    const auto below = view_.below_range(start, end);
    const auto top = view_.above_range(start, end);
    palette_.open(mode, below.value_or(palette_.pos), top.value_or(palette_.above));
}

void App::request_relation_type(const std::string& type) {
    const Document* doc = current_document();
    if (doc && !selected_span_.empty() && !relation_tail_.empty())
        session_.queue(Command(cmd::AddRelation{doc->id(), type, selected_span_, relation_tail_}));
    relation_tail_.clear();
    palette_.close();
}

void App::request_delete_selected() {
    const Document* doc = current_document();
    if (!doc) return;
    if (!selected_span_.empty()) session_.queue(Command(cmd::DeleteSpan{doc->id(), selected_span_}));
    else if (!selected_relation_.empty()) session_.queue(Command(cmd::DeleteRelation{doc->id(), selected_relation_}));
}

void App::request_note(const std::string& span_id, const std::string& note) {
    if (const Document* doc = current_document()) session_.queue(Command(cmd::SetSpanNote{doc->id(), span_id, note}));
}

void App::request_doc_status(const std::string& doc_id, DocStatus status) {
    session_.queue(Command(cmd::SetDocStatus{doc_id, status}));
}

void App::request_schema(Command command) { session_.queue(std::move(command)); }

void App::request_annotate_all(const std::string& label) {
    const Document* doc = current_document();
    if (!doc || search_.query.empty()) return;
    const Result<SearchResult>& found = search_.matches(doc, session_.revision());
    if (!found.ok()) {
        show_message(found.error().message, true);
        return;
    }
    std::vector<Command> group;
    std::size_t skipped = 0;
    for (const auto& m : found->matches) {
        if (doc->find_span(m.start, m.end, label)) { ++skipped; continue; }
        group.push_back(cmd::AddSpan{doc->id(), m.start, m.end, label, {}, {}});
    }
    if (group.empty()) {
        show_message(found->matches.empty() ? "No match for " + search_.query : "Every match is already labelled " + label, false);
        return;
    }
    const std::size_t tried = group.size();
    const EditOutcome out = session_.submit(Batch{std::move(group), BatchOptions{"label all matches " + label, true}});
    after_edit(Batch{}, std::nullopt, out);
    if (!out.status.ok()) return;
    const std::size_t added = tried - out.skipped;
    show_message("Labelled " + std::to_string(added) + " matches " + label +
                 (skipped ? " (" + std::to_string(skipped) + " already were)" : "") + " — one undo step.", false);
}

void App::open_document(std::size_t index) {
    if (index >= corpus().documents.size() || index == current_doc_) return;
    // The document left keeps its place and selection for when it is opened again.
    if (const Document* left = current_document(); left && view_.doc_id() == left->id())
        places_[left->id()] = DocPlace{view_.place(), selection_, selected_span_};
    current_doc_ = index;
    clear_selection();
    selection_ = {};  // the caret at the new document's start
    const auto kept = places_.find(corpus().documents[index].id());
    if (kept != places_.end()) {
        const Document& d = corpus().documents[index];
        if (kept->second.selection.end() <= d.length()) selection_ = kept->second.selection;
        if (d.find_span(kept->second.span)) selected_span_ = kept->second.span;
        pending_place_ = kept->second.place;
    }
}

void App::open_layer(const std::string& doc_id) {
    const auto index = corpus().document_index(doc_id);
    if (!index) return;
    const TextView::Place here = view_.place();  // the same text: stay where the reader is
    const TextSelection selection = selection_;
    open_document(*index);
    pending_place_ = here;
    if (selection.end() <= corpus().documents[*index].length()) selection_ = selection;
    show_message("Showing " + layer_title(corpus().documents[*index], user_name_) + "'s layer", false);
}

std::size_t App::set_user_name(std::string name) {
    user_name_ = std::move(name);
    platform::set_preference("annotator.name", user_name_);
    if (user_name_.empty()) return 0;
    // The documents here that name no annotator are this browser's user's: they take the name
    // (one undo step), so their spans count as the user's layer in agreement and adjudication.
    std::vector<Command> group;
    for (const Document& d : corpus().documents)
        if (!d.is_layer() && d.annotator().empty() && !find_layer(corpus(), d.id(), user_name_))
            group.push_back(cmd::SetDocAnnotator{d.id(), user_name_});
    if (group.empty()) return 0;
    const std::size_t n = group.size();
    const EditOutcome out = session_.submit(Batch{std::move(group), BatchOptions{"name the annotator " + user_name_, false}});
    if (!out.status.ok()) return 0;
    after_edit(Batch{}, std::nullopt, out);
    return n;
}

void App::jump_to_annotation(const std::string& doc_id, const std::string& annotation_id) {
    const auto index = corpus().document_index(doc_id);
    if (!index) { show_message("Document " + doc_id + " is no longer in the corpus", true); return; }
    open_document(*index);
    const Document& doc = corpus().documents[*index];
    if (const Span* s = doc.find_span(annotation_id)) {
        select_span(s->id);
        pending_scroll_ = {s->start, s->end};
    } else if (const Relation* r = doc.find_relation(annotation_id)) {
        select_relation(r->id);
        if (const Span* head = doc.find_span(r->head)) pending_scroll_ = {head->start, head->end};
    } else {
        show_message(annotation_id + " is no longer in " + doc.name(), true);
    }
    platform::request_frames();
}

void App::undo() {
    const Document* doc = current_document();
    if (!doc) return;
    const std::string what = session_.editor().undo_description(doc->id());
    const EditOutcome out = session_.submit(Undo{doc->id()});
    if (!out.status.ok()) { report_refusal(out.status, false); return; }
    clear_selection();
    after_edit(Undo{}, std::nullopt, out);
    if (out.status.ok()) show_message("Undone: " + what, false);
}

void App::redo() {
    const Document* doc = current_document();
    if (!doc) return;
    const std::string what = session_.editor().redo_description(doc->id());
    const EditOutcome out = session_.submit(Redo{doc->id()});
    if (!out.status.ok()) { report_refusal(out.status, false); return; }
    clear_selection();
    after_edit(Redo{}, std::nullopt, out);
    if (out.status.ok()) show_message("Redone: " + what, false);
}

void App::show_message(std::string text, bool error) {
    message_ = std::move(text);
    message_error_ = error;
    message_scope_ = MessageScope::None;
    message_time_ = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    ++message_serial_;
    platform::request_frames();
}

}  // namespace inkspan::ui
