#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/document.h"
#include "core/limits.h"
#include "core/utf8_text.h"
#include "model_fixtures.h"

using namespace inkspan;
using inkspan::testing::make_doc;

namespace {

Span span(std::string id, std::size_t start, std::size_t end, std::string label) {
    return Span{std::move(id), start, end, std::move(label), "", {}};
}

std::vector<std::string> ids(const std::vector<const Span*>& spans) {
    std::vector<std::string> out;
    for (const Span* s : spans) out.push_back(s->id);
    return out;
}

}  // namespace

TEST_CASE("Document::create refuses bad ids and invalid UTF-8 with the byte position") {
    CHECK(Document::create("d1", "x", "hello").ok());
    auto bad_id = Document::create("d 1", "x", "hello");
    CHECK(bad_id.error().kind == ErrorKind::Invalid);
    CHECK(bad_id.error().message == "id: invalid id \"d 1\" (1 to 64 bytes, no spaces or control characters)");
    auto bad_text = Document::create("d1", "x", std::string(57, 'a') + "\xC3(");
    CHECK(bad_text.error().kind == ErrorKind::InvalidUtf8);
    CHECK(bad_text.error().message == "text: invalid UTF-8 at byte 57");
}

TEST_CASE("doc status names") {
    CHECK(doc_status_name(DocStatus::InProgress) == "in_progress");
    CHECK(parse_doc_status("done") == DocStatus::Done);
    CHECK(parse_doc_status("new") == DocStatus::New);
    CHECK_FALSE(parse_doc_status("Done").has_value());
}

TEST_CASE("span text counts code points through emoji, combining marks and CRLF") {
    // e + U+0301, CRLF, an emoji (4 bytes, 1 code point), « », ’
    Document d = make_doc("d", "Cafe\u0301\r\n😀 « l’été »");
    CHECK(d.length() == 18);
    d.insert_span(span("T1", 0, 5, "MISC"));   // "Café" with the combining accent
    d.insert_span(span("T2", 7, 8, "MISC"));   // the emoji
    d.insert_span(span("T3", 11, 18, "MISC")); // "l’été »"
    CHECK(d.span_text(*d.find_span("T1")) == "Cafe\u0301");
    CHECK(d.span_text(*d.find_span("T2")) == "😀");
    CHECK(d.text_of(5, 7) == "\r\n");
    CHECK(d.span_text(*d.find_span("T3")) == "l’été »");
    CHECK(d.text_of(15, 100) == "é »");  // clamped
}

TEST_CASE("spans stay sorted by start, end, label, id and are found by id") {
    Document d = make_doc("d", std::string(100, 'x'));
    d.insert_span(span("T3", 10, 20, "ORG"));
    d.insert_span(span("T1", 10, 20, "LOC"));
    d.insert_span(span("T2", 5, 30, "PER"));
    d.insert_spans({span("T4", 10, 15, "PER"), span("T10", 0, 1, "LOC"), span("T5", 50, 60, "DATE")});
    std::vector<std::string> order;
    for (const Span& s : d.spans()) order.push_back(s.id);
    CHECK(order == std::vector<std::string>{"T10", "T2", "T4", "T1", "T3", "T5"});
    CHECK(d.span_count() == 6);
    CHECK(d.find_span("T4")->end == 15);
    CHECK(d.find_span("T99") == nullptr);
    CHECK(d.find_span(10, 20, "ORG")->id == "T3");
    CHECK(d.find_span(10, 20, "MISC") == nullptr);
    CHECK(d.position_of("T1") == 3u);
    CHECK(d.next_span_id() == "T11");
    CHECK(d.label_count("PER") == 2);
    CHECK(d.has_id("T5"));

    d.erase_span("T2");
    CHECK(d.find_span("T2") == nullptr);
    CHECK(d.position_of("T1") == 2u);
    CHECK(d.label_count("PER") == 1);
    d.erase_spans({"T10", "T5"});
    CHECK(d.span_count() == 3);
    CHECK(d.next_span_id() == "T11");  // never reused

    Span relabelled = *d.find_span("T4");
    relabelled.label = "ORG";
    relabelled.note = "checked";
    d.replace_span(relabelled);
    CHECK(d.find_span("T4")->note == "checked");
    CHECK(d.label_count("ORG") == 2);
    d.rename_label("ORG", "COMPANY");
    CHECK(d.label_count("COMPANY") == 2);
    CHECK(d.label_count("ORG") == 0);
    CHECK(d.find_span(10, 20, "COMPANY")->id == "T3");
}

