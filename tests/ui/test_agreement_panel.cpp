// The Agreement window (issue 18) driven like a user: annotators' files of the sample article
// imported (Keep both), F8 opens the window, annotators ticked and unticked, the other pair chosen,
// the reports downloaded. The figures drawn must equal compute_agreement's on the same layers,
// built here from the documents the test wrote (not through the app's corpus).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/agreement_report.h"
#include "core/color_contrast.h"
#include "core/inkspan_json.h"
#include "core/layers.h"
#include "platform/native.h"
#include "platform/static_files.h"
#include "ui/agreement_panel.h"
#include "ui/shaped_text.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

struct Mark {
    const char* needle;
    const char* label;
    int nth = 0;
};

// One annotator's copy of the open document (id `<annotator>-copy`) with spans on these words and,
// when `relate`, a "meets" relation from the first span to the second.
Document copy_of(const Document& sample, const std::string& annotator, const std::vector<Mark>& marks, bool relate = false) {
    auto doc = Document::create(annotator + "-copy", "istanbul-talks.fr.txt", sample.text());
    REQUIRE(doc.ok());
    doc->set_annotator(annotator);
    int n = 0;
    for (const Mark& m : marks) {
        const Range r = range_of(sample, m.needle, m.nth);
        doc->insert_span(Span{"T" + std::to_string(++n), r.start, r.end, m.label, {}, {}});
    }
    if (relate) doc->insert_relation(Relation{"R1", "meets", "T1", "T2"});
    return std::move(doc.value());
}

// Imports the copy as its own file; the text is already here by nobody else: it becomes the copy's annotator's layer.
void import_copy(Driver& d, const Document& copy) {
    const auto asked = d.app().import_files({{copy.annotator() + ".inkspan.json", write_inkspan_json(d.app().corpus().schema, copy)}});
    REQUIRE_MESSAGE(asked.ok, asked.message);
    REQUIRE_FALSE(asked.pending);
    d.settle();
}

// Frames until the panel has counted (it sees a change in the next frame, gathers the layers,
// starts, then counts a few documents per frame).
void wait_for_report(Driver& d) {
    d.frame();
    for (int i = 0; i < 100 && d.app().agreement_panel().counting(); ++i) d.frame();
    d.frame();  // the frame that draws the finished report
    REQUIRE(d.app().agreement_panel().report() != nullptr);
}

std::string key(const std::string& measure, const std::string& a, const std::string& b, const std::string& label) {
    return measure + '|' + a + '|' + b + '|' + label;
}

// Every figure the panel should show for `expected` (the pairs overall; the chosen pair per label),
// compared with what it drew.
void check_drawn(const ui::AgreementPanel& panel, const AgreementReport& expected, std::size_t pair, const ui::Theme& theme) {
    const auto& drawn = panel.drawn_figures();
    auto check = [&](const std::string& k, std::optional<double> value) {
        INFO(k);
        REQUIRE(drawn.contains(k));
        CHECK(drawn.at(k) == ui::figure_text(value));
    };
    const auto& names = expected.annotators;
    for (const PairAgreement& p : expected.pairs) {
        check(key("span_exact_f1", names[p.a], names[p.b], ""), f1(p.exact.overall));
        check(key("span_overlap_f1", names[p.a], names[p.b], ""), f1(p.overlap.overall));
        check(key("relation_f1", names[p.a], names[p.b], ""), f1(p.relations.overall));
        check(key("cohen_kappa", names[p.a], names[p.b], ""), p.cohen_kappa.overall);
    }
    check(key("alpha", "", "", ""), expected.alpha.alpha.overall);
    if (expected.fleiss) check(key("fleiss_kappa", "", "", ""), expected.fleiss->kappa.overall);
    else CHECK_FALSE(drawn.contains(key("fleiss_kappa", "", "", "")));
    const PairAgreement& p = expected.pairs[pair];
    for (std::size_t i = 0; i < expected.labels.size(); ++i) {
        const std::string& label = expected.labels[i];
        check(key("span_exact_f1", names[p.a], names[p.b], label), f1(p.exact.per_label[i]));
        check(key("span_overlap_f1", names[p.a], names[p.b], label), f1(p.overlap.per_label[i]));
        check(key("cohen_kappa", names[p.a], names[p.b], label), p.cohen_kappa.per_label[i]);
        check(key("alpha", "", "", label), expected.alpha.alpha.per_label[i]);
        if (expected.fleiss) check(key("fleiss_kappa", "", "", label), expected.fleiss->kappa.per_label[i]);
    }
    for (std::size_t i = 0; i < expected.relation_types.size(); ++i)
        check(key("relation_f1", names[p.a], names[p.b], expected.relation_types[i]), f1(p.relations.per_label[i]));
    // The heat map: one cell per pair of categories (labels, then O), the count in it, legible.
    const auto& cells = panel.drawn_cells();
    const std::size_t n = expected.labels.size() + 1;
    REQUIRE(cells.size() == n * n);
    const ui::AgreementPanel::HeatCell* most = &cells.front();
    const ui::AgreementPanel::HeatCell* none = nullptr;
    for (const auto& c : cells) {
        CHECK(c.count == p.confusion[c.row][c.column]);
        CHECK(contrast_ratio(ui::to_rgba(c.fill), ui::to_rgba(c.ink)) >= kContrastText);
        if (c.count > most->count) most = &c;
        if (c.count == 0) none = &c;
    }
    // Colour by count: an empty cell has the page's colour, the fullest the accent.
    REQUIRE(none != nullptr);
    CHECK(none->fill == theme.page_bg);
    CHECK(most->fill == theme.accent);
}

