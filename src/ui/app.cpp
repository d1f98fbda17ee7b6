#include "ui/app.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/edit_announcement.h"
#include "core/inkspan_json.h"
#include "platform/browser.h"
#include "platform/preferences.h"
#include "platform/storage.h"

namespace inkspan::ui {
namespace {

constexpr const char* kFontPath = "/fonts/DejaVuSans.ttf";
constexpr const char* kSamplePath = "/assets/istanbul-talks.fr.txt";
constexpr const char* kSamplesPath = "/assets/samples.inkspan.json";  // "Add samples": ten languages
// Autosave serialises for about this long per timer tick, then lets the browser draw a frame.
constexpr double kSaveSliceMs = 6.0;
constexpr double kLayoutSliceMs = 3.0;  // idle layout per frame after a document opens (issue 16: < 4 ms)
constexpr std::size_t kSaveItemsPerStep = 256;  // spans or relations between two looks at the clock

std::string read_file(const char* path) {
    std::string data;
    if (FILE* f = std::fopen(path, "rb")) {
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
        std::fclose(f);
    }
    return data;
}

// A first visit: the sample article with the default schema.
Corpus sample_corpus() {
    Corpus corpus;
    corpus.schema = default_news_schema();
    auto doc = Document::create("d1", "istanbul-talks.fr.txt", read_file(kSamplePath));
    if (doc.ok()) {
        doc->set_created(platform::now_iso8601());
        doc->set_modified(doc->created());
        corpus.documents.push_back(std::move(doc.value()));
    }
    return corpus;
}

}  // namespace

App::App() : session_(sample_corpus(), platform::now_iso8601, platform::monotonic_ms) {
    const std::string ttf = read_file(kFontPath);
    font_set_.set_body_font(std::vector<char>(ttf.begin(), ttf.end()));
    apply_theme();
    user_name_ = user_name_edit_ = platform::preference("annotator.name").value_or("");
    const std::string restored = platform::take_restored_corpus();
    sync_storage_state();
    if (!restored.empty()) {
        auto corpus = parse_inkspan_json(restored);
        if (corpus.ok()) {
            session_.reset(std::move(corpus.value()));
        } else {
            // Keep the stored copy untouched (we do not save over it until the user edits) and say so.
            show_message("The stored corpus could not be read (" + corpus.error().message +
                         "). It is left as it was; the sample is shown instead.", true);
        }
    } else {
        session_.mark_all_unsaved();  // first visit: store the sample so a reload finds it
        schedule_save();
    }
    // A read-only tab's notice stays in the status bar's save slot: not a second time beside it.
    if (const auto& st = platform::storage_status(); !st.message.empty() && st.state != platform::StorageState::ReadOnly)
        show_message(st.message, true);
}

const Document* App::current_document() const {
    const auto& docs = corpus().documents;
    return current_doc_ < docs.size() ? &docs[current_doc_] : nullptr;
}

void App::load_fonts(float dpr) {
    dpr_ = dpr;
    fonts_ = build_fonts(font_set_.files(), zoom_);
    fonts_dirty_ = false;
    view_dirty_ = true;
}

bool App::fonts_need_rebuild() const {
    return fonts_dirty_ || (font_set_.changed() && !ImGui::IsMouseDown(ImGuiMouseButton_Left));
}

void App::update_font_needs() {
    const Document* doc = current_document();
    if (!fonts_.body) return;
    ImFont* font = fonts_.body;
    const auto has_glyph = [font](char32_t c) { return font->IsGlyphInFont(static_cast<ImWchar>(c)); };
    // The open document's text: scanned when another document (or text) is shown or the fonts
    // changed, not after each edit (annotating never changes the text).
    const FontTextKey text_key{doc ? doc->id() + "\n" + doc->language() : std::string(), doc ? doc->text().size() : 0, font};
    if (text_key != font_text_key_) {
        font_text_key_ = text_key;
        if (doc) {
            // The text is decoded once (a 350 KB Chinese text took ~10 ms of a first frame in the
            // browser when each step below decoded it again).
            const std::vector<char32_t> drawn = drawn_code_points(doc->text());
            // The document's language setting, else what its text says.
            std::string variant = cjk_variant_of_language(doc->language());
            if (variant.empty()) variant = detect_cjk_variant(drawn);
            font_set_.set_variant(variant, drawn);
            font_set_.want(drawn, has_glyph);
        }
    }
    // Names, labels and notes: after any change.
    const FontMetaKey key{session_.revision(), corpus().documents.size(), font};
    if (key == font_meta_key_) return;
    font_meta_key_ = key;
    if (doc)
        for (const Span& s : doc->spans())
            if (!s.note.empty()) font_set_.want(s.note, has_glyph);
    for (const Document& d : corpus().documents) {
        font_set_.want(d.name(), has_glyph);
        font_set_.want(d.annotator(), has_glyph);  // the layer bar, compare, agreement, adjudication
    }
    font_set_.want(user_name_, has_glyph);
    for (const EntityType& e : corpus().schema.entities) font_set_.want(e.name, has_glyph);
    for (const RelationType& r : corpus().schema.relations) font_set_.want(r.name, has_glyph);
}

std::vector<char32_t> App::missing_glyphs() {
    if (!fonts_.body) return {};
    std::vector<char32_t> missing;
    for (const char32_t c : font_set_.wanted_code_points())
        if (!font_set_.fetching(c) && !fonts_.body->IsGlyphInFont(static_cast<ImWchar>(c))) missing.push_back(c);
    return missing;
}

App::Backdrop App::backdrop() const {
    return {ImGui::ColorConvertU32ToFloat4(theme_.panel_bg), ImGui::ColorConvertU32ToFloat4(theme_.page_bg), page_min_, page_max_};
}

void App::rebuild_view_if_needed() {
    const Document* doc = current_document();
    if (!doc) return;
    if (view_dirty_ || view_.doc_id() != doc->id() || view_.direction() != doc->direction()) {
        view_.reset(*doc, corpus().schema, fonts_);
        view_dirty_ = false;
    }
}

void App::frame() {
    const double frame_start = platform::monotonic_ms();
    double settle_ms = 0;  // of this frame's work, the idle layout
    sync_storage_state();
    update_font_needs();
    rebuild_view_if_needed();
    if (pending_place_ && current_document()) {
        view_.restore(*pending_place_);
        pending_place_.reset();
    }
    if (relation_source_.empty()) end_scoped_message(MessageScope::RelationMode);
    if (pending_scroll_ && current_document()) {
        (void)view_.scroll_to(pending_scroll_->first, true);
        view_.flash(pending_scroll_->first, pending_scroll_->second, ImGui::GetTime());
        pending_scroll_.reset();
    }
    handle_shortcuts();
    run_queued_actions();  // controls the accessible mirror activated
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 p0 = vp->WorkPos, p1(vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y);
    const float toolbar_h = 44.0f, status_h = 28.0f;
    const float docs_w = show_documents_ ? 230.0f : 0.0f;
    const float side_w = std::min(320.0f, vp->WorkSize.x * 0.28f);
    cursor_ = "default";

    draw_toolbar(p0, ImVec2(p1.x, p0.y + toolbar_h));
    const float body_top = p0.y + toolbar_h, body_bottom = p1.y - status_h;
    focus_.place(Region::Toolbar, p0, ImVec2(p1.x, body_top));
    focus_.place(Region::Documents, ImVec2(p0.x, body_top), ImVec2(p0.x + docs_w, body_bottom));
    focus_.place(Region::Text, ImVec2(p0.x + docs_w, body_top), ImVec2(p1.x - side_w, body_bottom));
    focus_.place(Region::Side, ImVec2(p1.x - side_w, body_top), ImVec2(p1.x, body_bottom));
    focus_.place(Region::Status, ImVec2(p0.x, body_bottom), p1);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) focus_.follow_click(ImGui::GetIO().MousePos);
    if (show_documents_) draw_documents_panel(ImVec2(p0.x, body_top), ImVec2(p0.x + docs_w, body_bottom));
    if (compare_.is_open() || adjudication_.is_open()) draw_compare_panel(ImVec2(p1.x - side_w, body_top), ImVec2(p1.x, body_bottom));
    else draw_side_panel(ImVec2(p1.x - side_w, body_top), ImVec2(p1.x, body_bottom));

