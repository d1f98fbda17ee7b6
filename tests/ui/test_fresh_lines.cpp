// What the text view keeps between frames (the line cache, scratch buffers, label places of the
// relations across lines) must never show: wherever it is scrolled to, in small steps (a line or
// two drawn afresh, the rest replayed) or in one jump, a frame draws exactly what a freshly
// constructed view draws at the same place — vertex by vertex, with its chips and arc labels.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/inkspan_json.h"
#include "core/utf8.h"
#include "headless.h"
#include "ui/text_view.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

const ImVec2 kViewMin(160, 40), kViewMax(1120, 640);

// The sample article four times, then paragraphs that take the other drawing paths: Arabic
// (shaped, right to left) and a line with a tab and a control character (shown as pictures).
std::string annotated_text() {
    const std::vector<char> bytes = bench::read_binary(INKSPAN_UI_TEST_SAMPLE);
    REQUIRE(!bytes.empty());
    const std::string article(bytes.begin(), bytes.end());
    std::string text;
    for (int k = 0; k < 4; ++k) text += article + "\n\n";
    text += "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في إسطنبول يوم الثلاثاء، وناقش الوفدان عمل "
            "السفارات والرحلات الجوية المباشرة بين البلدين.\n\n";
    text += "Colonnes\tséparées par une tabulation\x01 et un caractère de contrôle, puis la fin du texte.\n";
    return text;
}

struct Word {
    std::size_t start, end;  // code points
};

std::vector<Word> words_of(const std::string& text) {
    std::vector<Word> out;
    constexpr std::size_t kNone = ~std::size_t{0};
    std::size_t cp = 0, start = kNone;
    for (std::size_t pos = 0; pos < text.size(); ++cp) {
        const char32_t c = decode_utf8(text, pos);
        const bool blank = c == U' ' || c == U'\n' || c == U'\t';
        if (!blank && start == kNone) start = cp;
        if (blank && start != kNone) {
            out.push_back({start, cp});
            start = kNone;
        }
    }
    if (start != kNone) out.push_back({start, cp});
    return out;
}

// Every third word a span (labels in turn), every twelfth a longer span around it and the next
// two words (a chip in a higher band); relations to the next span (mostly on the same line),
// to the twentieth next (another line, often on screen) and to the two-hundredth next (far away).
std::string annotated_corpus_json(bool with_relations = true) {
    Corpus corpus;
    corpus.schema = default_news_schema();
    for (RelationType& t : corpus.schema.relations) t.head = t.tail = {};  // any label at either end
    auto created = Document::create("d1", "fresh-lines.txt", annotated_text());
    REQUIRE(created.ok());
    Document doc = std::move(created.value());
    doc.set_created("2025-01-01T00:00:00Z");
    doc.set_modified(doc.created());
    const std::vector<Word> words = words_of(doc.text());
    const char* labels[] = {"PER", "ORG", "LOC", "DATE", "MISC"};
    std::vector<Span> spans;
    std::vector<std::string> word_spans;
    for (std::size_t w = 0; w < words.size(); w += 3) {
        word_spans.push_back("T" + std::to_string(spans.size() + 1));
        spans.push_back({word_spans.back(), words[w].start, words[w].end, labels[(w / 3) % 5]});
        if (w % 12 == 0 && w + 2 < words.size())
            spans.push_back({"T" + std::to_string(spans.size() + 1), words[w].start, words[w + 2].end, "ORG"});
    }
    std::vector<Relation> relations;
    auto relate = [&](std::size_t from, std::size_t to, const char* type) {
        if (to >= word_spans.size()) return;
        relations.push_back({"R" + std::to_string(relations.size() + 1), type, word_spans[from], word_spans[to]});
    };
    for (std::size_t i = 0; i < word_spans.size(); ++i) {
        if (i % 2 == 0) relate(i, i + 1, "meets");
        if (i % 5 == 0) relate(i, i + 20, "member_of");
        if (i % 17 == 0) relate(i, i + 200, "located_in");
    }
    doc.insert_spans(std::move(spans));
    if (with_relations) doc.insert_relations(std::move(relations));
    corpus.documents.push_back(std::move(doc));
    std::string json = write_inkspan_json(corpus);
    const auto read_back = parse_inkspan_json(json);
    REQUIRE_MESSAGE(read_back.ok(), read_back.error().message);
    return json;
}

