// Renaming a document (issue 17.8): cmd::SetDocName, undoable, stamped, checked like any name.
#include <doctest/doctest.h>

#include <string>

#include "core/editor.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

TEST_CASE("SetDocName renames a document, undoes and redoes, and refuses an empty or broken name") {
    Corpus c;
    c.documents.push_back(make_doc("d1", "Some text.", "notes.txt"));
    Editor e;
    REQUIRE(e.apply(c, cmd::SetDocName{"d1", "minutes 2025-03.txt"}, "2025-03-01T10:00:00Z").ok());
    CHECK(c.documents[0].name() == "minutes 2025-03.txt");
    CHECK(c.documents[0].id() == "d1");  // ids never change
    CHECK(c.documents[0].modified() == "2025-03-01T10:00:00Z");
    CHECK(e.undo_description("d1") == "rename the document to minutes 2025-03.txt");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(c.documents[0].name() == "notes.txt");
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(c.documents[0].name() == "minutes 2025-03.txt");
    CHECK_FALSE(e.apply(c, cmd::SetDocName{"d1", "   "}, "2025-03-01T10:01:00Z").ok());
    CHECK_FALSE(e.apply(c, cmd::SetDocName{"d1", std::string("bad\xff", 4)}, "2025-03-01T10:01:00Z").ok());
    CHECK_FALSE(e.apply(c, cmd::SetDocName{"d1", std::string(70000, 'a')}, "2025-03-01T10:01:00Z").ok());
    CHECK(c.documents[0].name() == "minutes 2025-03.txt");
}
