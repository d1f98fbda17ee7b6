// The import rehearsal: the page runs it while idle so that the browser's JIT has optimized the
// readers before the user's first import. It must go through every reader the app has, and every
// read must succeed (a failure means a reader or writer broke, or the sample no longer fits).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/formats/format.h"
#include "core/import_rehearsal.h"

using namespace inkspan;

TEST_CASE("import rehearsal: every format is written and read back, every read succeeds") {
    ImportRehearsal rehearsal(ImportRehearsal::sample_corpus(6), /*rounds=*/2);
    std::set<std::string> read;
    std::size_t steps = 0;
    while (auto format = rehearsal.step()) {
        read.insert(*format);
        REQUIRE(++steps < 1000);
    }
    std::set<std::string> wanted = {"inkspan"};
    for (const formats::FormatInfo& f : formats::dataset_formats()) wanted.insert(std::string(f.id));
    CHECK(read == wanted);
    CHECK(rehearsal.failures().empty());
    CHECK(rehearsal.reads() == 2 * wanted.size());
    CHECK(rehearsal.done());
    CHECK_FALSE(rehearsal.step());
}

TEST_CASE("import rehearsal: each read's documents are added as the app adds an import, spans and all") {
    const Corpus sample = ImportRehearsal::sample_corpus(5);
    ImportRehearsal rehearsal(sample, /*rounds=*/1);
    while (rehearsal.step()) {}
    REQUIRE(rehearsal.failures().empty());
    REQUIRE(rehearsal.reads() > 0);
    CHECK(rehearsal.added_spans() == rehearsal.reads() * sample.documents.front().span_count());
}

TEST_CASE("import rehearsal: the sample reads back to the spans and relations it was written with") {
    const Corpus sample = ImportRehearsal::sample_corpus(12);
    REQUIRE(sample.documents.size() == 1);
    const Document& d = sample.documents.front();
    CHECK(d.span_count() >= 12 * 4);
    CHECK(d.relations().size() >= 12);
    CHECK(d.text().find("é") != std::string::npos);  // multi-byte text, as real files have
    // Each sentence's spans cover the words they name.
    for (const Span& s : d.spans()) CHECK(d.span_text(s).find(' ') == std::string::npos);
}

TEST_CASE("import rehearsal: a read that fails is reported, not hidden") {
    // A document without text: some formats write nothing for it, and an empty file is refused.
    Corpus empty;
    empty.schema = default_news_schema();
    auto doc = Document::create("d1", "empty.txt", "");
    REQUIRE(doc.ok());
    empty.documents.push_back(std::move(doc.value()));
    ImportRehearsal rehearsal(std::move(empty), 1);
    while (rehearsal.step()) {}
    REQUIRE_FALSE(rehearsal.failures().empty());
    for (const std::string& f : rehearsal.failures()) CHECK(f.find(": ") != std::string::npos);  // "<format>: <message>"
}
