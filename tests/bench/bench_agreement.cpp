// Agreement at the scale of issue 18: 5 annotators x 1,000 documents x 200 spans each, the whole
// corpus at once (every pair, Fleiss' kappa, Krippendorff's alpha, per label), then the reports.
#include <algorithm>
#include <ctime>

#include "bench.h"
#include "core/agreement.h"
#include "core/agreement_report.h"
#include "core/corpus_agreement.h"
#include "core/schema.h"
#include "synthetic.h"

namespace inkspan::bench {
namespace {

constexpr std::size_t kAnnotators = 5;
constexpr std::size_t kSentences = 40;  // 5 spans each: 200 spans per document

// Another annotator's take on the reference layer: most spans kept, some with a moved boundary,
// another label, or missing, and as many extra spans elsewhere; relations kept where both their
// spans were kept as they are.
AnnotationLayer vary(const Document& doc, const std::string& annotator, Rng& rng, const std::vector<std::string>& labels) {
    AnnotationLayer layer{annotator, {}, {}};
    std::vector<std::string> unchanged;
    for (const Span& original : doc.spans()) {
        Span s = original;
        const std::uint32_t roll = rng.below(100);
        if (roll < 7) {
            continue;  // missed
        } else if (roll < 17 && s.end - s.start > 2) {
            switch (rng.below(4)) {  // a boundary one character off
                case 0: ++s.start; break;
                case 1: --s.end; break;
                case 2: s.start -= s.start > 0; break;
                default: s.end += s.end < doc.length(); break;
            }
        } else if (roll < 25) {
            s.label = labels[rng.below(static_cast<std::uint32_t>(labels.size()))];
        } else {
            unchanged.push_back(s.id);
        }
        layer.spans.push_back(std::move(s));
    }
    const std::size_t extra = doc.span_count() - std::min(doc.span_count(), layer.spans.size());
    for (std::size_t i = 0; i < extra; ++i) {
        Span s;
        s.id = format("X%zu", i);
        s.start = rng.below(static_cast<std::uint32_t>(doc.length() - 20));
        s.end = s.start + 3 + rng.below(15);
        s.label = labels[rng.below(static_cast<std::uint32_t>(labels.size()))];
        layer.spans.push_back(std::move(s));
    }
    for (const Relation& r : doc.relations())
        if (std::find(unchanged.begin(), unchanged.end(), r.head) != unchanged.end() &&
            std::find(unchanged.begin(), unchanged.end(), r.tail) != unchanged.end())
            layer.relations.push_back(r);
    return layer;
}

std::string figure(std::optional<double> v) { return v ? format("%.4f", *v) : "undefined"; }

}  // namespace

Status bench_agreement(const Config& config, Report& report) {
    const std::size_t documents = config.mode == "quick" ? 100 : 1'000;
    report.section(format("agreement: %zu annotators x %zu documents x %zu spans", kAnnotators, documents, kSentences * 5));
    Stopwatch generate;
    std::vector<LayeredDocument> corpus;
    corpus.reserve(documents);
    std::vector<std::string> labels;
    for (const EntityType& e : default_news_schema().entities) labels.push_back(e.name);
    std::size_t spans = 0, relations = 0, bytes = 0;
    for (std::size_t i = 0; i < documents; ++i) {
        auto doc = make_document(format("doc%04zu", i + 1), "", static_cast<std::uint32_t>(5000 + i), kSentences);
        if (!doc.ok()) return doc.error();
        LayeredDocument layered{doc->id(), doc->text(), {layer_of("a1", *doc)}};
        Rng rng(static_cast<std::uint32_t>(77 + i));
        for (std::size_t k = 2; k <= kAnnotators; ++k) layered.layers.push_back(vary(*doc, format("a%zu", k), rng, labels));
        for (const AnnotationLayer& l : layered.layers) {
            spans += l.spans.size();
            relations += l.relations.size();
        }
        bytes += layered.text.size();
        corpus.push_back(std::move(layered));
    }
    report.info("corpus", format("%s of text, %zu spans and %zu relations in all layers (generated in %.0f ms)",
                                 human_bytes(static_cast<double>(bytes)).c_str(), spans, relations, generate.ms()));

    const AgreementOptions options = agreement_options(default_news_schema());
    std::optional<AgreementReport> result;
    bool ok = true;
    const Samples whole = measure(config.runs, [&] {
        auto r = compute_agreement(corpus, options);
        ok = ok && r.ok();
        if (r.ok()) result = std::move(r.value());
    });
    if (!ok || !result) {
        auto r = compute_agreement(corpus, options);
        return failure("compute_agreement refused the synthetic corpus: " + (r.ok() ? std::string("?") : r.error().message));
    }
    const AgreementReport& r = *result;
    report.add("compute_agreement (whole corpus, every figure)", whole,
               format("%zu pairs, %zu tokens per pair, %zu labels", r.pairs.size(), r.pairs.front().tokens, r.labels.size()));
    // CPU time too: on a shared machine the wall clock also counts the other processes' turns.
    std::vector<double> whole_cpu_ms;
    for (int i = 0; i < config.runs; ++i) {
        const std::clock_t begin = std::clock();
        ok = compute_agreement(corpus, options).ok() && ok;
        whole_cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - begin) / CLOCKS_PER_SEC);
    }
    std::sort(whole_cpu_ms.begin(), whole_cpu_ms.end());
    report.info("compute_agreement, CPU time (median, min)", format("%.1f ms, %.1f ms", whole_cpu_ms[whole_cpu_ms.size() / 2], whole_cpu_ms.front()));
    const PairAgreement& first = r.pairs.front();
    report.info("a1-a2: span F1 exact / overlap, relation F1",
                figure(f1(first.exact.overall)) + " / " + figure(f1(first.overlap.overall)) + ", " + figure(f1(first.relations.overall)));
    report.info("a1-a2: Cohen's kappa (tokens, O counted)", figure(first.cohen_kappa.overall));
    report.info("Fleiss' kappa / Krippendorff's alpha (5 annotators)",
                figure(r.fleiss->kappa.overall) + " / " + figure(r.alpha.alpha.overall));

    AgreementOptions two = options;
    two.annotators = {"a1", "a2"};
    report.add("compute_agreement (two annotators)", measure(config.runs, [&] { ok = compute_agreement(corpus, two).ok() && ok; }));
    // The app's path (the Agreement window, window.inkspan.agreement()): each layer a Document of a
    // corpus, with its annotator; layered_documents finds the layers again.
    Corpus copies;
    copies.schema = default_news_schema();
    for (const LayeredDocument& d : corpus)
        for (const AnnotationLayer& l : d.layers) {
            auto doc = Document::create(d.id + "-" + l.annotator, d.id, d.text);
            if (!doc.ok()) return doc.error();
            doc->set_annotator(l.annotator);
            doc->insert_spans(l.spans);
            doc->insert_relations(l.relations);
            copies.documents.push_back(std::move(doc.value()));
        }
    report.add(format("layered_documents(corpus) (%zu annotators' copies)", copies.documents.size()),
               measure(config.runs, [&] { ok = layered_documents(copies).size() == corpus.size() && ok; }));
    {
        const std::clock_t begin = std::clock();
        ok = layered_documents(copies).size() == corpus.size() && ok;
        report.info("layered_documents, CPU time (one run)", format("%.1f ms", 1000.0 * static_cast<double>(std::clock() - begin) / CLOCKS_PER_SEC));
    }
    report.add("corpus_agreement (layered_documents + compute_agreement)",
               measure(config.runs, [&] { ok = corpus_agreement(copies, {}, {}).ok() && ok; }));
    // The Agreement window gathers the layers (LayeredDocumentsBuilder), then starts a run and
    // reads and counts (AgreementRun), one step at a time until 6 ms have passed in a frame: its
    // longest frame is about 6 ms plus the longest single step.
    {
        // Each step's CPU time too: on the shared machine a step's wall clock counts other processes' turns.
        LayeredDocumentsBuilder builder(copies);
        Samples gather_steps, gather_cpu;
        while (!builder.done()) {
            Stopwatch one;
            const double cpu = cpu_ms();
            builder.step(1);
            gather_cpu.add(cpu_ms() - cpu);
            gather_steps.add(one.ms());
        }
        const std::vector<LayeredDocument> layered = std::move(builder).take();
        ok = ok && layered.size() == corpus.size();
        report.info(format("LayeredDocumentsBuilder: step(1), %zu copies (median, p95, max)", copies.documents.size()),
                    format("%.3f ms, %.3f ms, %.2f ms", gather_steps.median(), gather_steps.p95(),
                           *std::max_element(gather_steps.ms.begin(), gather_steps.ms.end())));
        report.info("  the same, CPU time (median, p95, max)", format("%.3f ms, %.3f ms, %.2f ms", gather_cpu.median(), gather_cpu.p95(),
                                                                      *std::max_element(gather_cpu.ms.begin(), gather_cpu.ms.end())));
        Stopwatch started;
        AgreementRun run = AgreementRun::start(layered, options);
        const double start_ms = started.ms();
        Samples steps, steps_cpu;
        while (!run.done()) {
            Stopwatch one;
            const double cpu = cpu_ms();
            ok = run.step(1).ok() && ok;
            steps_cpu.add(cpu_ms() - cpu);
            steps.add(one.ms());
        }
        Stopwatch finishing;
        auto stepped = std::move(run).finish();
        const double finish_ms = finishing.ms();
        if (!stepped.ok()) return stepped.error();
        stepped->document_ids = r.document_ids;  // named after the first copies ("doc0001-a1")
        ok = ok && agreement_json(*stepped) == agreement_json(r);  // the same figures, counted in steps
        report.info(format("AgreementRun: start / step(1), %zu steps (median, p95, max) / finish", steps.ms.size()),
                    format("%.3f ms / %.3f ms, %.3f ms, %.2f ms / %.2f ms", start_ms, steps.median(), steps.p95(),
                           *std::max_element(steps.ms.begin(), steps.ms.end()), finish_ms));
        report.info("  step(1), CPU time (median, p95, max)", format("%.3f ms, %.3f ms, %.2f ms", steps_cpu.median(), steps_cpu.p95(),
                                                                    *std::max_element(steps_cpu.ms.begin(), steps_cpu.ms.end())));
    }
    for (const auto& writer : {std::pair{"agreement_json", &agreement_json}, std::pair{"agreement_csv", &agreement_csv}}) {
        std::string text;
        const auto write = writer.second;  // (clang 14 cannot capture a structured binding)
        const Samples samples = measure(config.runs, [&] { text = write(r); });
        report.add(writer.first, samples, human_bytes(static_cast<double>(text.size())));
    }
    std::string html;
    const Samples html_samples = measure(config.runs, [&] { html = agreement_html(r); });
    report.add("agreement_html", html_samples, human_bytes(static_cast<double>(html.size())));
    return ok ? Status(Ok{}) : Status(failure("compute_agreement refused two annotators"));
}

}  // namespace inkspan::bench
