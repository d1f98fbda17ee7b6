// Adjudication's first step (core/adjudication.h): what a quorum agrees on goes into the gold
// layer with its provenance; the rest is left as disagreements in text order.
#include <doctest/doctest.h>

#include "core/adjudication.h"

using namespace inkspan;

namespace {

Span span(std::string id, std::size_t start, std::size_t end, std::string label) {
    Span s;
    s.id = std::move(id);
    s.start = start;
    s.end = end;
    s.label = std::move(label);
    return s;
}

// "Ann met Bob in Rome and Oslo.": Ann [0,3) Bob [8,11) Rome [15,19) "Rome and" [15,23) Oslo [24,28)
LayeredDocument three_annotators() {
    return LayeredDocument{
        "d1",
        "Ann met Bob in Rome and Oslo.",
        {AnnotationLayer{"ann", {span("T1", 0, 3, "PER"), span("T2", 8, 11, "PER"), span("T3", 15, 19, "LOC")},
                         {{"R1", "meets", "T1", "T2"}}},
         AnnotationLayer{"bob",
                         {span("T1", 0, 3, "PER"), span("T2", 8, 11, "ORG"), span("T3", 15, 19, "LOC"), span("T4", 24, 28, "LOC")},
                         {{"R1", "meets", "T2", "T1"}}},
         AnnotationLayer{"cem",
                         {span("T1", 0, 3, "PER"), span("T2", 8, 11, "PER"), span("T3", 15, 23, "LOC"), span("T4", 24, 28, "LOC")},
                         {{"R1", "meets", "T2", "T1"}}}}};
}

std::vector<std::string> names(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

}  // namespace

TEST_CASE("adjudication: two of three accept a span or relation at once, with who agreed") {
    auto r = accept_by_quorum(three_annotators(), names({"ann", "bob", "cem"}), 2, names({"meets"}));
    REQUIRE(r.ok());
    const AnnotationLayer& gold = r->gold;
    CHECK(gold.annotator.empty());
    CHECK(gold.spans == std::vector<Span>{span("T1", 0, 3, "PER"), span("T2", 8, 11, "PER"), span("T3", 15, 19, "LOC"),
                                          span("T4", 24, 28, "LOC")});
    CHECK(r->span_agreed == std::vector<std::vector<std::string>>{names({"ann", "bob", "cem"}), names({"ann", "cem"}),
                                                                  names({"ann", "bob"}), names({"bob", "cem"})});
    // meets is undirected: ann's Ann→Bob and cem's Bob→Ann are the same relation; bob's links his ORG.
    CHECK(gold.relations == std::vector<Relation>{{"R1", "meets", "T1", "T2"}});
    CHECK(r->relation_agreed == std::vector<std::vector<std::string>>{names({"ann", "cem"})});

    REQUIRE(r->disagreements.size() == 2);
    CHECK(r->disagreements[0].start == 8);
    CHECK(r->disagreements[0].end == 11);
    REQUIRE(r->disagreements[0].spans.size() == 1);
    CHECK(r->disagreements[0].spans[0].annotator == "bob");
    CHECK(r->disagreements[0].spans[0].span == span("T2", 8, 11, "ORG"));
    CHECK(r->disagreements[1].start == 15);
    CHECK(r->disagreements[1].end == 23);
    CHECK(r->disagreements[1].spans[0].annotator == "cem");
    REQUIRE(r->relation_disagreements.size() == 1);
    CHECK(r->relation_disagreements[0].annotator == "bob");
    CHECK(r->relation_disagreements[0].head == span("T2", 8, 11, "ORG"));
}

TEST_CASE("adjudication: with everyone needed, overlapping opinions form one disagreement each") {
    auto r = accept_by_quorum(three_annotators(), names({"ann", "bob", "cem"}), 3, names({"meets"}));
    REQUIRE(r.ok());
    CHECK(r->gold.spans == std::vector<Span>{span("T1", 0, 3, "PER")});
    CHECK(r->gold.relations.empty());
    REQUIRE(r->disagreements.size() == 3);
    // Bob: ann PER, bob ORG, cem PER, in (start, end, label) order, then annotator order.
    CHECK(r->disagreements[0].start == 8);
    REQUIRE(r->disagreements[0].spans.size() == 3);
    CHECK(r->disagreements[0].spans[0].annotator == "bob");
    CHECK(r->disagreements[0].spans[1].annotator == "ann");
    CHECK(r->disagreements[0].spans[2].annotator == "cem");
    // Rome: two annotators' [15,19) and cem's [15,23) overlap: one disagreement over [15,23).
    CHECK(r->disagreements[1].start == 15);
    CHECK(r->disagreements[1].end == 23);
    CHECK(r->disagreements[1].spans.size() == 3);
    CHECK(r->disagreements[2].start == 24);
    CHECK(r->relation_disagreements.size() == 3);
}

TEST_CASE("adjudication: directed relations must agree in direction; absent annotators do not count") {
    auto r = accept_by_quorum(three_annotators(), names({"ann", "bob", "cem"}), 2);  // meets directed here
    REQUIRE(r.ok());
    CHECK(r->gold.relations.empty());
    CHECK(r->relation_disagreements.size() == 3);

    LayeredDocument two = three_annotators();
    two.layers.pop_back();  // cem never did this document
    auto q = accept_by_quorum(two, names({"ann", "bob", "cem"}), 2);
    REQUIRE(q.ok());
    CHECK(q->gold.spans == std::vector<Span>{span("T1", 0, 3, "PER"), span("T2", 15, 19, "LOC")});
}

TEST_CASE("adjudication: refusals") {
    auto zero = accept_by_quorum(three_annotators(), names({"ann", "bob"}), 0);
    REQUIRE_FALSE(zero.ok());
    CHECK(zero.error().kind == ErrorKind::Refused);
    CHECK(zero.error().message == "the quorum must be between 1 and 2 (the annotators chosen), not 0");
    auto twice = accept_by_quorum(three_annotators(), names({"ann", "ann"}), 1);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message == "annotator \"ann\" is chosen twice");
    LayeredDocument bad = three_annotators();
    bad.layers[1].spans[0].end = 40;
    auto invalid = accept_by_quorum(bad, names({"ann", "bob"}), 1);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().kind == ErrorKind::Invalid);
    CHECK(invalid.error().message == "d1, annotator \"bob\", span T1: [0, 40) is not inside the text (29 code points)");
}
