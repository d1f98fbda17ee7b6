// The one edit path (core/edit_session.h): every kind of change goes through submit(), a read-only
// session refuses each of them and changes nothing, and what a change touched is marked for saving
// (removed documents included).
#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include "core/edit_session.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

// Two documents, a PER span in d1 and a relation type, so that every command has something to act on.
Corpus small_corpus() {
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("d1", "Ada met Alan in London."));
    c.documents.push_back(make_doc("d2", "Grace stayed home."));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 0, 3, "PER", {}, {}});
    must(e, c, cmd::AddSpan{"d1", 8, 12, "PER", {}, {}});
    must(e, c, cmd::AddRelationType{RelationType{"knows", {}, {}, true}});
    must(e, c, cmd::AddRelation{"d1", "knows", c.documents[0].span_at(0).id, c.documents[0].span_at(1).id});
    return c;
}

// One edit of every kind the app makes: each command, a batch (annotate all, import), undo, redo.
std::vector<std::pair<std::string, Edit>> every_kind_of_edit(const Corpus& c) {
    const Document& d1 = c.documents[0];
    const std::string s1 = d1.span_at(0).id, s2 = d1.span_at(1).id, r1 = d1.relations().front().id;
    std::vector<std::pair<std::string, Edit>> edits = {
        {"AddSpan", Command(cmd::AddSpan{"d1", 16, 22, "LOC", {}, {}})},
        {"DeleteSpan", Command(cmd::DeleteSpan{"d1", s1})},
        {"SetSpanLabel", Command(cmd::SetSpanLabel{"d1", s1, "MISC"})},
        {"SetSpanNote", Command(cmd::SetSpanNote{"d1", s1, "a note"})},
        {"SetSpanAttribute", Command(cmd::SetSpanAttribute{"d1", s1, "k", std::string("v")})},
        {"AddRelation", Command(cmd::AddRelation{"d1", "knows", s2, s1})},
        {"DeleteRelation", Command(cmd::DeleteRelation{"d1", r1})},
        {"SetRelationType", Command(cmd::SetRelationType{"d1", r1, "knows2"})},
        {"SetDocStatus", Command(cmd::SetDocStatus{"d1", DocStatus::Done})},
        {"SetDocAnnotator", Command(cmd::SetDocAnnotator{"d1", "ann"})},
        {"SetDocLanguage", Command(cmd::SetDocLanguage{"d1", "fr"})},
        {"AddDocument", Command(cmd::AddDocument{make_doc("d3", "New text."), std::nullopt})},
        {"RemoveDocument", Command(cmd::RemoveDocument{"d2"})},
        {"AddEntityType", Command(cmd::AddEntityType{EntityType{"TIME", "", "", ""}})},
        {"RenameEntityType", Command(cmd::RenameEntityType{"PER", "PERSON"})},
        {"RecolorEntityType", Command(cmd::RecolorEntityType{"PER", "#000000"})},
        {"SetEntityHotkey", Command(cmd::SetEntityHotkey{"PER", "x"})},
        {"SetEntityDescription", Command(cmd::SetEntityDescription{"PER", "people"})},
        {"DeleteEntityType", Command(cmd::DeleteEntityType{"PER", true})},
        {"AddRelationType", Command(cmd::AddRelationType{RelationType{"near", {"LOC"}, {"LOC"}, false}})},
        {"RenameRelationType", Command(cmd::RenameRelationType{"knows", "acquainted"})},
        {"SetRelationRule", Command(cmd::SetRelationRule{"knows", {"PER", "ORG"}, {"PER"}, true})},
        {"DeleteRelationType", Command(cmd::DeleteRelationType{"knows", true})},
        {"SetAllowCrossingSpans", Command(cmd::SetAllowCrossingSpans{!c.schema.allow_crossing_spans})},
        {"Batch (annotate all)", Batch{{cmd::AddSpan{"d1", 16, 22, "LOC", {}, {}}, cmd::AddSpan{"d2", 0, 5, "PER", {}, {}}},
                                      BatchOptions{"label all matches", true}}},
        {"Batch (import)", Batch{{cmd::AddEntityType{EntityType{"TIME", "", "", ""}},
                                  cmd::AddDocument{make_doc("d3", "Imported."), std::nullopt}},
                                 BatchOptions{"import x.json", false}}},
        {"Undo", Undo{"d1"}},
        {"Redo", Redo{"d1"}},
    };
    return edits;
}

