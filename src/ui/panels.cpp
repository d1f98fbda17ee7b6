// The panels around the text: toolbar, documents, labels + annotations, status bar, first-run hint.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/formats/format_util.h"
#include "core/layers.h"
#include "core/limits.h"
#include "core/list_rows.h"
#include "core/utf8.h"
#include "platform/browser.h"
#include "platform/storage.h"
#include "ui/app.h"
#include "ui/shaped_text.h"
#include "ui/imgui_string.h"
#include "ui/panel_widgets.h"

namespace inkspan::ui {

void App::draw_toolbar(ImVec2 min, ImVec2 max) {
    begin_panel("##toolbar", min, max);
    ImGui::SetCursorPos(ImVec2(12, 10));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme_.accent), "Inkspan");
    ImGui::SameLine(0, 20);
    // Each button runs the action its twin in the accessible mirror runs (ui/app_accessibility.cpp).
    if (ImGui::Button(show_documents_ ? "Documents «" : "Documents »")) run_action("documents");
    ImGui::SameLine();
    if (ImGui::Button("Import…")) run_action("import");
    ImGui::SameLine();
    if (ImGui::Button("Export…")) run_action("export");
    if (std::exchange(open_export_, false)) ImGui::OpenPopup(ExportDialog::kPopupId);
    switch (export_.draw(corpus(), current_doc_, session_.revision(), theme_)) {
        case ExportDialog::Request::Download: download_export(); break;
        case ExportDialog::Request::DownloadSchema: download_schema(); break;
        case ExportDialog::Request::None: break;
    }
    ImGui::SameLine();
    if (ImGui::Button("Statistics")) run_action("statistics");
    ImGui::SameLine();
    if (ImGui::Button("Agreement")) run_action("agreement");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("F8");
    ImGui::SameLine();
    if (ImGui::Button("Compare…")) run_action("compare");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shift+F8");
    ImGui::SameLine();
    if (ImGui::Button("Adjudicate…")) run_action("adjudicate");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("F9");
    ImGui::SameLine(0, 20);
    const Document* doc = current_document();
    ImGui::BeginDisabled(!doc || !session_.editor().can_undo(doc->id()));
    if (ImGui::Button("Undo")) run_action("undo");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Z");
    ImGui::SameLine();
    ImGui::BeginDisabled(!doc || !session_.editor().can_redo(doc->id()));
    if (ImGui::Button("Redo")) run_action("redo");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Ctrl+Shift+Z or Ctrl+Y");
    ImGui::SameLine(0, 20);
    if (ImGui::Button("Find")) run_action("find");
    ImGui::SameLine();
    ImGui::Checkbox("Snap to words", &snap_words_);
    ImGui::SameLine(0, 20);
    if (ImGui::Button("A-")) run_action("zoom_out");
    ImGui::SameLine();
    if (ImGui::Button("A+")) run_action("zoom_in");
    ImGui::SameLine();
    if (ImGui::Button(dark_ ? "Light" : "Dark")) run_action("theme");
    ImGui::End();
}

