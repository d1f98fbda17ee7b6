// Reading inkspan JSON from a ByteSource a window at a time (issue 15: an imported file is never
// wholly in the wasm heap). Tiny windows put strings, escapes and UTF-8 sequences across window
// boundaries; the results and messages must be those of the whole-string read.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/byte_source.h"
#include "counting_source.h"
#include "core/inkspan_json.h"
#include "core/json_sax.h"
#include "core/utf8.h"
#include "format_fixtures.h"

using namespace inkspan;

namespace {

using testing::CountingSource;

// "ok:" + the corpus written again, or "error <kind>: " + the message.
std::string outcome(const Result<Corpus>& r) {
    if (r.ok()) return "ok:" + write_inkspan_json(*r);
    return "error " + std::to_string(static_cast<int>(r.error().kind)) + ": " + r.error().message;
}

std::string windowed(std::string_view file, std::size_t window, bool add_unknown = false) {
    InkspanReadOptions options{add_unknown};
    options.read_window = window;
    return outcome(parse_inkspan_json(StringByteSource(file), options));
}

const char* kHead = R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "PER", "color": "#4e79a7"}, {"name": "LOC", "color": "#59a14f"}], "relations": []}, "documents": [)";

// A document whose text mixes multi-byte UTF-8, escaped quotes and backslashes and \u escapes,
// shifted by `pad` bytes so that every kind of character meets a window boundary somewhere.
std::string tricky_document(std::size_t n, std::size_t pad) {
    const std::string text = std::string(pad, 'x') + R"(é \"q\" \\ € 😀 \u00e9 \ud83d\ude00 \\\" Ωmega)";
    return R"({"id": "d)" + std::to_string(n) + R"(", "name": "n\"{[)" + std::to_string(n) + R"(", "text": ")" + text +
           R"(", "spans": [{"id": "T1", "start": )" + std::to_string(pad) + R"(, "end": )" + std::to_string(pad + 1) +
           R"(, "label": "LOC"}]})";
}

std::vector<std::string> generated_documents(std::size_t count) {
    std::vector<std::string> docs;
    for (std::size_t n = 0; n < count; ++n) docs.push_back(tricky_document(n, n % 13));
    return docs;
}

std::string file_of(const std::vector<std::string>& docs, std::string_view between = ",\n  ") {
    std::string out = kHead;
    for (std::size_t i = 0; i < docs.size(); ++i) out += (i ? std::string(between) : std::string()) + docs[i];
    return out + "]}\n";
}

std::vector<std::string> inputs() {
    std::vector<std::string> files;
    for (const char* path : {"assets/samples.inkspan.json", "tests/fixtures/agreement/ann.inkspan.json",
                             "tests/fixtures/agreement/bob.inkspan.json", "tests/fuzz/corpus/inkspan_json/invalid_deep_nesting.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_huge_number.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_long_number.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_past_end.json", "tests/fuzz/corpus/inkspan_json/invalid_syntax.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_text_mismatch.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_unknown_label.json",
                             "tests/fuzz/corpus/inkspan_json/invalid_version.json", "tests/fuzz/corpus/inkspan_json/valid_minimal.json",
                             "tests/fuzz/corpus/inkspan_json/valid_small.json"})
        files.push_back(fixtures::read_source_file(path));
    const auto docs = generated_documents(12);
    const std::string good = file_of(docs);
    files.push_back(good);
    files.push_back("\xEF\xBB\xBF" + good);  // a byte order mark
    files.push_back(file_of(docs, ","));
    // Errors inside a later document, after the root, and in the shape.
    std::vector<std::string> broken = docs;
    broken[7].insert(broken[7].size() - 1, ",");  // a syntax error in documents[7]
    files.push_back(file_of(broken));
    broken = docs;
    broken[9].insert(broken[9].size() - 1, R"(, "deep": )" + std::string(70, '[') + std::string(70, ']'));
    files.push_back(file_of(broken));  // nested too deep, far from the start
    broken = docs;
    broken[4].insert(broken[4].size() - 1, R"(, "n": 1)" + std::string(50, '0'));
    files.push_back(file_of(broken));  // a number too long
    broken = docs;
    broken[4].insert(broken[4].size() - 1, R"(, "n": 1e99999)");
    files.push_back(file_of(broken));  // a number that is not finite
    files.push_back(good + "x");        // something after the root
    files.push_back(good.substr(0, good.size() - 40));  // cut inside a string
    files.push_back(good.substr(0, good.size() / 2));    // cut inside a document
    broken = docs;
    broken[3] = "null";  // not the plain shape: read as one tree
    files.push_back(file_of(broken));
    files.push_back(good.substr(0, good.size() - 3) + R"(, "documents": []})");  // two "documents" keys
    broken = docs;
    broken[2] = R"({"id": "d0", "text": "same id"})";
    files.push_back(file_of(broken));  // a refusal from the reader, not the parser
    files.push_back(" \n\t ");
    files.push_back("");
    files.push_back(R"({"format": "inkspan", "version": 1, "schema": {"entities": []}, "documents": [{"id": "d1", "text": "a \\)");
    return files;
}

}  // namespace