// What the view is drawn from: `doc` in the app's theme, nothing selected or hovered.
ui::ViewInput input_for(Driver& d, const Document& doc) {
    ui::ViewInput in;
    in.doc = &doc;
    in.colors = &d.app().theme();
    return in;
}

// One headless frame of `view` alone in a reading window; `draw` false: input only (the view
// counts frames and lays out, but draws nothing).
void view_frame(ui::TextView& view, const ui::ViewInput& in, bool draw = true) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // nothing hovered by the pointer
    bench::new_frame();
    bench::begin_reading_window(kViewMin, kViewMax, in.theme().page_bg);
    (void)view.handle_input(in, kViewMin, kViewMax);
    if (draw) view.draw(in);
    bench::end_reading_window();
    (void)bench::render();
}

// Lays the whole document out, so that a scroll offset means the same lines in every view.
void lay_out_all(ui::TextView& view, const ui::ViewInput& in) {
    view_frame(view, in, false);
    view_frame(view, in, false);  // settle_layout waits for the frame after the first
    while (view.settle_layout(1e9)) view_frame(view, in, false);
}

struct Drawn {
    bench::DrawSnapshot geometry;
    std::vector<ui::TextView::DrawnChip> chips;
    std::vector<ui::TextView::DrawnArc> arcs;
};

Drawn drawn(const ui::TextView& view) {
    return {bench::snapshot_draw_data("##reading"), view.drawn_chips(), view.drawn_arcs()};
}

// What a view made just now draws first at scroll offset `scroll`.
Drawn fresh_frame(Driver& d, const ui::ViewInput& in, float scroll) {
    ui::TextView view;
    view.reset(*in.doc, d.app().corpus().schema, d.app().fonts());
    lay_out_all(view, in);
    view.scroll_by(scroll - view.scroll_y());
    REQUIRE(view.scroll_y() == scroll);
    view_frame(view, in);
    return drawn(view);
}

// The first vertex that differs (beyond 1/1000 px), both ways, for the failure message.
std::string first_vertex_difference(const bench::DrawSnapshot& kept, const bench::DrawSnapshot& fresh) {
    for (std::size_t i = 0; i < kept.vertices.size() && i < fresh.vertices.size(); ++i) {
        const ImDrawVert &u = kept.vertices[i], &v = fresh.vertices[i];
        if (std::fabs(u.pos.x - v.pos.x) > 1e-3f || std::fabs(u.pos.y - v.pos.y) > 1e-3f || u.uv.x != v.uv.x ||
            u.uv.y != v.uv.y || u.col != v.col)
            return "vertex " + std::to_string(i) + ": kept (" + std::to_string(u.pos.x) + ", " + std::to_string(u.pos.y) +
                   ") uv (" + std::to_string(u.uv.x) + ", " + std::to_string(u.uv.y) + ") colour " + std::to_string(u.col) +
                   ", fresh (" + std::to_string(v.pos.x) + ", " + std::to_string(v.pos.y) + ") uv (" + std::to_string(v.uv.x) +
                   ", " + std::to_string(v.uv.y) + ") colour " + std::to_string(v.col);
    }
    return "";
}

