// The annotation list's rows as one line of text each: their fields stay in order left to right
// whatever the direction of the text in them (checked on UAX #9's visual order, as the list draws
// them), and Latin rows carry no bidi controls.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/bidi.h"
#include "core/list_rows.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

std::u32string code_points(const std::string& utf8) {
    std::u32string out;
    for (std::size_t pos = 0; pos < utf8.size();) out.push_back(decode_utf8(utf8, pos));
    return out;
}

// Where each code point of `text` is drawn: its place from the left, left to right.
std::vector<std::size_t> visual_places(const std::u32string& text) {
    const BidiParagraph bidi(text, DirectionChoice::automatic);
    std::vector<std::size_t> place(text.size());
    std::size_t next = 0;
    for (const BidiRun& run : bidi.visual_runs(0, text.size())) {
        if (run.direction() == TextDirection::ltr)
            for (std::size_t i = run.cp_start; i < run.cp_end; ++i) place[i] = next++;
        else
            for (std::size_t i = run.cp_end; i-- > run.cp_start;) place[i] = next++;
    }
    return place;
}

// The code point range of `needle` in `hay` (the first from `from`).
std::pair<std::size_t, std::size_t> find_cps(const std::u32string& hay, const std::string& needle, std::size_t from = 0) {
    const std::u32string n = code_points(needle);
    const std::size_t at = hay.find(n, from);
    REQUIRE_MESSAGE(at != std::u32string::npos, needle);
    return {at, at + n.size()};
}

// Every code point of [a) is drawn left of every code point of [b).
bool left_of(const std::vector<std::size_t>& place, std::pair<std::size_t, std::size_t> a, std::pair<std::size_t, std::size_t> b) {
    std::size_t a_max = 0, b_min = SIZE_MAX;
    for (std::size_t i = a.first; i < a.second; ++i) a_max = std::max(a_max, place[i]);
    for (std::size_t i = b.first; i < b.second; ++i) b_min = std::min(b_min, place[i]);
    return a_max < b_min;
}

Document make_doc(const std::string& text, const std::vector<Span>& spans) {
    auto created = Document::create("d", "d.txt", text);
    REQUIRE(created.ok());
    Document doc = std::move(created.value());
    doc.insert_spans(spans);
    return doc;
}

}  // namespace

TEST_CASE("list rows: an Arabic span's row reads label, text, context from the left; each field in its own direction") {
    const std::string text = "أعلنت وزارة الصحة المغربية يوم الاثنين عن إطلاق حملة تطعيم جديدة في مدينة فاس.";
    const std::u32string cps = code_points(text);
    const std::size_t start = cps.find(code_points("وزارة")), end = start + code_points("وزارة الصحة المغربية").size();
    const Document doc = make_doc(text, {{"T1", start, end, "ORG"}});
    const std::string row = span_row(doc, doc.span_at(0));
    const std::u32string row_cps = code_points(row);
    const std::vector<std::size_t> place = visual_places(row_cps);

    const auto label = find_cps(row_cps, "ORG");
    const auto span_text = find_cps(row_cps, "وزارة الصحة المغربية", label.second);
    const auto context_mark = find_cps(row_cps, "‹›", span_text.second);
    const auto context_before = find_cps(row_cps, "أعلنت", span_text.second);
    CHECK(left_of(place, label, span_text));
    CHECK(left_of(place, span_text, context_before));  // the context right of the text, not left
    CHECK(left_of(place, span_text, context_mark));
    // Inside its field the Arabic reads right to left: its first letter is its rightmost.
    CHECK(place[span_text.first] > place[span_text.second - 1]);
    // … and the context's words before the span stand right of the span's mark.
    CHECK(place[context_before.first] > place[context_mark.first]);
}

TEST_CASE("list rows: a relation between Arabic spans reads head, type, tail from the left") {
    const std::string text = "قالت الوزيرة سلمى الإدريسي إن وزارة الصحة ستعمل مع منظمة الصحة العالمية.";
    const std::u32string cps = code_points(text);
    const std::size_t h = cps.find(code_points("سلمى")), t = cps.find(code_points("وزارة"));
    const Document doc = make_doc(text, {{"T1", h, h + code_points("سلمى الإدريسي").size(), "PER"},
                                         {"T2", t, t + code_points("وزارة الصحة").size(), "ORG"}});
    const Span* head = doc.find_span("T1");
    const Span* tail = doc.find_span("T2");
    REQUIRE(head);
    REQUIRE(tail);
    const std::u32string row_cps = code_points(relation_row(doc, *head, "member_of", *tail));
    const std::vector<std::size_t> place = visual_places(row_cps);
    const auto head_text = find_cps(row_cps, "سلمى الإدريسي");
    const auto type = find_cps(row_cps, "→member_of→");
    const auto tail_text = find_cps(row_cps, "وزارة الصحة");
    CHECK(left_of(place, head_text, type));
    CHECK(left_of(place, type, tail_text));
}

TEST_CASE("list rows: Latin rows are the fields as they are, with no bidi controls") {
    const std::string text = "Les délégations réunies hier à Istanbul, se sont mises d’accord.";
    const std::u32string cps = code_points(text);
    const std::size_t at = cps.find(code_points("Istanbul"));
    const Document doc = make_doc(text, {{"T1", at, at + 8, "LOC"}, {"T2", 0, 3, "ORG"}});
    const std::string row = span_row(doc, *doc.find_span("T1"));
    CHECK(row == "LOC  Istanbul   …réunies hier à ‹›, se sont mises…");
    CHECK(relation_row(doc, *doc.find_span("T2"), "located_in", *doc.find_span("T1")) == "Les  →located_in→  Istanbul");
    CHECK(isolate_if_rtl("Istanbul") == "Istanbul");
    CHECK(isolate_if_rtl("فاس") == "\u2068فاس\u2069");
}
