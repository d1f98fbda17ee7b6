// Shaped scripts at scale (issue 13): the 1 MB benchmark document written in Arabic and in
// Devanagari — every Latin letter replaced by one letter of the script, so the three texts have
// the same length in code points, the same words, lines of similar length and the same 50,000
// spans — opened and drawn by the whole App in one run; the Latin document is the baseline.
#include <filesystem>
#include <fstream>
#include <memory>

#include "bench.h"
#include "core/inkspan_json.h"
#include "core/utf8.h"
#include "headless.h"
#include "platform/native.h"
#include "platform/static_files.h"
#include "synthetic.h"
#include "ui/app.h"

namespace inkspan::bench {
namespace {

// a–z as Arabic letters (the 26 most common), as Devanagari consonants — a vowel (a e i o u) as a
// vowel sign after a consonant and as an independent vowel elsewhere, so words have matras,
// clusters and the reordered i-sign, as Hindi does.
constexpr char32_t kArabic[26] = {U'ا', U'ب', U'ت', U'د', U'ي', U'ف', U'ج', U'ه', U'ن', U'خ', U'ك', U'ل', U'م',
                                  U'و', U'ع', U'ق', U'ش', U'ر', U'س', U'ط', U'ص', U'ز', U'ذ', U'ح', U'غ', U'ظ'};
constexpr char32_t kDevanagari[26] = {U'क', U'ब', U'च', U'द', U'ग', U'फ', U'ग', U'ह', U'ज', U'ज', U'क', U'ल', U'म',
                                      U'न', U'प', U'प', U'क', U'र', U'स', U'त', U'थ', U'व', U'व', U'ष', U'य', U'ज'};
char32_t vowel(char c, bool after_consonant) {
    switch (c) {
        case 'a': return after_consonant ? U'ा' : U'अ';
        case 'e': return after_consonant ? U'े' : U'ए';
        case 'i': return after_consonant ? U'ि' : U'इ';
        case 'o': return after_consonant ? U'ो' : U'ओ';
        default: return after_consonant ? U'ु' : U'उ';
    }
}

std::string transliterate(std::string_view text, bool devanagari) {
    std::string out;
    out.reserve(text.size() * 2);
    bool after_consonant = false;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = decode_utf8(text, pos);
        if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
        if (c >= U'a' && c <= U'z') {
            const char l = static_cast<char>(c);
            const bool is_vowel = l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u';
            if (!devanagari) c = kArabic[l - 'a'];
            else if (is_vowel) c = vowel(l, after_consonant);
            else c = kDevanagari[l - 'a'];
            after_consonant = devanagari && !is_vowel;
        } else {
            after_consonant = false;
        }
        append_utf8(out, c);
    }
    return out;
}

// A static folder serving the two fonts (the native stand-in of dist/fonts).
std::string font_folder() {
    const std::filesystem::path root = std::filesystem::temp_directory_path() / "inkspan-bench-fonts";
    std::filesystem::create_directories(root / "fonts");
    const std::string noto = "/usr/share/fonts/truetype/noto/";
    std::filesystem::copy_file(noto + "NotoSansArabic-Regular.ttf", root / "fonts/noto-arabic.ttf",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(noto + "NotoSansDevanagari-Regular.ttf", root / "fonts/noto-devanagari.ttf",
                               std::filesystem::copy_options::overwrite_existing);
    std::ofstream(root / "fonts/manifest.json") << R"({"version": 1, "fonts": [
      {"file": "noto-arabic.ttf", "script": "Arab", "variant": "", "bytes": 1, "ranges": [[1536, 1791]]},
      {"file": "noto-devanagari.ttf", "script": "Deva", "variant": "", "bytes": 1, "ranges": [[2304, 2431]]}]})";
    return root.string();
}

struct Opened {
    double open_ms = 0, import_ms = 0;
    std::vector<double> first_frames;
    Samples frames, jumps;
};

