// Two layers of one document side by side (issue 18's compare view): each span classified, the
// relation differences, and the disagreements in text order.
#include <doctest/doctest.h>

#include "core/layer_diff.h"
#include "core/layers.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

//                            0         1         2         3
//                            0123456789012345678901234567890123456
const std::string kText = "Ada met Bob in Paris and Rome today.";

// d1 (ann) and its layer d1-bob, each built by commands.
Corpus two_layers() {
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("d1", kText));
    c.documents[0].set_annotator("ann");
    Editor e;
    auto layer = make_layer(c.documents[0], make_doc("x", kText), "d1-bob", "bob");
    REQUIRE(layer.ok());
    must(e, c, cmd::AddDocument{std::move(*layer)});
    // A (ann): Ada PER, Bob PER, Paris LOC, Rome LOC; meets Ada→Bob, located_in Bob→Rome.
    must(e, c, cmd::AddSpan{"d1", 0, 3, "PER"});
    must(e, c, cmd::AddSpan{"d1", 8, 11, "PER"});
    must(e, c, cmd::AddSpan{"d1", 15, 20, "LOC"});
    must(e, c, cmd::AddSpan{"d1", 25, 29, "LOC"});
    must(e, c, cmd::AddRelation{"d1", "meets", "T1", "T2"});
    must(e, c, cmd::AddRelation{"d1", "located_in", "T2", "T4"});
    // B (bob): Ada PER, Bob PER, "Paris and" LOC, Rome ORG, today DATE; meets Ada→Bob, located_in Bob→Paris.
    must(e, c, cmd::AddSpan{"d1-bob", 0, 3, "PER"});
    must(e, c, cmd::AddSpan{"d1-bob", 8, 11, "PER"});
    must(e, c, cmd::AddSpan{"d1-bob", 15, 24, "LOC"});
    must(e, c, cmd::AddSpan{"d1-bob", 25, 29, "ORG"});
    must(e, c, cmd::AddSpan{"d1-bob", 30, 35, "DATE"});
    must(e, c, cmd::AddRelation{"d1-bob", "meets", "T1", "T2"});
    must(e, c, cmd::AddRelation{"d1-bob", "located_in", "T2", "T3"});
    return c;
}

struct Expected {
    DiffKind kind;
    std::size_t start, end;
};

}  // namespace

TEST_CASE("layer diff: a hand-checked case: agreement, label and boundary conflicts, one side only, relations") {
    const Corpus c = two_layers();
    const LayerDiff d = diff_layers(c.documents[0], c.documents[1]);
    // By hand: Ada and Bob agree; "Paris" vs "Paris and" is a boundary conflict; Rome LOC vs ORG a
    // label conflict; "today" only B; located_in Bob→Rome only A (8–29), Bob→"Paris and" only B
    // (8–24); meets Ada→Bob is on both sides. Text order: by start, then end.
    const std::vector<Expected> expected = {
        {DiffKind::Agreement, 0, 3},        {DiffKind::Agreement, 8, 11},      {DiffKind::RelationOnlyB, 8, 24},
        {DiffKind::RelationOnlyA, 8, 29},   {DiffKind::BoundaryConflict, 15, 24}, {DiffKind::LabelConflict, 25, 29},
        {DiffKind::OnlyB, 30, 35},
    };
    REQUIRE(d.items.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("item " << i << ": " << diff_kind_name(d.items[i].kind));
        CHECK(d.items[i].kind == expected[i].kind);
        CHECK(d.items[i].start == expected[i].start);
        CHECK(d.items[i].end == expected[i].end);
    }
    CHECK(d.disagreements == std::vector<std::size_t>{2, 3, 4, 5, 6});
    CHECK(d.items[5].a->label == "LOC");
    CHECK(d.items[5].b->label == "ORG");
    CHECK(d.items[3].relation->type == "located_in");
    CHECK(d.items[3].relation->tail == "T4");  // A's Rome
    CHECK(d.count[static_cast<std::size_t>(DiffKind::Agreement)] == 2);
    CHECK(d.count[static_cast<std::size_t>(DiffKind::OnlyB)] == 1);
}

TEST_CASE("layer diff: sides swapped give the mirror image") {
    const Corpus c = two_layers();
    const LayerDiff d = diff_layers(c.documents[1], c.documents[0]);
    REQUIRE(d.items.size() == 7);
    CHECK(d.items[2].kind == DiffKind::RelationOnlyA);
    CHECK(d.items[3].kind == DiffKind::RelationOnlyB);
    CHECK(d.items[6].kind == DiffKind::OnlyA);
}

TEST_CASE("layer diff: spans pair one to one; a nested span the other side lacks is only that side's; overlap with another label and extent") {
    const std::string text = "the University of Istanbul in Paris";
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("d1", text));
    c.documents.push_back(make_doc("d2", text));
    Editor e;
    must(e, c, cmd::AddSpan{"d1", 18, 26, "LOC"});   // Istanbul
    must(e, c, cmd::AddSpan{"d1", 30, 35, "LOC"});   // Paris
    must(e, c, cmd::AddSpan{"d2", 18, 26, "LOC"});   // Istanbul
    must(e, c, cmd::AddSpan{"d2", 4, 26, "ORG"});    // University of Istanbul, around it
    must(e, c, cmd::AddSpan{"d2", 27, 35, "MISC"});  // "in Paris"
    const LayerDiff d = diff_layers(c.documents[0], c.documents[1]);
    REQUIRE(d.items.size() == 3);
    CHECK(d.items[0].kind == DiffKind::OnlyB);  // the ORG around the agreed Istanbul
    CHECK(d.items[0].start == 4);
    CHECK(d.items[1].kind == DiffKind::Agreement);
    CHECK(d.items[2].kind == DiffKind::Overlap);
    CHECK(d.items[2].start == 27);
    CHECK(d.items[2].end == 35);
    CHECK(d.disagreements == std::vector<std::size_t>{0, 2});
}

TEST_CASE("layer diff: a layer compared with itself has no disagreement; with an empty layer everything is one side's") {
    const Corpus c = two_layers();
    CHECK(diff_layers(c.documents[0], c.documents[0]).disagreements.empty());
    const Document empty = make_doc("e", kText);
    const LayerDiff d = diff_layers(c.documents[0], empty);
    CHECK(d.count[static_cast<std::size_t>(DiffKind::OnlyA)] == 4);
    CHECK(d.count[static_cast<std::size_t>(DiffKind::RelationOnlyA)] == 2);
    CHECK(d.disagreements.size() == 6);
}
