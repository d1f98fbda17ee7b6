// Compare and adjudicate by keyboard (issue 18): the sample article annotated by ann (the
// document), bob and cem; Shift+F8 compares ann with bob (markers in the text, N / Shift+N through the
// disagreements, Esc leaves); F9 adjudicates the three into the gold layer, keys only.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/compare_colors.h"
#include "core/inkspan_json.h"
#include "core/layers.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

// ann: Istanbul LOC, Russie LOC, Alexandre Darchiev PER, Sonata Coulter PER;
// bob: Istanbul LOC, Russie ORG, Darchiev PER, Sonata Coulter PER;
// cem: Istanbul LOC, Russie LOC, États-Unis LOC.
std::string three_annotators_json() {
    auto corpus = parse_inkspan_json(sample_corpus_json());
    REQUIRE(corpus.ok());
    Corpus& c = *corpus;
    c.documents[0].set_annotator("ann");
    const Document base = c.documents[0];
    Editor e;
    auto must = [&](const Command& command) { REQUIRE(e.apply(c, command, "2026-12-04T03:00:00Z").ok()); };
    for (const char* who : {"bob", "cem"}) {
        auto layer = make_layer(base, base, std::string("d1-") + who, who);
        REQUIRE(layer.ok());
        must(cmd::AddDocument{std::move(*layer)});
    }
    auto label = [&](const char* doc, std::string_view words, const char* as, int nth = 0) {
        const Range r = range_of(base, words, nth);
        must(cmd::AddSpan{doc, r.start, r.end, as});
    };
    for (const char* d : {"d1", "d1-bob", "d1-cem"}) label(d, "Istanbul", "LOC");
    label("d1", "Russie", "LOC");
    label("d1-bob", "Russie", "ORG");
    label("d1-cem", "Russie", "LOC");
    label("d1", "Alexandre Darchiev", "PER");
    label("d1-bob", "Darchiev", "PER");
    label("d1", "Sonata Coulter", "PER");
    label("d1-bob", "Sonata Coulter", "PER");
    label("d1-cem", "États-Unis", "LOC");
    return write_inkspan_json(c);
}

// "1 of 2 settled", as the adjudication panel says it.
std::string progress(Driver& d) {
    return d.app().adjudication().progress(find_layer(d.app().corpus(), "d1", kGoldAnnotator));
}

ImU32 color_of(Driver& d, DiffKind kind) { return ui::to_imu32(diff_color(d.app().theme().kind, kind)); }

// The compare markers the last frame drew under code point `cp` (its box from locate).
std::vector<ImU32> marks_under(Driver& d, std::size_t cp) {
    const ImVec4 box = d.locate(cp);
    d.settle();
    std::vector<ImU32> out;
    for (const auto& m : d.app().text_view().drawn_marks())
        if (m.min.x <= box.x + box.z * 0.5f && m.max.x >= box.x + box.z * 0.5f && m.min.y >= box.y && m.min.y <= box.y + box.w + 12)
            out.push_back(m.color);
    return out;
}

}  // namespace

