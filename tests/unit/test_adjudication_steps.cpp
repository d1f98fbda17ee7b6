// Adjudication as commands (issue 18): the gold layer from a quorum, then each disagreement settled
// by taking one annotator's version as an ordinary undoable batch on the gold layer.
#include <doctest/doctest.h>

#include "core/adjudication_steps.h"
#include "core/edit_session.h"
#include "core/layers.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

//                            0         1         2         3
//                            0123456789012345678901234567890123456
const std::string kText = "Ada met Bob in Paris and Rome today.";
const std::vector<std::string> kWho = {"ann", "bob", "cem"};

// ann (the document), bob and cem: Ada PER by all; Bob PER by ann and bob, ORG by cem; Paris LOC
// (ann), ORG (bob), "Paris and" LOC (cem); meets Ada→Bob by ann and bob; located_in Bob→"Paris
// and" by cem.
EditSession three_annotators() {
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("d1", kText));
    c.documents[0].set_annotator("ann");
    EditSession s(std::move(c));
    for (const char* who : {"bob", "cem"}) {
        auto layer = make_layer(s.corpus().documents[0], make_doc("x", kText), std::string("d1-") + who, who);
        REQUIRE(layer.ok());
        REQUIRE(s.submit(Command{cmd::AddDocument{std::move(*layer)}}).status.ok());
    }
    auto add = [&](const Command& command) {
        INFO(describe(command));
        REQUIRE(s.submit(command).status.ok());
    };
    for (const char* d : {"d1", "d1-bob", "d1-cem"}) add(cmd::AddSpan{d, 0, 3, "PER"});
    add(cmd::AddSpan{"d1", 8, 11, "PER"});
    add(cmd::AddSpan{"d1-bob", 8, 11, "PER"});
    add(cmd::AddSpan{"d1-cem", 8, 11, "ORG"});
    add(cmd::AddSpan{"d1", 15, 20, "LOC"});
    add(cmd::AddSpan{"d1-bob", 15, 20, "ORG"});
    add(cmd::AddSpan{"d1-cem", 15, 24, "LOC"});
    add(cmd::AddRelation{"d1", "meets", "T1", "T2"});
    add(cmd::AddRelation{"d1-bob", "meets", "T1", "T2"});
    add(cmd::AddRelation{"d1-cem", "located_in", "T2", "T3"});
    return s;
}

std::vector<const Document*> group_of(const EditSession& s) { return layer_group(s.corpus(), "d1"); }

Status apply_batch(EditSession& s, const std::vector<Command>& commands) {
    return s.submit(Batch{commands, {}}).status;
}

}  // namespace

TEST_CASE("adjudication steps: 2 of 3 accepts Ada and Bob as PER and meets; the rest are steps with each annotator's version") {
    EditSession s = three_annotators();
    auto plan = plan_adjudication(group_of(s), kWho, 2);
    REQUIRE(plan.ok());
    REQUIRE(plan->steps.size() == 3);
    const AdjudicationStep& bob = plan->steps[0];
    CHECK(bob.start == 8);
    CHECK(bob.end == 11);
    REQUIRE(bob.options.size() == 1);  // only cem's ORG is left: ann and bob's PER was accepted
    CHECK(bob.options[0].annotators == std::vector<std::string>{"cem"});
    const AdjudicationStep& paris = plan->steps[1];
    CHECK(paris.start == 15);
    CHECK(paris.end == 24);
    REQUIRE(paris.options.size() == 3);
    CHECK(paris.options[0].spans.at(0).label == "LOC");
    CHECK(paris.options[0].annotators == std::vector<std::string>{"ann"});
    CHECK(paris.options[1].spans.at(0).label == "ORG");
    CHECK(paris.options[2].spans.at(0).end == 24);
    CHECK(plan->steps[2].relation);
    CHECK(plan->steps[2].relation_type == "located_in");
    CHECK(plan->steps[2].options[0].annotators == std::vector<std::string>{"cem"});
}

