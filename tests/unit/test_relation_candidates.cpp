// Choosing a relation's other end by keyboard (issue 19): the candidates the schema allows, in
// reading order, and stepping among them from the head's place.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/relation_candidates.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

// "Anna met Bob in Paris with Carl of Acme." with PER Anna, Bob, Carl, LOC Paris, ORG Acme.
Document people() {
    Document doc = make_doc("d", "Anna met Bob in Paris with Carl of Acme.");
    doc.insert_span(Span{"T1", 0, 4, "PER"});
    doc.insert_span(Span{"T2", 9, 12, "PER"});
    doc.insert_span(Span{"T3", 16, 21, "LOC"});
    doc.insert_span(Span{"T4", 27, 31, "PER"});
    doc.insert_span(Span{"T5", 35, 39, "ORG"});
    return doc;
}

}  // namespace

TEST_CASE("relation candidates: the spans some relation type accepts from the head, in reading order") {
    const Document doc = people();
    Schema only_meets = default_news_schema();
    only_meets.relations = {{"meets", {"PER"}, {"PER"}, true}};
    CHECK(relation_candidates(doc, only_meets, "T2") == std::vector<std::string>{"T1", "T4"});
    CHECK(relation_candidates(doc, default_news_schema(), "T2") == std::vector<std::string>{"T1", "T3", "T4", "T5"});
    // From a LOC only located_in (LOC → LOC) applies: no LOC other than itself, so every span is offered.
    CHECK(relation_candidates(doc, default_news_schema(), "T3") == std::vector<std::string>{"T1", "T2", "T4", "T5"});
    CHECK(relation_candidates(doc, default_news_schema(), "T9").empty());
}

TEST_CASE("relation candidates: Tab starts after the head and wraps; Shift+Tab starts before it") {
    const Document doc = people();
    Schema only_meets = default_news_schema();
    only_meets.relations = {{"meets", {"PER"}, {"PER"}, true}};
    CHECK(next_relation_candidate(doc, only_meets, "T2", "", true) == "T4");
    CHECK(next_relation_candidate(doc, only_meets, "T2", "T4", true) == "T1");
    CHECK(next_relation_candidate(doc, only_meets, "T2", "T1", true) == "T4");
    CHECK(next_relation_candidate(doc, only_meets, "T2", "", false) == "T1");
    CHECK(next_relation_candidate(doc, only_meets, "T2", "T1", false) == "T4");
    CHECK(next_relation_candidate(doc, only_meets, "T4", "", true) == "T1");  // none after: wraps to the first
    const Document lonely = make_doc("e", "Anna");
    CHECK(next_relation_candidate(lonely, only_meets, "T1", "", true).empty());
}