void check_same(const Drawn& kept, const Drawn& fresh) {
    INFO(first_vertex_difference(kept.geometry, fresh.geometry));
    CHECK(bench::compare_draw_data(kept.geometry, fresh.geometry) == "");
    REQUIRE(kept.chips.size() == fresh.chips.size());
    for (std::size_t i = 0; i < kept.chips.size(); ++i) {
        CHECK(kept.chips[i].span_id == fresh.chips[i].span_id);
        CHECK(kept.chips[i].min.x == fresh.chips[i].min.x);
        CHECK(kept.chips[i].min.y == fresh.chips[i].min.y);
    }
    REQUIRE(kept.arcs.size() == fresh.arcs.size());
    for (std::size_t i = 0; i < kept.arcs.size(); ++i) {
        INFO("arc ", i, ": ", kept.arcs[i].relation_id);
        CHECK(kept.arcs[i].relation_id == fresh.arcs[i].relation_id);
        CHECK(kept.arcs[i].label_min.x == fresh.arcs[i].label_min.x);
        CHECK(kept.arcs[i].label_min.y == fresh.arcs[i].label_min.y);
        CHECK(kept.arcs[i].label_max.x == fresh.arcs[i].label_max.x);
        CHECK(kept.arcs[i].points.size() == fresh.arcs[i].points.size());
    }
}

// Scrolls `kept` by each step in turn; after each, its frame (some lines fresh, the rest from
// its cache) and the next one (all from the cache) are what a fresh view draws there.
// Returns how many arcs across lines had their label placed in those frames.
std::size_t check_steps(Driver& d, ui::TextView& kept, const ui::ViewInput& in, const std::vector<float>& steps) {
    std::size_t crossing_arcs = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        kept.scroll_by(steps[i]);
        const float scroll = kept.scroll_y();
        view_frame(kept, in);
        const Drawn first = drawn(kept);
        view_frame(kept, in);
        const Drawn again = drawn(kept);
        const Drawn fresh = fresh_frame(d, in, scroll);
        INFO("step ", i, " by ", steps[i], " px to ", scroll, " px");
        check_same(first, fresh);
        check_same(again, fresh);
        for (const auto& a : fresh.arcs) crossing_arcs += a.points.size() == 6 ? 1 : 0;
    }
    return crossing_arcs;
}

// `view` on `doc` laid out in full, scrolled to its middle span and drawn twice (its lines kept).
void open_at_middle(Driver& d, ui::TextView& view, const Document& doc, const ui::ViewInput& in) {
    view.reset(doc, d.app().corpus().schema, d.app().fonts());
    lay_out_all(view, in);
    (void)view.scroll_to(doc.span_at(doc.span_count() / 2).start, true);
    view_frame(view, in);
    view_frame(view, in);
}

std::vector<float> repeated(float step, int n) { return std::vector<float>(static_cast<std::size_t>(n), step); }

}  // namespace

TEST_CASE("fresh lines: scrolled in small steps or in one jump, the view draws what a new view draws there") {
    Driver d(annotated_corpus_json());
    REQUIRE(d.doc().span_count() > 300);
    REQUIRE(d.doc().relations().size() > 200);
    ui::ViewInput in = input_for(d, d.doc());

    ui::TextView kept;
    kept.reset(d.doc(), d.app().corpus().schema, d.app().fonts());
    lay_out_all(kept, in);
    // Every glyph the document needs in the atlas first (a frame that adds glyphs draws again).
    for (float before = -1; kept.scroll_y() > before;) {
        before = kept.scroll_y();
        kept.scroll_by(200.0f);
        view_frame(kept, in);
    }
    kept.scroll_by(-kept.scroll_y());
    view_frame(kept, in);
    const float line = d.app().fonts().body_px * 1.6f;

    std::size_t crossing_arcs = 0;
    SUBCASE("down and up in small steps, and by wheel notches of three lines") {
        crossing_arcs += check_steps(d, kept, in, repeated(7.0f, 24));
        crossing_arcs += check_steps(d, kept, in, repeated(3 * line, 12));
        crossing_arcs += check_steps(d, kept, in, repeated(-5.0f, 10));
    }
    SUBCASE("jumps, then small steps from there (the Arabic and the control characters at the end)") {
        crossing_arcs += check_steps(d, kept, in, {2400.0f, 3.0f, 3 * line, -1200.0f, 1.0f, 1e6f, -2 * line, -9.0f});
    }
    SUBCASE("a relation across lines selected and a span hovered: their lines are drawn afresh every frame") {
        const Relation* across = nullptr;
        for (const Relation& r : d.doc().relations())
            if (r.type == "member_of") across = &r;
        REQUIRE(across);
        in.selected_relation_id = across->id;
        in.hovered_span_id = across->tail;
        const Span* head = d.doc().find_span(across->head);
        REQUIRE(head);
        (void)kept.scroll_to(head->start, true);
        crossing_arcs += check_steps(d, kept, in, {0.0f, 11.0f, 3 * line, 3 * line, -4.0f, -3 * line});
    }
    CHECK(crossing_arcs > 0);  // the label places of arcs across lines were compared too
}

