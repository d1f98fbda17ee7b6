#pragma once
// The benchmark's sections (docs/BENCHMARKS.md). Each adds rows to the report and returns an
// error only for a functional failure (a load that fails, an edit that does not happen); times
// are printed, never judged.
#include <cstddef>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/result.h"
#include "timing.h"
#include "ui/fonts.h"

namespace inkspan::bench {

// A functional failure (the benchmark then exits non-zero).
inline Error failure(const std::string& what) { return make_error(ErrorKind::Invalid, what); }

struct Config {
    std::string mode = "default";  // quick | default | full
    std::string only;               // run one section: core | frames | scripts | corpus | agreement (for profiling)
    std::string write_json;         // also write the big document's inkspan JSON there
    int runs = 7;                   // repetitions of whole-document operations
    int frames = 200;               // frames per scrolling measurement
    std::size_t sentences = 10'000;        // the big document: 5 spans and 1 relation per sentence
    std::size_t corpus_documents = 500;    // the many-document corpus (5,000 with --full)
    std::size_t corpus_sentences = 15;     // per document of that corpus (~10 KB of inkspan JSON)
    std::string font = INKSPAN_BENCH_FONT;
    std::string words;              // synthetic_words.json
    std::string brat_dir;           // brat-200.* and brat-1000.* (brat_document.mjs); "" skips that section
    float width = 1280, height = 800;  // the window, in CSS px (the app's reading area inside it)
};

// The reading area of the app at that window size (App::frame's three columns).
struct ReadingArea {
    float x0, y0, x1, y1;
};
[[nodiscard]] ReadingArea reading_area(const Config& config);

// Core paths on the big document: write, parse, index, layout, hit-test, edits, export, tokenize,
// search. `fonts` is the body font built headless (glyph advances for the layout).
[[nodiscard]] Status bench_core(const Config& config, const Corpus& big, const ui::Fonts& fonts, Report& report);

// Headless frames: the real ui::TextView against plain ImGui text of the same lines, then the
// whole ui::App (panels included), edits through the App and the next frame. Leaves the font
// atlas rebuilt by the App.
[[nodiscard]] Status bench_frames(const Config& config, const Corpus& big, const std::string& big_json,
                                  const std::vector<char>& ttf, Report& report);

// The 1 MB document transliterated into Arabic and Devanagari (same length, same spans): import and
// App frames against the Latin original, in one run (issue 13's shaping cost).
[[nodiscard]] Status bench_scripts(const Config& config, const Corpus& big, const std::vector<char>& ttf, Report& report);

// The many-document corpus: write, parse, import into the App, frames with the long document
// list, and autosave after one edit (proportional to the edited document, not the corpus).
[[nodiscard]] Status bench_corpus(const Config& config, const std::string& big_json, Report& report);

// The brat-shaped documents of issue 16 (200 and 1,000 sentences, from config.brat_dir): the import's
// steps one by one, the App's import, its first frame and the idle frames that lay out the rest.
[[nodiscard]] Status bench_brat(const Config& config, const std::vector<char>& ttf, Report& report);
// Agreement over 5 annotators x 1,000 documents x 200 spans (100 documents with --quick): the
// whole corpus at once, then the JSON, CSV and HTML reports.
[[nodiscard]] Status bench_agreement(const Config& config, Report& report);

// Current and peak resident memory of the process, and heap bytes in use (glibc), in bytes.
[[nodiscard]] double current_rss_bytes();
[[nodiscard]] double heap_in_use_bytes();
[[nodiscard]] double peak_rss_bytes();

}  // namespace inkspan::bench