const std::vector<Mark> kAnn = {{"Alexandre Darchiev", "PER"}, {"Sonata Coulter", "PER"}, {"Istanbul", "LOC"},
                                {"Russie", "LOC"}, {"ministère des Affaires étrangères", "ORG"}, {"2016-2018", "DATE"}};
const std::vector<Mark> kBob = {{"Alexandre Darchiev", "PER"}, {"Sonata Coulter", "PER"}, {"Istanbul", "LOC"},
                                {"Russie", "ORG"}, {"Affaires étrangères", "ORG"}, {"jeudi", "DATE"}};
const std::vector<Mark> kCem = {{"Darchiev", "PER"}, {"Istanbul", "LOC"}, {"Istanbul", "LOC", 1}, {"Russie", "LOC"},
                                {"2016-2018", "DATE"}, {"Moscou", "LOC"}};

}  // namespace

TEST_CASE("agreement panel: F8 opens it and it shows compute_agreement's figures; unticking an annotator recounts") {
    Driver d;
    const Document ann = copy_of(d.doc(), "ann", kAnn, true);
    const Document bob = copy_of(d.doc(), "bob", kBob, true);
    const Document cem = copy_of(d.doc(), "cem", kCem);
    for (const Document* copy : {&ann, &bob, &cem}) import_copy(d, *copy);
    REQUIRE(d.app().corpus().documents.size() == 4);  // the sample (nobody's layer) and three copies

    auto layered = group_by_text(std::vector<const Document*>{&ann, &bob, &cem});
    REQUIRE(layered.ok());
    const auto expected = compute_agreement(*layered, agreement_options(d.app().corpus().schema));
    REQUIRE(expected.ok());
    REQUIRE(expected->fleiss);

    d.press(ImGuiKey_F8);
    REQUIRE(d.app().agreement_panel().open);
    wait_for_report(d);
    const ui::AgreementPanel& panel = d.app().agreement_panel();
    CHECK(panel.annotators() == std::vector<std::string>{"ann", "bob", "cem"});
    check_drawn(panel, *expected, 0, d.app().theme());

    // Another pair's labels and confusion: picked by its radio button.
    d.click_item("bob × cem");
    d.settle();
    check_drawn(panel, *expected, 2, d.app().theme());

    // The reports download as the panel shows them.
    platform::native::clear_downloads();
    d.click_item("Download CSV");
    d.click_item("Download HTML report");
    d.settle();
    const auto& downloads = platform::native::downloads();
    REQUIRE(downloads.size() == 2);
    CHECK(downloads[0].name.ends_with(".csv"));
    CHECK(downloads[0].bytes == agreement_csv(*expected).size());
    CHECK(downloads[1].name.ends_with(".html"));
    CHECK(downloads[1].bytes == agreement_html(*expected, "Agreement").size());

    // Unticked: cem leaves, no Fleiss' kappa any more, the figures of ann and bob alone.
    d.click_item("cem");
    wait_for_report(d);
    AgreementOptions two = agreement_options(d.app().corpus().schema);
    two.annotators = {"ann", "bob"};
    const auto pair = compute_agreement(*layered, two);
    REQUIRE(pair.ok());
    CHECK(panel.report()->annotators == std::vector<std::string>{"ann", "bob"});
    check_drawn(panel, *pair, 0, d.app().theme());

    d.press(ImGuiKey_F8);
    CHECK_FALSE(d.app().agreement_panel().open);
}