// A kept line remembers where its relations across lines were in the document's list (so a frame
// does not search for them): a relation added elsewhere moves every one of them a place on. The
// lines replayed from the cache must still draw their own relations, as a new view does.
TEST_CASE("fresh lines: a relation added far away moves the document's relations; kept lines still draw theirs") {
    Driver d(annotated_corpus_json());
    Document doc = d.doc();  // a copy this test edits, as the editor would (the view is told the same)
    ui::ViewInput in = input_for(d, doc);

    ui::TextView kept;
    open_at_middle(d, kept, doc, in);  // a place with arcs across lines on screen
    const Span& middle = doc.span_at(doc.span_count() / 2);
    std::size_t crossing = 0;
    for (const auto& a : kept.drawn_arcs()) crossing += a.points.size() == 6 ? 1 : 0;
    REQUIRE(crossing > 0);

    // "R0" sorts before every other relation id: all of them move one place on in the list. Its
    // ends are the first two spans, far above the view: the lines on screen keep their meshes.
    const Span& first = doc.span_at(0);
    const Span& second = doc.span_at(1);
    REQUIRE(second.end < middle.start);
    doc.insert_relation({"R0", "meets", first.id, second.id});
    REQUIRE(&doc.relations().front() == doc.find_relation("R0"));
    kept.spans_changed(first.start, first.end);
    kept.spans_changed(second.start, second.end);

    const float scroll = kept.scroll_y();
    view_frame(kept, in);
    CHECK(kept.lines_replayed() > 0);  // the lines on screen came from the cache
    const Drawn after = drawn(kept);
    check_same(after, fresh_frame(d, in, scroll));
}

// The relations across lines are placed and drawn each frame from where their ends are. A frame
// whose inputs are the last frame's (nothing scrolled, edited, hovered or selected; only the
// pointer moved) copies what the last one drew; any change of those draws them again.
TEST_CASE("fresh lines: relations across lines are copied from the last frame only when nothing they show changed") {
    Driver d(annotated_corpus_json());
    Document doc = d.doc();
    ui::ViewInput in = input_for(d, doc);
    ui::TextView kept;
    open_at_middle(d, kept, doc, in);
    const Relation* across = nullptr;
    for (const auto& a : kept.drawn_arcs())
        if (a.points.size() == 6) across = doc.find_relation(a.relation_id);
    REQUIRE(across);
    const float scroll = kept.scroll_y();

    view_frame(kept, in);
    CHECK(kept.crossing_replayed());
    check_same(drawn(kept), fresh_frame(d, in, scroll));

    SUBCASE("the relation selected, then a span hovered, then neither") {
        in.selected_relation_id = across->id;
        view_frame(kept, in);
        CHECK_FALSE(kept.crossing_replayed());
        check_same(drawn(kept), fresh_frame(d, in, scroll));
        in.selected_relation_id.clear();
        in.hovered_span_id = across->tail;
        view_frame(kept, in);
        CHECK_FALSE(kept.crossing_replayed());
        check_same(drawn(kept), fresh_frame(d, in, scroll));
        in.hovered_span_id.clear();
        view_frame(kept, in);
        CHECK_FALSE(kept.crossing_replayed());
        check_same(drawn(kept), fresh_frame(d, in, scroll));
    }
    SUBCASE("scrolled by one pixel") {
        kept.scroll_by(1.0f);
        view_frame(kept, in);
        CHECK_FALSE(kept.crossing_replayed());
        check_same(drawn(kept), fresh_frame(d, in, kept.scroll_y()));
    }
    SUBCASE("its type renamed in the document (an edit the view is told of)") {
        Relation renamed = *across;
        renamed.type = "located_in";
        doc.replace_relation(renamed);
        for (const std::string& id : {across->head, across->tail})
            if (const Span* s = doc.find_span(id)) kept.spans_changed(s->start, s->end);
        view_frame(kept, in);
        CHECK_FALSE(kept.crossing_replayed());
        check_same(drawn(kept), fresh_frame(d, in, scroll));  // a view of the edited document
    }
}

