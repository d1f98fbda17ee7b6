// A document's language (issue 12): a BCP 47 tag that overrides the CJK variant guessed from the
// text ("" = automatic). Set with cmd::SetDocLanguage (undoable, validated), stored in inkspan JSON
// as "language" only when not empty, so older files load and round-trip byte for byte.
#include <doctest/doctest.h>

#include "core/editor.h"
#include "core/inkspan_json.h"
#include "core/validation.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

constexpr std::string_view kNow = "2025-03-01T10:00:00Z";

Corpus small_corpus() {
    Corpus c;
    c.schema.entities = {{"LOC", "#59a14f", "l", ""}};
    c.documents.push_back(make_doc("d1", "東京と大阪", "cities.txt"));
    c.documents[0].insert_span(Span{"T1", 0, 2, "LOC", "", {}});
    c.documents.push_back(make_doc("d2", "Zürich", "b.txt"));
    return c;
}

const Document& doc(const Corpus& c, std::string_view id) { return *c.find_document(id); }

std::string refusal(Editor& e, Corpus& c, const Command& command) {
    Status st = e.apply(c, command, kNow);
    REQUIRE_FALSE(st.ok());
    return st.error().message;
}

std::string load_error(const std::string& json) {
    auto r = parse_inkspan_json(json);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

// A file as the app wrote it before documents had a language.
constexpr std::string_view kOldFile = R"({
  "format": "inkspan",
  "version": 1,
  "schema": {
    "entities": [
      {"name": "LOC", "color": "#59a14f", "hotkey": "l"}
    ],
    "relations": [],
    "allow_crossing_spans": true
  },
  "documents": [
    {
      "id": "d1",
      "name": "cities.txt",
      "text": "東京と大阪",
      "status": "in_progress",
      "annotator": "aiko",
      "created": "2025-02-28T09:00:00Z",
      "modified": "2025-03-01T10:00:00Z",
      "spans": [
        {"id": "T1", "start": 0, "end": 2, "label": "LOC", "text": "東京"}
      ],
      "relations": []
    }
  ]
}
)";

}  // namespace

TEST_CASE("language tags: letters, digits and hyphens, 2 to 35 characters, a 2-3 letter language first") {
    for (std::string_view good : {"zh-Hans", "zh-Hant", "ja", "ko", "ar", "en-US", "zh", "yue-HK", "sr-Latn-RS",
                                  "es-419", "zh-Hant-TW", "de-CH-1996"})
        CHECK_MESSAGE(is_valid_language_tag(good), good);
    for (std::string_view bad : {"", "x y", "j", "japanese", "1a", "zh_Hans", "zh-", "-zh", "zh--Hans", "zh-Hans ",
                                 "日本語", "zh-abcdefghi", "en-US-abcdefgh-abcdefgh-abcdefgh-abc"})
        CHECK_FALSE_MESSAGE(is_valid_language_tag(bad), bad);
    CHECK(is_valid_language_tag("en-US-abcdefgh-abcdefgh-abcdefgh-ab"));  // 35 characters
}

TEST_CASE("SetDocLanguage sets the language, stamps the document, and undoes and redoes") {
    Corpus c = small_corpus();
    Editor e;
    CHECK(doc(c, "d1").language().empty());  // automatic
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", "ja"}, kNow).ok());
    CHECK(doc(c, "d1").language() == "ja");
    CHECK(doc(c, "d1").modified() == kNow);
    CHECK(doc(c, "d2").language().empty());
    CHECK(e.undo_description("d1") == "set the language to ja");
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", "zh-Hant"}, "2025-03-02T10:00:00Z").ok());
    CHECK(doc(c, "d1").language() == "zh-Hant");
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", ""}, "2025-03-03T10:00:00Z").ok());
    CHECK(doc(c, "d1").language().empty());
    CHECK(e.undo_description("d1") == "set the language to automatic");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(doc(c, "d1").language() == "zh-Hant");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(doc(c, "d1").language() == "ja");
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(doc(c, "d1").language().empty());
    CHECK(doc(c, "d1").modified().empty());
    CHECK_FALSE(e.can_undo("d1"));
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(doc(c, "d1").language() == "ja");
    REQUIRE(e.redo(c, "d1").ok());
    CHECK(doc(c, "d1").language() == "zh-Hant");
    // status, annotator and spans are left alone; the language survives their edits and undos
    REQUIRE(e.apply(c, cmd::SetDocStatus{"d1", DocStatus::Done}, kNow).ok());
    REQUIRE(e.apply(c, cmd::SetDocAnnotator{"d1", "aiko"}, kNow).ok());
    REQUIRE(e.apply(c, cmd::AddSpan{"d1", 3, 5, "LOC"}, kNow).ok());
    CHECK(doc(c, "d1").language() == "zh-Hant");
    REQUIRE(e.undo(c, "d1").ok());
    REQUIRE(e.undo(c, "d1").ok());
    REQUIRE(e.undo(c, "d1").ok());
    CHECK(doc(c, "d1").language() == "zh-Hant");
    CHECK(doc(c, "d1").status() == DocStatus::New);
    // the same language again changes nothing and records nothing
    const std::uint64_t rev = e.revision();
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", "zh-Hant"}, "2025-03-09T10:00:00Z").ok());
    CHECK(e.revision() == rev);
    CHECK(doc(c, "d1").modified() != "2025-03-09T10:00:00Z");
}

