// The many-document corpus: load, frames with the long document list, and autosave after one
// edit, which must cost in proportion to the edited document, not the corpus.
#include <algorithm>
#include <memory>

#include "bench.h"
#include "core/inkspan_json.h"
#include "headless.h"
#include "platform/native.h"
#include "synthetic.h"
#include "ui/app.h"

namespace inkspan::bench {
namespace {

// One edit in document `index` (relabel the range of its middle span), then autosave.
Status edit_and_save(ui::App& app, std::size_t index, double& ms, std::size_t& bytes) {
    app.open_document(index);
    (void)app_frame(app);
    const Document* doc = app.current_document();
    if (!doc || doc->span_count() == 0) return failure("no document to edit");
    const std::size_t spans = doc->span_count();
    const Span pick = doc->span_at(spans / 2);
    app.set_text_selection(pick.start, pick.end, false);
    app.request_label(pick.label == "DATE" ? "MISC" : "DATE");
    (void)app_frame(app);
    if (app.current_document()->span_count() != spans + 1) return failure("the App did not add the span");
    platform::native::clear_saved_batches();
    Stopwatch w;
    app.save_now();
    ms = w.ms();
    app.on_storage_result(inkspan::SaveResult::Saved);
    const auto& batches = platform::native::saved_batches();
    if (batches.size() != 1 || batches[0].changed.size() != 1) return failure("autosave did not write exactly one document");
    bytes = batches[0].bytes();
    return Ok{};
}

}  // namespace

Status bench_corpus(const Config& config, const std::string& big_json, Report& report) {
    report.section(format("corpus of %zu documents", config.corpus_documents));
    auto corpus = make_corpus(config.corpus_documents, config.corpus_sentences);
    if (!corpus.ok()) return corpus.error();
    std::string json;
    const int runs = std::max(1, config.runs / 2);
    const Samples write = measure(runs, [&] { json = write_inkspan_json(*corpus); });
    report.add("write inkspan JSON (whole corpus)", write, human_bytes(static_cast<double>(json.size())));
    bool ok = true;
    report.add("parse + validate (whole corpus)", measure(runs, [&] { ok = parse_inkspan_json(json).ok() && ok; }));
    if (!ok) return failure("the corpus file was refused");

    auto app = std::make_unique<ui::App>();
    platform::native::set_run_frame_hook([&app] { (void)app_frame(*app); });
    Stopwatch import_time;
    const ui::ImportOutcome out = app->import_file("corpus.inkspan.json", json);
    const double import_ms = import_time.ms();
    if (!out.ok) return failure("the App refused the corpus: " + out.message);
    if (app->corpus().documents.size() < config.corpus_documents) return failure("the App did not add every document");
    Stopwatch first;
    (void)app_frame(*app);
    report.add("App: import the corpus + first frame", Samples{{import_ms + first.ms()}},
               format("import %.0f ms (target < 3000 ms in the browser)", import_ms));

    ImGuiIO& io = ImGui::GetIO();
    Samples list;
    for (int i = 0; i < config.frames; ++i) {
        io.AddMousePosEvent(100.0f, 400.0f);  // over the document list
        io.AddMouseWheelEvent(0.0f, i < config.frames / 2 ? -1.0f : 1.0f);
        list.add(app_frame(*app));
    }
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    report.add("App frame, wheel over the document list", list, "ImGuiListClipper: only visible rows");

    // Autosave after one edit, in a small document and in the 1 MB one, against the whole file.
    if (!app->import_file("big.inkspan.json", big_json).ok) return failure("the App refused the big document");
    app->save_now();  // the imports marked everything dirty: store it all first
    app->on_storage_result(inkspan::SaveResult::Saved);
    const auto big_index = app->corpus().documents.size() - 1;
    double small_ms = 0, big_ms = 0;
    std::size_t small_bytes = 0, big_bytes = 0;
    if (Status st = edit_and_save(*app, 1, small_ms, small_bytes); !st.ok()) return st;
    if (Status st = edit_and_save(*app, big_index, big_ms, big_bytes); !st.ok()) return st;
    std::string whole;
    const Samples write_all = measure(runs, [&] { whole = write_inkspan_json(app->corpus()); });
    report.add("autosave after one edit in a small document", Samples{{small_ms}},
               human_bytes(static_cast<double>(small_bytes)) + " handed to storage");
    report.add("autosave after one edit in the 1 MB document", Samples{{big_ms}},
               human_bytes(static_cast<double>(big_bytes)) + " handed to storage");
    report.add("for comparison: write the whole corpus", write_all, human_bytes(static_cast<double>(whole.size())));
    platform::native::set_run_frame_hook({});
    return Ok{};
}

}  // namespace inkspan::bench
