#include <doctest/doctest.h>

#include <chrono>

#include "core/formats/format.h"
#include "core/inkspan_json.h"
#include "core/json_guard.h"
#include "core/limits.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;

namespace {

std::string guard_error(std::string_view json) {
    const Status st = check_json_limits(json);
    if (st.ok()) return "(ok)";
    CHECK(st.error().kind == ErrorKind::TooLarge);
    return st.error().message;
}

std::string nested(std::size_t levels, std::string_view inside = "1") {
    return std::string(levels, '[') + std::string(inside) + std::string(levels, ']');
}

std::string detected(std::string_view name, std::string_view content) {
    auto r = detect_format(name, content);
    if (!r.ok()) return "error: " + r.error().message;
    return r.value() ? *r.value() : "(none)";
}

const char* kMinimalInkspan = R"({"format": "inkspan", "version": 1, "schema": {"entities": []}, "documents": [], "extra": )";

}  // namespace

TEST_CASE("json guard: nesting up to the limit is accepted, one level more is refused with line and column") {
    static_assert(kMaxJsonDepth == 64);
    CHECK(guard_error(nested(64)) == "(ok)");
    CHECK(guard_error(nested(65)) == "JSON nested deeper than 64 levels at line 1, column 65");
    // Objects count as arrays do; lines and columns (in code points) are those of the 65th bracket.
    std::string mixed = "{\"é\":\n";
    for (int i = 0; i < 32; ++i) mixed += "{\"a\": [";
    CHECK(guard_error(mixed) == "JSON nested deeper than 64 levels at line 2, column 224");
    // Closed levels do not add up: many shallow values side by side are fine.
    std::string wide = "[";
    for (int i = 0; i < 1000; ++i) wide += nested(60) + ",";
    CHECK(guard_error(wide + "1]") == "(ok)");
    // JSON Lines are checked as one text; each line starts at depth 0.
    CHECK(guard_error(nested(64) + "\n" + nested(64) + "\n") == "(ok)");
    CHECK(guard_error(nested(64) + "\n" + nested(65) + "\n") == "JSON nested deeper than 64 levels at line 2, column 65");
}

TEST_CASE("json guard: 1,000,000 levels are refused at once, by the guard, the loader, an importer and sniffing") {
    const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    const auto start = std::chrono::steady_clock::now();
    CHECK(guard_error(deep) == "JSON nested deeper than 64 levels at line 1, column 65");
    auto loaded = parse_inkspan_json(kMinimalInkspan + deep + "}");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::TooLarge);
    CHECK(loaded.error().message == "JSON nested deeper than 64 levels at line 1, column 154");
    auto imported = import_files("labelstudio", {{"ls.json", deep}}, Schema{});
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().message == "ls.json: JSON nested deeper than 64 levels at line 1, column 65");
    CHECK(detected("deep.json", deep) == "error: deep.json: JSON nested deeper than 64 levels at line 1, column 65");
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("1,000,000 levels refused four times in ", ms, " ms (figures belong to the benchmark, not here)");
}

TEST_CASE("json guard: brackets, digits and escaped quotes inside strings do not count") {
    const std::string brackets(200, '[');
    CHECK(guard_error("[\"" + brackets + "\", {\"" + brackets + "\": \"}}}]]]\"}]") == "(ok)");
    CHECK(guard_error(R"(["1e999", "-1e400", "12345678901234567890123456789012345678901234567890"])") == "(ok)");
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    CHECK(guard_error("[\"a \\\"" + brackets + "\"]") == "(ok)");
    CHECK(guard_error("[\"\\\\\", " + nested(64) + "]") == "JSON nested deeper than 64 levels at line 1, column 71");
    CHECK(guard_error("[\"\\\\\\\"" + brackets + "\"]") == "(ok)");
    CHECK(guard_error("[\"\\u0022" + brackets + "\"]") == "(ok)");
    // Unicode in strings and keys moves the column by code points.
    CHECK(guard_error("{\"Zoë → 北京\": 1e999}") == "number 1e999 at line 1, column 14 is not finite as a double");
}