    // The reading area.
    const ImVec2 text_min(p0.x + docs_w, body_top), text_max(p1.x - side_w, body_bottom);
    page_min_ = text_min;
    page_max_ = text_max;
    ImGui::SetNextWindowPos(text_min);
    ImGui::SetNextWindowSize(ImVec2(text_max.x - text_min.x, text_max.y - text_min.y));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme_.page_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##reading", nullptr, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    float search_h = 0;
    if (search_.open) {
        search_h = 40.0f;
        draw_search_bar(text_min, ImVec2(text_max.x, text_min.y + search_h));
    }
    if (LayerBar::shown(corpus(), current_document())) {
        const ImVec2 bar_min(text_min.x, text_min.y + search_h);
        search_h += LayerBar::kHeight;
        if (const auto chosen = layer_bar_.draw(bar_min, ImVec2(text_max.x, text_min.y + search_h), corpus(),
                                                *current_document(), user_name_, theme_, fonts_))
            open_layer(*chosen);
    }
    if (current_document()) {
        apply(view_.handle_input(view_input(), ImVec2(text_min.x, text_min.y + search_h), text_max));
        view_.draw(view_input());
        // Idle layout yields to a busy view: none in the frame after one whose own work took longer
        // than a slice (the frame that first shows a document, whose pixels the browser is still
        // reading back; a burst of fresh lines while scrolling).
        const double settle_start = platform::monotonic_ms();
        if (view_.settle_layout(busy_frame_ms_ > kLayoutSliceMs ? 0.0 : kLayoutSliceMs)) platform::request_frames(1);
        settle_ms = platform::monotonic_ms() - settle_start;
        if (!ever_edited_ && current_document()->span_count() == 0 && selection_.empty())  // never over a selection
            draw_first_run_hint(ImVec2(text_min.x, text_min.y + search_h), text_max);
    } else {
        ImGui::SetCursorPos(ImVec2(40, 40));
        ImGui::TextDisabled("No document. Import a .txt or .json file (toolbar), drop one here, or paste text.");
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    draw_status_bar(ImVec2(p0.x, body_bottom), p1);
    draw_palette();
    if (const auto choice = import_question_.draw()) {
        if (import_question_.waiting) {  // a file the import needs: pick it, or give up
            if (*choice == ImportChoice::ChooseFile) platform::open_file_picker();
            else { show_message(import_question_.waiting->needs + ": import cancelled", false); import_question_.waiting.reset(); }
        } else {
            finish_import(*choice);
        }
    }
    statistics_.draw(corpus(), theme_, fonts_);
    download_agreement(agreement_.draw(corpus(), session_.revision(), current_document(), theme_, fonts_));
    focus_.window_has_keys = agreement_.has_keys;
    help_.draw(corpus().schema, theme_);
    focus_.apply(theme_);
    apply_pending();
    if (add_samples_) {
        add_samples_ = false;
        (void)import_file("samples.inkspan.json", read_file(kSamplesPath));  // the path of a dropped file
    }
    schedule_save();
    update_accessible_view();
    busy_frame_ms_ = platform::monotonic_ms() - frame_start - settle_ms;
}

// ---- the panels --------------------------------------------------------------------------------

void App::draw_palette() {
    const Document* doc = current_document();
    if (!palette_.is_open()) return;
    if (!doc) { palette_.close(); return; }
    Palette::Offer offer{&corpus().schema, &theme_, &fonts_, {}, {}};
    if (palette_.mode == PaletteMode::Relation) {
        const Span* h = doc->find_span(selected_span_);
        const Span* t = doc->find_span(relation_tail_);
        if (!h || !t) { palette_.close(); return; }
        offer.head_label = h->label;
        offer.tail_label = t->label;
    }
    const PaletteMode mode = palette_.mode;
    const auto chosen = palette_.draw(offer);
    if (!palette_.is_open() && !chosen) { clear_selection(); return; }  // Esc: the selection goes too
    if (!chosen) return;
    if (mode == PaletteMode::Label) request_label(*chosen);
    else request_relation_type(*chosen);
}

void App::draw_search_bar(ImVec2 min, ImVec2 max) {
    if (const auto label = search_.draw(min, max, current_document(), session_.revision(), corpus().schema, theme_))
        request_annotate_all(*label);
}

// ---- the text view -----------------------------------------------------------------------------

ViewInput App::view_input() const {
    ViewInput in{current_document(), &theme_, selection_, selected_span_, selected_relation_,
                 hovered_span_, hovered_relation_, relation_source_, snap_words_};
    in.has_keyboard = focus_.text_has_keys() && !ImGui::GetIO().WantTextInput && !palette_.is_open() && !help_.open &&
                      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!relation_source_.empty()) in.relation_focus_id = relation_focus_;
    in.matches = search_.shown_matches();
    if (compare_.is_open()) in.compare_marks = &compare_.marks();
    return in;
}

