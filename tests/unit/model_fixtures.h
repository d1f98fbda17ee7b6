#pragma once
// Shared helpers for the model tests: the sample article, offsets of words in it, small corpora.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/corpus.h"
#include "core/editor.h"

namespace inkspan::testing {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string sample_article() { return read_file(INKSPAN_SOURCE_DIR "/assets/istanbul-talks.fr.txt"); }

// Code point offset of the nth occurrence (0-based) of `needle` in the document text.
inline std::size_t cp_of(const Document& doc, std::string_view needle, std::size_t nth = 0) {
    std::size_t byte = doc.text().find(needle);
    while (nth-- > 0 && byte != std::string::npos) byte = doc.text().find(needle, byte + 1);
    REQUIRE(byte != std::string::npos);
    return doc.index().byte_to_code_point(doc.text(), byte);
}

inline std::size_t cp_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

inline Document make_doc(const std::string& id, const std::string& text, const std::string& name = "") {
    auto doc = Document::create(id, name.empty() ? id + ".txt" : name, text);
    REQUIRE(doc.ok());
    return std::move(doc.value());
}

// The default news schema and one document holding the sample article.
inline Corpus sample_corpus() {
    Corpus c;
    c.schema = default_news_schema();
    c.documents.push_back(make_doc("d1", sample_article(), "istanbul-talks.fr.txt"));
    return c;
}

// Applies a command that must succeed.
inline void must(Editor& editor, Corpus& corpus, const Command& command, std::string_view now = "2025-03-01T10:00:00Z") {
    Status st = editor.apply(corpus, command, now);
    INFO(describe(command));
    if (!st) INFO(st.error().message);
    REQUIRE(st.ok());
}

}  // namespace inkspan::testing
