// inkspan_bench: the performance benchmark of issue 7 (docs/BENCHMARKS.md). Builds a synthetic
// corpus deterministically, runs the core paths and headless Dear ImGui frames of the real UI,
// and prints a table of medians. It exits non-zero only on a functional error (a file refused,
// an edit that did not happen); times are printed, never judged.
//
//   inkspan_bench            1 MB document at full size, corpus of 500 documents
//   inkspan_bench --full     the same with the 5,000-document corpus (what BENCHMARKS.md reports)
//   inkspan_bench --quick    everything at 1/10 size, fewer runs (CI: proves it still works)
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "bench.h"
#include "core/inkspan_json.h"
#include "core/schema.h"
#include "headless.h"
#include "synthetic.h"
#include "ui/fonts.h"

namespace inkspan::bench {

ReadingArea reading_area(const Config& config) {
    // App::frame: toolbar 44 px, status bar 28 px, documents 230 px, side panel min(320, 28 %).
    const float side = std::min(320.0f, config.width * 0.28f);
    return {230.0f, 44.0f, config.width - side, config.height - 28.0f};
}

double current_rss_bytes() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

double heap_in_use_bytes() {
    const struct mallinfo2 m = mallinfo2();
    return static_cast<double>(m.uordblks + m.hblkhd);
}

double peak_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux: KB
}

namespace {

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

int usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s [--quick | --full] [--runs N] [--frames N] [--only core|frames|scripts|corpus|agreement|brat]\n"
                 "          [--write-json PATH] [--font TTF] [--words JSON] [--brat-dir DIR]\n"
                 "  (default)  1 MB document at full size, corpus of 500 documents\n"
                 "  --full     corpus of 5,000 documents (~50 MB of inkspan JSON) too\n"
                 "  --quick    1/10 sizes and fewer runs (for CI)\n",
                 argv0);
    return 2;
}

int fail(const Error& e) {
    std::fprintf(stderr, "inkspan_bench: %s\n", e.message.c_str());
    return 1;
}

}  // namespace
}  // namespace inkspan::bench

int main(int argc, char** argv) {
    using namespace inkspan;
    using namespace inkspan::bench;
    Config config;
    config.words = INKSPAN_BENCH_WORDS;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--quick") {
            config.mode = "quick";
            config.runs = 3;
            config.frames = 40;
            config.sentences = 1'000;
            config.corpus_documents = 500;
        } else if (a == "--full") {
            config.mode = "full";
            config.corpus_documents = 5'000;
        } else if (a == "--runs" && has_value) {
            config.runs = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--frames" && has_value) {
            config.frames = std::max(4, std::atoi(argv[++i]));
        } else if (a == "--only" && has_value) {
            config.only = argv[++i];
        } else if (a == "--write-json" && has_value) {
            config.write_json = argv[++i];
        } else if (a == "--font" && has_value) {
            config.font = argv[++i];
        } else if (a == "--words" && has_value) {
            config.words = argv[++i];
        } else if (a == "--brat-dir" && has_value) {
            config.brat_dir = argv[++i];
        } else {
            return usage(argv[0]);
        }
    }
    std::printf("inkspan_bench (%s): %s, %u hardware threads\n", config.mode.c_str(), cpu_model().c_str(),
                std::thread::hardware_concurrency());
    if (Status st = load_word_pools(config.words); !st.ok()) return fail(st.error());

    Report report;
    report.section("synthetic data");
    if (config.mode == "quick") report.info("--quick", "every size is 1/10 of what the row names say; fewer runs");
    Stopwatch gen;
    auto doc = make_document("big", "synthetic-novel.fr.txt", 42, config.sentences);
    if (!doc.ok()) return fail(doc.error());
    Corpus big;
    big.schema = default_news_schema();
    big.documents.push_back(std::move(doc.value()));
    const Document& d = big.documents.front();
    const std::string big_json = write_inkspan_json(big);
    report.info("1 MB document", format("%s UTF-8, %zu code points, %zu spans, %zu relations, text fnv1a %08x",
                                        human_bytes(static_cast<double>(d.text().size())).c_str(), d.length(),
                                        d.span_count(), d.relations().size(), fnv1a(d.text())));
    report.info("its inkspan JSON", human_bytes(static_cast<double>(big_json.size())));
    if (!config.write_json.empty()) {
        std::ofstream out(config.write_json, std::ios::binary);
        if (!(out << big_json)) return fail(make_error(ErrorKind::NotFound, config.write_json + ": cannot be written"));
    }
    report.info("generated in", format("%.0f ms", gen.ms()));

    // Memory of the model: what the process grows by when the file is parsed and kept.
    {
        const double rss_before = current_rss_bytes(), heap_before = heap_in_use_bytes();
        auto parsed = parse_inkspan_json(big_json);
        if (!parsed.ok()) return fail(parsed.error());
        const double rss_after = current_rss_bytes(), heap_after = heap_in_use_bytes();
        report.section("memory");
        report.info("the parsed 1 MB document, live heap (mallinfo2)", human_bytes(heap_after - heap_before));
        report.info("the same, RSS growth (+ freed parse buffers kept)", human_bytes(rss_after - rss_before));
        report.info("peak RSS so far", human_bytes(peak_rss_bytes()) + " (generated copy + its JSON + parsed copy)");
    }

    HeadlessImGui imgui(config.width, config.height);
    const std::vector<char> ttf = read_binary(config.font);
    if (ttf.empty()) return fail(make_error(ErrorKind::NotFound, config.font + ": cannot be read (fonts-dejavu-core)"));
    auto wanted = [&](const char* section) { return config.only.empty() || config.only == section; };
    if (wanted("core")) {
        const ui::Fonts fonts = ui::build_fonts({&ttf}, 1.0f);
        if (Status st = bench_core(config, big, fonts, report); !st.ok()) return fail(st.error());
    }
    const double peak_core = peak_rss_bytes();
    if (wanted("frames"))
        if (Status st = bench_frames(config, big, big_json, ttf, report); !st.ok()) return fail(st.error());
    if (wanted("scripts"))
        if (Status st = bench_scripts(config, big, ttf, report); !st.ok()) return fail(st.error());
    const double peak_frames = peak_rss_bytes();
    if (wanted("corpus"))
        if (Status st = bench_corpus(config, big_json, report); !st.ok()) return fail(st.error());
    if (wanted("brat") && !config.brat_dir.empty())
        if (Status st = bench_brat(config, ttf, report); !st.ok()) return fail(st.error());
    if (wanted("agreement"))
        if (Status st = bench_agreement(config, report); !st.ok()) return fail(st.error());

    report.section("memory");
    report.info("peak RSS after the core benchmarks", human_bytes(peak_core) + " (1 MB document, its JSON, layouts)");
    report.info("peak RSS after the frame benchmarks", human_bytes(peak_frames) + " (+ two Apps holding the document)");
    report.info("peak RSS at the end", human_bytes(peak_rss_bytes()) + " (+ the corpus)");
    report.print();
    return 0;
}