TEST_CASE("agreement panel: says what it needs, counts again when the corpus changes, and compares the open document") {
    Driver d;
    d.press(ImGuiKey_F8);
    d.settle();
    const ui::AgreementPanel& panel = d.app().agreement_panel();
    CHECK(panel.report() == nullptr);
    CHECK(panel.message().find("two or more annotators") != std::string::npos);

    const Document ann = copy_of(d.doc(), "ann", kAnn);
    const Document bob = copy_of(d.doc(), "bob", kBob);
    import_copy(d, ann);
    import_copy(d, bob);  // the corpus changed while the panel is open: it counts again
    wait_for_report(d);
    CHECK(panel.report()->annotators == std::vector<std::string>{"ann", "bob"});
    const Document* ann_layer = find_layer(d.app().corpus(), "d1", "ann");
    REQUIRE(ann_layer);
    const std::string ann_id = ann_layer->id();  // the copies are layers of the sample, under new ids
    CHECK(panel.report()->document_ids == std::vector<std::string>{ann_id});

    // Only the open document: the imported copy is open (bob's layer); the sample is nobody's layer.
    d.click_item("Open document");
    wait_for_report(d);
    CHECK(panel.report()->document_ids == std::vector<std::string>{ann_id});
    d.press(ImGuiKey_RightBracket, 0, /*ctrl=*/true);  // the layer bar steps from bob's layer to the sample
    d.settle();
    REQUIRE(d.app().current_document()->id() == "d1");
    CHECK(panel.report() == nullptr);
    CHECK(panel.message() == "document \"d1\" has no annotator: it is nobody's layer");
}

TEST_CASE("agreement panel: by keyboard alone — F8, Tab to Download CSV, Space; Esc closes it") {
    Driver d;
    import_copy(d, copy_of(d.doc(), "ann", kAnn));
    import_copy(d, copy_of(d.doc(), "bob", kBob));
    d.press(ImGuiKey_F8);
    wait_for_report(d);
    const std::string selected = d.app().selected_span();
    // The window has the keys, on its first control (ann): the first Tab shows the focus there,
    // the next ones walk bob, All documents, Open document, Download CSV — not the text's spans.
    for (int i = 0; i < 5; ++i) d.press(ImGuiKey_Tab);
    CHECK(d.app().selected_span() == selected);
    platform::native::clear_downloads();
    d.press(ImGuiKey_Space, ' ');
    d.settle();
    REQUIRE(platform::native::downloads().size() == 1);
    CHECK(platform::native::downloads()[0].name.ends_with(".csv"));
    d.press(ImGuiKey_Escape);
    CHECK_FALSE(d.app().agreement_panel().open);
}