// Paragraphs are laid out when a frame first needs them, the rest in idle slices (settle_layout).
// After a jump into the middle of the text, the idle slices lay out the screens below and above
// the view first, so the wheel notches that show them next lay out nothing. (Without relations: a
// relation to a span off screen lays out the paragraph of that end, wherever it is.)
TEST_CASE("fresh lines: idle layout starts with the screens around the view, so the wheel finds them laid out") {
    Driver d(annotated_corpus_json(false));
    ui::ViewInput in = input_for(d, d.doc());
    ui::TextView view;
    view.reset(d.doc(), d.app().corpus().schema, d.app().fonts());
    view_frame(view, in);
    (void)view.scroll_to(d.doc().length() / 2, true);
    view_frame(view, in);
    const std::size_t first = view.layout_stats()->paragraphs_broken;
    const float line = d.app().fonts().body_px * 1.6f;
    for (const float step : {3 * line, -3 * line}) {
        for (int notch = 0; notch < 6; ++notch) {
            CAPTURE(step);
            CAPTURE(notch);
            REQUIRE(view.settle_layout(1e-6));  // the shortest idle slice; more remains
            const std::size_t broken = view.layout_stats()->paragraphs_broken;
            view.scroll_by(step);
            view_frame(view, in);
            CHECK(view.lines_replayed() > 0);
            CHECK(view.layout_stats()->paragraphs_broken == broken);  // the notch laid out nothing
        }
    }
    CHECK(view.layout_stats()->paragraphs_broken > first);
}

// The wheel scrolls while the view handles input, after it placed this frame's lines for hit
// testing: the frame that scrolls must draw its lines where the new scroll puts them (a frame
// drawn at the old place left a band of three empty lines at the top, for one frame a notch).
TEST_CASE("fresh lines: the frame a wheel notch scrolls draws the text at its new place") {
    Driver d(annotated_corpus_json());
    ui::ViewInput in = input_for(d, d.doc());
    ui::TextView view;
    view.reset(d.doc(), d.app().corpus().schema, d.app().fonts());
    lay_out_all(view, in);
    ImGuiIO& io = ImGui::GetIO();
    auto frame_with_pointer = [&](float wheel) {
        io.AddMousePosEvent((kViewMin.x + kViewMax.x) * 0.5f, (kViewMin.y + kViewMax.y) * 0.5f);
        if (wheel != 0.0f) io.AddMouseWheelEvent(0.0f, wheel);
        bench::new_frame();
        bench::begin_reading_window(kViewMin, kViewMax, in.theme().page_bg);
        (void)view.handle_input(in, kViewMin, kViewMax);
        view.draw(in);
        bench::end_reading_window();
        (void)bench::render();
    };
    for (const float wheel : {-1.0f, -1.0f, 1.0f}) {
        frame_with_pointer(0.0f);  // the pointer back over the text (fresh_frame moved it away)
        const float before = view.scroll_y();
        frame_with_pointer(wheel);
        REQUIRE(view.scroll_y() != before);  // this frame scrolled
        INFO("wheel ", wheel, " to ", view.scroll_y(), " px");
        const Drawn scrolled = drawn(view);
        check_same(scrolled, fresh_frame(d, in, view.scroll_y()));
    }
}

namespace {
// The vertices the last render() handed the renderer for the reading window (what it uploads).
int reading_vertices() {
    const ImDrawData* dd = ImGui::GetDrawData();
    int n = 0;
    for (const ImDrawList* list : dd->CmdLists)
        if (std::string(list->_OwnerName ? list->_OwnerName : "") == "##reading") n += list->VtxBuffer.Size;
    return n;
}
}  // namespace