TEST_CASE("adjudication steps: the gold layer holds the accepted items with provenance; taking B adds bob's span as one undoable step") {
    EditSession s = three_annotators();
    auto plan = plan_adjudication(group_of(s), kWho, 2);
    REQUIRE(plan.ok());
    auto gold = make_gold_layer(s.corpus().documents[0], plan->quorum, "d1-gold");
    REQUIRE(gold.ok());
    REQUIRE(s.submit(Command{cmd::AddDocument{std::move(*gold)}}).status.ok());
    const Document* g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    REQUIRE(g != nullptr);
    CHECK(g->layer_of() == "d1");
    REQUIRE(g->span_count() == 2);
    CHECK(g->span_at(0).agreed_by == kWho);
    CHECK(g->span_at(1).agreed_by == std::vector<std::string>{"ann", "bob"});
    REQUIRE(g->relations().size() == 1);
    CHECK(g->relations()[0].agreed_by == std::vector<std::string>{"ann", "bob"});
    CHECK_FALSE(step_settled(plan->steps[1], *g));

    auto take_b = take_option(plan->steps[1], 1, *g);  // key 2: bob's Paris ORG
    REQUIRE(take_b.ok());
    REQUIRE(take_b->size() == 1);
    REQUIRE(apply_batch(s, *take_b).ok());
    g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    const Span* paris = g->find_span(15, 20, "ORG");
    REQUIRE(paris != nullptr);
    CHECK(paris->agreed_by == std::vector<std::string>{"bob"});
    CHECK(step_settled(plan->steps[1], *g));
    CHECK_FALSE(step_settled(plan->steps[0], *g));
    CHECK(take_option(plan->steps[1], 1, *g)->empty());  // taken already: nothing to do
    CHECK(take_option(plan->steps[1], 3, *g).error().message == "this disagreement has 3 choices, not 4");

    REQUIRE(s.submit(Undo{g->id()}).status.ok());
    g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    CHECK(g->find_span(15, 20, "ORG") == nullptr);
    CHECK_FALSE(step_settled(plan->steps[1], *g));
}

TEST_CASE("adjudication steps: taking a relation adds its two spans and the relation between them in one step") {
    EditSession s = three_annotators();
    auto plan = plan_adjudication(group_of(s), kWho, 2);
    REQUIRE(plan.ok());
    auto gold = make_gold_layer(s.corpus().documents[0], plan->quorum, "d1-gold");
    REQUIRE(gold.ok());
    REQUIRE(s.submit(Command{cmd::AddDocument{std::move(*gold)}}).status.ok());
    const Document* g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    auto take = take_option(plan->steps[2], 0, *g);
    REQUIRE(take.ok());
    CHECK(take->size() == 3);  // Bob ORG, "Paris and" LOC, located_in
    REQUIRE(apply_batch(s, *take).ok());
    g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    const Span* head = g->find_span(8, 11, "ORG");
    const Span* tail = g->find_span(15, 24, "LOC");
    REQUIRE(head != nullptr);
    REQUIRE(tail != nullptr);
    const Relation* r = g->find_relation("located_in", head->id, tail->id);
    REQUIRE(r != nullptr);
    CHECK(r->agreed_by == std::vector<std::string>{"cem"});
    CHECK(step_settled(plan->steps[2], *g));
    REQUIRE(s.submit(Undo{g->id()}).status.ok());
    CHECK(find_layer(s.corpus(), "d1", kGoldAnnotator)->span_count() == 2);
}

TEST_CASE("adjudication steps: running again on an existing gold layer adds only what it lacks") {
    EditSession s = three_annotators();
    auto plan = plan_adjudication(group_of(s), kWho, 2);
    REQUIRE(plan.ok());
    auto gold = make_gold_layer(s.corpus().documents[0], plan->quorum, "d1-gold");
    REQUIRE(gold.ok());
    REQUIRE(s.submit(Command{cmd::AddDocument{std::move(*gold)}}).status.ok());
    // The gold layer does not take part: planning again gives the same steps.
    auto again = plan_adjudication(group_of(s), kWho, 2);
    REQUIRE(again.ok());
    CHECK(again->steps.size() == 3);
    const Document* g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    CHECK(accept_missing(again->quorum, *g).empty());
    // The curator deleted Ada (and meets with it): running again puts both back, meets on the new id.
    REQUIRE(s.submit(Command{cmd::DeleteSpan{"d1-gold", "T1"}}).status.ok());
    g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    const auto missing = accept_missing(again->quorum, *g);
    CHECK(missing.size() == 2);
    REQUIRE(apply_batch(s, missing).ok());
    g = find_layer(s.corpus(), "d1", kGoldAnnotator);
    const Span* ada = g->find_span(0, 3, "PER");
    REQUIRE(ada != nullptr);
    CHECK(ada->id != "T1");
    CHECK(g->find_relation("meets", ada->id, "T2") != nullptr);
    CHECK(g->span_count() == 2);
}

TEST_CASE("adjudication steps: a refused quorum is said") {
    EditSession s = three_annotators();
    auto plan = plan_adjudication(group_of(s), kWho, 4);
    REQUIRE_FALSE(plan.ok());
    CHECK(plan.error().message == "the quorum must be between 1 and 3 (the annotators chosen), not 4");
}