TEST_CASE("compare: Shift+F8 shows ann against bob with a marker colour per difference; N and Shift+N select the disagreements; Esc leaves") {
    Driver d(three_annotators_json());
    REQUIRE(d.doc().id() == "d1");
    CHECK(d.app().text_view().drawn_marks().empty());
    d.press(ImGuiKey_F8, 0, false, true);
    d.settle();
    REQUIRE(d.app().compare_view().is_open());
    CHECK(d.app().compare_view().b_id() == "d1-bob");
    CHECK(d.app().compare_view().count(DiffKind::Agreement) == 2);
    REQUIRE(d.app().compare_view().disagreements().size() == 2);
    CHECK(d.item("Compare…") != nullptr);

    const Range russie = range_of(d.doc(), "Russie"), darchiev = range_of(d.doc(), "Alexandre Darchiev");
    const Range istanbul = range_of(d.doc(), "Istanbul");
    const auto at_russie = marks_under(d, russie.start + 2);
    CHECK(std::count(at_russie.begin(), at_russie.end(), color_of(d, DiffKind::LabelConflict)) == 1);
    const auto at_darchiev = marks_under(d, darchiev.end - 2);
    CHECK(std::count(at_darchiev.begin(), at_darchiev.end(), color_of(d, DiffKind::BoundaryConflict)) == 1);
    const auto at_istanbul = marks_under(d, istanbul.start + 2);
    CHECK(std::count(at_istanbul.begin(), at_istanbul.end(), color_of(d, DiffKind::Agreement)) == 1);

    auto selected = [&] { const Span* s = d.doc().find_span(d.app().selected_span()); return s ? Range{s->start, s->end} : Range{}; };
    d.press(ImGuiKey_N, 'n');
    d.settle();
    CHECK(selected().start == russie.start);
    CHECK(d.app().compare_view().current() == std::optional<std::size_t>(0));
    d.press(ImGuiKey_N, 'n');
    d.settle();
    CHECK(selected().start == darchiev.start);
    CHECK(selected().end == darchiev.end);
    d.press(ImGuiKey_N, 'N', false, true);  // Shift+N: back
    d.settle();
    CHECK(selected().start == russie.start);
    CHECK(d.doc().span_count() == 4);  // N is not a label key here: nothing was labelled

    d.press(ImGuiKey_Escape);
    d.settle();
    CHECK_FALSE(d.app().compare_view().is_open());
    CHECK(d.app().text_view().drawn_marks().empty());
}

TEST_CASE("compare: a document without layers says why compare cannot open") {
    Driver d;
    d.press(ImGuiKey_F8, 0, false, true);
    d.settle();
    CHECK_FALSE(d.app().compare_view().is_open());
    CHECK(d.app().status_message().find("another annotator") != std::string::npos);
}

TEST_CASE("adjudicate: three annotators settled by keyboard alone into the gold layer, with who agreed") {
    Driver d(three_annotators_json());
    d.press(ImGuiKey_F9);
    d.settle();
    REQUIRE(d.app().adjudication().phase() == ui::AdjudicationBar::Phase::Setup);
    CHECK(d.app().adjudication().quorum() == 3);
    d.press(ImGuiKey_Minus, '-');  // 2 of 3
    d.settle();
    CHECK(d.app().adjudication().quorum() == 2);
    d.press(ImGuiKey_Enter);
    d.settle();
    REQUIRE(d.app().adjudication().phase() == ui::AdjudicationBar::Phase::Steps);
    const Document* gold = find_layer(d.app().corpus(), "d1", kGoldAnnotator);
    REQUIRE(gold != nullptr);
    CHECK(d.doc().id() == gold->id());  // the gold layer is open
    CHECK(gold->span_count() == 3);     // Istanbul, Russie LOC, Sonata Coulter
    CHECK(progress(d) == "0 of 3 settled");
    // Step 1: bob's Russie ORG (the quorum took ann and cem's LOC), selected in the gold layer — take neither.
    const Range russie = range_of(d.doc(), "Russie"), etats = range_of(d.doc(), "États-Unis");
    CHECK(d.app().selection().start() == russie.start);
    d.press(ImGuiKey_0, '0');
    d.settle();
    CHECK(progress(d) == "1 of 3 settled");
    // Step 2: cem's États-Unis, the only version — take it (1).
    CHECK(d.app().selection().start() == etats.start);
    d.press(ImGuiKey_1, '1');
    d.settle();
    CHECK(progress(d) == "2 of 3 settled");
    // Step 3: ann's "Alexandre Darchiev" (1) or bob's "Darchiev" (2) — take bob's.
    const Range alexandre = range_of(d.doc(), "Alexandre Darchiev"), darchiev = range_of(d.doc(), "Darchiev");
    CHECK(d.app().selection().start() == alexandre.start);
    d.press(ImGuiKey_2, '2');
    d.settle();
    CHECK(progress(d) == "3 of 3 settled");

    gold = find_layer(d.app().corpus(), "d1", kGoldAnnotator);
    REQUIRE(gold->span_count() == 5);
    const Range istanbul = range_of(*gold, "Istanbul"), sonata = range_of(*gold, "Sonata Coulter");
    using Who = std::vector<std::string>;
    REQUIRE(span_at(*gold, istanbul, "LOC"));
    CHECK(span_at(*gold, istanbul, "LOC")->agreed_by == Who{"ann", "bob", "cem"});
    REQUIRE(span_at(*gold, russie, "LOC"));
    CHECK(span_at(*gold, russie, "LOC")->agreed_by == Who{"ann", "cem"});
    CHECK(span_at(*gold, russie, "ORG") == nullptr);
    REQUIRE(span_at(*gold, sonata, "PER"));
    CHECK(span_at(*gold, sonata, "PER")->agreed_by == Who{"ann", "bob"});
    REQUIRE(span_at(*gold, darchiev, "PER"));
    CHECK(span_at(*gold, darchiev, "PER")->agreed_by == Who{"bob"});
    REQUIRE(span_at(*gold, etats, "LOC"));
    CHECK(span_at(*gold, etats, "LOC")->agreed_by == Who{"cem"});

    // Ctrl+Z takes bob's Darchiev back out of the gold layer (an ordinary undo step).
    d.press(ImGuiKey_Escape);
    d.press(ImGuiKey_Z, 0, true);
    d.settle();
    CHECK(find_layer(d.app().corpus(), "d1", kGoldAnnotator)->span_count() == 4);

    // Adjudicating again continues on the same gold layer: nothing added twice, Darchiev (undone) asked again.
    d.press(ImGuiKey_F9);
    d.press(ImGuiKey_Minus, '-');
    d.press(ImGuiKey_Enter);
    d.settle();
    std::size_t gold_layers = 0;
    for (const Document& doc : d.app().corpus().documents) gold_layers += doc.annotator() == kGoldAnnotator;
    CHECK(gold_layers == 1);
    CHECK(find_layer(d.app().corpus(), "d1", kGoldAnnotator)->span_count() == 4);
    CHECK(progress(d) == "1 of 3 settled");  // États-Unis is in the gold layer; "neither" is not kept across runs
}