void App::apply(const ViewEvents& events) {
    if (events.hover) set_hover(events.hover->span, events.hover->relation);
    if (events.cursor) cursor_ = events.cursor;
    for (const ViewRequest& r : events.requests) {
        std::visit([&](const auto& q) {
            using T = std::decay_t<decltype(q)>;
            if constexpr (std::is_same_v<T, view_request::SelectText>) set_text_selection(q.anchor, q.caret, q.open_palette);
            else if constexpr (std::is_same_v<T, view_request::SelectSpan>) select_span(q.id);
            else if constexpr (std::is_same_v<T, view_request::SelectRelation>) select_relation(q.id);
            else if constexpr (std::is_same_v<T, view_request::ClearSelection>) clear_selection();
            else request_relation(q.head, q.tail);
        }, r);
    }
}

// ---- the one place commands are applied -------------------------------------------------------

// The code point ranges whose lines may need other band heights after `command`: the spans it
// touches and the spans at the other end of their relations (arc rows). Taken before applying,
// while deleted spans still exist. nullopt: the whole text (schema edits).
std::optional<App::Ranges> App::touched_ranges(const Edit& edit) const {
    const Command* command = std::get_if<Command>(&edit);
    if (!command) return std::nullopt;  // batches, undo and redo: the whole text
    Ranges ranges;
    const Document* doc = current_document();
    auto add_span = [&](const std::string& id, bool with_partners) {
        if (!doc) return;
        const Span* s = doc->find_span(id);
        if (!s) return;
        ranges.emplace_back(s->start, s->end);
        if (!with_partners) return;
        doc->for_each_relation_of(id, [&](const Relation& r) {
            for (const std::string* other : {&r.head, &r.tail})
                if (const Span* o = doc->find_span(*other)) ranges.emplace_back(o->start, o->end);
        });
    };
    bool whole = false;
    std::visit([&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, cmd::AddSpan>) ranges.emplace_back(c.start, c.end);
        else if constexpr (std::is_same_v<T, cmd::DeleteSpan> || std::is_same_v<T, cmd::SetSpanLabel>) add_span(c.span, true);
        else if constexpr (std::is_same_v<T, cmd::AddRelation>) { add_span(c.head, false); add_span(c.tail, false); }
        else if constexpr (std::is_same_v<T, cmd::DeleteRelation> || std::is_same_v<T, cmd::SetRelationType>) {
            if (const Relation* r = doc ? doc->find_relation(c.relation) : nullptr) { add_span(r->head, false); add_span(r->tail, false); }
        } else if constexpr (std::is_same_v<T, cmd::SetSpanNote> || std::is_same_v<T, cmd::SetSpanAttribute> ||
                             std::is_same_v<T, cmd::SetDocStatus> || std::is_same_v<T, cmd::SetDocAnnotator>) {
            // no change to what the view draws above lines
        } else {
            whole = true;
        }
    }, *command);
    if (whole) return std::nullopt;
    return ranges;
}

