#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/formats/dataset_split.h"
#include "core/formats/format.h"
#include "core/formats/format_util.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

Corpus corpus_of(std::vector<std::pair<std::string, std::string>> name_and_text) {
    Corpus c;
    c.schema = fixture_schema();
    std::size_t n = 0;
    for (auto& [name, text] : name_and_text) {
        auto d = Document::create("d" + std::to_string(++n), name, text);
        REQUIRE(d.ok());
        c.documents.push_back(std::move(*d));
    }
    return c;
}

}  // namespace

TEST_CASE("formats: the six ids, unknown ids and bad document indexes") {
    std::vector<std::string> ids;
    for (const FormatInfo& f : dataset_formats()) ids.emplace_back(f.id);
    CHECK(ids == strings({"brat", "conll", "spacy", "doccano", "labelstudio", "w3c"}));
    CHECK(find_format("conll")->extension == ".conll");
    CHECK(find_format("inkspan") == nullptr);
    const Corpus c = fixture_corpus();
    auto bad = export_corpus("csv", c, {0});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == ErrorKind::Unsupported);
    CHECK(bad.error().message == "unknown export format \"csv\"");
    auto past = export_corpus("brat", c, {0, 2});
    REQUIRE_FALSE(past.ok());
    CHECK(past.error().message == "document index 2 is past the end of the corpus (2 documents)");
    CHECK(losses_for("csv", c, {0}) == strings({"unknown export format \"csv\""}));
    CHECK(error_of(import_files("csv", {{"a", "b"}}, Schema{})) == "unknown import format \"csv\"");
    CHECK(error_of(import_files("inkspan", {{"a", "b"}}, Schema{})) ==
          "inkspan files are read by the inkspan JSON loader, not the dataset importers");
    CHECK(error_of(import_files("conll", {}, Schema{})) == "no files to import");
    CHECK(error_of(import_files("labelstudio", {{"x.json", "[\"\xED\xA0\x80\"]"}}, Schema{})) ==
          "x.json: invalid UTF-8 at byte 2");
}

TEST_CASE("formats: every export is deterministic and ends with a newline") {
    const Corpus c = fixture_corpus();
    for (const FormatInfo& f : dataset_formats()) {
        CAPTURE(f.id);
        auto a = export_corpus(f.id, c, all_documents(c));
        auto b = export_corpus(f.id, c, all_documents(c));
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a->files == b->files);
        for (const auto& entry : a->files) {
            const std::string& name = entry.first;  // (clang 14 cannot capture structured bindings)
            const std::string& content = entry.second;
            CAPTURE(name);
            if (lower_extension(name) != ".txt") CHECK(content.ends_with("\n"));
            if (name != "annotation.conf" && lower_extension(name) != ".txt") CHECK(sniff_format(name, content) == std::string(f.id));
        }
        // A single document exports under its own name.
        auto one = export_corpus(f.id, c, {1});
        REQUIRE(one.ok());
        CHECK(one->files.count("multilingual" + std::string(f.extension)) == 1);
    }
}

TEST_CASE("formats: file names are sanitised and unique") {
    const Corpus c = corpus_of({{"a/b/Report:1.txt", "x"}, {"report:1.TXT", "y"}, {"..", "z"}, {"", "w"}});
    auto exported = export_corpus("brat", c, all_documents(c));
    REQUIRE(exported.ok());
    std::vector<std::string> names;
    for (const auto& [name, content] : exported->files) names.push_back(name);
    CHECK(names == strings({"Report_1.ann", "Report_1.txt", "annotation.conf", "d3.ann", "d3.txt", "d4.ann", "d4.txt",
                            "report_1-2.ann", "report_1-2.txt"}));
    CHECK(sanitize_file_stem("con?<>|*\"x\t") == "con______x");
    CHECK(sanitize_file_stem(std::string(150, 'a')).size() == 100);
}