TEST_CASE("adjudicate: an empty copy (the curator's own, nothing labelled) is listed but not chosen, so the quorum counts the annotators who labelled") {
    // The curator's document d1 (no annotator, nothing labelled) with ann's and bob's layers.
    auto corpus = parse_inkspan_json(sample_corpus_json());
    REQUIRE(corpus.ok());
    Corpus& c = *corpus;
    const Document base = c.documents[0];
    Editor e;
    auto must = [&](const Command& command) { REQUIRE(e.apply(c, command, "2026-12-04T03:00:00Z").ok()); };
    for (const char* who : {"ann", "bob"}) {
        auto layer = make_layer(base, base, std::string("d1-") + who, who);
        REQUIRE(layer.ok());
        must(cmd::AddDocument{std::move(*layer)});
        const Range r = range_of(base, "Istanbul");
        must(cmd::AddSpan{std::string("d1-") + who, r.start, r.end, "LOC"});
    }
    Driver d(write_inkspan_json(c));
    d.press(ImGuiKey_F9);
    d.settle();
    REQUIRE(d.app().adjudication().phase() == ui::AdjudicationBar::Phase::Setup);
    CHECK(d.app().adjudication().chosen_annotators() == std::vector<std::string>{"ann", "bob"});
    CHECK(d.app().adjudication().quorum() == 2);
    d.press(ImGuiKey_Enter);
    d.settle();
    const Document* gold = find_layer(d.app().corpus(), "d1", kGoldAnnotator);
    REQUIRE(gold != nullptr);
    CHECK(gold->span_count() == 1);  // both labelled Istanbul LOC: accepted at once
}