void App::draw_documents_panel(ImVec2 min, ImVec2 max) {
    begin_panel("##documents", min, max);
    const Progress p = progress(corpus());
    section_title("DOCUMENTS");
    ImGui::Text("%zu done of %zu", p.done, p.total);
    ImGui::ProgressBar(p.total ? static_cast<float>(p.done) / static_cast<float>(p.total) : 0.0f, ImVec2(-1, 4), "");
    ImGui::Spacing();
    const auto& docs = corpus().documents;
    refresh_document_labels();
    const Document* open = current_document();
    const Document* open_base = open ? base_document(corpus(), open->id()) : nullptr;
    std::string delete_id;
    ImGuiListClipper clipper;  // thousands of documents scroll smoothly
    (void)begin_row_list("##doclist", ImVec2(0, -64 - 3 * ImGui::GetFrameHeightWithSpacing()));
    clipper.Begin(static_cast<int>(doc_rows_.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::size_t i = doc_rows_[static_cast<std::size_t>(row)];
            const Document& d = docs[i];
            ImGui::PushID(static_cast<int>(i));
            const char* mark = d.status() == DocStatus::Done ? "✓" : d.status() == DocStatus::InProgress ? "•" : " ";
            char label[320];
            std::snprintf(label, sizeof label, "%s %s", mark, doc_labels_[static_cast<std::size_t>(row)].c_str());
            if (selectable(fonts_, label, &d == open_base) && &d != open_base) open_document(i);
            if (ImGui::BeginPopupContextItem("##doc-menu")) {  // right-click
                if (ImGui::MenuItem("Rename…")) { rename_doc_ = d.id(); rename_text_ = d.name(); }
                if (ImGui::MenuItem("Delete document")) delete_id = d.id();
                ImGui::EndPopup();
            }
            if (ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
                text_item(fonts_, d.name());
                ImGui::Text("%zu spans, %zu relations\nstatus: %s", d.span_count(), d.relations().size(),
                            std::string(doc_status_name(d.status())).c_str());
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    if (!delete_id.empty()) delete_document(delete_id);
    draw_rename_document();
    if (ImGui::Button("Add samples (10 languages)", ImVec2(-1, 0))) run_action("samples");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Short news texts in Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Thai,\n"
                          "Russian and Greek, with emoji, each with a few annotations.");
    if (const Document* d = current_document()) {
        const bool done = d->status() == DocStatus::Done;
        if (ImGui::Button(done ? "Reopen document" : "Mark document done", ImVec2(-1, 0))) run_action("doc_status");
        draw_language_combo(*d);
        draw_direction_combo(*d);
    }
    draw_user_name();
    ImGui::End();
}

namespace {

// The languages the documents panel offers (issue 12: the CJK glyph variant); a tag read from a
// file that is not here is shown as is.
struct LanguageChoice {
    const char* tag;
    const char* label;
};
constexpr LanguageChoice kLanguageChoices[] = {
    // English names: a Latin-only session must not fetch CJK fonts for this menu.
    {"", "Automatic"},           {"zh-Hans", "Chinese, simplified (zh-Hans)"}, {"zh-Hant", "Chinese, traditional (zh-Hant)"},
    {"ja", "Japanese (ja)"},     {"ko", "Korean (ko)"},
};

}  // namespace

void App::draw_language_combo(const Document& d) {
    const char* preview = d.language().c_str();
    for (const LanguageChoice& c : kLanguageChoices)
        if (d.language() == c.tag) preview = c.label;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Language");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##language", preview)) {
        for (const LanguageChoice& c : kLanguageChoices) {
            const bool selected = d.language() == c.tag;
            if (ImGui::Selectable(c.label, selected) && !selected) request_doc_language(d.id(), c.tag);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The document's language; Automatic picks it from the text\n"
                          "(kana: Japanese, hangul: Korean, Han only: Simplified Chinese).");
}

namespace {
std::string trim_copy(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}
}  // namespace

void App::draw_user_name() {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("You");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const bool ask = user_name_.empty();  // first use: the field asks
    if (ask) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(theme_.accent));
    if (ask) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    InputTextString("##user-name", "your name, for shared files", user_name_edit_);
    if (ask) { ImGui::PopStyleVar(); ImGui::PopStyleColor(); }
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        const std::string name = trim_copy(user_name_edit_);
        if (name.size() > kMaxMetaBytes) show_message("A name is at most " + std::to_string(kMaxMetaBytes) + " bytes", true);
        else if (name == kGoldAnnotator) show_message("\"gold\" names the adjudicated layer; choose another name", true);
        else {
            const std::size_t named = set_user_name(name);
            show_message(name.empty() ? "Your name is cleared"
                         : named ? "You are " + name + ", now the annotator of " + formats::counted(named, "document", "documents") +
                                       " that had none (Ctrl+Z undoes)"
                                 : "You are " + name + ": documents you bring carry your name",
                         false);
        }
        user_name_edit_ = user_name_;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Who is annotating in this browser. New documents carry your name, so your\n"
                          "annotations can be told from others' when you share files (layers).");
}

void App::request_doc_language(const std::string& doc_id, const std::string& language) {
    session_.queue(Command(cmd::SetDocLanguage{doc_id, language}));
}

