#pragma once
// Shared body of the dataset-format fuzz targets: import arbitrary files, check that what comes
// back is a valid model (offsets in range, ids resolved, a valid merged schema), then export it in
// the same format and import that again, which must succeed. Failures trap.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/formats/format.h"
#include "core/schema.h"

namespace fuzz_formats {

inline void check(bool ok) {
    if (!ok) __builtin_trap();
}

inline void check_corpus(const inkspan::Schema& schema, const inkspan::formats::ImportedCorpus& imported) {
    using namespace inkspan;
    const Schema merged = formats::merge_schema(schema, imported);
    check(validate_schema(merged).ok());
    for (const Document& d : imported.documents) {
        for (const Span& s : d.spans()) {
            check(s.start < s.end && s.end <= d.length());
            check(merged.find_entity(s.label) != nullptr);
            check(d.find_span(s.id) == &s);
        }
        for (const Relation& r : d.relations()) {
            const Span* head = d.find_span(r.head);
            const Span* tail = d.find_span(r.tail);
            check(head && tail && head != tail);
            check(merged.allows(r.type, head->label, tail->label));
        }
    }
}

// Imports `files` as `format`; when that works, exports and imports again.
inline int run(std::string_view format, const std::map<std::string, std::string>& files) {
    using namespace inkspan;
    const Schema schema = default_news_schema();
    auto imported = formats::import_files(format, files, schema);
    if (!imported) return 0;
    check_corpus(schema, *imported);
    Corpus corpus;
    corpus.schema = formats::merge_schema(schema, *imported);
    corpus.documents = imported->documents;
    auto exported = formats::export_corpus(format, corpus, formats::all_documents(corpus));
    check(exported.ok());
    auto again = formats::import_files(format, exported->files, corpus.schema);
    // CoNLL drops documents without tokens, so a corpus of those reads back as "no documents".
    check(again.ok() || again.error().message == "the files hold no documents");
    if (again.ok()) check_corpus(corpus.schema, *again);
    return 0;
}

// Splits the fuzzer input at NUL bytes into the files named `names` (missing ones are empty).
inline std::map<std::string, std::string> split_files(const std::uint8_t* data, std::size_t size,
                                                      std::initializer_list<const char*> names) {
    std::map<std::string, std::string> files;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (const char* name : names) {
        const std::size_t nul = input.find('\0');
        files[name] = std::string(input.substr(0, nul));
        input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
    }
    return files;
}

}  // namespace fuzz_formats