TEST_CASE("formats: sniffing by extension and content") {
    CHECK(sniff_format("doc.ann", "") == "brat");
    CHECK(sniff_format("corpus/annotation.conf", "[entities]") == "brat");
    CHECK(sniff_format("x.conll", "") == "conll");
    CHECK(sniff_format("x.tsv", "EU\tB-ORG\nrejects\tO\n") == "conll");
    CHECK(sniff_format("x.txt", "-DOCSTART- -X- -X- O\n") == "conll");
    CHECK(sniff_format("x.txt", "Just a text to annotate.\n") == std::nullopt);
    CHECK(sniff_format("x.txt", "Two words\n") == std::nullopt);
    CHECK(sniff_format("x.jsonl", "{\"text\": \"a\", \"label\": [[0, 1, \"X\"]]}\n") == "doccano");
    CHECK(sniff_format("x.jsonl", "\n{\"text\": \"a\", \"spans\": []}\n") == "spacy");
    CHECK(sniff_format("x.jsonl", "not json") == std::nullopt);
    CHECK(sniff_format("data", "{\"text\": \"a\", \"tokens\": []}\n{\"text\": \"b\", \"tokens\": []}\n") == "spacy");
    CHECK(sniff_format("x.json", "[{\"data\": {\"text\": \"a\"}, \"annotations\": []}]") == "labelstudio");
    CHECK(sniff_format("x.json", "\xEF\xBB\xBF{\"format\": \"inkspan\", \"version\": 1}") == "inkspan");
    CHECK(sniff_format("x.json", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\"}") == "w3c");
    CHECK(sniff_format("x.json", "[]") == std::nullopt);
    CHECK(sniff_files({{"a.txt", "x"}, {"a.ann", ""}}) == "brat");
    CHECK(sniff_files({{"a.txt", "x"}, {"b.jsonl", "{\"text\": \"a\", \"entities\": []}"}}) == "doccano");
}

TEST_CASE("formats: imports validate against the current schema and report what they skip") {
    Schema strict = fixture_schema();
    strict.allow_crossing_spans = false;
    const std::string line =
        R"({"text": "Zoë met Émile in Lyon", "spans": [)"
        R"({"start": 0, "end": 7, "label": "PER"}, {"start": 4, "end": 13, "label": "PER"}, )"  // these two cross
        R"({"start": 8, "end": 13, "label": "PER"}, {"start": 17, "end": 21, "label": "CITY"}], "relations": [)"
        R"({"label": "meets", "head_span": {"start": 4, "end": 13, "label": "PER"}, "child_span": {"start": 0, "end": 7, "label": "PER"}}, )"
        R"({"label": "member_of", "head_span": {"start": 0, "end": 7, "label": "PER"}, "child_span": {"start": 8, "end": 13, "label": "PER"}}, )"
        R"({"label": "negotiates_with", "head_span": {"start": 0, "end": 7, "label": "PER"}, "child_span": {"start": 17, "end": 21, "label": "CITY"}}, )"
        R"({"label": "negotiates_with", "head_span": {"start": 17, "end": 21, "label": "CITY"}, "child_span": {"start": 0, "end": 7, "label": "PER"}}, )"
        R"({"label": "visits", "head_span": {"start": 8, "end": 13, "label": "PER"}, "child_span": {"start": 17, "end": 21, "label": "CITY"}}]})";
    auto r = import_files("spacy", {{"x.jsonl", line}}, strict);
    REQUIRE(r.ok());
    const Document& d = r->documents[0];
    CHECK(d.span_count() == 3);
    CHECK(d.relations().size() == 3);  // member_of (kept, listed, its rule widened), negotiates_with once, visits
    REQUIRE(r->new_entity_types.size() == 1);
    CHECK(r->new_entity_types[0] == EntityType{"CITY", std::string(palette_color(5)), "", ""});
    REQUIRE(r->new_relation_types.size() == 1);
    CHECK(r->new_relation_types[0] == RelationType{"visits", {}, {}, true});
    CHECK(validate_schema(merge_schema(strict, *r)).ok());
    CHECK(r->violations == std::vector<SchemaViolation>{
                               {"x-1", "R1", "relation type member_of does not allow PER → PER (the schema allows PER → ORG)"}});
    REQUIRE(r->widened_relation_types.size() == 1);
    CHECK(r->widened_relation_types[0] == RelationType{"member_of", {"PER"}, {"ORG", "PER"}, true});
    CHECK(r->skipped ==
          strings({"spaCy: 1 span crossing another skipped (the schema does not allow crossing spans)",
                   "spaCy: 1 relation to a skipped span skipped (first: x.jsonl line 1: relations[0])",
                   "spaCy: 1 duplicate relation skipped (first: x.jsonl line 1: relations[3])"}));
}

