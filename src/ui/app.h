#pragma once
// The application: owns the EditSession (corpus, undo history, the one edit path, what is
// unsaved), the text view and the panels, and wires them; builds one ImGui frame at a time. The
// panels own their state and return what the user asked; the text view returns ViewEvents; the
// request_* verbs queue edits, applied after the widgets (apply_pending); undo, redo, annotate-all
// and imports submit at once. Autosave writes the SaveQueue's batches in slices. The host
// (src/host_web/) drives frames and forwards what the platform and the automation API report.
#include <imgui.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/accessible_view.h"
#include "core/byte_source.h"
#include "core/corpus.h"
#include "core/edit_session.h"
#include "core/save_batch_writer.h"
#include "core/schema_fit.h"
#include "core/utf8_text.h"
#include "ui/agreement_panel.h"
#include "ui/adjudication_bar.h"
#include "ui/compare_view.h"
#include "ui/export_dialog.h"
#include "ui/font_set.h"
#include "ui/fonts.h"
#include "ui/import_question.h"
#include "ui/import_review.h"
#include "ui/keyboard_help.h"
#include "ui/labels_editor.h"
#include "ui/layer_bar.h"
#include "ui/palette.h"
#include "ui/region_focus.h"
#include "ui/search_bar.h"
#include "ui/statistics_panel.h"
#include "ui/text_view.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct ImportOutcome {
    bool ok = false;       // something was imported, or a question about it waits (pending)
    std::string message;  // what happened, or what is wrong (names the file and the place)
    bool pending = false;  // the import waits for the user's answer (new labels, clashes)
};

class App {
public:
    App();

    // ---- driven by the platform
    void load_fonts(float dpr);
    // Zoom, or fallback fonts arrived (applied between drags, so nothing moves under the mouse).
    [[nodiscard]] bool fonts_need_rebuild() const;
    // For native hosts (the benchmark): the body font, instead of the browser's /fonts file.
    void set_font_data(const std::vector<char>& ttf) { font_set_.set_body_font(ttf); }
    // Code points of the texts the app shows (documents, names, labels, notes) that no built font
    // has although no fetch is pending for them (drawn as the missing-glyph box, shaped or not);
    // and the font fetches still under way.
    [[nodiscard]] std::vector<char32_t> missing_glyphs();
    [[nodiscard]] int fonts_pending() const { return font_set_.pending(); }
    [[nodiscard]] std::vector<std::string> fonts_loaded() const { return font_set_.loaded(); }
    // Off: the text view draws every line afresh each frame (the benchmark compares both).
    void set_line_cache(bool on) { view_.set_line_cache(on); }
    [[nodiscard]] std::size_t lines_replayed() const { return view_.lines_replayed(); }
    [[nodiscard]] std::size_t matches_drawn() const { return view_.matches_drawn(); }
    [[nodiscard]] const TextView& text_view() const { return view_; }  // what it drew (tests)
    // The annotation list as the last frame drew it (tests): the area it shows and its drawn rows
    // (a span's or a relation's id, the row's text), in screen px.
    struct DrawnListRow { std::string id, text; ImVec2 min, max; };
    struct DrawnList { ImVec2 min, max; std::vector<DrawnListRow> rows; };
    [[nodiscard]] const DrawnList& drawn_annotation_list() const { return drawn_list_; }
    [[nodiscard]] const LayoutStats* layout_stats() const { return view_.layout_stats(); }  // the open document's
    void frame();  // everything between ImGui::NewFrame() and ImGui::Render()
    // What the host clears the frame to before ImGui draws it: the panels' colour, then the
    // reading area (page_min..page_max, screen px, as the last frame placed it) in the page
    // colour. No panel and not the reading area fills a background of its own: in a browser
    // without a GPU every blended pixel costs (SwiftShader), a clear is a memset.
    struct Backdrop { ImVec4 panel, page; ImVec2 page_min, page_max; };
    [[nodiscard]] Backdrop backdrop() const;
    [[nodiscard]] const char* wants_cursor() const { return cursor_; }
    // The save timer fired: writes a slice of the pending batch (a few ms), then asks for the
    // timer again until the batch is handed to storage.
    void autosave();
    // Writes everything pending at once (another tab takes the corpus over; native tests).
    void save_now();
    // This read-only tab now holds the corpus (the writing tab closed, died or let go): `stored`,
    // what that tab saved (inkspan JSON, "" if nothing), replaces this tab's copy; edits are saved
    // from now on, and the status bar says so once.
    void take_over(const std::string& stored);
    void on_storage_result(SaveResult result);

