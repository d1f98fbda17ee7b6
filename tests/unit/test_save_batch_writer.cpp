// Saving a little at a time (core/save_batch_writer.h): a document written a few spans per step is
// byte for byte what write_document_json writes at once; a batch over several steps hands over one
// consistent state, starting again when the corpus changed between steps.
#include <doctest/doctest.h>

#include <string>

#include "core/edit_session.h"
#include "core/inkspan_json.h"
#include "core/save_batch_writer.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

// The sample article with spans (a note, attributes, a quote and a newline in a note) and relations.
Corpus annotated_corpus() {
    Corpus c = sample_corpus();
    c.documents.push_back(make_doc("d2", "Empty of annotations."));
    Editor e;
    const Document& d = c.documents[0];
    must(e, c, cmd::AddSpan{"d1", cp_of(d, "Istanbul"), cp_of(d, "Istanbul") + 8, "LOC", "a \"note\"\nhere", {{"k", "v"}}});
    must(e, c, cmd::AddSpan{"d1", cp_of(d, "Washington"), cp_of(d, "Washington") + 10, "LOC", {}, {}});
    must(e, c, cmd::AddSpan{"d1", cp_of(d, "Moscou"), cp_of(d, "Moscou") + 6, "LOC", {}, {}});
    const Document& d1 = c.documents[0];
    must(e, c, cmd::AddRelationType{RelationType{"near", {"LOC"}, {"LOC"}, false}});
    must(e, c, cmd::AddRelation{"d1", "near", d1.span_at(0).id, d1.span_at(1).id});
    must(e, c, cmd::AddRelation{"d1", "near", d1.span_at(1).id, d1.span_at(2).id});
    return c;
}

std::string write_in_steps(const Document& doc, std::size_t items, int& steps) {
    DocumentJsonWriter w(doc);
    steps = 0;
    for (;;) {
        std::size_t budget = items;
        ++steps;
        if (w.write_some(budget)) break;
        REQUIRE(steps < 100000);
    }
    return w.take();
}

}  // namespace

TEST_CASE("document JSON written a few items at a time is byte-identical to write_document_json") {
    const Corpus c = annotated_corpus();
    for (const Document& doc : c.documents) {
        for (std::size_t items : {1, 2, 3, 7, 1000}) {
            CAPTURE(doc.id());
            CAPTURE(items);
            int steps = 0;
            CHECK(write_in_steps(doc, items, steps) == write_document_json(doc));
            const std::size_t total = 1 + doc.span_count() + doc.relations().size();
            CHECK(steps == static_cast<int>((total + items - 1) / items));  // the budget is what bounds a step
        }
    }
}

TEST_CASE("a save batch written over several steps holds every changed document, the removals and the corpus record") {
    const Corpus c = annotated_corpus();
    SaveBatchWriter w(SaveBatch{{"d1", "d2", "gone"}, {"d9"}, true});
    int steps = 0;
    while (!w.step(c, 7, 2)) REQUIRE(++steps < 1000);
    CHECK(steps >= 3);  // 1 + 3 spans + 2 relations in d1, 1 in d2, two items a step
    const SavedRecords r = w.take();
    REQUIRE(r.documents.size() == 2);  // "gone" is not in the corpus: skipped
    CHECK(r.documents[0] == std::pair<std::string, std::string>{"d1", write_document_json(c.documents[0])});
    CHECK(r.documents[1] == std::pair<std::string, std::string>{"d2", write_document_json(c.documents[1])});
    CHECK(r.removed == std::vector<std::string>{"d9"});
    CHECK(r.schema_json == write_schema_json(c.schema));
    CHECK(r.order == std::vector<std::string>{"d1", "d2"});
    CHECK(w.restarts() == 0);
}

TEST_CASE("an edit between two steps starts the batch over: what is handed over is the state after the edit") {
    EditSession s(annotated_corpus());
    SaveBatchWriter w(SaveBatch{{"d1"}, {}, false});
    CHECK_FALSE(w.step(s.corpus(), s.revision(), 2));  // half of d1 written
    const std::string span = s.corpus().documents[0].span_at(1).id;
    REQUIRE(s.submit(Command(cmd::DeleteSpan{"d1", span})).status.ok());  // also deletes a relation
    while (!w.step(s.corpus(), s.revision(), 2)) {}
    const SavedRecords r = w.take();
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].second == write_document_json(s.corpus().documents[0]));
    CHECK(w.restarts() == 1);
}

TEST_CASE("a document removed between two steps is skipped, not read after it is gone") {
    EditSession s(annotated_corpus());
    SaveBatchWriter w(SaveBatch{{"d2", "d1"}, {}, true});
    CHECK_FALSE(w.step(s.corpus(), s.revision(), 2));
    REQUIRE(s.submit(Command(cmd::RemoveDocument{"d1"})).status.ok());
    while (!w.step(s.corpus(), s.revision(), 2)) {}
    const SavedRecords r = w.take();
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].first == "d2");
    CHECK(r.order == std::vector<std::string>{"d2"});
}
