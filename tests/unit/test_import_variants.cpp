// Variants of the dataset formats that people have (issue 14, item 9): doccano's JSON array and
// older shapes, CoNLL column layouts and tag schemes, W3C annotations of an external text, and
// spaCy's binary DocBin. Fixtures are written for Inkspan in the shape of those tools' files.
#include <doctest/doctest.h>

#include "core/formats/format.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

// Imports, exports in the same format and imports again: spans, relations and notes must match.
void check_round_trip(std::string_view format, const ImportedCorpus& imported, Keep keep) {
    Corpus c;
    c.schema = merge_schema(Schema{}, imported);
    c.documents = imported.documents;
    const ImportedCorpus again = round_trip(format, c, all_documents(c));
    REQUIRE(again.documents.size() == c.documents.size());
    for (std::size_t i = 0; i < c.documents.size(); ++i) check_same_annotations(c.documents[i], again.documents[i], keep);
}

}  // namespace

// ---- doccano ------------------------------------------------------------------------------------

TEST_CASE("doccano variants: its own JSON export, a pretty-printed array") {
    const std::string content = read_source_file("tests/fixtures/doccano/export_array.json");
    CHECK(sniff_format("export_array.json", content) == "doccano");
    auto imported = import_files("doccano", {{"export_array.json", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 3);
    const Document& ada = imported->documents[0];
    CHECK(ada.id() == "export_array-41");
    // UTF-16 offsets: the flag before 1843 is two code points but four UTF-16 units.
    CHECK(span_texts(ada) == strings({"PERSON Ada Lovelace 0-12", "LOC London 40-46", "DATE 1843 53-57"}));
    CHECK(relation_texts(ada) == strings({"Ada Lovelace livedIn London"}));
    CHECK(span_texts(imported->documents[1]) == strings({"PERSON Grace Hopper 2-14", "ORG Navy 26-30"}));
    CHECK(span_texts(imported->documents[2]) == strings({"ORG EU 0-2", "MISC German 11-17"}));
    CHECK(imported->skipped.empty());
    check_round_trip("doccano", imported.value(), Keep{false, false});
}

TEST_CASE("doccano variants: 1.x files with \"labels\": [[start, end, label]]") {
    const std::string content = read_source_file("tests/fixtures/doccano/doccano1x_labels.jsonl");
    CHECK(sniff_format("doccano1x_labels.jsonl", content) == "doccano");
    auto imported = import_files("doccano", {{"doccano1x_labels.jsonl", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 3);
    CHECK(span_texts(imported->documents[0]) == strings({"ORG EU 0-2", "MISC German 11-17", "MISC British 34-41"}));
    CHECK(span_texts(imported->documents[1]) == strings({"PERSON Peter Blackburn 2-17", "PERSON Zoë 22-25", "LOC Brussels 29-37"}));
    CHECK(imported->documents[2].span_count() == 0);
    check_round_trip("doccano", imported.value(), Keep{false, false});
}

TEST_CASE("doccano variants: 1.0 files with numeric label ids, named label_<id> or from doccano's label file") {
    const std::string content = read_source_file("tests/fixtures/doccano/doccano10_annotations.jsonl");
    CHECK(sniff_format("doccano10_annotations.jsonl", content) == "doccano");
    auto imported = import_files("doccano", {{"doccano10_annotations.jsonl", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    // Line 15 holds two users' spans: one copy of the document per user, each with its annotator.
    REQUIRE(imported->documents.size() == 4);
    CHECK(imported->documents[0].id() == "doccano10_annotations-15");
    CHECK(imported->documents[0].annotator() == "user 1");
    CHECK(span_texts(imported->documents[0]) == strings({"label_7 EU 0-2", "label_6 German 11-17"}));
    CHECK(imported->documents[1].id() == "doccano10_annotations-15-user_2");
    CHECK(imported->documents[1].annotator() == "user 2");
    CHECK(imported->documents[1].text() == imported->documents[0].text());
    CHECK(span_texts(imported->documents[1]) == strings({"label_6 British 34-41"}));
    CHECK(span_texts(imported->documents[2]) == strings({"label_8 Peter Blackburn 2-17", "label_8 Zoë 22-25"}));
    CHECK(imported->documents[2].annotator() == "user 1");
    CHECK(imported->documents[3].annotator().empty());  // no spans, no user
    CHECK(imported->skipped == strings({"doccano: label ids 6, 7, 8 have no names in the file: read as label_6, label_7, label_8 "
                                        "(import doccano's label file, exported from its Labels page, with it to get the names)"}));
    check_round_trip("doccano", imported.value(), Keep{false, false});

    // With doccano's label file in the same import, the names are known.
    const std::string labels = read_source_file("tests/fixtures/doccano/labels.json");
    const std::map<std::string, std::string> both = {{"doccano10_annotations.jsonl", content}, {"labels.json", labels}};
    CHECK(sniff_files(both) == "doccano");
    auto named = import_files("doccano", both, Schema{});
    REQUIRE_MESSAGE(named.ok(), error_of(named));
    REQUIRE(named->documents.size() == 4);
    CHECK(span_texts(named->documents[0]) == strings({"ORG EU 0-2", "MISC German 11-17"}));
    CHECK(span_texts(named->documents[1]) == strings({"MISC British 34-41"}));
    CHECK(span_texts(named->documents[2]) == strings({"PERSON Peter Blackburn 2-17", "PERSON Zoë 22-25"}));
    CHECK(named->skipped == strings({"doccano: label ids 6, 7, 8 named from labels.json"}));
    // A text-classification annotation (no offsets) is a document category, skipped.
    auto category = import_files("doccano", {{"c.jsonl", R"({"id": 3, "text": "Great.", "annotations": [{"label": 2, "user": 1}]})"}}, Schema{});
    REQUIRE_MESSAGE(category.ok(), error_of(category));
    CHECK(category->skipped == strings({"doccano: 1 document category label skipped (Inkspan labels spans, not documents) "
                                        "(first: c.jsonl line 1: annotations[0])"}));
}

TEST_CASE("doccano variants: errors in a JSON array name the element") {
    CHECK(error_of(import_files("doccano", {{"a.json", R"([{"text": "ok"}, {"text": "😀 Zoë", "label": [[1, 6, "PER"]]}])"}}, Schema{})) ==
          "a.json: [1]: label[0][0] 1 falls between the two halves of a surrogate pair (UTF-16 units)");
    CHECK(error_of(import_files("doccano", {{"a.json", R"([{"text": "ok"}, {"txt": "no"}])"}}, Schema{})) ==
          "a.json: [1]: text: missing");
    CHECK(error_of(import_files("doccano", {{"a.json", "[{\"text\": \"ok\"},\n 7]"}}, Schema{})) ==
          "a.json: [1]: expected a JSON object");
}

// ---- spaCy DocBin -------------------------------------------------------------------------------

TEST_CASE("spaCy DocBin: a .spacy file gets a clear refusal, not an encoding error") {
    const std::string bin = read_source_file("tests/fixtures/spacy/train.spacy");
    REQUIRE(bin.size() > 2);
    const std::string message = "train.spacy: spaCy DocBin binary files are not supported yet; export JSONL from spaCy";
    auto detected = detect_format("train.spacy", bin);
    REQUIRE_FALSE(detected.ok());
    CHECK(detected.error().kind == ErrorKind::Unsupported);
    CHECK(detected.error().message == message);
    CHECK(detect_files({{"train.spacy", bin}}).error().message == message);
    CHECK(error_of(import_files("spacy", {{"train.spacy", bin}}, Schema{})) == message);
    // Known by its bytes too (zlib-compressed msgpack), whatever the name.
    auto renamed = detect_format("train.bin", bin);
    REQUIRE_FALSE(renamed.ok());
    CHECK(renamed.error().message == "train.bin: spaCy DocBin binary files are not supported yet; export JSONL from spaCy");
    CHECK(known_binary_format("notes.txt", "x plain text").has_value() == false);
}

// ---- CoNLL --------------------------------------------------------------------------------------

TEST_CASE("CoNLL variants: GermEval TSV with an index column, # comments and a nested tag column") {
    const std::string content = read_source_file("tests/fixtures/conll/germeval.tsv");
    CHECK(sniff_format("germeval.tsv", content) == "conll");
    auto imported = import_files("conll", {{"germeval.tsv", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.text() == "Zoë Weber studierte an der Universität Stuttgart .\n\nDer Kölner Dom steht in Nordrhein-Westfalen .");
    CHECK(span_texts(d) == strings({"PER Zoë Weber 0-9", "ORG Universität Stuttgart 27-48", "LOC Stuttgart 39-48",
                                    "LOCderiv Kölner 56-62", "LOC Nordrhein-Westfalen 76-95",
                                    "LOCpart Nordrhein-Westfalen 76-95"}));
    CHECK(imported->skipped == strings({"CoNLL: germeval.tsv: tokens from column 2, tags from column 3 and nested tags from "
                                        "column 4 of 4 (an index column first, as in GermEval)"}));
}

TEST_CASE("CoNLL variants: the tag is not the last column; # comment lines; a # token") {
    const std::string content = read_source_file("tests/fixtures/conll/comments_tag_middle.conll");
    CHECK(sniff_format("comments_tag_middle.txt", content) == "conll");
    auto imported = import_files("conll", {{"comments_tag_middle.conll", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.text() == "Zoë met Émile in 東京 .\n\n# is a hash .");
    CHECK(span_texts(d) == strings({"PER Zoë 0-3", "PER Émile 8-13", "LOC 東京 17-19"}));
    CHECK(imported->skipped == strings({"CoNLL: comments_tag_middle.conll: tags from column 2 of 4 (the last column whose "
                                        "values are all tags)"}));
}

TEST_CASE("CoNLL variants: spaCy's token|POS|tag lines, one sentence per line (IOB1 detected)") {
    const std::string content = read_source_file("tests/fixtures/conll/spacy_pipes.iob");
    CHECK(sniff_format("spacy_pipes.txt", content) == "conll");
    auto imported = import_files("conll", {{"spacy_pipes.iob", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.text() == "Zoë met Émile in São Paulo .\n\nI like New York City .");
    CHECK(span_texts(d) == strings({"PER Zoë 0-3", "PER Émile 8-13", "LOC São Paulo 17-26", "GPE New York City 37-50"}));
    CHECK(imported->skipped ==
          strings({"CoNLL: spacy_pipes.iob: spaCy's token|POS|tag lines (a sentence per line), tags from the last field",
                   "CoNLL: spacy_pipes.iob: tag scheme IOB1 detected (I- starts a span; B- only starts one right after a "
                   "span of the same label)"}));
    check_round_trip("conll", imported.value(), Keep{false, false});
}

TEST_CASE("CoNLL variants: BIOES and BILOU tags, said in the message") {
    const std::string content = read_source_file("tests/fixtures/conll/bioes.conll");
    auto imported = import_files("conll", {{"bioes.conll", content}}, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    const Document& d = imported->documents[0];
    CHECK(span_texts(d) == strings({"ORG European Commission 4-23", "PER Zoë 29-32", "LOC New York City 44-57"}));
    CHECK(imported->skipped == strings({"CoNLL: bioes.conll: tag scheme BIOES detected"}));
    check_round_trip("conll", imported.value(), Keep{false, false});

    auto bilou = import_files("conll", {{"b.conll", "The\tO\nEuropean\tB-ORG\nCommission\tL-ORG\nsaid\tO\nZoë\tU-PER\n"}}, Schema{});
    REQUIRE_MESSAGE(bilou.ok(), error_of(bilou));
    CHECK(span_texts(bilou->documents[0]) == strings({"ORG European Commission 4-23", "PER Zoë 29-32"}));
    CHECK(bilou->skipped == strings({"CoNLL: b.conll: tag scheme BILOU detected"}));
}

// ---- W3C Web Annotation of an external text -----------------------------------------------------

TEST_CASE("W3C variants: annotations of an external page ask for its text, then read it when given") {
    const std::string collection = read_source_file("tests/fixtures/w3c/external_source.jsonld");
    const std::string text = read_source_file("tests/fixtures/w3c/lyon-library.txt");
    const std::string url = "https://news.example.org/2025/09/lyon-library.html?utm_source=feed#main";
    auto alone = import_files("w3c", {{"external_source.jsonld", collection}}, Schema{});
    REQUIRE_FALSE(alone.ok());
    CHECK(alone.error().kind == ErrorKind::NeedsFile);
    CHECK(alone.error().message == "external_source.jsonld: needs the text of \"" + url +
                                       "\": import it together with that text saved as lyon-library.txt (or named "
                                       "lyon-library.html)");

    const std::map<std::string, std::string> both = {{"external_source.jsonld", collection}, {"lyon-library.txt", text}};
    CHECK(sniff_files(both) == "w3c");
    auto imported = import_files("w3c", both, Schema{});
    REQUIRE_MESSAGE(imported.ok(), error_of(imported));
    REQUIRE(imported->documents.size() == 1);
    const Document& d = imported->documents[0];
    CHECK(d.id() == "lyon-library");
    CHECK(d.name() == "lyon-library.txt");
    CHECK(d.text() == text);
    // The second position counts the page's text, not the file's: its quote places it.
    CHECK(span_texts(d) == strings({"PER Zoë Weber 0-9", "LOC Lyon 65-69"}));
    CHECK(d.span_at(1).note == "the city, not the team");
    CHECK(relation_texts(d) == strings({"Zoë Weber lives_in Lyon"}));
    CHECK(imported->skipped ==
          strings({"W3C: external_source.jsonld: the text of \"" + url + "\" read from lyon-library.txt",
                   "W3C: 1 position selector that does not fit the given text placed by its quote (first: "
                   "external_source.jsonld: first.items[1])"}));
    check_round_trip("w3c", imported.value(), Keep{});
}

TEST_CASE("import variants: odd inputs are refused or read, never misread") {
    // Text that starts like a zlib header but is valid UTF-8 is not a DocBin.
    CHECK(!known_binary_format("notes.txt", "x^2 is a square: é").has_value());
    // A GermEval file where one line lacks the nested column: read without nested tags, said.
    auto g = import_files("conll", {{"g.tsv", "1\tZoë\tB-PER\tO\n2\tvit\tO\tO\n3\tici\tO\n"}}, Schema{});
    REQUIRE_MESSAGE(g.ok(), error_of(g));
    CHECK(span_texts(g->documents[0]) == strings({"PER Zoë 0-3"}));
    CHECK(g->skipped == strings({"CoNLL: g.tsv: tags from column 3 of 4 (the last column whose values are all tags)"}));
}