void App::after_edit(const Edit& edit, const std::optional<Ranges>& touched, const EditOutcome& outcome) {
    if (!outcome.status.ok()) {
        report_refusal(outcome.status, true);
        return;
    }
    if (outcome.effect.empty()) return;
    ever_edited_ = true;
    const edit::Effect& e = outcome.effect;
    if (const Command* c = std::get_if<Command>(&edit)) {
        if (std::holds_alternative<cmd::AddSpan>(*c) || std::holds_alternative<cmd::DeleteSpan>(*c)) selected_span_.clear();
        if (std::holds_alternative<cmd::DeleteRelation>(*c)) selected_relation_.clear();
    }
    platform::request_frames();
    if (e.schema || !e.inserted.empty() || !e.removed.empty()) {
        // The view is built again before the next frame draws: documents were added or removed (the
        // view's document may have moved in memory) or the schema changed. Do not touch it now.
        view_dirty_ = true;
        return;
    }
    if (touched) for (const auto& [a, b] : *touched) view_.spans_changed(a, b);
    else if (const Document* d = current_document()) view_.spans_changed(0, d->length());
}

void App::apply_pending() {
    if (!session_.has_queued()) return;
    // The ranges each edit touches, and what it will be announced as, are taken before it applies,
    // while deleted spans still exist.
    struct Applied { Edit edit; std::optional<Ranges> touched; std::string announcement; };
    std::vector<Applied> applied;
    const auto outcomes = session_.apply_queued([&](const Edit& e) {
        const Command* c = std::get_if<Command>(&e);
        const Document* doc = current_document();
        applied.push_back({e, touched_ranges(e), c && doc ? announce_edit(*doc, *c) : std::string()});
    });
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        after_edit(applied[i].edit, applied[i].touched, outcomes[i]);
        if (outcomes[i].status.ok() && !outcomes[i].effect.empty() && !applied[i].announcement.empty())
            show_message(applied[i].announcement, false);
    }
}