    // ---- automation API
    [[nodiscard]] std::string state_json() const;
    [[nodiscard]] bool has_unsaved_changes() const;
    std::optional<ImVec4> locate(const std::string& doc_id, std::size_t cp);
    ImportOutcome import_file(const std::string& name, std::string_view bytes);  // also pasted text
    // A file the page keeps: an inkspan JSON file is read from it a window at a time, never whole
    // (issue 15); any other file is read whole and goes through import_files.
    ImportOutcome import_file(const std::string& name, const ByteSource& file);
    // Several files dropped or picked together (brat's .txt + .ann pairs travel this way). Taken
    // whole: their UTF-8 is checked once here, and the readers take them as checked.
    ImportOutcome import_files(std::map<std::string, std::string> files);
    // `annotator`: "" = the documents (dataset formats leave layers out), else each document's layer
    // by that annotator ("gold": the gold layer); documents without one are left out.
    [[nodiscard]] std::map<std::string, std::string> export_as(const std::string& format, const std::string& doc_id,
                                                               const std::string& annotator = "") const;

    // ---- accessibility (issue 19; ui/app_accessibility.cpp)
    // What the accessible mirror shows, rebuilt at the end of a frame when it changed; the version
    // grows with each change (the host hands the page a new description only then).
    [[nodiscard]] const AccessibleView& accessible_view() const { return a11y_view_; }
    [[nodiscard]] std::uint64_t accessible_version() const { return a11y_version_; }
    // A mirrored control was activated ("undo", "doc:2", "span:T1", "label:PER", "select:5:12"):
    // done in the next frame, by the same code the canvas's control runs.
    void queue_action(std::string action);
    // The page's media preferences: prefers-color-scheme: dark, prefers-contrast: more,
    // prefers-reduced-motion: reduce.
    void set_preferences(bool dark, bool high_contrast, bool reduced_motion);

    // ---- read by the panels and the text view
    [[nodiscard]] const Corpus& corpus() const { return session_.corpus(); }
    [[nodiscard]] const EditSession& session() const { return session_; }
    [[nodiscard]] const Document* current_document() const;
    [[nodiscard]] const Theme& theme() const { return theme_; }
    [[nodiscard]] const Fonts& fonts() const { return fonts_; }
    [[nodiscard]] const TextSelection& selection() const { return selection_; }
    [[nodiscard]] const std::string& selected_span() const { return selected_span_; }
    [[nodiscard]] const std::string& selected_relation() const { return selected_relation_; }
    [[nodiscard]] const std::string& hovered_span() const { return hovered_span_; }
    [[nodiscard]] const std::string& hovered_relation() const { return hovered_relation_; }
    [[nodiscard]] const std::string& relation_source() const { return relation_source_; }  // "R" mode
    [[nodiscard]] bool snap_to_words() const { return snap_words_; }
    [[nodiscard]] const std::string& status_message() const { return message_; }  // the status bar's
    // "talks.txt · 1 span · 2 relations · 1,204 code points".
    [[nodiscard]] std::string document_summary() const;
    [[nodiscard]] const SearchBar& search_bar() const { return search_; }
    [[nodiscard]] const Palette& palette() const { return palette_; }
    [[nodiscard]] Region keyboard_region() const { return focus_.current; }  // F6
    [[nodiscard]] bool keyboard_help_open() const { return help_.open; }      // `?`
    [[nodiscard]] const AgreementPanel& agreement_panel() const { return agreement_; }
    [[nodiscard]] AgreementPanel& agreement_panel() { return agreement_; }  // tests set its work budget
    [[nodiscard]] ViewInput view_input() const;  // what the text view shows