// A kept line is kept by the renderer (the web host's WebGL buffers, the tests' heap store): a
// frame that shows it again names it and its offset, and uploads none of its vertices; what the
// renderer then draws is what a new view draws there.
TEST_CASE("fresh lines: a frame that shows kept lines again hands the renderer none of their vertices") {
    Driver d(annotated_corpus_json());
    ui::ViewInput in = input_for(d, d.doc());
    ui::TextView view;
    open_at_middle(d, view, d.doc(), in);
    const float line = d.app().fonts().body_px * 1.6f;
    view.scroll_by(40 * line);  // a place no frame has drawn: every line afresh
    view_frame(view, in);
    REQUIRE(view.lines_replayed() == 0);
    const int fresh = reading_vertices();
    REQUIRE(fresh > 1000);

    view_frame(view, in);  // the same place again: every line kept
    CHECK(view.lines_replayed() > 5);
    CHECK(view.crossing_replayed());
    CHECK(reading_vertices() < fresh / 20);
    check_same(drawn(view), fresh_frame(d, in, view.scroll_y()));

    view.scroll_by(3 * line);  // a wheel notch: three lines afresh, the rest kept and moved
    view_frame(view, in);
    CHECK(view.lines_replayed() > 3);
    CHECK(reading_vertices() < fresh / 2);
    check_same(drawn(view), fresh_frame(d, in, view.scroll_y()));
}

// A frame that drew nothing new (every line kept, the relations across lines copied) draws the
// lines the next wheel notch shows into the cache, off screen, in the direction the view last
// scrolled: the notch then draws no line afresh, and what it draws is what a new view draws.
TEST_CASE("fresh lines: frames that draw nothing new draw the next notch's lines ahead, down and up") {
    Driver d(annotated_corpus_json());
    ui::ViewInput in = input_for(d, d.doc());
    ui::TextView view;
    open_at_middle(d, view, d.doc(), in);  // laid out in full, drawn twice
    const float line = d.app().fonts().body_px * 1.6f;
    std::size_t ahead = 0;
    for (const float notch : {3 * line, 3 * line, 3 * line, -3 * line, -3 * line, -3 * line, -3 * line}) {
        CAPTURE(notch);
        view_frame(view, in);  // nothing new: the lines the next notch shows, if not drawn yet
        ahead += view.lines_drawn_ahead();
        view.scroll_by(notch);
        view_frame(view, in);
        CHECK(view.lines_replayed() == view.lines_on_screen());  // none afresh
        check_same(drawn(view), fresh_frame(d, in, view.scroll_y()));
    }
    CHECK(ahead >= 4);
}

// The store (WebGL buffers in the browser) holds the meshes of kept lines only: a line dropped
// from the cache, a jump away, a view reset or gone frees its mesh once the frame is drawn.
TEST_CASE("fresh lines: the mesh store holds only what the view keeps, and gets it back") {
    Driver d(annotated_corpus_json());
    ui::ViewInput in = input_for(d, d.doc());
    const bench::HeapMeshStore& store = bench::HeadlessImGui::mesh_store();
    view_frame(*std::make_unique<ui::TextView>(), in);  // a frame with no view of ours: what others hold
    const std::size_t others = store.size();
    {
        ui::TextView view;
        open_at_middle(d, view, d.doc(), in);
        view_frame(view, in);
        CHECK(store.size() > others);
        const float line = d.app().fonts().body_px * 1.6f;
        for (const float jump : {4000.0f, -9000.0f, 3 * line, 20000.0f, -3 * line}) {
            view.scroll_by(jump);
            view_frame(view, in);
            view_frame(view, in);
            CHECK(store.size() - others <= view.cached_lines() + 1);  // + the relations across lines
        }
        view.reset(d.doc(), d.app().corpus().schema, d.app().fonts());
        view_frame(view, in);
        view_frame(view, in);
        CHECK(store.size() - others <= view.cached_lines() + 1);
    }
    view_frame(*std::make_unique<ui::TextView>(), in);
    CHECK(store.size() == others);
}
