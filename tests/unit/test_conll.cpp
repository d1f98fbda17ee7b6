#include <doctest/doctest.h>

#include <set>

#include "core/formats/conll.h"
#include "core/sentences.h"
#include "format_fixtures.h"

using namespace inkspan;
using namespace inkspan::formats;
using namespace fixtures;

namespace {

// What a CoNLL round trip must give back: the spans that are not dropped, as (label, their tokens
// joined by single spaces), in text order.
std::vector<std::string> expected_spans(const Document& doc, const std::set<std::string>& dropped_texts) {
    const std::vector<Token> tokens = tokenize(doc.text());
    std::vector<std::string> out;
    for (const Span& s : doc.spans()) {
        if (dropped_texts.count(std::string(doc.span_text(s)))) continue;
        const TokenCover c = cover_tokens(tokens, s.start, s.end);
        std::string joined;
        for (std::size_t t = c.first; t <= c.last; ++t) joined += (t > c.first ? " " : "") + std::string(tokens[t].text(doc.text()));
        out.push_back(s.label + " " + joined);
    }
    return out;
}

std::vector<std::string> actual_spans(const Document& doc) {
    std::vector<std::string> out;
    for (const Span& s : doc.spans()) out.push_back(s.label + " " + std::string(doc.span_text(s)));
    return out;
}

std::string error_of(const Result<ImportedCorpus>& r) { return r.ok() ? std::string("(ok)") : r.error().message; }

}  // namespace

TEST_CASE("CoNLL: the fixtures round-trip, keeping the outermost spans and saying what was lost") {
    const Corpus corpus = fixture_corpus();
    auto exported = export_corpus("conll", corpus, all_documents(corpus));
    REQUIRE(exported.ok());
    REQUIRE(exported->files.count("inkspan-corpus.conll"));
    const std::string& conll = exported->files.at("inkspan-corpus.conll");
    CHECK(conll.starts_with("-DOCSTART-\tO\n\nLe\tO\n"));
    CHECK(conll.find("Alexandre\tB-PER\nDarchiev\tI-PER\n") != std::string::npos);
    CHECK(conll.find("département\tB-ORG\nde\tI-ORG\nl’\tI-ORG\nAtlantique\tI-ORG\nNord\tI-ORG\n") != std::string::npos);
    CHECK(conll.find("«\tB-MISC\nDes\tI-MISC\n") != std::string::npos);
    CHECK(conll.find("👨‍👩‍👧\tB-MISC\n") != std::string::npos);
    CHECK(conll.find("cafe\u0301\tB-MISC\n") != std::string::npos);
    // The MISC span across the blank line keeps its two sentences together: no blank line inside.
    CHECK(conll.find(".\tI-MISC\n北\tI-MISC\n京\tI-MISC\n大\tO\n") != std::string::npos);
    CHECK(conll.ends_with("\n\n"));
    CHECK(exported->losses == strings({"CoNLL: 3 nested or overlapping spans dropped (kept the outermost)",
                                       "CoNLL: 10 relations dropped (CoNLL has no relations)",
                                       "CoNLL: 3 span notes dropped", "CoNLL: 4 span attributes dropped"}));

    auto imported = import_files("conll", exported->files, corpus.schema);
    REQUIRE(imported.ok());
    REQUIRE(imported->documents.size() == 2);
    CHECK(imported->skipped.empty());
    CHECK(actual_spans(imported->documents[0]) == expected_spans(corpus.documents[0], {"l’Atlantique Nord"}));
    CHECK(actual_spans(imported->documents[1]) == expected_spans(corpus.documents[1], {"« doux »", "北京大学"}));
    // The text is the tokens, one space apart, a blank line between sentences.
    const std::string& text = imported->documents[1].text();
    CHECK(text.starts_with("Émile et Zoë 😀 ont visité 東 京 avec leur 👨‍👩‍👧 et la famille Nguyễn .\n\nLe cafe\u0301 de"));
    CHECK(imported->documents[0].id() == "inkspan-corpus-1");
    // Exporting the import again gives the same file (the text is now exactly the tokens).
    Corpus again;
    again.schema = corpus.schema;
    again.documents = imported->documents;
    auto second = export_corpus("conll", again, all_documents(again));
    REQUIRE(second.ok());
    CHECK(second->files.at("inkspan-corpus.conll") == conll);
}

TEST_CASE("CoNLL: spans off token edges and spans covering no token") {
    Corpus c;
    c.schema = fixture_schema();
    auto d = Document::create("x", "x.txt", "Jean-Pierre a vu\u200BParis.");
    REQUIRE(d.ok());
    add_span(*d, "Jean", "PER");      // part of the token Jean-Pierre
    add_span(*d, "\u200B", "MISC");   // only a zero width space: no token
    add_span(*d, "Paris", "LOC");
    c.documents.push_back(std::move(*d));
    auto exported = export_corpus("conll", c, {0});
    REQUIRE(exported.ok());
    CHECK(exported->files.at("x.conll") == "-DOCSTART-\tO\n\nJean-Pierre\tB-PER\na\tO\nvu\tO\nParis\tB-LOC\n.\tO\n\n");
    CHECK(exported->losses == strings({"CoNLL: 1 span does not align with token edges (written as the whole tokens it touches)",
                                       "CoNLL: 1 span covering no token dropped"}));
}

