// The C side of the automation API (window.inkspan, see docs/AUTOMATION.md) and of imports from
// the page: web/inkspan-api.js wraps these exported functions. Strings returned stay valid until the next call.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <vector>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/agreement_report.h"
#include "core/corpus_agreement.h"
#include "core/formats/format.h"
#include "core/layers.h"
#include "host_web/gl_mesh_store.h"
#include "host_web/host.h"
#include "platform/browser.h"
#include "platform/page_files.h"
#include "platform/storage.h"
#include "ui/app.h"
#include "ui/item_hooks/imgui_items.h"

namespace {

const char* hold(std::string s) {
    static std::string held;
    held = std::move(s);
    return held.c_str();
}

// {x, y, w, h} of a rectangle in screen px.
nlohmann::ordered_json box_json(ImVec2 min, ImVec2 max) {
    return {{"x", min.x}, {"y", min.y}, {"w", max.x - min.x}, {"h", max.y - min.y}};
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* inkspan_get_state() {
    return hold(inkspan::host::host().app->state_json());
}

EMSCRIPTEN_KEEPALIVE const char* inkspan_stats() {
    const auto s = inkspan::host::frame_stats();
    nlohmann::ordered_json j = {{"frames", s.frames}, {"frameMsLast", s.last_ms}, {"frameMsP50", s.p50_ms},
                                {"frameMsP95", s.p95_ms},
                                {"heapBytes", static_cast<double>(EM_ASM_DOUBLE({ return HEAPU8.length; }))}};
    inkspan::ui::App& app = *inkspan::host::host().app;
    // For tests that wait on the app rather than on the clock: its time (seconds, as ImGui counts
    // for double-clicks and long presses) and the text selection (code points).
    j["timeS"] = ImGui::GetTime();
    j["selectionStart"] = app.selection().start();
    j["selectionEnd"] = app.selection().end();
    const std::vector<char32_t> missing = app.missing_glyphs();
    j["missingGlyphs"] = missing.size();
    std::string list;  // the first few, as U+XXXX, to say which script lacks a font
    for (std::size_t i = 0; i < missing.size() && i < 16; ++i) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%sU+%04X", i ? " " : "", static_cast<unsigned>(missing[i]));
        list += buf;
    }
    j["missingCodePoints"] = list;
    // The last frame's text lines drawn from their WebGL buffers, and the meshes those hold.
    j["linesKept"] = app.lines_replayed();
    j["keptMeshes"] = inkspan::host::gl_mesh_store().size();
    j["fontsPending"] = app.fonts_pending();
    j["fontsLoaded"] = app.fonts_loaded();
    j["agreementCounting"] = app.agreement_panel().counting();  // the Agreement window is counting
    j["findOpen"] = app.search_bar().open;  // the find bar, and what its field holds
    j["findQuery"] = app.search_bar().query;
    const inkspan::host::Host& h = inkspan::host::host();
    if (h.rehearsal) {  // the import rehearsal, then the layout rehearsal, run while idle (main.cpp)
        const bool done = h.rehearsal->done() && h.layout_rehearsal && h.layout_rehearsal->done();
        j["rehearsal"] = {{"reads", h.rehearsal->reads()}, {"addedSpans", h.rehearsal->added_spans()},
                          {"layoutLines", h.layout_rehearsal ? h.layout_rehearsal->lines() : 0}, {"done", done},
                          {"failures", h.rehearsal->failures()}, {"ms", h.rehearsal_ms}, {"longestStepMs", h.rehearsal_longest_ms}};
    }
    return hold(j.dump());
}

}  // extern "C"