TEST_CASE("json guard: numbers must be finite doubles of at most 40 characters") {
    CHECK(guard_error("[1e999]") == "number 1e999 at line 1, column 2 is not finite as a double");
    CHECK(guard_error("{\"a\":\n  -1e400}") == "number -1e400 at line 2, column 3 is not finite as a double");
    CHECK(guard_error("[1.8e308]") == "number 1.8e308 at line 1, column 2 is not finite as a double");
    CHECK(guard_error("[1E+999]") == "number 1E+999 at line 1, column 2 is not finite as a double");
    CHECK(guard_error("[1e308, -1.7976931348623157e308, 1e-400, 0.0000001e-999, 0, -0, 18446744073709551616, 2.5]") == "(ok)");
    CHECK(guard_error(nested(1, std::string(40, '9'))) == "(ok)");
    CHECK(guard_error(nested(1, std::string(41, '9'))) == "number of 41 characters at line 1, column 2, over the limit of 40");
    CHECK(guard_error(std::string(10'000, '7')) == "number of 10000 characters at line 1, column 1, over the limit of 40");
    CHECK(guard_error("[0." + std::string(10'000, '0') + "1]") == "number of 10003 characters at line 1, column 2, over the limit of 40");
    // Not JSON, but not the guard's business either: the parser refuses it.
    CHECK(guard_error("[-, 1e, 1.2.3, true, false, null, ]") == "(ok)");
}

TEST_CASE("json guard: every file the app writes and every fixture passes") {
    const Corpus corpus = fixtures::fixture_corpus();
    CHECK(guard_error(write_inkspan_json(corpus)) == "(ok)");
    for (const FormatInfo& f : dataset_formats()) {
        auto exported = export_corpus(f.id, corpus, all_documents(corpus));
        REQUIRE(exported.ok());
        for (const auto& entry : exported->files) {
            CAPTURE(entry.first);
            CHECK(guard_error(entry.second) == "(ok)");
        }
    }
    for (const char* file : {"tests/fixtures/doccano/export.jsonl", "tests/fixtures/labelstudio/export.json",
                             "tests/fixtures/prodigy/rel_manual.jsonl", "tests/fixtures/w3c/hypothesis.jsonld",
                             "tests/fixtures/w3c/quotes.jsonld"}) {
        CAPTURE(file);
        CHECK(guard_error(fixtures::read_source_file(file)) == "(ok)");
    }
    CHECK(guard_error("") == "(ok)");
    CHECK(guard_error("\xEF\xBB\xBF{\"a\": [1, 2.5e-3, -4E+2, \"\\\"\"]}") == "(ok)");
}

TEST_CASE("json guard: the loader and the importers refuse huge numbers naming the problem") {
    auto loaded = parse_inkspan_json(std::string(kMinimalInkspan) + "1e999}");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::TooLarge);
    CHECK(loaded.error().message == "number 1e999 at line 1, column 91 is not finite as a double");
    CHECK(parse_inkspan_json(std::string(kMinimalInkspan) + "1e308}").ok());
    CHECK(parse_inkspan_json(std::string(kMinimalInkspan) + nested(63) + "}").ok());

    auto doccano = import_files("doccano", {{"x.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"Zoë\", \"label\": [[0, 1e999, \"PER\"]]}\n"}},
                                Schema{});
    REQUIRE_FALSE(doccano.ok());
    CHECK(doccano.error().kind == ErrorKind::TooLarge);
    CHECK(doccano.error().message == "x.jsonl line 2: number 1e999 at line 1, column 31 is not finite as a double");
    auto spacy = import_files("spacy", {{"x.jsonl", "{\"text\": \"a\", \"spans\": [], \"meta\": " + nested(70) + "}\n"}}, Schema{});
    REQUIRE_FALSE(spacy.ok());
    CHECK(spacy.error().message == "x.jsonl line 1: JSON nested deeper than 64 levels at line 1, column 99");
    auto w3c = import_files("w3c", {{"a.jsonld", "{\"@context\": \"x\", \"total\": " + std::string(10'000, '1') + "}"}}, Schema{});
    REQUIRE_FALSE(w3c.ok());
    CHECK(w3c.error().message == "a.jsonld: number of 10000 characters at line 1, column 28, over the limit of 40");
}

TEST_CASE("sniffing: each format from its first object, without reading further") {
    // inkspan: the first key (what the writer puts first), or anywhere among the top-level keys.
    CHECK(detected("c.json", write_inkspan_json(fixtures::fixture_corpus())) == "inkspan");
    CHECK(detected("c.json", "\xEF\xBB\xBF \n{ \"format\" : \"inkspan\" , \"version\": 1") == "inkspan");  // the loader finds the rest broken
    CHECK(detected("c.json", "{\"format\": \"inkspan\"}") == "inkspan");
    CHECK(detected("c.json", "{\"version\": 1, \"format\": \"inkspan\", \"documents\": [}") == "inkspan");
    CHECK(detected("c.json", "[{\"format\": \"inkspan\"}]") == "inkspan");
    CHECK(detected("c.json", "{\"format\": \"inkspanx\"}") == "(none)");
    CHECK(detected("c.json", "{\"meta\": {\"format\": \"inkspan\"}, \"x\": [\"format\", \"inkspan\"]}") == "(none)");
    CHECK(detected("c.json", "{\"format\": [\"inkspan\"]}") == "(none)");
    // The other formats by the keys of the first object, whatever their order and values.
    CHECK(detected("a.json", R"({"id": 1, "target": {"source": "x"}, "body": []})") == "w3c");
    CHECK(detected("a.json", R"({"type": "AnnotationCollection", "first": {"items": []}, "@context": "x"})") == "w3c");
    CHECK(detected("a.json", R"([{"annotations": [{"result": []}], "data": {"text": "a", "annotations": 1}}, 5])") == "labelstudio");
    CHECK(detected("a.json", R"({"data": {"text": "a"}, "predictions": []})") == "labelstudio");
    CHECK(detected("a.json", R"({"data": {"text": "a"}})") == "(none)");
    CHECK(detected("a.jsonl", "{\"text\": \"a\", \"label\": []}\n{\"text\": \"b\", \"label\": []}\n") == "doccano");
    CHECK(detected("a.jsonl", "\n\n{\"tokens\": [], \"text\": \"a\"}\n") == "spacy");
    CHECK(detected("data", "{\"text\": \"a\", \"entities\": []}\n{\"text\": \"b\"}\n") == "doccano");
    CHECK(detected("a.json", R"({"text": "a", "meta": {"spans": []}})") == "(none)");
    // Valid JSON of no known format, and text that is not JSON at all.
    CHECK(detected("a.json", "[]") == "(none)");
    CHECK(detected("a.json", "[[{\"format\": \"inkspan\"}]]") == "(none)");
    CHECK(detected("a.json", "[1, {\"text\": \"a\", \"label\": []}]") == "(none)");
    CHECK(detected("a.json", "[{}, {\"text\": \"a\", \"label\": []}]") == "(none)");
    CHECK(detected("a.json", "\"text\"") == "(none)");
    CHECK(detected("notes.txt", "Just a text to annotate.\n") == "(none)");
    CHECK(detected("notes.txt", "EU\tB-ORG\nrejects\tO\n") == "conll");
    CHECK(detected("doc.ann", "{") == "brat");
    CHECK(detected("a.jsonld", "{") == "w3c");  // the importer reports the syntax
}

TEST_CASE("sniffing: broken or hostile JSON gives its error, not an unknown format") {
    auto error = [](std::string_view name, std::string_view content) {
        auto r = detect_format(name, content);
        REQUIRE_FALSE(r.ok());
        return r.error();
    };
    const Error broken = error("a.json", "{\"text\": \"a\",\n  \"label\": [}");
    CHECK(broken.kind == ErrorKind::Malformed);
    CHECK(broken.message == "a.json: invalid JSON at line 2, column 13");
    CHECK(error("a.jsonl", "{\"text\": \"a\" \"label\": []}\n").message == "a.jsonl: invalid JSON at line 1, column 20");
    CHECK(error("folder/a.json", "not json").message == "folder/a.json: invalid JSON at line 1, column 2");
    CHECK(error("a.json", "[1, 2").message == "a.json: invalid JSON at line 1, column 6");
    CHECK(error("a", "{\"text\": ").message == "a: invalid JSON at line 1, column 10");
    // No format in the first object: the rest must still be JSON, or JSON Lines.
    CHECK(error("a.json", "[1, 2").message == "a.json: invalid JSON at line 1, column 6");
    CHECK(error("a.json", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": }\n").message == "a.json line 3: invalid JSON at line 1, column 7");
    CHECK(error("a.json", "{\"a\": 1}\n\n{\"a\": 2} x\n").message == "a.json line 3: invalid JSON at line 1, column 10");
    CHECK(error("a.json", "{\"a\":\n 1}\n{\"a\": 2}\n").message == "a.json: invalid JSON at line 3, column 1");
    CHECK(detected("a.json", "{\"a\": 1}\n\n{\"a\": 2}\n") == "(none)");
    CHECK(detected("a.json", "\xEF\xBB\xBF{\"a\":\n [1, 2]}\n") == "(none)");
    const Error deep = error("a.json", "{\"data\": " + nested(100) + "}");
    CHECK(deep.kind == ErrorKind::TooLarge);
    CHECK(deep.message == "a.json: JSON nested deeper than 64 levels at line 1, column 73");
    CHECK(error("a.json", "{\"data\": {}, \"annotations\": [1e999]}").message ==
          "a.json: number 1e999 at line 1, column 30 is not finite as a double");
    // The errors-as-nullopt forms, and a set of files.
    CHECK(sniff_format("a.json", "[1, 2") == std::nullopt);
    CHECK(sniff_files({{"a.json", "[1, 2"}}) == std::nullopt);
    auto files = detect_files({{"a.txt", "plain text"}, {"b.json", "{\"text\": 1e999}"}});
    REQUIRE_FALSE(files.ok());
    CHECK(files.error().message == "b.json: number 1e999 at line 1, column 10 is not finite as a double");
    auto brat = detect_files({{"a.ann", "T1\tPER 0 3\tZoë\n"}, {"b.json", "{"}});
    REQUIRE(brat.ok());
    CHECK(brat.value() == "brat");
}