TEST_CASE("reading a ByteSource in small windows gives the corpus or the message of the whole-string read") {
    const auto files = inputs();
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::string& file = files[f];
        for (bool add_unknown : {false, true}) {
            const std::string whole = outcome(parse_inkspan_json(file, InkspanReadOptions{add_unknown}));
            for (std::size_t window : {1u, 7u, 64u, 4096u}) {
                CAPTURE(f);
                CAPTURE(window);
                CHECK(windowed(file, window, add_unknown) == whole);
            }
        }
    }
    // A few outcomes spelt out, so a change in both reads at once shows too.
    CHECK(windowed(files[13], 7).rfind("ok:", 0) == 0);
    CHECK(windowed(files[16], 7).rfind("error 1: JSON syntax error at byte ", 0) == 0);
    CHECK(windowed(files[17], 7).find("JSON nested deeper than 64 levels at line 10, column ") != std::string::npos);
}

TEST_CASE("a window read holds no more than a window or one document at a time") {
    const auto docs = generated_documents(400);
    const std::string file = file_of(docs);
    std::size_t largest_document = 0, documents_bytes = 0;
    for (const auto& d : docs) {
        largest_document = std::max(largest_document, d.size());
        documents_bytes += d.size();
    }
    REQUIRE(largest_document < 200);
    REQUIRE(file.size() > 40'000);
    for (std::size_t window : {64u, 1024u}) {
        CAPTURE(window);
        CountingSource source(file);
        InkspanReadOptions options;
        options.read_window = window;
        auto r = parse_inkspan_json(source, options);
        REQUIRE_MESSAGE(r.ok(), r.error().message);
        CHECK(r->documents.size() == 400);
        CHECK(outcome(r) == outcome(parse_inkspan_json(file)));
        // No read longer than a window or the largest document...
        CHECK(source.largest <= std::max(window, largest_document));
        // ...and the file is gone through once, plus each document once more: never read whole.
        CHECK(source.total == file.size() + documents_bytes);
    }
}

TEST_CASE("invalid UTF-8 across a window boundary is found at the same byte as in the whole text") {
    const std::string good = file_of(generated_documents(3));
    // Lead bytes whose sequence is broken by its second, third or fourth byte, or cut by the end.
    for (const std::string& bad : {std::string("\xC3\x28"), std::string("\xE2\x82\x28"), std::string("\xF0\x9F\x98\x28"),
                                   std::string("\xED\xA0\x80"), std::string("\xC0\xAF"), std::string("\x80")}) {
        for (std::size_t shift = 0; shift < 8; ++shift) {
            std::string file = good;
            const std::size_t at = file.find("mega\", \"spans") + shift;  // ASCII bytes: the insertion breaks no character
            file.insert(at, bad);
            const std::string expected = "error " + std::to_string(static_cast<int>(ErrorKind::InvalidUtf8)) +
                                         ": invalid UTF-8 at byte " + std::to_string(at);
            CHECK(outcome(parse_inkspan_json(file)) == expected);
            for (std::size_t window : {1u, 2u, 3u, 7u, 64u}) {
                CAPTURE(shift);
                CAPTURE(window);
                CHECK(windowed(file, window) == expected);
            }
        }
    }
    std::string cut = good.substr(0, good.find("😀") + 2);  // a sequence cut by the end of the file
    CHECK(windowed(cut, 7) == "error " + std::to_string(static_cast<int>(ErrorKind::InvalidUtf8)) +
                                  ": invalid UTF-8 at byte " + std::to_string(cut.size() - 2));
}

TEST_CASE("find_invalid_utf8 over a ByteSource agrees with the whole-string check") {
    std::mt19937 random(15);
    const unsigned char pieces[] = {'a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0xF4, 0x90, 0xC0, 0xFF};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const std::size_t n = random() % 24;
        for (std::size_t i = 0; i < n; ++i) {
            // Mostly whole sequences, sometimes a stray byte.
            const int pick = static_cast<int>(random() % 8);
            if (pick == 0) s += static_cast<char>(pieces[random() % sizeof pieces]);
            else if (pick < 3) s += "\xC3\xA9";
            else if (pick < 5) s += "\xF0\x9F\x98\x80";
            else s += 'z';
        }
        for (std::size_t window : {1u, 2u, 3u, 5u, 64u}) {
            CAPTURE(round);
            CAPTURE(window);
            CHECK(find_invalid_utf8(StringByteSource(s), window) == find_invalid_utf8(s));
        }
    }
}

TEST_CASE("the commas among the documents are JSON's: a stray, missing or trailing one is the whole text's syntax error") {
    // The scan used to pass over what stood between two documents, so these loaded although no
    // JSON parser takes them.
    const std::string doc1 = R"({"id": "d1", "text": "x"})", doc2 = R"({"id": "d2", "text": "y"})";
    for (const std::string& documents : {"," + doc1 + "]", doc1 + ",]", doc1 + " " + doc2 + "]", doc1 + ",," + doc2 + "]", std::string(" , ]")}) {
        const std::string file = std::string(kHead) + documents + "}";  // kHead ends with the documents' '['
        CAPTURE(file);
        const std::string expected =
            "error 1: JSON syntax error at byte " + std::to_string(find_json_syntax_error(file).byte) + " ";
        for (std::size_t window : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20})
            CHECK(windowed(file, window).rfind(expected, 0) == 0);
    }
    // Blanks and one comma between documents stay fine.
    CHECK(windowed(std::string(kHead) + " " + doc1 + " ,\n\t" + doc2 + " ]}", 7).rfind("ok:", 0) == 0);
    CHECK(windowed(std::string(kHead) + " ]}", 7).rfind("ok:", 0) == 0);
}