extern "C" {

// For tests (window.inkspan.testing.holdMemory): takes `megabytes` of heap, touched so the pages
// are really used, or gives it all back for 0; returns what the app can still allocate.
EMSCRIPTEN_KEEPALIVE double inkspan_test_hold_memory(int megabytes) {
    static std::vector<void*> held;
    for (void* p : held) std::free(p);
    held.clear();
    constexpr std::size_t kChunk = 8u << 20;
    for (std::size_t taken = 0; taken + kChunk <= static_cast<std::size_t>(std::max(0, megabytes)) << 20; taken += kChunk) {
        void* p = std::malloc(kChunk);  // malloc, not new: running out here returns null
        if (!p) break;
        std::memset(p, 1, kChunk);
        held.push_back(p);
    }
    return static_cast<double>(inkspan::platform::memory_available());
}

// {"state","message","pending","saves","usedBytes"}: what the status bar says about saving.
EMSCRIPTEN_KEEPALIVE const char* inkspan_storage_info() {
    using namespace inkspan::platform;
    const StorageStatus& st = storage_status();
    const char* names[] = {"unavailable", "read_only", "idle", "saving", "failed"};
    nlohmann::ordered_json j = {{"state", names[static_cast<int>(st.state)]}, {"message", st.message},
                                {"pending", inkspan::host::host().app->has_unsaved_changes()}, {"saves", st.saves},
                                {"usedBytes", st.used_bytes}};
    return hold(j.dump());
}

// {"docId","anchor","caret","span","relationSource"}: the text selection (anchor == caret: the
// keyboard caret alone), the selected span and the span a relation is being made from, in code points.
EMSCRIPTEN_KEEPALIVE const char* inkspan_selection() {
    const inkspan::ui::App& app = *inkspan::host::host().app;
    const inkspan::Document* doc = app.current_document();
    nlohmann::ordered_json j = {{"docId", doc ? doc->id() : std::string()}, {"anchor", app.selection().anchor},
                                {"caret", app.selection().caret}, {"span", app.selected_span()},
                                {"relationSource", app.relation_source()}};
    return hold(j.dump());
}

// {"x","y","w","h"} in page CSS px, or null for an unknown document or an offset past the end.
EMSCRIPTEN_KEEPALIVE const char* inkspan_locate(const char* doc_id, double offset) {
    if (offset < 0) return hold("null");
    const auto box = inkspan::host::host().app->locate(doc_id, static_cast<std::size_t>(offset));
    if (!box) return hold("null");
    nlohmann::ordered_json j = {{"x", box->x}, {"y", box->y}, {"w", box->z}, {"h", box->w}};
    return hold(j.dump());
}

// What the last frame drew, for tests that aim the real mouse at a widget or check geometry: in
// page CSS px (the canvas fills the page from its top-left corner, as locate's boxes).
// [{label, id, x, y, w, h, visible}]: the widgets (and windows, by name) with this label — the
// text before "##", or the whole label when `label` starts with "##"; `prefix`: starting with it;
// "" and prefix: all. Empty when Dear ImGui was built without the item hooks.
EMSCRIPTEN_KEEPALIVE const char* inkspan_items(const char* label, int prefix) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : inkspan::item_hooks::recorded_items()) {
        if (item.label.empty() || !inkspan::item_hooks::label_matches(item, label, prefix != 0)) continue;
        nlohmann::ordered_json j = {{"label", item.label}, {"id", item.id}};
        j.update(box_json(item.min, item.max));
        j["visible"] = item.visible;
        out.push_back(std::move(j));
    }
    return hold(out.dump());
}

// {chips: [{spanId, x, y, w, h}], arcs: [{relationId, points: [[x, y], ...], label: {x, y, w, h},
// onTop}]}: the label chips and relation paths the text view drew (onTop: drawn again above the
// others — the hovered relation, else the selected one).
EMSCRIPTEN_KEEPALIVE const char* inkspan_drawn_text_view() {
    const inkspan::ui::TextView& view = inkspan::host::host().app->text_view();
    nlohmann::ordered_json chips = nlohmann::ordered_json::array(), arcs = nlohmann::ordered_json::array();
    for (const auto& c : view.drawn_chips()) {
        nlohmann::ordered_json j = {{"spanId", c.span_id}};
        j.update(box_json(c.min, c.max));
        chips.push_back(std::move(j));
    }
    for (const auto& a : view.drawn_arcs()) {
        nlohmann::ordered_json points = nlohmann::ordered_json::array();
        for (ImVec2 p : a.points) points.push_back({p.x, p.y});
        arcs.push_back({{"relationId", a.relation_id}, {"points", std::move(points)}, {"label", box_json(a.label_min, a.label_max)},
                        {"onTop", a.relation_id == view.emphasised_on_top()}});
    }
    return hold(nlohmann::ordered_json({{"chips", std::move(chips)}, {"arcs", std::move(arcs)}}).dump());
}

