// A document's paragraph direction (issue 13): automatic (each paragraph from its first strong
// character), or forced left-to-right or right-to-left. Set with cmd::SetDocDirection (undoable),
// stored in inkspan JSON as "direction" only when not automatic.
#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/inkspan_json.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

Corpus arabic_corpus() {
    Corpus c;
    c.schema.entities = {{"PER", "#4e79a7", "p", ""}};
    c.documents.push_back(make_doc("d1", "Lavrov قال", "ar.txt"));
    c.documents[0].insert_span(Span{"T1", 0, 6, "PER", "", {}});
    return c;
}

}  // namespace

TEST_CASE("SetDocDirection forces a direction, stamps the document, undoes and redoes; other edits keep it") {
    Corpus c = arabic_corpus();
    Editor e;
    CHECK(c.documents[0].direction() == DirectionChoice::automatic);
    REQUIRE(e.apply(c, cmd::SetDocDirection{"d1", DirectionChoice::rtl}, "2025-03-01T10:00:00Z").ok());
    CHECK(c.documents[0].direction() == DirectionChoice::rtl);
    CHECK(c.documents[0].modified() == "2025-03-01T10:00:00Z");
    CHECK(e.undo_description("d1") == "set the direction to rtl");
    REQUIRE(e.apply(c, cmd::SetDocStatus{"d1", DocStatus::Done}, "2025-03-01T10:01:00Z").ok());
    CHECK(c.documents[0].direction() == DirectionChoice::rtl);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(c.documents[0].direction() == DirectionChoice::rtl);
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(c.documents[0].direction() == DirectionChoice::automatic);
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(c.documents[0].direction() == DirectionChoice::rtl);
    // Setting the same direction again is no edit.
    REQUIRE(e.apply(c, cmd::SetDocDirection{"d1", DirectionChoice::rtl}, "2025-03-01T10:02:00Z").ok());
    CHECK(c.documents[0].modified() == "2025-03-01T10:00:00Z");
}

TEST_CASE("direction in inkspan JSON: written only when forced, read back, refused when unknown") {
    Corpus c = arabic_corpus();
    const std::string automatic = write_inkspan_json(c);
    CHECK(automatic.find("\"direction\"") == std::string::npos);
    c.documents[0].set_direction(DirectionChoice::rtl);
    const std::string forced = write_inkspan_json(c);
    CHECK(forced.find("\"direction\": \"rtl\"") != std::string::npos);
    auto back = parse_inkspan_json(forced);
    REQUIRE(back.ok());
    CHECK(back->documents[0].direction() == DirectionChoice::rtl);
    CHECK(write_inkspan_json(*back) == forced);
    std::string bad = forced;
    bad.replace(bad.find("\"rtl\""), 5, "\"up\"");
    auto refused = parse_inkspan_json(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("\"auto\", \"ltr\", \"rtl\"") != std::string::npos);
}

TEST_CASE("a document forced right to left takes span edits (the modified stamp carries the direction)") {
    Corpus c = arabic_corpus();
    Editor e;
    REQUIRE(e.apply(c, cmd::SetDocDirection{"d1", DirectionChoice::rtl}, "2025-03-01T10:00:00Z").ok());
    const Status added = e.apply(c, cmd::AddSpan{"d1", 7, 10, "PER", {}, {}}, "2025-03-01T10:01:00Z");
    REQUIRE(added.ok());
    CHECK(c.documents[0].span_count() == 2);
    CHECK(c.documents[0].modified() == "2025-03-01T10:01:00Z");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(c.documents[0].span_count() == 1);
    CHECK(c.documents[0].direction() == DirectionChoice::rtl);
}