TEST_CASE("agreement panel: gathers the layers, reads and counts one step a frame, saying how far it is, then the figures") {
    Driver d;
    const Document ann = copy_of(d.doc(), "ann", kAnn, true);
    const Document bob = copy_of(d.doc(), "bob", kBob, true);
    const Document cem = copy_of(d.doc(), "cem", kCem);
    for (const Document* copy : {&ann, &bob, &cem}) import_copy(d, *copy);
    auto layered = group_by_text(std::vector<const Document*>{&ann, &bob, &cem});
    REQUIRE(layered.ok());
    const auto expected = compute_agreement(*layered, agreement_options(d.app().corpus().schema));
    REQUIRE(expected.ok());

    ui::AgreementPanel& panel = d.app().agreement_panel();
    panel.work_budget_ms = 0;  // one step a frame, whatever the machine's speed
    panel.open = true;         // as F8 does (pressing it takes four frames: the first ones would go unseen)
    // What it says, frame by frame: the four documents of the corpus (the sample and three layers)
    // gathered one per frame, then the run's steps (the one document selected, read, counted) one
    // per frame.
    std::vector<std::string> said;
    for (int i = 0; i < 100 && panel.counting(); ++i) {
        d.frame();
        if (!panel.drawn_progress().empty()) said.push_back(panel.drawn_progress());
    }
    CHECK(said == std::vector<std::string>{"Gathering the annotators' layers: 1 of 4 documents",
                                           "Gathering the annotators' layers: 2 of 4 documents",
                                           "Gathering the annotators' layers: 3 of 4 documents", "Counting: 0 %",
                                           "Counting: 33 %", "Counting: 66 %"});
    REQUIRE(panel.report() != nullptr);
    CHECK(panel.drawn_progress().empty());  // the frame that counted the last document drew the figures
    check_drawn(panel, *expected, 0, d.app().theme());

    // A fourth annotator's layer arrives: it gathers again; a fifth arrives while it gathers, and it
    // starts over on the new corpus.
    const Document dan = copy_of(d.doc(), "dan", kCem);
    const Document eve = copy_of(d.doc(), "eve", kBob, true);
    import_copy(d, dan);
    REQUIRE(panel.drawn_progress() == "Gathering the annotators' layers: 2 of 5 documents");
    import_copy(d, eve);
    wait_for_report(d);
    auto five = group_by_text(std::vector<const Document*>{&ann, &bob, &cem, &dan, &eve});
    REQUIRE(five.ok());
    const auto with_five = compute_agreement(*five, agreement_options(d.app().corpus().schema));
    REQUIRE(with_five.ok());
    CHECK(panel.report()->annotators == std::vector<std::string>{"ann", "bob", "cem", "dan", "eve"});
    check_drawn(panel, *with_five, 0, d.app().theme());
}

TEST_CASE("agreement panel: Arabic and Hindi annotators' names are drawn shaped — ticks, pairs, the heat map's axes") {
    platform::set_static_root(static_font_folder());
    Driver d;
    const std::string arabic = "سارة", hindi = "प्रिया";
    import_copy(d, copy_of(d.doc(), "ann", kAnn));
    import_copy(d, copy_of(d.doc(), arabic, kBob));
    import_copy(d, copy_of(d.doc(), hindi, kCem));
    d.press(ImGuiKey_F8);
    wait_for_report(d);
    const ui::AgreementPanel& panel = d.app().agreement_panel();
    REQUIRE(panel.annotators() == std::vector<std::string>{"ann", arabic, hindi});
    // No ImGui widget carries a name to draw it code point by code point (reversed, unjoined): the
    // checkboxes and the pairs' radio buttons are labelled by id, the names drawn shaped beside them.
    for (const std::string& label : {arabic, hindi, "ann × " + arabic, arabic + " × " + hindi}) {
        CAPTURE(label);
        CHECK(d.item(label) == nullptr);
    }
    CHECK(d.item("ann") != nullptr);  // a Latin name needs no shaping: ImGui draws it
    d.click_item("##agreement-pair-2");  // سارة × प्रिया: its labels and confusion
    d.settle();
    // The shaped texts drawn (the cache of short shaped texts holds them, by their start), every
    // glyph found: the names, the pairs, and the heat map's "Rows: …, columns: …".
    auto shaped = [&](const std::string& text) {
        std::size_t glyphs = 0, notdef = 0;
        for (const auto& [key, line] : d.app().fonts().strings->lines)  // em size, NUL, the text
            if (std::string_view(key).substr(key.find('\0') + 1).starts_with(text))
                for (const ShapedRun& run : line->runs())
                    for (const ShapedGlyph& g : run.glyphs) { ++glyphs; notdef += g.glyph_id == 0; }
        return glyphs > 0 && notdef == 0;
    };
    for (const std::string& text : {arabic, hindi, "ann × " + arabic, arabic + " × " + hindi,
                                    "Rows: " + arabic + ", columns: " + hindi}) {
        CAPTURE(text);
        CHECK(shaped(text));
    }
    CHECK(d.app().missing_glyphs().empty());
    // The shaped checkbox is a checkbox: unticking the Arabic name leaves ann and the Hindi name.
    d.click_item("##agreement-annotator-1");
    wait_for_report(d);
    CHECK(panel.report()->annotators == std::vector<std::string>{"ann", hindi});
}