// ---- persistence ------------------------------------------------------------------------------

void App::sync_storage_state() {
    session_.set_read_only(platform::storage_status().state == platform::StorageState::ReadOnly);
}

void App::report_refusal(const Status& status, bool error) {
    if (session_.read_only() && status.error().message == EditSession::kReadOnlyMessage) {
        if (read_only_told_) return;
        read_only_told_ = true;
    }
    show_message(status.error().message, error);
}

void App::take_over(const std::string& stored) {
    sync_storage_state();
    read_only_told_ = false;
    if (!stored.empty()) {
        auto parsed = parse_inkspan_json(stored);
        if (!parsed.ok()) {
            // As at start-up: the stored copy stays as it is until the user edits here.
            show_message("This tab now holds the corpus, but what the other tab stored could not be read (" +
                             parsed.error().message + "). This tab's copy is kept.", true);
            return;
        }
        const std::string open_id = current_document() ? current_document()->id() : std::string();
        session_.reset(std::move(parsed.value()));
        clear_selection();
        selection_ = {};
        places_.clear();
        pending_place_.reset();
        const auto& docs = corpus().documents;
        const auto open = std::find_if(docs.begin(), docs.end(), [&](const Document& d) { return d.id() == open_id; });
        current_doc_ = open == docs.end() ? 0 : static_cast<std::size_t>(open - docs.begin());
        view_dirty_ = true;
    } else {
        session_.mark_all_unsaved();  // nothing stored yet: store this tab's copy
        schedule_save();
    }
    show_message("This tab now holds the corpus: your edits here are saved.", false);
}

void App::schedule_save() {
    if (const auto due = session_.saves().due_at())
        platform::schedule_autosave(static_cast<int>(std::max(0.0, *due - platform::monotonic_ms())));
}

void App::autosave() { write_saves(kSaveSliceMs); }

void App::save_now() { write_saves(std::numeric_limits<double>::infinity()); }

void App::write_saves(double budget_ms) {
    sync_storage_state();
    if (!save_writer_) {
        auto batch = session_.saves().take_batch(platform::monotonic_ms());
        if (!batch) { schedule_save(); return; }
        save_writer_.emplace(std::move(*batch));
    }
    if (!save_writer_->finished(session_.revision())) {
        const double t0 = platform::monotonic_ms();
        bool done = false;
        do {
            done = save_writer_->step(corpus(), session_.revision(), kSaveItemsPerStep);
        } while (!done && platform::monotonic_ms() - t0 < budget_ms);
        // The rest, or the hand-over (a copy of each document's bytes), on the next tick, after the
        // browser has drawn and handled input.
        if (!done || budget_ms != std::numeric_limits<double>::infinity()) {
            platform::schedule_autosave(0);
            return;
        }
    }
    SavedRecords records = save_writer_->take();
    save_writer_.reset();
    std::vector<platform::DocumentRecord> changed;
    changed.reserve(records.documents.size());
    for (auto& [id, json] : records.documents) changed.push_back({id, std::move(json)});
    platform::storage_save(changed, records.removed, records.schema_json, records.order);
}

void App::on_storage_result(SaveResult result) {
    session_.saves().on_result(result, platform::monotonic_ms());
    schedule_save();
}

std::string App::state_json() const { return write_inkspan_json(corpus()); }

bool App::has_unsaved_changes() const { return session_.saves().has_unsaved(); }

}  // namespace inkspan::ui