TEST_CASE("SetDocLanguage refuses what is not a language tag and changes nothing") {
    Corpus c = small_corpus();
    Editor e;
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", "ko"}, kNow).ok());
    const std::string before = write_inkspan_json(c);
    const std::uint64_t rev = e.revision();
    CHECK(refusal(e, c, cmd::SetDocLanguage{"d1", "x y"}) ==
          "\"x y\" is not a language tag (expected a BCP 47 tag such as zh-Hans, ja or en-US)");
    CHECK(refusal(e, c, cmd::SetDocLanguage{"d1", "japanese"}) ==
          "\"japanese\" is not a language tag (expected a BCP 47 tag such as zh-Hans, ja or en-US)");
    CHECK(refusal(e, c, cmd::SetDocLanguage{"d1", "zh_Hans"}) ==
          "\"zh_Hans\" is not a language tag (expected a BCP 47 tag such as zh-Hans, ja or en-US)");
    CHECK(refusal(e, c, cmd::SetDocLanguage{"d1", "\xff"}) == "language: invalid UTF-8 at byte 0");
    CHECK(refusal(e, c, cmd::SetDocLanguage{"d9", "ja"}) == "unknown document \"d9\"");
    Status st = e.apply(c, cmd::SetDocLanguage{"d1", "x y"}, kNow);
    CHECK(st.error().kind == ErrorKind::Invalid);
    CHECK(write_inkspan_json(c) == before);
    CHECK(e.revision() == rev);
    CHECK(doc(c, "d1").language() == "ko");
    REQUIRE(e.undo(c, "d1").ok());  // the one recorded step is the valid one
    CHECK(doc(c, "d1").language().empty());
    CHECK_FALSE(e.can_undo("d1"));
}

TEST_CASE("inkspan JSON keeps a document's language; load(save(x)) == x and save(load(s)) == s") {
    Corpus c = small_corpus();
    Editor e;
    REQUIRE(e.apply(c, cmd::SetDocLanguage{"d1", "zh-Hans"}, kNow).ok());
    const std::string saved = write_inkspan_json(c);
    // written after the status, only for the document that has one
    CHECK(saved.find("      \"status\": \"new\",\n      \"language\": \"zh-Hans\",\n      \"annotator\": \"\",\n") !=
          std::string::npos);
    CHECK(saved.find("\"language\"") == saved.rfind("\"language\""));
    auto loaded = parse_inkspan_json(saved);
    REQUIRE(loaded.ok());
    CHECK(loaded->documents[0].language() == "zh-Hans");
    CHECK(loaded->documents[1].language().empty());
    CHECK(*loaded == c);
    CHECK(write_inkspan_json(*loaded) == saved);
    // a document stored on its own (browser storage) keeps it too
    CHECK(write_document_json(c.documents[0]).find("\"language\": \"zh-Hans\"") != std::string::npos);
    // documents differing only in their language are not equal
    Document other = loaded->documents[0];
    other.set_language("ja");
    CHECK_FALSE(other == c.documents[0]);
}

TEST_CASE("a file without a language loads as automatic and is written back byte for byte") {
    auto loaded = parse_inkspan_json(kOldFile);
    REQUIRE(loaded.ok());
    CHECK(loaded->documents[0].language().empty());
    CHECK(write_inkspan_json(*loaded) == kOldFile);
    // "" in a file is automatic too
    std::string with_empty(kOldFile);
    with_empty.replace(with_empty.find("\"annotator\""), 0, "\"language\": \"\", ");
    auto empty = parse_inkspan_json(with_empty);
    REQUIRE(empty.ok());
    CHECK(empty->documents[0].language().empty());
}

TEST_CASE("a language that is not a tag is refused with the place and the value") {
    auto file_with_language = [](std::string_view value) {
        std::string f(kOldFile);
        f.replace(f.find("\"annotator\""), 0, "\"language\": " + std::string(value) + ", ");
        return f;
    };
    CHECK(load_error(file_with_language(R"("x y")")) == "documents[0].language: \"x y\" is not a language tag");
    CHECK(load_error(file_with_language(R"("Japanese")")) == "documents[0].language: \"Japanese\" is not a language tag");
    CHECK(load_error(file_with_language("7")) == "documents[0].language: expected a string, got 7");
    // the place counts documents
    std::string two = R"({"format": "inkspan", "version": 1, "schema": {"entities": []}, "documents": [)"
                      R"({"id": "a", "text": "x", "language": "ko"}, {"id": "b", "text": "y"}, {"id": "c", "text": "z"},)"
                      R"({"id": "d", "text": "w", "language": "x y"}]})";
    CHECK(load_error(two) == "documents[3].language: \"x y\" is not a language tag");
}