TEST_CASE("formats: document ids are cleaned and made unique; type limits hold") {
    auto r = import_files("doccano",
                          {{"x.jsonl", R"({"text": "a", "meta": {"id": "my doc"}})" "\n" R"({"text": "b", "meta": {"id": "my_doc"}})"}},
                          Schema{});
    REQUIRE(r.ok());
    CHECK(r->documents[0].id() == "my_doc");
    CHECK(r->documents[1].id() == "my_doc-2");

    // Imported into a corpus: ids it already has are moved aside, annotations and all.
    const Corpus current = fixture_corpus();
    auto exported = export_corpus("spacy", current, {0});
    REQUIRE(exported.ok());
    auto again = import_files("spacy", exported->files, current);
    REQUIRE(again.ok());
    CHECK(again->documents[0].id() == "d1-2");
    check_same_annotations(current.documents[0], again->documents[0]);

    std::string spans;
    for (int i = 0; i < 201; ++i) spans += std::string(i ? ", " : "") + R"({"start": 0, "end": 1, "label": "L)" + std::to_string(i) + "\"}";
    CHECK(error_of(import_files("spacy", {{"x.jsonl", R"({"text": "a", "spans": [)" + spans + "]}"}}, Schema{})) ==
          "the import needs 201 entity types, over the limit of 200");
}

TEST_CASE("dataset split: reproducible, sizes by largest remainder") {
    const auto a = split_documents(10, {0.8, 0.1, 0.1}, 42);
    CHECK(a == split_documents(10, {8, 1, 1}, 42));
    auto count = [](const std::vector<SplitPart>& parts, SplitPart p) { return std::count(parts.begin(), parts.end(), p); };
    CHECK(count(a, SplitPart::Train) == 8);
    CHECK(count(a, SplitPart::Dev) == 1);
    CHECK(count(a, SplitPart::Test) == 1);
    CHECK(a != split_documents(10, {0.8, 0.1, 0.1}, 43));
    const auto b = split_documents(7, {1, 1, 1}, 1);
    CHECK(count(b, SplitPart::Train) == 3);
    CHECK(count(b, SplitPart::Dev) == 2);
    CHECK(count(b, SplitPart::Test) == 2);
    // Fixed expectations, so that a platform or library change cannot move documents silently.
    const auto fixed = split_documents(6, {0.5, 0.25, 0.25}, 7);
    std::string names;
    for (SplitPart p : fixed) names += std::string(split_part_name(p)).substr(0, 2) + " ";
    CHECK(names == "tr tr de te de tr ");
    CHECK(split_documents(3, {0, 0, 0}, 1) == std::vector<SplitPart>(3, SplitPart::Train));
    CHECK(split_documents(0, {1, 1, 1}, 1).empty());
}