TEST_CASE("spans_overlapping agrees with a scan, with long spans in the mix") {
    std::mt19937 rng(7);
    const std::size_t n = 3000;
    Document d = make_doc("d", std::string(n, 'x'));
    std::vector<Span> all;
    std::uniform_int_distribution<std::size_t> pos(0, n - 1), shortlen(1, 12), coin(0, 50);
    for (int i = 0; i < 1500; ++i) {
        std::size_t start = pos(rng);
        std::size_t len = coin(rng) == 0 ? n / 2 : shortlen(rng);  // a few very long spans
        std::size_t end = std::min(n, start + len);
        if (start == end) continue;
        all.push_back(span("T" + std::to_string(i + 1), start, end, i % 2 ? "PER" : "LOC"));
    }
    d.insert_spans(all);
    // remove a few and add a few one by one, to exercise the incremental index
    for (int i = 0; i < 100; ++i) d.erase_span(all[static_cast<std::size_t>(i) * 7].id);
    for (int i = 0; i < 100; ++i) d.insert_span(span("U" + std::to_string(i), pos(rng) / 2, n / 2 + pos(rng) / 2, "ORG"));
    std::vector<const Span*> kept;
    for (int q = 0; q < 500; ++q) {
        std::size_t a = pos(rng), b = std::min(n, a + shortlen(rng) * (q % 5 + 1));
        std::vector<std::string> expect;
        for (const Span& s : d.spans())
            if (s.start < b && s.end > a) expect.push_back(s.id);
        CHECK(ids(d.spans_overlapping(a, b)) == expect);
        // Into a list kept from query to query (the text view's, line after line): cleared first.
        d.spans_overlapping(a, b, kept);
        CHECK(ids(kept) == expect);
    }
    std::vector<std::string> at0;
    for (const Span& s : d.spans())
        if (s.start <= 0 && s.end > 0) at0.push_back(s.id);
    CHECK(ids(d.spans_at(0)) == at0);
}

TEST_CASE("crossing spans are found; nested ones are not crossing") {
    Document d = make_doc("d", std::string(50, 'x'));
    d.insert_spans({span("T1", 0, 20, "ORG"), span("T2", 5, 10, "PER"), span("T3", 5, 20, "LOC"), span("T4", 20, 30, "LOC")});
    CHECK_FALSE(d.find_crossing_pair().has_value());
    CHECK(d.find_crossing(0, 20) == nullptr);
    CHECK(d.find_crossing(6, 9) == nullptr);
    CHECK(d.find_crossing(0, 30) == nullptr);
    CHECK(d.find_crossing(8, 15)->id == "T2");
    CHECK(d.find_crossing(15, 25)->id == "T1");
    d.insert_span(span("T5", 25, 35, "DATE"));
    auto pair = d.find_crossing_pair();
    REQUIRE(pair.has_value());
    CHECK(pair->first->id == "T4");
    CHECK(pair->second->id == "T5");
}

TEST_CASE("relations: natural id order, lookups by span, counts") {
    Document d = make_doc("d", std::string(50, 'x'));
    d.insert_spans({span("T1", 0, 5, "PER"), span("T2", 10, 15, "PER"), span("T3", 20, 25, "ORG")});
    d.insert_relation({"R10", "meets", "T1", "T2"});
    d.insert_relation({"R2", "member_of", "T1", "T3"});
    d.insert_relations({{"R9", "member_of", "T2", "T3"}, {"R1", "meets", "T2", "T1"}});
    std::vector<std::string> order;
    for (const Relation& r : d.relations()) order.push_back(r.id);
    CHECK(order == std::vector<std::string>{"R1", "R2", "R9", "R10"});
    CHECK(d.find_relation("R9")->head == "T2");
    CHECK(d.find_relation("meets", "T1", "T2")->id == "R10");
    CHECK(d.find_relation("meets", "T3", "T2") == nullptr);
    CHECK(d.relations_of("T1").size() == 3);
    CHECK(d.relation_type_count("member_of") == 2);
    CHECK(d.next_relation_id() == "R11");
    d.erase_relations({"R10", "R1"});
    CHECK(d.relations_of("T1").size() == 1);
    CHECK(d.relation_type_count("meets") == 0);
    d.rename_relation_type("member_of", "works_for");
    CHECK(d.relation_type_count("works_for") == 2);
    Relation r = *d.find_relation("R2");
    r.type = "meets";
    d.replace_relation(r);
    CHECK(d.relation_type_count("meets") == 1);
    CHECK(natural_id_less("T2", "T10"));
    CHECK(natural_id_less("R9", "T1"));
    CHECK_FALSE(natural_id_less("T10", "T10"));
    CHECK(natural_id_less("T01", "T1"));
}

TEST_CASE("documents compare by content, not by id counters or storage") {
    Document a = make_doc("d", std::string(20, 'x'));
    Document b = a;
    a.insert_spans({span("T1", 0, 5, "PER"), span("T2", 6, 8, "LOC")});
    b.insert_span(span("T9", 1, 2, "PER"));
    b.erase_span("T9");
    b.insert_span(span("T2", 6, 8, "LOC"));
    b.insert_span(span("T1", 0, 5, "PER"));
    CHECK(a == b);
    CHECK(a.next_span_id() != b.next_span_id());
    b.set_modified("2025-01-01");
    CHECK_FALSE(a == b);
}