// The sample (d1) and a copy of it (d2, "second.txt"), each with ann's and bob's layers, where
// `spans(base, annotator, add)` labels each layer, add(word, label) on the word's first occurrence.
template <typename AddSpans>
std::string two_texts_two_annotators(AddSpans spans) {
    auto corpus = parse_inkspan_json(sample_corpus_json());
    REQUIRE(corpus.ok());
    Corpus& c = *corpus;
    Editor e;
    auto must = [&](const Command& command) { REQUIRE(e.apply(c, command, "2026-12-04T03:00:00Z").ok()); };
    auto copy = c.documents[0].with_id("d2");
    REQUIRE(copy.ok());
    copy->set_name("second.txt");
    must(cmd::AddDocument{std::move(*copy)});
    for (const std::string base_id : {"d1", "d2"}) {
        const Document base = *c.find_document(base_id);
        for (const std::string who : {"ann", "bob"}) {
            const std::string id = base_id + "-" + who;
            auto layer = make_layer(base, base, id, who);
            REQUIRE(layer.ok());
            must(cmd::AddDocument{std::move(*layer)});
            spans(base, who, [&](const char* word, const char* label) {
                const Range r = range_of(base, word);
                must(cmd::AddSpan{id, r.start, r.end, label});
            });
        }
    }
    return write_inkspan_json(c);
}

TEST_CASE("adjudicate: with every disagreement settled, Enter goes on to the next document left to adjudicate, with the same annotators and quorum") {
    // Two texts, each labelled by ann and bob: Istanbul LOC by both, Russie LOC (ann) / ORG (bob).
    const std::string json = two_texts_two_annotators([](const Document&, const std::string& who, auto add) {
        add("Istanbul", "LOC");
        add("Russie", who == "ann" ? "LOC" : "ORG");
    });
    Driver d(json);
    d.press(ImGuiKey_F9);
    d.settle();
    // The curator's empty copy is left out; ann and bob, quorum 2.
    REQUIRE(d.app().adjudication().chosen_annotators() == std::vector<std::string>{"ann", "bob"});
    d.press(ImGuiKey_Enter);
    d.settle();
    CHECK(progress(d) == "0 of 1 settled");
    d.press(ImGuiKey_2, '2');  // bob's ORG
    d.settle();
    CHECK(progress(d) == "1 of 1 settled");
    CHECK(d.app().status_message().find("second.txt") != std::string::npos);  // says what Enter does next
    d.press(ImGuiKey_Enter);
    d.settle();
    REQUIRE(d.app().adjudication().phase() == ui::AdjudicationBar::Phase::Setup);
    CHECK(d.app().adjudication().group() == "d2");
    CHECK(d.app().adjudication().chosen_annotators() == std::vector<std::string>{"ann", "bob"});
    d.press(ImGuiKey_Enter);
    d.settle();
    const Document* gold2 = find_layer(d.app().corpus(), "d2", kGoldAnnotator);
    REQUIRE(gold2 != nullptr);
    CHECK(gold2->span_count() == 1);  // Istanbul accepted
    d.press(ImGuiKey_0, '0');
    d.settle();
    // Nothing left anywhere: Enter says so and stays.
    CHECK(d.app().status_message().find("Every document") != std::string::npos);
}

TEST_CASE("adjudicate: a document the annotators agree on entirely says there is nothing to settle and Enter goes on") {
    // d1: ann and bob both Istanbul LOC (nothing to settle); d2: Russie LOC (ann) / ORG (bob).
    const std::string json = two_texts_two_annotators([](const Document& base, const std::string& who, auto add) {
        if (base.id() == "d1") add("Istanbul", "LOC");
        else add("Russie", who == "bob" ? "ORG" : "LOC");
    });
    Driver d(json);
    d.press(ImGuiKey_F9);
    d.settle();
    REQUIRE(d.app().adjudication().group() == "d1");
    d.press(ImGuiKey_Enter);
    d.settle();
    const std::string said = d.app().status_message();
    CHECK(said.find("nothing to settle") != std::string::npos);
    CHECK(said.find("second.txt") != std::string::npos);
    d.press(ImGuiKey_Enter);
    d.settle();
    REQUIRE(d.app().adjudication().phase() == ui::AdjudicationBar::Phase::Setup);
    CHECK(d.app().adjudication().group() == "d2");
}