// {list: {x, y, w, h}, rows: [{id, text, x, y, w, h, visible}]}: the area the annotation list
// shows and the rows it drew (a span's or a relation's id; visible: its whole height inside the area).
EMSCRIPTEN_KEEPALIVE const char* inkspan_drawn_annotations() {
    const auto& list = inkspan::host::host().app->drawn_annotation_list();
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r : list.rows) {
        nlohmann::ordered_json j = {{"id", r.id}, {"text", r.text}};
        j.update(box_json(r.min, r.max));
        j["visible"] = r.min.y >= list.min.y && r.max.y <= list.max.y;  // the list scrolls up and down
        rows.push_back(std::move(j));
    }
    return hold(nlohmann::ordered_json({{"list", box_json(list.min, list.max)}, {"rows", std::move(rows)}}).dump());
}

}  // extern "C"

namespace {

// Files dropped or picked together are announced one by one (add), then imported as one set
// (end), so brat's .txt/.ann pairs meet. Their bytes stay on the page (platform/page_files.h)
// until the import reads them.
struct StagedFile {
    std::string name;
    std::size_t size;
    int index;  // in the page's set
};
std::vector<StagedFile>& staged_files() {
    static std::vector<StagedFile> files;
    return files;
}

// Copies a page file whole into `out`, or says why it cannot: the heap may hold the bytes in
// total but not in one piece (a failed allocation aborts the app), so a probe of the copy's size
// plus a quarter says whether it fits. Volatile, or the compiler removes the malloc/free pair and
// assumes it succeeded.
std::optional<std::string> copy_whole(const StagedFile& file, std::string& out) {
    void* volatile probe =
        file.size < inkspan::platform::memory_available() ? std::malloc(file.size + file.size / 4 + 1) : nullptr;
    const bool fits = probe != nullptr;
    std::free(probe);
    if (!fits)
        return file.name + ": not enough memory to read the file (" + std::to_string(file.size >> 20) +
               " MB). Nothing was changed. Export your work and reload the page to free memory.";
    out.resize(file.size);
    if (file.size) inkspan::platform::PageFile(file.index, file.size).read(0, file.size, out.data());
    return std::nullopt;
}

// The set's import: a single inkspan JSON file is read from the page a window at a time, so the
// heap never holds it whole (issue 15: it grew by the file's size and never gave it back); other
// files and sets are copied whole into the heap, as the readers of the other formats need them.
inkspan::ui::ImportOutcome import_staged(inkspan::ui::App& app, const std::vector<StagedFile>& set) {
    if (set.size() == 1) {
        const inkspan::platform::PageFile page(set[0].index, set[0].size);
        if (inkspan::formats::sniff_format(set[0].name, page) == "inkspan") return app.import_file(set[0].name, page);
    }
    std::map<std::string, std::string> files;
    for (const StagedFile& file : set)
        if (auto failure = copy_whole(file, files[file.name])) {
            app.show_message(*failure, true);
            return {false, *failure};
        }
    return app.import_files(std::move(files));
}

}  // namespace

extern "C" {

// The page announces file `index` of the set it imports: `name`, `length` bytes (an over-limit
// size is refused by the page before it reads the file).
EMSCRIPTEN_KEEPALIVE void inkspan_import_add(const char* name, int length, int index) {
    staged_files().push_back({name, static_cast<std::size_t>(std::max(0, length)), index});
}

// {"ok","pending","error","message"}: ok only when something was imported or a question about it
// waits (pending); error is the message of a refused import, else null.
EMSCRIPTEN_KEEPALIVE const char* inkspan_import_end() {
    std::vector<StagedFile> set;
    set.swap(staged_files());
    const auto outcome = import_staged(*inkspan::host::host().app, set);
    inkspan::platform::request_frames();
    nlohmann::ordered_json j = {{"ok", outcome.ok}, {"pending", outcome.ok && outcome.pending},
                                {"error", outcome.ok ? nlohmann::json() : nlohmann::json(outcome.message)},
                                {"message", outcome.message}};
    return hold(j.dump());
}

// {file name: contents} of what the Export menu downloads for this format, scope and annotations
// (`annotator`: "" = the documents, else that annotator's layers, "gold" the gold layer).
EMSCRIPTEN_KEEPALIVE const char* inkspan_export_as(const char* format, const char* doc_id, const char* annotator) {
    const auto files = inkspan::host::host().app->export_as(format, doc_id, annotator);
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [name, text] : files) j[name] = text;
    return hold(j.dump());
}

