// The brat-shaped document of issue 16 (tests/bench/brat_document.mjs writes it: one sentence a
// line, 5 spans and 1 relation each), natively: where the import → first frame time goes, step by
// step as App::import_files takes them, then the whole App import, its first frame and the idle
// frames that lay out the rest of the document.
#include <map>
#include <memory>

#include "bench.h"
#include "core/formats/format.h"
#include "core/utf8.h"
#include "headless.h"
#include "platform/native.h"
#include "ui/app.h"

namespace inkspan::bench {
namespace {

Result<std::map<std::string, std::string>> read_brat_files(const std::string& dir, const std::string& name) {
    std::map<std::string, std::string> files;
    for (const std::string& file : {name + ".txt", name + ".ann", std::string("annotation.conf")}) {
        const std::vector<char> bytes = read_binary(dir + "/" + file);
        if (bytes.empty()) return failure(dir + "/" + file + ": cannot be read (node tests/bench/brat_document.mjs N DIR writes it)");
        files[file] = std::string(bytes.begin(), bytes.end());
    }
    return files;
}

template <typename Fn>
Samples measure_cpu(int runs, Fn&& fn) {
    Samples s;
    for (int i = 0; i < runs; ++i) {
        const double t0 = cpu_ms();
        fn();
        s.add(cpu_ms() - t0);
    }
    return s;
}

double app_frame_cpu(ui::App& app) {
    const double t0 = cpu_ms();
    (void)app_frame(app);
    return cpu_ms() - t0;
}

}  // namespace

Status bench_brat(const Config& config, const std::vector<char>& ttf, Report& report) {
    // brat-200 and brat-1000 in Latin, then brat-1000 in Arabic and in Chinese when the directory
    // has them (brat_document.mjs 1000 DIR arabic|chinese).
    const struct { int sentences; const char* script; } documents[] = {{200, ""}, {1000, ""}, {1000, "arabic"}, {1000, "chinese"}};
    for (const auto& [sentences, script] : documents) {
        const std::string name = "brat-" + std::to_string(sentences) + (*script ? std::string("-") + script : "");
        if (*script && read_binary(config.brat_dir + "/" + name + ".txt").empty()) continue;
        auto files = read_brat_files(config.brat_dir, name);
        if (!files.ok()) return files.error();
        report.section(format("brat-shaped document, %d sentences%s%s (issue 16; CPU time of the thread, not wall)", sentences,
                              *script ? ", in " : "", script));
        std::size_t bytes = 0;
        for (const auto& [file, text] : *files) bytes += text.size();
        report.info("files", format("%s (.txt + .ann + annotation.conf)", human_bytes(static_cast<double>(bytes)).c_str()));

        // The steps of App::import_files, one by one.
        report.add("UTF-8 check of the files", measure_cpu(config.runs, [&] {
            for (const auto& [file, text] : *files) (void)find_invalid_utf8(text);
        }));
        report.add("detect the format", measure_cpu(config.runs, [&] { (void)formats::detect_files(*files); }));
        const Corpus empty;
        bool parsed = true;
        report.add("parse .ann + build the document (formats::import_files)", measure_cpu(config.runs, [&] {
            parsed = formats::import_files("brat", *files, empty).ok() && parsed;
        }));
        if (!parsed) return failure(name + " was refused by the brat reader");

        // The whole import through the App (a fresh one each run), its first frame, the idle frames.
        Samples import, first, settle_frames, settle_slowest;
        for (int run = 0; run < config.runs; ++run) {
            auto app = std::make_unique<ui::App>();
            app->set_font_data(ttf);
            platform::native::set_run_frame_hook([&app] { (void)app_frame(*app); });
            (void)app_frame(*app);
            (void)app_frame(*app);
            const double t0 = cpu_ms();
            const ui::ImportOutcome out = app->import_files(*files);
            import.add(cpu_ms() - t0);
            if (!out.ok || !app->current_document() || app->current_document()->span_count() != 5u * sentences)
                return failure("the App did not import " + name + ": " + out.message);
            first.add(app_frame_cpu(*app));
            double slowest = 0;
            int frames = 0;
            for (; frames < 1000 && platform::native::take_requested_frames() > 0; ++frames)
                slowest = std::max(slowest, app_frame_cpu(*app));
            settle_frames.add(frames);
            settle_slowest.add(slowest);
            platform::native::set_run_frame_hook({});
        }
        report.add("App: import_files (all of the above + add to the corpus)", import);
        report.add("App: the first frame (opens the view, lays out the first screen)", first);
        report.info("App: frames after it until idle (layout slices), slowest",
                    format("%.0f frames, slowest %.2f ms", settle_frames.median(), settle_slowest.median()));
    }
    return Ok{};
}

}  // namespace inkspan::bench