    // ---- requests from the UI (gestures) — they queue commands or change UI state
    void set_text_selection(std::size_t anchor, std::size_t caret, bool open_palette);
    void select_span(const std::string& span_id);
    void select_relation(const std::string& relation_id);
    void clear_selection();
    void set_hover(const std::string& span_id, const std::string& relation_id);
    void request_label(const std::string& label);  // selection → new span; selected span → relabel
    void request_relation(std::string head, std::string tail);  // by value: callers pass UI state this clears
    void request_relation_type(const std::string& type);
    void request_delete_selected();
    void request_note(const std::string& span_id, const std::string& note);
    void request_doc_status(const std::string& doc_id, DocStatus status);
    void request_doc_language(const std::string& doc_id, const std::string& language);  // "" = automatic
    void request_annotate_all(const std::string& label);
    void request_schema(Command command);
    void start_relation_from(const std::string& span_id);
    void open_document(std::size_t index);
    // Another member of the open document's group (a layer): the same place in the same text.
    void open_layer(const std::string& doc_id);
    // Who is annotating here (a preference, asked on first use); names the annotator of new documents.
    [[nodiscard]] const std::string& user_name() const { return user_name_; }
    // Also gives the name to the documents that have no annotator; returns how many.
    std::size_t set_user_name(std::string name);
    // Removes the document (one undo step: Ctrl+Z brings it back) and says so.
    void delete_document(const std::string& doc_id);
    // Text pasted onto the page: a new document, said, and undoable.
    void paste_as_document(const std::string& text);
    // Opens the document and selects the span or relation (scrolled into view next frame).
    void jump_to_annotation(const std::string& doc_id, const std::string& annotation_id);
    void undo();
    void redo();
    void download_current();
    void download_corpus();
    void download_export();  // the Export dialog's choice
    void download_schema();
    void download_agreement(AgreementPanel::Request format);  // the report the panel shows
    void show_message(std::string text, bool error);