// Undo needs a step to undo, redo one to redo.
void prepare_history(EditSession& s, const Edit& edit) {
    if (!std::holds_alternative<Undo>(edit) && !std::holds_alternative<Redo>(edit)) return;
    REQUIRE(s.submit(Command(cmd::SetDocStatus{"d1", DocStatus::Done})).status.ok());
    if (std::holds_alternative<Redo>(edit)) REQUIRE(s.submit(Undo{"d1"}).status.ok());
}

}  // namespace

TEST_CASE("edit session: a writable session applies every kind of edit (the control for the read-only test)") {
    for (auto& entry : every_kind_of_edit(small_corpus())) {  // not a structured binding: clang's CAPTURE
        const std::string& name = entry.first;
        Edit& edit = entry.second;
        CAPTURE(name);
        EditSession s(small_corpus());
        prepare_history(s, edit);
        const Corpus before = s.corpus();
        if (name == "SetRelationType") REQUIRE(s.submit(Command(cmd::AddRelationType{RelationType{"knows2", {"PER"}, {"PER"}, false}})).status.ok());
        const EditOutcome out = s.submit(edit);
        CHECK_MESSAGE(out.status.ok(), (out.status.ok() ? std::string() : out.status.error().message));
        CHECK_FALSE(s.corpus() == before);
        CHECK(s.saves().has_unsaved());
    }
}

TEST_CASE("edit session: a read-only session refuses every kind of edit and changes nothing") {
    for (auto& entry : every_kind_of_edit(small_corpus())) {  // not a structured binding: clang's CAPTURE
        const std::string& name = entry.first;
        Edit& edit = entry.second;
        CAPTURE(name);
        EditSession s(small_corpus());
        prepare_history(s, edit);
        (void)s.saves().take_batch(0);
        s.saves().on_result(SaveResult::Saved, 0);
        s.set_read_only(true);
        const Corpus before = s.corpus();
        const std::uint64_t revision = s.revision();
        const EditOutcome out = s.submit(edit);
        REQUIRE_FALSE(out.status.ok());
        CHECK(out.status.error().message == EditSession::kReadOnlyMessage);
        CHECK(s.corpus() == before);
        CHECK(s.revision() == revision);
        CHECK_FALSE(s.saves().has_unsaved());
    }
}

TEST_CASE("edit session: queued edits apply in order after the widgets, each with its outcome") {
    EditSession s(small_corpus());
    s.queue(Command(cmd::AddSpan{"d1", 16, 22, "LOC", {}, {}}));
    s.queue(Command(cmd::AddSpan{"d1", 16, 22, "LOC", {}, {}}));  // the same again: refused
    CHECK(s.corpus().documents[0].span_count() == 2);
    const auto outcomes = s.apply_queued();
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes[0].status.ok());
    CHECK(outcomes[0].created.size() == 1);
    CHECK_FALSE(outcomes[1].status.ok());
    CHECK(s.corpus().documents[0].span_count() == 3);
    CHECK_FALSE(s.has_queued());
}