TEST_CASE("CoNLL: a CoNLL-2003 file with POS and chunk columns, IOB1 tags and two documents") {
    const std::string content = read_source_file("tests/fixtures/conll/conll2003.txt");
    CHECK(sniff_format("conll2003.txt", content) == "conll");
    auto imported = import_files("conll", {{"conll2003.txt", content}}, Schema{});
    REQUIRE(imported.ok());
    REQUIRE(imported->documents.size() == 2);
    const Document& d = imported->documents[0];
    CHECK(d.id() == "conll2003-1");
    CHECK(d.text() == "EU rejects German call to boycott British lamb .\n\nPeter Blackburn");
    CHECK(actual_spans(d) == strings({"ORG EU", "MISC German", "MISC British", "PER Peter Blackburn"}));
    CHECK(actual_spans(imported->documents[1]) == strings({"LOC BRUSSELS"}));
    std::vector<std::string> labels;
    for (const EntityType& e : imported->new_entity_types) labels.push_back(e.name);
    CHECK(labels == strings({"ORG", "MISC", "PER", "LOC"}));
    CHECK(imported->skipped ==
          strings({"CoNLL: conll2003.txt: tags from column 4 of 4 (the last column whose values are all tags)",
                   "CoNLL: conll2003.txt: tag scheme IOB1 detected (I- starts a span; B- only starts one right after a span "
                   "of the same label)"}));
}

TEST_CASE("CoNLL: tags of another type, BIOES tags and tab-separated columns") {
    auto r = import_files("conll", {{"t.conll", "A\tB-PER\nB\tI-ORG\nC\tS-LOC\nD\tB-X\nE\tE-X\nF\tO\n"}}, fixture_schema());
    REQUIRE(r.ok());
    CHECK(actual_spans(r->documents[0]) == strings({"PER A", "ORG B", "LOC C", "X D E"}));
    CHECK(r->skipped.size() == 1);
}

TEST_CASE("CoNLL: errors name the file and the line") {
    CHECK(error_of(import_files("conll", {{"x.conll", "Zoë\tB-PER\nvit\tB_PER\n"}}, Schema{})) ==
          "x.conll line 2: tag \"B_PER\" is not O, B-<label> or I-<label>");
    CHECK(error_of(import_files("conll", {{"x.conll", "Zoë\tO\nlonely\n"}}, Schema{})) ==
          "x.conll line 2: expected a token and a tag, got \"lonely\"");
    CHECK(error_of(import_files("conll", {{"x.conll", "Zo\xC3\xAB\tO\n\xFF\tO\n"}}, Schema{})) ==
          "x.conll: invalid UTF-8 at byte 7");
    CHECK(error_of(import_files("conll", {{"x.conll", "-DOCSTART-\tO\n\n"}}, Schema{})) == "the files hold no documents");
}

TEST_CASE("CoNLL: with several columns of tags, the last is read, the others are offered, and options choose") {
    const std::string file = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n";
    auto last = import_conll({{"eng.train", file}}, Schema{});
    REQUIRE(last.ok());
    REQUIRE(last->tag_columns.size() == 1);
    const TagColumnChoice& c = last->tag_columns[0];
    CHECK(c.file == "eng.train");
    CHECK(c.columns == 4);
    CHECK(c.candidates == std::vector<std::size_t>{2, 3});
    CHECK(c.samples == std::vector<std::string>{"B-NP B-VP I-NP O", "B-ORG O B-MISC"});
    CHECK(c.chosen == 3);
    CHECK_FALSE(c.from_options);
    CHECK(last->documents[0].span_at(0).label == "ORG");

    auto chunks = import_conll({{"eng.train", file}}, Schema{}, ImportOptions{{{4, 2}}});
    REQUIRE(chunks.ok());
    CHECK(chunks->tag_columns[0].chosen == 2);
    CHECK(chunks->tag_columns[0].from_options);
    REQUIRE(chunks->documents[0].span_count() == 3);
    CHECK(chunks->documents[0].span_at(1).label == "VP");
    // A choice for files of another width, or of a column that is not all tags, changes nothing.
    CHECK(import_conll({{"eng.train", file}}, Schema{}, ImportOptions{{{5, 2}}})->tag_columns[0].chosen == 3);
    CHECK(import_conll({{"eng.train", file}}, Schema{}, ImportOptions{{{4, 1}}})->tag_columns[0].chosen == 3);
    // One column of tags: nothing to choose.
    CHECK(import_conll({{"a.conll", "EU B-ORG\nrejects O\n"}}, Schema{})->tag_columns.empty());
}