// The agreement report of window.inkspan.agreement(docIds?, annotators?) as JSON (the shape is in
// docs/AUTOMATION.md), or {"error": "..."}. `args` is {"docIds": [...] | null, "annotators": [...] | null}.
EMSCRIPTEN_KEEPALIVE const char* inkspan_agreement(const char* args) {
    const auto error = [](const std::string& message) { return hold(nlohmann::json({{"error", message}}).dump()); };
    const nlohmann::json j = nlohmann::json::parse(args, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return error("agreement: the arguments are not readable");
    std::vector<std::string> lists[2];
    const char* names[2] = {"docIds", "annotators"};
    for (int k = 0; k < 2; ++k) {
        const auto it = j.find(names[k]);
        if (it == j.end() || it->is_null()) continue;
        const bool strings = it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_string(); });
        if (!strings) return error(std::string("agreement: ") + names[k] + " must be an array of strings");
        for (const auto& v : *it) lists[k].push_back(v.get<std::string>());
    }
    const auto report = inkspan::corpus_agreement(inkspan::host::host().app->corpus(), lists[0], lists[1]);
    if (!report.ok()) return error(report.error().message);
    return hold(inkspan::agreement_json(*report));
}

// The adjudication under way, as window.inkspan.adjudication() gives it (docs/AUTOMATION.md):
// {phase: "closed"|"setup"|"steps", group, annotators (chosen), quorum, current, settled,
//  steps: [{start, end, relation, settled, options: [{annotators, spans: [{start, end, label}]}]}]}.
EMSCRIPTEN_KEEPALIVE const char* inkspan_adjudication() {
    using Phase = inkspan::ui::AdjudicationBar::Phase;
    const inkspan::ui::App& app = *inkspan::host::host().app;
    const inkspan::ui::AdjudicationBar& bar = app.adjudication();
    const char* phases[] = {"closed", "setup", "steps"};
    nlohmann::ordered_json j = {{"phase", phases[static_cast<int>(bar.phase())]}};
    if (bar.phase() == Phase::Closed) return hold(j.dump());
    j["group"] = bar.group();
    j["annotators"] = bar.chosen_annotators();
    j["quorum"] = bar.quorum();
    const inkspan::AdjudicationPlan* plan = bar.plan();
    if (bar.phase() != Phase::Steps || !plan) return hold(j.dump());
    const inkspan::Document* gold = inkspan::find_layer(app.corpus(), bar.group(), inkspan::kGoldAnnotator);
    j["current"] = bar.current();
    j["settled"] = bar.settled_count(gold);
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < plan->steps.size(); ++i) {
        const inkspan::AdjudicationStep& step = plan->steps[i];
        nlohmann::ordered_json options = nlohmann::ordered_json::array();
        for (const inkspan::AdjudicationOption& option : step.options) {
            nlohmann::ordered_json spans = nlohmann::ordered_json::array();
            for (const inkspan::Span& span : option.spans)
                spans.push_back({{"start", span.start}, {"end", span.end}, {"label", span.label}});
            options.push_back({{"annotators", option.annotators}, {"spans", std::move(spans)}});
        }
        steps.push_back({{"start", step.start}, {"end", step.end}, {"relation", step.relation},
                         {"settled", bar.settled(i, gold)}, {"options", std::move(options)}});
    }
    j["steps"] = std::move(steps);
    return hold(j.dump());
}

}  // extern "C"

// A problem the page found before the app saw the file (too large, unreadable): shown in the UI.
extern "C" EMSCRIPTEN_KEEPALIVE void inkspan_report_error(const char* message) {
    inkspan::host::host().app->show_message(message, true);
    inkspan::platform::request_frames();
}