    // ---- compare and adjudicate (issue 18; ui/app_compare.cpp)
    [[nodiscard]] const CompareView& compare_view() const { return compare_; }
    [[nodiscard]] const AdjudicationBar& adjudication() const { return adjudication_; }
    void toggle_compare();     // F8, "Compare…"
    void open_adjudication();  // F9, "Adjudicate…"

private:
    using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
    void apply_pending();
    // The palette for code points [start, end): below them, or above when there is no room.
    void open_palette_by(PaletteMode mode, std::size_t start, std::size_t end);
    // What the view redraws and the app says after an edit went through the session.
    void after_edit(const Edit& edit, const std::optional<Ranges>& touched, const EditOutcome& outcome);
    [[nodiscard]] std::optional<Ranges> touched_ranges(const Edit& edit) const;
    void sync_storage_state();  // the tab became read-only (or took the corpus over)
    // A refused edit's message; "this tab is read-only" only the first time (the status bar keeps saying it).
    void report_refusal(const Status& status, bool error);
    bool read_only_told_ = false;
    void schedule_save();       // asks the platform to call autosave() when the save queue is due
    void write_saves(double budget_ms);  // serialises the pending batch for about budget_ms
    void handle_shortcuts();
    // app_keyboard.cpp: F6 (even from a text field); help, Enter on a span, relate mode. True
    // when they used this frame's keys.
    bool handle_region_keys();
    bool handle_keyboard();
    bool handle_relate_keys(const Document& doc);
    void rebuild_view_if_needed();
    void apply(const ViewEvents& events);
    void draw_toolbar(ImVec2 min, ImVec2 max);
    void draw_documents_panel(ImVec2 min, ImVec2 max);
    void draw_rename_document();  // the name field for rename_doc_, while one is being renamed
    void draw_language_combo(const Document& doc);
    void draw_direction_combo(const Document& doc);
    void draw_user_name();  // "You: [name]" in the documents panel
    void draw_side_panel(ImVec2 min, ImVec2 max);
    void draw_status_bar(ImVec2 min, ImVec2 max);
    void draw_first_run_hint(ImVec2 min, ImVec2 max);
    void draw_palette();  // and acts on its choice
    void draw_search_bar(ImVec2 min, ImVec2 max);
    void run_action(std::string_view action);  // a toolbar or panel control, canvas or mirror
    void run_queued_actions();
    void apply_theme();
    void update_accessible_view();  // at the end of a frame
    [[nodiscard]] std::vector<MirrorControl> toolbar_controls() const;
    [[nodiscard]] std::vector<MirrorControl> panel_controls() const;
    [[nodiscard]] std::string status_words() const;  // the status bar's counts
    // An inkspan JSON file, already recognised as one (read a window at a time).
    ImportOutcome import_inkspan(const std::string& name, const ByteSource& file);
    ImportOutcome stage_import(const std::string& file_name, Corpus incoming, std::vector<std::string> notes,
                               std::vector<SchemaViolation> violations = {},
                               std::optional<TagColumnQuestion> tag_column = {});
    // Plain text files (.txt or no extension), a document each.
    ImportOutcome import_texts(const std::string& label, const Utf8Files& files);
    // import_files after the UTF-8 check (`label` names the files in its messages).
    ImportOutcome import_checked(const std::string& label, Utf8Files checked);
    ImportOutcome refuse_import(const std::string& label, const std::string& why);
    [[nodiscard]] static bool is_plain_text_name(const std::string& name);
    // The user's earlier answers that change how files are read (the CoNLL tag column); remembering one.
    [[nodiscard]] static formats::ImportOptions import_options();
    static void remember_tag_column(std::size_t columns, std::size_t column);
    bool finish_import(ImportChoice choice);  // true when something was imported
    [[nodiscard]] std::string fresh_document_id(const std::set<std::string>& also_taken = {}) const;

    EditSession session_;  // the corpus, its history, the one edit path and what is unsaved
    std::optional<SaveBatchWriter> save_writer_;  // the batch being serialised, slice by slice
    std::size_t current_doc_ = 0;

    Theme theme_;
    bool dark_ = false, high_contrast_ = false, reduced_motion_ = false;
    Fonts fonts_;
    bool add_samples_ = false;  // the documents panel's "Add samples" was pressed
    FontSet font_set_;
    // The last frame's own work, without its idle layout (settle_layout yields after a busy one).
    double busy_frame_ms_ = 0;
    // What update_font_needs last scanned: the open document's text, and the rest of the model.
    using FontTextKey = std::tuple<std::string, std::size_t, const ImFont*>;
    using FontMetaKey = std::tuple<std::uint64_t, std::size_t, const ImFont*>;
    FontTextKey font_text_key_{};
    FontMetaKey font_meta_key_{};
    void update_font_needs();
    bool fonts_dirty_ = true;
    float dpr_ = 1.0f, zoom_ = 1.0f;
    const char* cursor_ = "default";
    ImVec2 page_min_{}, page_max_{};  // the reading area, as the last frame placed it (backdrop)

    TextView view_;
    bool view_dirty_ = true;
    TextSelection selection_;
    std::string selected_span_, selected_relation_, hovered_span_, hovered_relation_;
    std::string relation_source_;  // span id while choosing a relation target ("R" or drag)
    std::string relation_tail_;    // chosen target while the relation palette is open
    std::string relation_focus_;   // the candidate target in keyboard relate mode (Tab moves it)
    bool snap_words_ = true;
    std::string note_span_, note_edit_;  // the note being edited in the side panel
    std::string note_typed_;             // its text as last typed (kept when Esc leaves the field)
    std::string list_filter_;            // annotation list filter
    struct AnnotationListKey {
        std::string doc;
        std::uint64_t revision = ~0ull;
        std::string filter;
        bool operator==(const AnnotationListKey&) const = default;
    };
    struct AnnotationRow { bool relation; std::size_t index; };
    AnnotationListKey list_key_;
    std::vector<AnnotationRow> list_rows_;
    std::string list_shown_selection_;  // the selected span whose row was last brought into view
    DrawnList drawn_list_;
    bool show_documents_ = true;

