// The App's side of the accessible mirror (issue 19): the controls the toolbar and the panels
// offer, run by the canvas's buttons and by their twins in the page's DOM alike; the description
// of what is visible (core/accessible_view), rebuilt when it changed; the page's preferences.
#include <algorithm>
#include <charconv>

#include "core/edit_announcement.h"
#include "core/formats/format.h"
#include "core/layers.h"
#include "core/formats/format_util.h"
#include "platform/browser.h"
#include "platform/storage.h"
#include "ui/app.h"

namespace inkspan::ui {
namespace {

// "doc:12" → 12 when `action` starts with `prefix`.
std::optional<std::string_view> argument(std::string_view action, std::string_view prefix) {
    if (action.substr(0, prefix.size()) != prefix) return std::nullopt;
    return action.substr(prefix.size());
}

std::optional<std::size_t> number(std::string_view s) {
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

void App::queue_action(std::string action) {
    queued_actions_.push_back(std::move(action));
    platform::request_frames();
}

void App::run_queued_actions() {
    std::vector<std::string> actions;
    actions.swap(queued_actions_);
    for (const std::string& a : actions) run_action(a);
}

void App::apply_theme() {
    theme_ = make_theme(theme_kind(dark_, high_contrast_));
    apply_imgui_style(theme_);
}

void App::set_preferences(bool dark, bool high_contrast, bool reduced_motion) {
    dark_ = dark;
    high_contrast_ = high_contrast;
    reduced_motion_ = reduced_motion;
    view_.set_reduced_motion(reduced_motion);
    apply_theme();
    platform::request_frames();
}

void App::run_action(std::string_view action) {
    const Document* doc = current_document();
    if (action == "documents") show_documents_ = !show_documents_;
    else if (action == "import") platform::open_file_picker();
    else if (action == "export") open_export_ = true;
    else if (action == "statistics") statistics_.open = !statistics_.open;
    else if (action == "agreement") agreement_.open = !agreement_.open;
    else if (action == "compare") toggle_compare();
    else if (action == "adjudicate") open_adjudication();
    else if (action == "undo") undo();
    else if (action == "redo") redo();
    else if (action == "find") { if (search_.open) search_.hide(); else search_.show(); }
    else if (action == "snap") snap_words_ = !snap_words_;
    else if (action == "zoom_out") { zoom_ = std::max(0.6f, zoom_ / 1.1f); fonts_dirty_ = true; }
    else if (action == "zoom_in") { zoom_ = std::min(2.5f, zoom_ * 1.1f); fonts_dirty_ = true; }
    else if (action == "theme") { dark_ = !dark_; apply_theme(); }
    else if (action == "samples") add_samples_ = true;
    else if (action == "edit_labels") open_labels_editor_ = true;
    else if (action == "delete") request_delete_selected();
    else if (action == "relate") { if (!selected_span_.empty()) start_relation_from(selected_span_); }
    else if (action == "doc_status") {
        if (doc) request_doc_status(doc->id(), doc->status() == DocStatus::Done ? DocStatus::InProgress : DocStatus::Done);
    } else if (const auto i = argument(action, "doc:")) {
        if (const auto n = number(*i)) open_document(*n);
    } else if (const auto format = argument(action, "export:")) {
        // The Export dialog's Download with this format, this document, no split (its choices
        // are kept, as when the dialog was used).
        const auto n = number(*format);
        if (!n || *n > formats::dataset_formats().size()) return;
        export_.format = static_cast<int>(*n);
        export_.corpus_scope = false;
        export_.split = false;
        download_export();
    } else if (const auto note = argument(action, "note:")) {
        if (!doc || !doc->find_span(selected_span_)) return;
        request_note(selected_span_, std::string(*note));
        if (note_span_ == selected_span_) note_edit_ = std::string(*note);  // the canvas's field too
    } else if (const auto label = argument(action, "label:")) {
        request_label(std::string(*label));
    } else if (const auto span_id = argument(action, "span:")) {
        const Span* s = doc ? doc->find_span(*span_id) : nullptr;
        if (!s) return;
        // In relate mode a span is the relation's other end, as a click on it would be.
        if (!relation_source_.empty() && relation_source_ != s->id) request_relation(relation_source_, s->id);
        else select_span(s->id);
    } else if (const auto relation_id = argument(action, "relation:")) {
        if (doc && doc->find_relation(*relation_id)) select_relation(std::string(*relation_id));
    } else if (const auto range = argument(action, "select:")) {
        const std::size_t colon = range->find(':');
        if (colon == std::string_view::npos) return;
        const auto a = number(range->substr(0, colon));
        const auto b = number(range->substr(colon + 1));
        if (doc && a && b && *a <= doc->length() && *b <= doc->length()) set_text_selection(*a, *b, false);
    }
    platform::request_frames();
}

std::vector<MirrorControl> App::toolbar_controls() const {
    const Document* doc = current_document();
    const bool can_undo = doc && session_.editor().can_undo(doc->id());
    const bool can_redo = doc && session_.editor().can_redo(doc->id());
    return {
        {"documents", "Documents panel", "", false, true, show_documents_, false},
        {"import", "Import files…", "", false, false, false, false},
        {"export", "Export…", "", false, false, false, false},
        {"statistics", "Statistics", "", false, true, statistics_.open, false},
        {"agreement", "Agreement", "F8", false, true, agreement_.open, false},
        {"compare", "Compare with another annotator", "Shift+F8", false, true, compare_.is_open(), false},
        {"adjudicate", "Adjudicate into the gold layer", "F9", false, false, false, false},
        {"undo", "Undo", "Control+Z", !can_undo, false, false, false},
        {"redo", "Redo", "Control+Shift+Z", !can_redo, false, false, false},
        {"find", "Find", "Control+F", false, true, search_.open, false},
        {"snap", "Snap to words", "", false, true, snap_words_, false},
        {"zoom_out", "Smaller text", "Control+-", false, false, false, false},
        {"zoom_in", "Larger text", "Control+=", false, false, false, false},
        {"theme", "Dark theme", "", false, true, dark_, false},
    };
}

std::vector<MirrorControl> App::panel_controls() const {
    const Document* doc = current_document();
    const bool span = doc && !selected_span_.empty() && doc->find_span(selected_span_);
    const bool something = span || (doc && !selected_relation_.empty());
    std::vector<MirrorControl> out;
    if (doc) {
        out.push_back({"doc_status", doc->status() == DocStatus::Done ? "Reopen document" : "Mark document done", "", false, false, false, false});
        out.push_back({"export:0", "Export this document as inkspan JSON", "Control+S", false, false, false, false});
        const auto& fmts = formats::dataset_formats();
        for (std::size_t i = 0; i < fmts.size(); ++i)
            out.push_back({"export:" + std::to_string(i + 1), "Export this document as " + std::string(fmts[i].name), "", false,
                           false, false, false});
    }
    out.push_back({"relate", "Relate the selected span to another", "R", !span, false, false, false});
    out.push_back({"delete", "Delete the selection", "Delete", !something, false, false, false});
    out.push_back({"edit_labels", "Edit labels…", "", false, false, false, false});
    out.push_back({"samples", "Add samples (10 languages)", "", false, false, false, false});
    return out;
}

std::string App::status_words() const {
    const Document* doc = current_document();
    if (!doc) return "No document";
    return doc->name() + ", " + formats::counted(doc->span_count(), "span", "spans") + ", " +
           formats::counted(doc->relations().size(), "relation", "relations") + ", " +
           formats::counted(doc->length(), "character", "characters");
}

void App::update_accessible_view() {
    AccessibleView v;
    v.toolbar = toolbar_controls();
    v.panel = panel_controls();
    const Document* doc = current_document();
    const bool can_label = doc && (!selection_.empty() || !selected_span_.empty());
    for (const EntityType& e : corpus().schema.entities)
        v.labels.push_back({"label:" + e.name, e.description.empty() ? e.name : e.name + " (" + e.description + ")", e.hotkey,
                            !can_label, false, false, false});
    // The document list, the paragraphs and the relations change only with an edit, another
    // document or a scroll: kept from the last description otherwise.
    const auto [first, last] = view_.visible_range();
    const auto key = std::make_tuple(doc ? doc->id() : std::string(), session_.revision(), first, last, current_doc_);
    if (key != a11y_key_) {
        a11y_key_ = key;
        constexpr std::size_t kMaxMirroredDocuments = 1000;  // the rest are reached by the canvas list
        const auto& docs = corpus().documents;
        refresh_document_labels();  // the panel's names: repeats told apart
        for (std::size_t row = 0; row < doc_rows_.size() && row < kMaxMirroredDocuments; ++row) {
            const std::size_t i = doc_rows_[row];  // documents, not layers (Ctrl+[ / Ctrl+] reach those)
            v.documents.push_back({"doc:" + std::to_string(i), doc_labels_[row] + ", " + doc_status_words(docs[i].status()), "",
                                   false, false, false, doc && base_document(corpus(), doc->id()) == &docs[i]});
        }
        if (doc) {
            v.paragraphs = mirror_paragraphs(*doc, first, last);
            v.relations = mirror_relations(*doc, corpus().schema, v.paragraphs);
        }
    } else {
        v.documents = a11y_view_.documents;
        v.paragraphs = a11y_view_.paragraphs;
        v.relations = a11y_view_.relations;
    }
    if (doc) {
        v.document_name = doc->name();
        v.selected_span = selected_span_;
        if (const Span* s = doc->find_span(selected_span_)) v.note = s->note;
        v.selected_relation = selected_relation_;
        if (!selection_.empty() && selection_.end() <= doc->length()) {
            v.selection_start = selection_.start();
            v.selection_end = selection_.end();
            v.selection_text = std::string(doc->text_of(selection_.start(), selection_.end()));
        }
    }
    v.status = status_words();
    const auto& st = platform::storage_status();
    switch (st.state) {
        case platform::StorageState::Failed:
        case platform::StorageState::Unavailable:
        case platform::StorageState::ReadOnly: v.save = st.message; v.save_failed = true; break;
        default: v.save = has_unsaved_changes() || st.state == platform::StorageState::Saving ? "Saving…" : "All changes saved";
    }
    v.message = message_;
    v.message_error = message_error_;
    v.message_serial = message_serial_;
    if (v == a11y_view_) return;
    a11y_view_ = std::move(v);
    ++a11y_version_;
}

}  // namespace inkspan::ui