void App::draw_direction_combo(const Document& d) {
    static constexpr std::pair<DirectionChoice, const char*> kChoices[] = {
        {DirectionChoice::automatic, "Automatic"}, {DirectionChoice::ltr, "Left to right"}, {DirectionChoice::rtl, "Right to left"}};
    const char* preview = kChoices[static_cast<int>(d.direction())].second;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Direction");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##direction", preview)) {
        for (const auto& [choice, label] : kChoices) {
            const bool selected = d.direction() == choice;
            if (ImGui::Selectable(label, selected) && !selected) session_.queue(Command(cmd::SetDocDirection{d.id(), choice}));
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The direction of the document's paragraphs; Automatic takes each paragraph's\n"
                          "from its first letter (Arabic, Hebrew: right to left).");
}

void App::draw_side_panel(ImVec2 min, ImVec2 max) {
    begin_panel("##side", min, max);
    const Document* doc = current_document();
    const Schema& schema = corpus().schema;

    section_title("LABELS");
    const LabelCounts counts = doc ? count_labels(schema, *doc) : LabelCounts{};
    for (const EntityType& t : schema.entities) {
        ImGui::PushID(t.name.c_str());
        color_swatch(parse_hex_color(t.color));
        const bool can_apply = !selection_.empty() || !selected_span_.empty();
        if (selectable(fonts_, t.name, false, can_apply ? 0 : ImGuiSelectableFlags_Disabled,
                       ImVec2(ImGui::GetContentRegionAvail().x - 70, 0)))
            request_label(t.name);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", t.hotkey.empty() ? " " : t.hotkey.c_str());
        ImGui::SameLine();
        const auto it = counts.entities.find(t.name);
        ImGui::TextDisabled("%4zu", it == counts.entities.end() ? 0 : it->second);
        ImGui::PopID();
    }
    if (!schema.relations.empty()) {
        ImGui::Spacing();
        for (const RelationType& r : schema.relations) {
            const auto it = counts.relations.find(r.name);
            ImGui::TextDisabled("→ %s  %zu", r.name.c_str(), it == counts.relations.end() ? 0 : it->second);
        }
    }
    if (ImGui::Button("Edit labels…")) run_action("edit_labels");
    if (std::exchange(open_labels_editor_, false)) ImGui::OpenPopup(LabelsEditor::kPopupId);
    for (Command& c : labels_editor_.draw(corpus().schema)) request_schema(std::move(c));

    // The selected span: label, text, note.
    if (doc && !selected_span_.empty()) {
        if (const Span* s = doc->find_span(selected_span_)) {
            section_title("SELECTED SPAN");
            text_item(fonts_, s->label);
            ImGui::SameLine();
            ImGui::Text(" [%zu, %zu)", s->start, s->end);
            const std::string_view text = doc->span_text(*s);
            ImGui::PushTextWrapPos(0);
            text_item(fonts_, utf8_prefix(text, 400));
            ImGui::PopTextWrapPos();
            if (note_span_ != s->id) { note_span_ = s->id; note_edit_ = s->note; }
            // Leaving the field keeps what was typed, Esc too (ImGui's Esc would revert it).
            InputTextMultilineString("##note", note_edit_, ImVec2(-1, 54));
            if (ImGui::IsItemActive()) note_typed_ = note_edit_;
            if (ImGui::IsItemDeactivated()) {
                note_edit_ = note_typed_;
                if (note_edit_ != s->note) request_note(s->id, note_edit_);
            }
            ImGui::TextDisabled("Note · R: relate · Del: delete");
        }
    }

    if (auto clicked = import_review_.draw(fonts_)) jump_to_annotation(clicked->doc, clicked->annotation);

    section_title("ANNOTATIONS");
    ImGui::SetNextItemWidth(-1);
    InputTextString("##filter", "filter by label or text", list_filter_);
    const float list_pad = begin_row_list("##annotations");
    drawn_list_ = {ImGui::GetWindowDrawList()->GetClipRectMin(), ImGui::GetWindowDrawList()->GetClipRectMax(), {}};
    if (doc) {
        // Rows are rebuilt only when the document, its content or the filter changes (documents
        // can hold 50,000 spans); the clipper draws only the visible ones.
        const AnnotationListKey key{doc->id(), session_.revision(), list_filter_};
        if (!(key == list_key_)) {
            list_key_ = key;
            list_rows_.clear();
            for (std::size_t i = 0; i < doc->span_count(); ++i) {
                const Span& s = doc->span_at(i);
                if (list_filter_.empty() || s.label.find(list_filter_) != std::string::npos ||
                    doc->span_text(s).find(list_filter_) != std::string_view::npos)
                    list_rows_.push_back({false, i});
            }
            for (std::size_t i = 0; i < doc->relations().size(); ++i) {
                const Relation& rel = doc->relations()[i];
                if (list_filter_.empty() || rel.type.find(list_filter_) != std::string::npos) list_rows_.push_back({true, i});
            }
        }
        // A span selected elsewhere (in the text, by Tab): its row comes into view, once.
        if (selected_span_ != list_shown_selection_) {
            list_shown_selection_ = selected_span_;
            const auto pos = selected_span_.empty() ? std::nullopt : doc->position_of(selected_span_);
            for (std::size_t r = 0; pos && r < list_rows_.size(); ++r)
                if (!list_rows_[r].relation && list_rows_[r].index == *pos) {
                    // The row's highlight: its line and the item spacing around it, half above.
                    const float row_h = ImGui::GetTextLineHeightWithSpacing();
                    const float top = list_pad + static_cast<float>(r) * row_h - std::floor(ImGui::GetStyle().ItemSpacing.y * 0.5f);
                    if (top < ImGui::GetScrollY() || top + row_h > ImGui::GetScrollY() + ImGui::GetWindowHeight())
                        ImGui::SetScrollY(top - ImGui::GetWindowHeight() * 0.4f);
                    break;
                }
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(list_rows_.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const AnnotationRow row = list_rows_[static_cast<std::size_t>(r)];
                if (!row.relation) {
                    const Span& s = doc->span_at(row.index);
                    ImGui::PushID(s.id.c_str());
                    const EntityType* type = schema.find_entity(s.label);
                    color_swatch(parse_hex_color(type ? std::string_view(type->color) : std::string_view("#888888")), 10.0f);
                    const std::string label = span_row(*doc, s);
                    if (selectable(fonts_, label, s.id == selected_span_)) {
                        select_span(s.id);
                        (void)view_.scroll_to(s.start, true);
                        view_.flash(s.start, s.end, ImGui::GetTime());
                    }
                    drawn_list_.rows.push_back({s.id, label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
                    ImGui::PopID();
                } else {
                    const Relation& rel = doc->relations()[row.index];
                    const Span* h = doc->find_span(rel.head);
                    const Span* t = doc->find_span(rel.tail);
                    if (!h || !t) continue;
                    const std::string line = relation_row(*doc, *h, rel.type, *t);
                    ImGui::PushID(rel.id.c_str());
                    if (selectable(fonts_, line, rel.id == selected_relation_)) {
                        select_relation(rel.id);
                        (void)view_.scroll_to(h->start, true);
                    }
                    drawn_list_.rows.push_back({rel.id, line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
                    ImGui::PopID();
                }
            }
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

void App::draw_status_bar(ImVec2 min, ImVec2 max) {
    begin_panel("##status", min, max);
    ImGui::SetCursorPos(ImVec2(12, 5));
    if (current_document()) ImGui::TextDisabled("%s", document_summary().c_str());
    ImGui::SameLine(0, 24);
    const auto& st = platform::storage_status();
    const bool pending = has_unsaved_changes();
    const ImVec4 danger = ImGui::ColorConvertU32ToFloat4(theme_.danger);
    switch (st.state) {
        case platform::StorageState::Failed:
        case platform::StorageState::Unavailable: ImGui::TextColored(danger, "%s", st.message.c_str()); break;
        case platform::StorageState::ReadOnly:
            ImGui::TextColored(danger, "%s", st.message.c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Use it here")) platform::storage_take_over();
            break;
        default: ImGui::TextDisabled("%s", pending || st.state == platform::StorageState::Saving ? "Saving…" : "All changes saved");
    }
    if (st.used_bytes >= 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %.1f MB stored", st.used_bytes / 1e6);
    }
    const bool timed_out = message_scope_ == MessageScope::None && ImGui::GetTime() - message_time_ > (message_error_ ? 12.0 : 5.0);
    const float zoom_x = max.x - min.x - 60.0f;
    if (!message_.empty() && !timed_out) {
        ImGui::SameLine(0, 24);
        // Cut to the room left before the zoom figure, with an ellipsis; the whole text on hover.
        const float room = zoom_x - 12.0f - ImGui::GetCursorPosX();
        std::string shown = message_;
        if (ImGui::CalcTextSize(shown.c_str()).x > room) {
            std::size_t keep = shown.size();
            while (keep > 0 && ImGui::CalcTextSize((std::string(utf8_prefix(message_, keep)) + "…").c_str()).x > room) keep = keep * 9 / 10;
            shown = std::string(utf8_prefix(message_, keep)) + "…";
        }
        if (message_error_) ImGui::TextColored(danger, "%s", shown.c_str());
        else ImGui::TextUnformatted(shown.c_str());
        if (shown != message_ && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
            ImGui::TextUnformatted(message_.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "%d%%", static_cast<int>(zoom_ * 100.0f + 0.5f));
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, zoom_x));
    ImGui::TextDisabled("%s", zoom);
    ImGui::End();
}

void App::draw_rename_document() {
    if (rename_doc_.empty()) return;
    if (!ImGui::IsPopupOpen("Rename document")) ImGui::OpenPopup("Rename document");
    bool done = false;
    if (ImGui::BeginPopupModal("Rename document", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
        const bool enter = InputTextString("##doc-name", "name", rename_text_,
                                           ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        if (enter || ImGui::Button("Rename (Enter)")) {
            session_.queue(Command(cmd::SetDocName{rename_doc_, rename_text_}));
            done = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel (Esc)") || ImGui::IsKeyPressed(ImGuiKey_Escape)) done = true;
        if (done) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else {
        done = true;
    }
    if (done) rename_doc_.clear();
}

void App::refresh_document_labels() {
    const auto& docs = corpus().documents;
    if (doc_labels_key_ == std::make_pair(session_.revision(), docs.size())) return;
    doc_labels_key_ = {session_.revision(), docs.size()};
    doc_labels_.clear();
    doc_rows_.clear();
    std::map<std::string, int> seen;
    std::map<std::string, std::size_t, std::less<>> layers;  // layers per document id
    for (const Document& d : docs)
        if (d.is_layer()) ++layers[d.layer_of()];
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i];
        if (d.is_layer()) continue;  // a document's layers are in the layer bar above its text
        const int n = ++seen[d.name()];
        std::string label = n == 1 ? d.name() : d.name() + " (" + std::to_string(n) + ")";
        if (auto l = layers.find(d.id()); l != layers.end()) label += " · " + formats::counted(l->second + 1, "layer", "layers");
        doc_labels_.push_back(std::move(label));
        doc_rows_.push_back(i);
    }
}

std::string App::document_summary() const {
    const Document* doc = current_document();
    if (!doc) return {};
    return doc->name() + " · " + formats::counted(doc->span_count(), "span", "spans") + " · " +
           formats::counted(doc->relations().size(), "relation", "relations") + " · " +
           formats::counted(doc->length(), "code point", "code points");
}

void App::draw_first_run_hint(ImVec2 min, ImVec2 max) {
    const char* lines[] = {"Drag over words (or double-click one) to select, then press a label's key or pick it.",
                           "Click a label chip to select a span; drag from a chip to another span to relate them.",
                           "Or arrows move a caret and Shift selects; ? lists every key. Ctrl+Z undoes; work saves itself."};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = std::min(640.0f, max.x - min.x - 40.0f);
    const ImVec2 p0(min.x + (max.x - min.x - w) * 0.5f, max.y - 92.0f), p1(p0.x + w, max.y - 12.0f);
    dl->AddRectFilled(p0, p1, theme_.panel_bg | IM_COL32_A_MASK, 8.0f);  // opaque: the text under it does not show through
    dl->AddRect(p0, p1, theme_.border, 8.0f);
    for (int i = 0; i < 3; ++i)
        dl->AddText(ImVec2(p0.x + 16, p0.y + 10 + 22.0f * static_cast<float>(i)), theme_.text_muted, lines[i]);
}

}  // namespace inkspan::ui