TEST_CASE("dataset split: exports one file per part, or one folder per part for brat") {
    const Corpus c = corpus_of({{"a.txt", "alpha"}, {"b.txt", "beta"}, {"c.txt", "gamma"}, {"d.txt", "delta"}});
    auto jsonl = export_split("doccano", c, all_documents(c), {2, 1, 1}, 5);
    REQUIRE(jsonl.ok());
    std::vector<std::string> names;
    for (const auto& [name, content] : jsonl->files) names.push_back(name);
    CHECK(names == strings({"dev.jsonl", "test.jsonl", "train.jsonl"}));
    auto brat = export_split("brat", c, all_documents(c), {1, 0, 1}, 5);
    REQUIRE(brat.ok());
    CHECK(brat->files.count("train/annotation.conf") == 1);
    CHECK(brat->files.count("test/annotation.conf") == 1);
    CHECK(brat->files.size() == 10);  // 2 documents (.txt + .ann) and annotation.conf per part
    CHECK_FALSE(export_split("brat", c, all_documents(c), {-1, 1, 1}, 5).ok());
}

// Writes every export of the fixtures under $INKSPAN_EXPORT_DIR/<format>/ for tests/check_offsets.py.
TEST_CASE("formats: write the fixture exports for the Python offset check") {
    const char* dir = std::getenv("INKSPAN_EXPORT_DIR");
    if (!dir || !*dir) return;
    const Corpus c = fixture_corpus();
    for (const FormatInfo& f : dataset_formats()) {
        auto exported = export_corpus(f.id, c, all_documents(c));
        REQUIRE(exported.ok());
        for (const auto& [name, content] : exported->files) {
            const std::filesystem::path path = std::filesystem::path(dir) / std::string(f.id) / name;
            std::filesystem::create_directories(path.parent_path());
            std::ofstream out(path, std::ios::binary);
            out << content;
            REQUIRE(out.good());
        }
    }
}

TEST_CASE("formats: a .txt is plain text (or CoNLL) even when it starts like JSON") {
    CHECK_FALSE(formats::sniff_format("paper.txt", "[1] Introduction\nText.").has_value());
    CHECK_FALSE(formats::sniff_format("notes.txt", "{draft} notes").has_value());
    const auto detected = formats::detect_format("fuzz.txt", "[\xD8\xB3" "f\x7F");
    REQUIRE(detected.ok());
    CHECK_FALSE(detected.value().has_value());
}

// No quiet losses: every format's export of the fixture corpus is imported back, and whatever
// came back short (spans, relations, notes) is named in the export's losses. (Replaces a check
// that compared losses_for with the export it calls.)
TEST_CASE("formats: what an export loses is what its losses say (export, import back, count)") {
    const Corpus c = fixture_corpus();
    auto count = [](const std::vector<Document>& docs) {
        std::size_t spans = 0, relations = 0, notes = 0;
        for (const Document& d : docs) {
            spans += d.span_count();
            relations += d.relations().size();
            for (const Span& s : d.spans()) notes += !s.note.empty();
        }
        return std::array<std::size_t, 3>{spans, relations, notes};
    };
    const auto before = count(c.documents);
    REQUIRE(before[0] > 0);
    REQUIRE(before[1] > 0);
    REQUIRE(before[2] > 0);
    std::size_t formats_losing_something = 0;
    for (const FormatInfo& f : dataset_formats()) {
        CAPTURE(f.id);
        auto exported = export_corpus(f.id, c, all_documents(c));
        REQUIRE(exported.ok());
        auto back = import_files(f.id, exported->files, c.schema);
        REQUIRE_MESSAGE(back.ok(), back.error().message);
        const auto after = count(back->documents);
        CAPTURE(exported->losses);
        auto says = [&](std::string_view word) {
            return std::any_of(exported->losses.begin(), exported->losses.end(),
                               [&](const std::string& loss) { return loss.find(word) != std::string::npos; });
        };
        CHECK(after[0] <= before[0]);
        if (after[0] < before[0]) CHECK(says("span"));
        if (after[1] < before[1]) CHECK(says("relation"));
        if (after[2] < before[2]) CHECK(says("note"));
        formats_losing_something += after != before;
    }
    CHECK(formats_losing_something > 0);  // the fixture does exercise losses (CoNLL has no relations)
}