TEST_CASE("50,000 spans: bulk insert, overlap queries and single edits stay fast") {
    const std::size_t n = 1'000'000;
    Document d = make_doc("big", std::string(n, 'a'));
    std::vector<Span> spans;
    for (std::size_t i = 0; i < 50'000; ++i) spans.push_back(span("T" + std::to_string(i + 1), i * 20, i * 20 + 7, "PER"));
    spans.push_back(span("T999999", 0, n, "MISC"));  // one span over everything
    d.insert_spans(std::move(spans));
    std::size_t hits = 0;
    for (std::size_t q = 0; q < 10'000; ++q) hits += d.spans_overlapping(q * 97, q * 97 + 400).size();
    CHECK(hits > 10'000);
    for (std::size_t i = 0; i < 2000; ++i) d.insert_span(span("U" + std::to_string(i), i * 20 + 1, i * 20 + 3, "LOC"));
    for (std::size_t i = 0; i < 2000; ++i) d.erase_span("U" + std::to_string(i));
    CHECK(d.span_count() == 50'001);
    CHECK(d.spans_overlapping(500'010, 500'011).size() == 1);  // only the long one
}

TEST_CASE("Document::create from checked text: the same document, the same refusals of everything else") {
    const std::string text = "Zoë 😀 met Émile\r\nin 東京.\n";
    auto plain = Document::create("d1", "a.txt", text);
    auto checked = Document::create("d1", "a.txt", Utf8Text::check(text, "text").value());
    REQUIRE(plain.ok());
    REQUIRE(checked.ok());
    CHECK(*checked == *plain);
    CHECK(checked->length() == plain->length());
    CHECK(checked->text_of(4, 5) == "😀");
    // Only the UTF-8 check is skipped: the id, the name and the size are checked as before.
    const Utf8Text word = Utf8Text::check("word", "text").value();
    CHECK(Document::create("d 1", "a.txt", word).error().message == Document::create("d 1", "a.txt", "word").error().message);
    CHECK(Document::create("d1", "a\xFF", word).error().message == "name: invalid UTF-8 at byte 1");
    const Utf8Text huge = Utf8Text::check(std::string(kMaxTextBytes + 1, 'a'), "text").value();
    auto too_long = Document::create("d1", "a.txt", huge);
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error().kind == ErrorKind::TooLarge);
    CHECK(too_long.error().message == Document::create("d1", "a.txt", std::string(kMaxTextBytes + 1, 'a')).error().message);
}

TEST_CASE("insert_spans into a document without spans (a reader's vector kept as the storage) equals span by span") {
    std::mt19937 rng(11);
    const std::size_t n = 2000;
    std::uniform_int_distribution<std::size_t> pos(0, n - 1), len(1, 40);
    std::vector<Span> all;
    for (int i = 0; i < 700; ++i) {  // unsorted, with ids out of natural order and labels in any order
        const std::size_t start = pos(rng), end = std::min(n, start + len(rng));
        Span s = span((i % 3 ? "T" : "X") + std::to_string(700 - i), start, end, i % 4 ? "PER" : "LOC");
        if (i % 50 == 0) s.attributes["k"] = "v" + std::to_string(i);
        if (i % 70 == 0) s.note = "note " + std::to_string(i);
        all.push_back(std::move(s));
    }
    Document whole = make_doc("d", std::string(n, 'x'));
    Document one_by_one = make_doc("d", std::string(n, 'x'));
    whole.insert_spans(all);
    for (const Span& s : all) one_by_one.insert_span(s);
    auto check_same = [&] {
        CHECK(whole == one_by_one);
        CHECK(std::vector<Span>(whole.spans().begin(), whole.spans().end()) ==
              std::vector<Span>(one_by_one.spans().begin(), one_by_one.spans().end()));
        CHECK(whole.label_counts() == one_by_one.label_counts());
        CHECK(whole.next_span_id() == one_by_one.next_span_id());
        for (const Span& s : one_by_one.spans()) {
            REQUIRE(whole.find_span(s.id) != nullptr);
            CHECK(*whole.find_span(s.id) == s);
            CHECK(whole.position_of(s.id) == one_by_one.position_of(s.id));
        }
        for (std::size_t a = 0; a < n; a += 97) CHECK(ids(whole.spans_overlapping(a, a + 30)) == ids(one_by_one.spans_overlapping(a, a + 30)));
    };
    check_same();
    // The first batch's vector is the storage itself (its spans were not moved one by one): the
    // span of the first draft sits where the vector held it.
    std::vector<Span> adopted = all;
    const Span* held = adopted.data();
    Document keeps = make_doc("d", std::string(n, 'x'));
    keeps.insert_spans(std::move(adopted));
    CHECK(keeps.find_span(all.front().id) == held);
    CHECK(keeps == whole);
    // Then the usual edits: freed slots reused, more spans in a batch.
    std::vector<std::string> doomed;
    for (std::size_t i = 0; i < all.size(); i += 3) doomed.push_back(all[i].id);
    whole.erase_spans(doomed);
    one_by_one.erase_spans(doomed);
    std::vector<Span> more;
    for (int i = 0; i < 300; ++i) more.push_back(span("U" + std::to_string(i), pos(rng) / 2, n / 2 + pos(rng) / 2, "ORG"));
    whole.insert_spans(more);
    one_by_one.insert_spans(more);
    check_same();
}