TEST_CASE("edit session: what a change touched is marked for saving, and only that") {
    double t = 0;
    EditSession s(small_corpus(), [] { return std::string("2026-01-01T00:00:00Z"); }, [&t] { return t; });
    REQUIRE(s.submit(Command(cmd::SetDocStatus{"d2", DocStatus::Done})).status.ok());
    auto batch = s.saves().take_batch(t);
    REQUIRE(batch);
    CHECK(batch->changed == std::vector<std::string>{"d2"});
    CHECK_FALSE(batch->meta);
    s.saves().on_result(SaveResult::Saved, t);

    // A rename reaches every document's spans: all are written, with the schema.
    REQUIRE(s.submit(Command(cmd::RenameEntityType{"PER", "PERSON"})).status.ok());
    batch = s.saves().take_batch(t);
    REQUIRE(batch);
    CHECK(batch->changed == std::vector<std::string>{"d1", "d2"});
    CHECK(batch->meta);
    s.saves().on_result(SaveResult::Saved, t);
}

TEST_CASE("edit session: a Replace import deletes the replaced document's record; undoing it deletes the new one") {
    double t = 0;
    EditSession s(small_corpus(), {}, [&t] { return t; });
    // What the import question's "Replace" submits: remove the document with the same text, add the file's.
    Batch replace{{cmd::RemoveDocument{"d2"}, cmd::AddDocument{make_doc("d3", "Grace stayed home."), std::nullopt}},
                  BatchOptions{"import grace.txt", false}};
    REQUIRE(s.submit(replace).status.ok());
    auto batch = s.saves().take_batch(t);
    REQUIRE(batch);
    CHECK(batch->removed == std::vector<std::string>{"d2"});
    CHECK(batch->changed == std::vector<std::string>{"d3"});
    CHECK(batch->meta);
    s.saves().on_result(SaveResult::Saved, t);

    REQUIRE(s.submit(Undo{"d3"}).status.ok());
    batch = s.saves().take_batch(t);
    REQUIRE(batch);
    CHECK(batch->removed == std::vector<std::string>{"d3"});
    CHECK(batch->changed == std::vector<std::string>{"d2"});
}

TEST_CASE("edit session: a refused edit marks nothing; a read-only session keeps earlier changes unsaved, unwritten") {
    EditSession s(small_corpus());
    CHECK_FALSE(s.submit(Command(cmd::AddSpan{"d1", 0, 3, "PER", {}, {}})).status.ok());  // already labelled
    CHECK_FALSE(s.saves().has_unsaved());
    REQUIRE(s.submit(Command(cmd::SetDocStatus{"d1", DocStatus::Done})).status.ok());
    s.set_read_only(true);
    CHECK(s.saves().has_unsaved());
    CHECK_FALSE(s.saves().take_batch(1e9));
}

TEST_CASE("edit session: a read-only tab on a first visit has nothing unsaved (the writing tab stores the sample)") {
    EditSession s(small_corpus());
    s.set_read_only(true);
    s.mark_all_unsaved();
    CHECK_FALSE(s.saves().has_unsaved());
    s.set_read_only(false);  // it takes the corpus over with nothing stored: now it stores its copy
    s.mark_all_unsaved();
    CHECK(s.saves().has_unsaved());
}

TEST_CASE("edit session: an imported or removed document is moved, never copied (command, plan, history, corpus)") {
    EditSession s(small_corpus());
    // Longer than any short-string buffer, so its bytes live on the heap and their address says which copy this is.
    Document incoming = make_doc("d3", "Grace Hopper stayed home to write the first compiler.");
    const char* const bytes = incoming.text().data();
    const char* const replaced = s.corpus().find_document("d2")->text().data();
    REQUIRE(s.submit(Batch{{cmd::RemoveDocument{"d2"}, cmd::AddDocument{std::move(incoming), std::nullopt}},
                           BatchOptions{"import grace.txt", false}}).status.ok());
    CHECK(s.corpus().find_document("d3")->text().data() == bytes);
    REQUIRE(s.submit(Undo{"d3"}).status.ok());  // d3 goes back into the history, d2 comes out of it
    CHECK(s.corpus().find_document("d3") == nullptr);
    CHECK(s.corpus().find_document("d2")->text().data() == replaced);
    REQUIRE(s.submit(Redo{"d3"}).status.ok());
    CHECK(s.corpus().find_document("d3")->text().data() == bytes);
    CHECK(s.corpus().find_document("d2") == nullptr);
}
