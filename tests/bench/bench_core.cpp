// Core paths on the 1 MB / 50,000-span document: no ImGui here except the glyph advances of the
// body font, which the layout measures with (as the app does).
#include <algorithm>
#include <cstdio>

#include "bench.h"
#include "core/editor.h"
#include "core/formats/format.h"
#include "core/inkspan_json.h"
#include "core/search.h"
#include "core/sentences.h"
#include "core/text_index.h"
#include "core/text_layout.h"
#include "core/tokenizer.h"
#include "synthetic.h"
#include "view_geometry.h"

namespace inkspan::bench {
namespace {

Status bench_load(const Config& config, const Corpus& big, const ui::Fonts& fonts, Report& report) {
    const Document& doc = big.documents.front();
    report.section("1 MB document: load");
    std::string json;
    const Samples write = measure(config.runs, [&] { json = write_inkspan_json(big); });
    report.add("write inkspan JSON", write, human_bytes(static_cast<double>(json.size())) + " of JSON");
    bool all_ok = true;
    const Samples parse = measure(config.runs, [&] { all_ok = parse_inkspan_json(json).ok() && all_ok; });
    const auto parsed = parse_inkspan_json(json);
    if (!all_ok || !parsed.ok()) return failure("parse_inkspan_json refused the synthetic file: " + parsed.error().message);
    if (!(parsed.value() == big)) return failure("parse(write(corpus)) differs from the corpus");
    report.add("parse + validate (builds the Document)", parse, "round trip equal");
    report.add("build TextIndex", measure(config.runs, [&] { TextIndex index(doc.text()); (void)index.code_point_count(); }),
               format("%zu code points", doc.length()));

    Samples build;
    for (int i = 0; i < config.runs; ++i) {
        std::vector<Span> spans(doc.spans().begin(), doc.spans().end());
        std::vector<Relation> relations = doc.relations();
        Stopwatch w;
        auto d = Document::create(doc.id(), doc.name(), doc.text());
        if (!d.ok()) return d.error();
        d->insert_spans(std::move(spans));
        d->insert_relations(std::move(relations));
        build.add(w.ms());
    }
    report.add("build Document (index + 50k spans + 10k relations)", build);

    const ReadingArea area = reading_area(config);
    const ViewGeometry g = view_geometry(fonts, area.x1 - area.x0);
    const float view_h = area.y1 - area.y0;
    std::size_t first_lines = 0;
    const Samples layout = measure(config.runs, [&] {
        TextLayout l(doc.text(), fonts.body_advances(), view_style(g), view_extra_above(doc, g));
        first_lines = l.visible_lines(0, view_h).size();
    });
    report.add("first layout of one screen (TextLayout)", layout, format("%zu lines, column %.0f px", first_lines, g.column_width));
    const double open = parse.median() + layout.median();
    report.info("open = parse + index + first screen", format("%.1f ms (target < 1000 ms natively): %s", open,
                                                               open < 1000 ? "met" : "MISSED"));
    return Ok{};
}

Status bench_layout(const Config& config, const Corpus& big, const ui::Fonts& fonts, Report& report) {
    const Document& doc = big.documents.front();
    report.section("1 MB document: layout and hit-testing");
    const ReadingArea area = reading_area(config);
    const ViewGeometry g = view_geometry(fonts, area.x1 - area.x0);
    const float view_h = area.y1 - area.y0;
    Rng rng(7);

    report.add("lay out every paragraph (whole document)", measure(std::max(1, config.runs / 2), [&] {
        TextLayout l(doc.text(), fonts.body_advances(), view_style(g), view_extra_above(doc, g));
        (void)l.visible_lines(0, 1e30f);
    }));

    TextLayout layout(doc.text(), fonts.body_advances(), view_style(g), view_extra_above(doc, g));
    Samples jump;
    for (int i = 0; i < config.frames; ++i) {
        const std::size_t cp = rng.below(static_cast<std::uint32_t>(doc.length()));
        Stopwatch w;
        const float y = layout.caret_position(cp).y;
        (void)layout.visible_lines(y, y + view_h);
        jump.add(w.ms());
    }
    report.add("jump to a random place (lays out what it shows)", jump,
               format("%zu paragraphs laid out of %zu", layout.stats().paragraphs_broken, layout.paragraph_count()));

    Samples hit, caret;
    for (int i = 0; i < config.frames * 5; ++i) {
        const float top = static_cast<float>(rng.below(static_cast<std::uint32_t>(layout.total_height())));
        (void)layout.visible_lines(top, top + view_h);
        const float x = static_cast<float>(rng.below(static_cast<std::uint32_t>(g.column_width)));
        const float y = top + static_cast<float>(rng.below(static_cast<std::uint32_t>(view_h)));
        Stopwatch w;
        const TextHit h = layout.hit_test(x, y);
        hit.add(w.ms());
        Stopwatch w2;
        (void)layout.caret_position(h.cp, h.upstream);
        caret.add(w2.ms());
    }
    report.add("hit-test (point -> caret offset)", hit);
    report.add("caret position (offset -> box)", caret);
    return Ok{};
}

// What App::apply does for a span edit, on a layout that has been read around in: the editor
// applies the command, the view refreshes band heights, and the next frame lays out the screen.
Status bench_edits(const Config& config, const Corpus& big, const ui::Fonts& fonts, Report& report) {
    report.section("1 MB document: edits (core + layout)");
    Corpus work = big;
    const Document& doc = work.documents.front();
    const ReadingArea area = reading_area(config);
    const ViewGeometry g = view_geometry(fonts, area.x1 - area.x0);
    const float view_h = area.y1 - area.y0;
    TextLayout layout(doc.text(), fonts.body_advances(), view_style(g), view_extra_above(doc, g));
    Rng rng(11);
    for (int i = 0; i < 100; ++i) {  // a reading session: 100 places visited
        const float y = layout.caret_position(rng.below(static_cast<std::uint32_t>(doc.length()))).y;
        (void)layout.visible_lines(y, y + view_h);
    }
    Editor editor;
    const std::size_t laid_out = layout.stats().paragraphs_broken;
    std::size_t rebroken = 0, reextra = 0;
    Samples add;
    for (int i = 0; i < config.frames; ++i) {
        const Span& s = doc.span_at(rng.below(static_cast<std::uint32_t>(doc.span_count())));
        if (s.label == "MISC" || doc.find_span(s.start, s.end, "MISC")) continue;
        const std::size_t start = s.start, end = s.end;
        const float y = layout.caret_position(start).y;
        (void)layout.visible_lines(y - view_h * 0.4f, y + view_h * 0.6f);
        const LayoutStats before = layout.stats();
        Stopwatch w;
        const Status st = editor.apply(work, cmd::AddSpan{doc.id(), start, end, "MISC", {}, {}}, "2024-01-02T00:00:00Z");
        if (!st.ok()) return failure("add span refused: " + st.error().message);
        layout.invalidate_extras(start, end);
        (void)layout.visible_lines(y - view_h * 0.4f, y + view_h * 0.6f);
        add.add(w.ms());
        rebroken += layout.stats().paragraphs_broken - before.paragraphs_broken;
        reextra += layout.stats().paragraphs_reextra - before.paragraphs_reextra;
    }
    report.add("add one span + band refresh + next screen", add,
               format("paragraphs re-broken: %zu in %zu edits (%zu laid out of %zu); band refreshes: %zu",
                      rebroken, add.ms.size(), laid_out, layout.paragraph_count(), reextra));

    // Delete: refreshing the bands of the whole text (every laid-out paragraph) against refreshing
    // only the deleted span's range (its relations' other ends would be added to that).
    Samples del_whole, del_range;
    std::size_t reextra_whole = 0, reextra_range = 0, rebroken_del = 0;
    for (int i = 0; i < config.frames; ++i) {
        const Span s = doc.span_at(rng.below(static_cast<std::uint32_t>(doc.span_count())));
        const float y = layout.caret_position(s.start).y;
        (void)layout.visible_lines(y - view_h * 0.4f, y + view_h * 0.6f);
        const bool whole = i % 2 == 0;
        const LayoutStats before = layout.stats();
        Stopwatch w;
        const Status st = editor.apply(work, cmd::DeleteSpan{doc.id(), s.id}, "2024-01-02T00:00:00Z");
        if (!st.ok()) return failure("delete span refused: " + st.error().message);
        if (whole) layout.invalidate_extras(0, doc.length());
        else layout.invalidate_extras(s.start, s.end);
        (void)layout.visible_lines(y - view_h * 0.4f, y + view_h * 0.6f);
        (whole ? del_whole : del_range).add(w.ms());
        (whole ? reextra_whole : reextra_range) += layout.stats().paragraphs_reextra - before.paragraphs_reextra;
        rebroken_del += layout.stats().paragraphs_broken - before.paragraphs_broken;
    }
    report.add("delete one span, band refresh of the whole text", del_whole,
               format("%.0f band refreshes per delete", static_cast<double>(reextra_whole) / std::max<std::size_t>(1, del_whole.ms.size())));
    report.add("delete one span, band refresh of its range", del_range,
               format("%.1f band refreshes per delete; paragraphs re-broken by deletes: %zu", static_cast<double>(reextra_range) /
                      std::max<std::size_t>(1, del_range.ms.size()), rebroken_del));
    return Ok{};
}

Status bench_export(const Config& config, const Corpus& big, Report& report) {
    report.section("1 MB document: export (formats::export_corpus)");
    const int runs = std::max(1, config.runs / 2);
    for (const formats::FormatInfo& f : formats::dataset_formats()) {
        std::size_t bytes = 0, files = 0;
        bool ok = true;
        const Samples s = measure(runs, [&] {
            auto out = formats::export_corpus(f.id, big, {0});
            if (!out.ok()) { ok = false; return; }
            files = out->files.size();
            bytes = 0;
            for (const auto& [name, text] : out->files) bytes += text.size();
        });
        if (!ok) return failure(std::string("export to ") + std::string(f.id) + " failed");
        report.add("export " + std::string(f.id), s, format("%zu file(s), %s", files, human_bytes(static_cast<double>(bytes)).c_str()));
    }
    // The Export dialog recomputes what the chosen format loses on every frame it is open.
    for (const formats::FormatInfo& f : formats::dataset_formats())
        report.add("losses_for " + std::string(f.id) + " (once per dialog choice)",
                   measure(runs, [&] { (void)formats::losses_for(f.id, big, {0}); }));
    return Ok{};
}

Status bench_text(const Config& config, const Corpus& big, Report& report) {
    const Document& doc = big.documents.front();
    report.section("1 MB document: tokenize and search");
    std::size_t tokens = 0, sentences = 0;
    const Samples tok = measure(config.runs, [&] { tokens = tokenize(doc.text()).size(); });
    report.add("tokenize", tok, format("%zu tokens", tokens));
    const Samples sent = measure(config.runs, [&] { sentences = split_sentences(doc.text()).size(); });
    report.add("tokenize + split sentences", sent, format("%zu sentences", sentences));
    struct Query { const char* name; const char* query; SearchOptions options; };
    SearchOptions ci_words;
    ci_words.case_insensitive = true;
    ci_words.whole_word = true;
    SearchOptions rx;
    rx.regex = true;
    const Query queries[] = {{"search literal \"Lyon\"", "Lyon", {}},
                             {"search \"lyon\", any case, whole words", "lyon", ci_words},
                             {"search regex \\b\\w+ de \\w+", "\\b\\w+ de \\w+", rx}};
    for (const Query& q : queries) {
        std::size_t matches = 0;
        bool ok = true;
        const Samples s = measure(config.runs, [&] {
            auto r = find_all(doc.text(), q.query, q.options);
            ok = ok && r.ok();
            if (r.ok()) matches = r->matches.size();
        });
        if (!ok) return failure(std::string("search failed: ") + q.query);
        report.add(q.name, s, format("%zu matches", matches));
    }
    return Ok{};
}

}  // namespace

Status bench_core(const Config& config, const Corpus& big, const ui::Fonts& fonts, Report& report) {
    for (auto step : {bench_load, bench_layout, bench_edits}) {
        const Status st = step(config, big, fonts, report);
        if (!st.ok()) return st;
    }
    if (Status st = bench_export(config, big, report); !st.ok()) return st;
    return bench_text(config, big, report);
}

}  // namespace inkspan::bench