// Import as an inkspan file, the first frames (fonts fetched and rebuilt), then frames at random
// places: the frame after a jump (new lines laid out, shaped and drawn) and the next one (cached).
Result<Opened> open_and_draw(const Config& config, const Corpus& corpus, const std::vector<char>& ttf) {
    auto app = std::make_unique<ui::App>();
    app->set_font_data(ttf);
    platform::native::set_run_frame_hook([&app] { (void)app_frame(*app); });
    Opened out;
    const std::string json = write_inkspan_json(corpus);
    Stopwatch open;
    const ui::ImportOutcome imported = app->import_file("doc.inkspan.json", json);
    if (!imported.ok) return make_error(ErrorKind::Invalid, imported.message);
    out.import_ms = open.ms();
    for (int i = 0; i < 4; ++i) out.first_frames.push_back(app_frame(*app));  // fonts arrive and are built
    out.open_ms = open.ms();
    const Document* doc = app->current_document();
    if (!doc) return make_error(ErrorKind::NotFound, "the document did not open");
    Rng rng(11);
    for (int i = 0; i < std::max(10, config.frames / 2); ++i) {
        Stopwatch jump;  // scroll_to lays out (and shapes) the new place, the frame draws it
        if (!app->locate(doc->id(), rng.below(static_cast<std::uint32_t>(doc->length()))))
            return make_error(ErrorKind::NotFound, "locate failed");
        (void)app_frame(*app);
        out.jumps.add(jump.ms());
        out.frames.add(app_frame(*app));
    }
    platform::native::set_run_frame_hook({});
    return out;
}

}  // namespace

Status bench_scripts(const Config& config, const Corpus& big, const std::vector<char>& ttf, Report& report) {
    report.section("Scripts: the 1 MB document in Arabic and in Devanagari (shaped, 50k spans) vs Latin");
    platform::set_static_root(font_folder());
    const Document& latin = big.documents.front();
    const char* names[] = {"Latin (plain path)", "Arabic (shaped, right to left)", "Devanagari (shaped)"};
    double latin_open = 0, latin_frame = 0, latin_jump = 0;
    for (int script = 0; script < 3; ++script) {
        Corpus corpus;
        corpus.schema = big.schema;
        std::string text = script == 0 ? latin.text() : transliterate(latin.text(), script == 2);
        auto doc = Document::create("s1", "script.txt", std::move(text));
        if (!doc) return doc.error();
        if (doc->length() != latin.length()) return failure("transliteration changed the length");
        doc->insert_spans(std::vector<Span>(latin.spans().begin(), latin.spans().end()));
        doc->insert_relations(std::vector<Relation>(latin.relations().begin(), latin.relations().end()));
        corpus.documents.push_back(std::move(doc.value()));
        auto opened = open_and_draw(config, corpus, ttf);
        if (!opened) return opened.error();
        const double open = opened->open_ms, frame = opened->frames.median(), jump = opened->jumps.median();
        if (script == 0) {
            latin_open = open;
            latin_frame = frame;
            latin_jump = jump;
        }
        const std::string tag = names[script];
        report.add(tag + ": import + first frames", Samples{{open}},
                   format("%.2fx Latin (target <= 2x); import %.0f ms, frames %.0f %.0f %.0f %.0f ms",
                          open / std::max(1e-9, latin_open), opened->import_ms, opened->first_frames[0],
                          opened->first_frames[1], opened->first_frames[2], opened->first_frames[3]));
        report.add(tag + ": frame after a jump", opened->jumps,
                   script ? format("%.2fx Latin", jump / std::max(1e-9, latin_jump)) : "new lines laid out and drawn");
        report.add(tag + ": next frame", opened->frames,
                   script ? format("%.2fx Latin (target <= 2x)", frame / std::max(1e-9, latin_frame)) : "lines from the cache");
    }
    return Ok{};
}

}  // namespace inkspan::bench