    // The panels, each owning its state.
    Palette palette_;
    SearchBar search_;
    ExportDialog export_;
    ImportQuestion import_question_;  // an import waiting for the user's choice
    ImportReview import_review_;      // what the last import kept against the rules
    std::optional<std::pair<std::size_t, std::size_t>> pending_scroll_;  // a jump's range, shown next frame
    // Each document's place and selection when it was left (by id), restored when it is opened.
    struct DocPlace { TextView::Place place; TextSelection selection; std::string span; };
    std::map<std::string, DocPlace> places_;
    std::optional<TextView::Place> pending_place_;
    std::string rename_doc_, rename_text_;  // the document being renamed and its new name
    std::vector<std::string> doc_labels_;  // the documents panel's names, "notes.txt (2)" for repeats
    std::vector<std::size_t> doc_rows_;    // the documents panel's rows: corpus indexes of documents, not layers
    void refresh_document_labels();        // after a change to the documents (the panel and the mirror)
    std::pair<std::uint64_t, std::size_t> doc_labels_key_{~0ull, 0};
    LabelsEditor labels_editor_;
    LayerBar layer_bar_;
    std::string user_name_;       // platform preference "annotator.name"
    std::string user_name_edit_;  // the side panel's field
    StatisticsPanel statistics_;
    AgreementPanel agreement_;
    KeyboardHelp help_;
    RegionFocus focus_;  // which region has the keyboard (F6)

    std::string message_;
    bool message_error_ = false;
    // A prompt or error that belongs to a mode goes when the mode ends ("Click the span this
    // relation points to" when the relation exists or Esc; a refused relation when the selection changes).
    enum class MessageScope { None, RelationMode, Selection };
    MessageScope message_scope_ = MessageScope::None;
    void end_scoped_message(MessageScope ended);
    double message_time_ = 0;
    std::uint64_t message_serial_ = 0;

    // The accessible mirror: the last description, its version, the key of its document list and
    // paragraphs (document, revision, visible range, open document: rebuilt only when it
    // changes), the controls the mirror activated.
    AccessibleView a11y_view_;
    std::uint64_t a11y_version_ = 0;
    std::tuple<std::string, std::uint64_t, std::size_t, std::size_t, std::size_t> a11y_key_{};
    std::vector<std::string> queued_actions_;
    bool open_export_ = false, open_labels_editor_ = false;  // asked by the mirror, opened in their window

    bool ever_edited_ = false;

    // Compare and adjudicate (ui/app_compare.cpp).
    CompareView compare_;
    AdjudicationBar adjudication_;
    bool handle_compare_keys();  // F8, F9; N, Esc, + - Enter, 1 2 3 0 E while one of them is open
    void draw_compare_panel(ImVec2 min, ImVec2 max);  // in place of the side panel while open
    void go_to_disagreement(std::size_t row);
    [[nodiscard]] const Document* gold_layer() const;  // of the group being adjudicated
    void start_adjudication();
    void apply_adjudication(const AdjudicationBar::Request& r);
    void submit_gold_edit(Edit edit);
    void go_to_step(std::size_t step);
    void next_step();  // the next disagreement not settled, or says all are
    [[nodiscard]] std::string what_next_to_adjudicate() const;  // "Enter: adjudicate \"x\" next (2 documents left)."
    void adjudicate_next_document();                             // Enter once every disagreement is settled
};

}  // namespace inkspan::ui
