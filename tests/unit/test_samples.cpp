// The multilingual sample corpus (assets/samples.inkspan.json, issue 12): one short news-like
// document per script, with entity spans and relations. Read with the real loader; every span's
// stored "text" is checked against the code-point slice of the document, and every document must
// hold characters of its script, so an edit that breaks an offset or a script is caught here.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/inkspan_json.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "format_fixtures.h"

using namespace inkspan;

namespace {

constexpr const char* kSamplesPath = "assets/samples.inkspan.json";

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }
bool is_han(char32_t c) {
    return in(c, 0x4E00, 0x9FFF) || in(c, 0x3400, 0x4DBF) || in(c, 0x20000, 0x2FA1F) || in(c, 0xF900, 0xFAFF);
}
bool is_kana(char32_t c) { return in(c, 0x3040, 0x309F) || in(c, 0x30A0, 0x30FF); }
bool is_hangul(char32_t c) { return in(c, 0xAC00, 0xD7AF) || in(c, 0x1100, 0x11FF) || in(c, 0x3130, 0x318F); }
bool is_arabic(char32_t c) { return in(c, 0x0600, 0x06FF); }
bool is_hebrew(char32_t c) { return in(c, 0x0590, 0x05FF); }
bool is_devanagari(char32_t c) { return in(c, 0x0900, 0x097F); }
bool is_thai(char32_t c) { return in(c, 0x0E00, 0x0E7F); }
bool is_cyrillic(char32_t c) { return in(c, 0x0400, 0x04FF); }
bool is_greek(char32_t c) { return in(c, 0x0370, 0x03FF) || in(c, 0x1F00, 0x1FFF); }
bool is_latin_letter(char32_t c) { return in(c, 'A', 'Z') || in(c, 'a', 'z'); }
bool is_ascii_digit(char32_t c) { return in(c, '0', '9'); }

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < s.size();) out.push_back(decode_utf8(s, pos));
    return out;
}

bool has_any(std::string_view s, const std::function<bool(char32_t)>& pred) {
    for (char32_t c : code_points(s))
        if (pred(c)) return true;
    return false;
}

// The covered text of [start, end) in code points, through the core's own offset conversion.
std::string_view slice(const Document& d, std::size_t start, std::size_t end) {
    const std::size_t b0 = d.index().code_point_to_byte(d.text(), start);
    const std::size_t b1 = d.index().code_point_to_byte(d.text(), end);
    return std::string_view(d.text()).substr(b0, b1 - b0);
}

struct Loaded {
    std::string json;
    Corpus corpus;
};

Loaded load_samples() {
    Loaded l;
    l.json = fixtures::read_source_file(kSamplesPath);
    auto r = parse_inkspan_json(l.json);  // default options: unknown labels or relation types are refused
    REQUIRE_MESSAGE(r.ok(), kSamplesPath, ": ", r.ok() ? "" : r.error().message);
    l.corpus = std::move(r.value());
    return l;
}

// Which script each sample must be written in.
const std::map<std::string, std::function<bool(char32_t)>>& expected_scripts() {
    static const std::map<std::string, std::function<bool(char32_t)>> scripts = {
        {"sample-zh", is_han},      {"sample-ja", is_kana},      {"sample-ko", is_hangul},
        {"sample-ar", is_arabic},   {"sample-he", is_hebrew},    {"sample-hi", is_devanagari},
        {"sample-th", is_thai},     {"sample-ru", is_cyrillic},  {"sample-el", is_greek},
        {"sample-mixed", is_arabic},
    };
    return scripts;
}

}  // namespace

TEST_CASE("multilingual samples: the file loads whole, with the app's default schema and 10 documents") {
    const Loaded l = load_samples();
    // The same schema as the first-visit sample, so importing the samples asks no question.
    CHECK(l.corpus.schema == default_news_schema());
    REQUIRE(l.corpus.documents.size() == 10);
    std::set<std::string> ids;
    for (const Document& d : l.corpus.documents) {
        INFO("document ", d.id());
        ids.insert(d.id());
        CHECK(d.status() == DocStatus::New);
        CHECK_FALSE(d.name().empty());
        CHECK(d.span_count() >= 3);
        CHECK(d.span_count() <= 6);
    }
    std::set<std::string> expected;
    for (const auto& [id, pred] : expected_scripts()) expected.insert(id);
    CHECK(ids == expected);
    // The file is in the writer's layout, so saving it again changes nothing.
    CHECK(write_inkspan_json(l.corpus) == l.json);
}

TEST_CASE("multilingual samples: every span's text is the code-point slice of its document") {
    const Loaded l = load_samples();
    const auto raw = nlohmann::json::parse(l.json, nullptr, false);
    REQUIRE_FALSE(raw.is_discarded());
    const auto& raw_docs = raw.at("documents");
    REQUIRE(raw_docs.size() == l.corpus.documents.size());
    std::size_t checked = 0;
    for (std::size_t i = 0; i < raw_docs.size(); ++i) {
        const Document& d = l.corpus.documents[i];
        const auto& raw_doc = raw_docs[i];
        REQUIRE(raw_doc.at("id").get<std::string>() == d.id());
        REQUIRE(raw_doc.at("spans").size() == d.span_count());
        for (const auto& raw_span : raw_doc.at("spans")) {
            const std::string id = raw_span.at("id").get<std::string>();
            INFO("document ", d.id(), ", span ", id);
            const Span* s = d.find_span(id);
            REQUIRE(s != nullptr);
            REQUIRE(raw_span.contains("text"));  // optional for the reader, required of the samples
            const std::string covered = raw_span.at("text").get<std::string>();
            CHECK(s->start == raw_span.at("start").get<std::size_t>());
            CHECK(s->end == raw_span.at("end").get<std::size_t>());
            CHECK(slice(d, s->start, s->end) == covered);
            CHECK(d.span_text(*s) == covered);
            CHECK(count_code_points(covered) == s->end - s->start);
            ++checked;
        }
    }
    CHECK(checked >= 30);
}

TEST_CASE("multilingual samples: relations in at least four documents") {
    const Loaded l = load_samples();
    std::size_t with_relations = 0;
    for (const Document& d : l.corpus.documents) {
        if (!d.relations().empty()) ++with_relations;
        for (const Relation& r : d.relations()) {
            INFO("document ", d.id(), ", relation ", r.id);
            const Span* head = d.find_span(r.head);
            const Span* tail = d.find_span(r.tail);
            REQUIRE(head != nullptr);
            REQUIRE(tail != nullptr);
            CHECK(l.corpus.schema.allows(r.type, head->label, tail->label));
        }
    }
    CHECK(with_relations >= 4);
}

TEST_CASE("multilingual samples: each document is written in its script") {
    const Loaded l = load_samples();
    for (const Document& d : l.corpus.documents) {
        INFO("document ", d.id());
        const auto it = expected_scripts().find(d.id());
        REQUIRE(it != expected_scripts().end());
        CHECK(has_any(d.text(), it->second));
    }
    const auto doc = [&](std::string_view id) -> const Document& {
        const Document* d = l.corpus.find_document(id);
        REQUIRE(d != nullptr);
        return *d;
    };
    // Japanese mixes kanji and kana.
    CHECK(has_any(doc("sample-ja").text(), is_han));
    // Hindi has conjuncts (consonant + virama + consonant: क्ष, त्र) and vowel signs.
    const std::string& hi = doc("sample-hi").text();
    CHECK(hi.find("क्ष") != std::string::npos);
    CHECK(hi.find("त्र") != std::string::npos);
    CHECK(has_any(hi, [](char32_t c) { return in(c, 0x093E, 0x094C); }));
    // Thai is written without spaces between words: long runs of Thai letters.
    std::size_t run = 0, longest = 0;
    for (char32_t c : code_points(doc("sample-th").text())) {
        run = is_thai(c) ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    CHECK(longest >= 20);
    // The mixed document: a ZWJ family, a flag, a skin tone, and a Latin name and digits inside
    // an Arabic sentence.
    const std::string& mixed = doc("sample-mixed").text();
    CHECK(mixed.find("\U0001F469\u200D\U0001F469\u200D\U0001F467") != std::string::npos);  // 👩‍👩‍👧
    CHECK(mixed.find("\U0001F1EB\U0001F1F7") != std::string::npos);                         // 🇫🇷
    CHECK(mixed.find("\U0001F44B\U0001F3FD") != std::string::npos);                         // 👋🏽
    CHECK(has_any(mixed, is_latin_letter));
    CHECK(has_any(mixed, is_ascii_digit));
}

TEST_CASE("multilingual samples: the Chinese and Japanese documents name something with a whole run of Han") {
    // A span whose text is only Han characters and which is neither preceded nor followed by Han:
    // word snapping gives whole Han runs, so browser tests drag over exactly such a name.
    const Loaded l = load_samples();
    for (const char* id : {"sample-zh", "sample-ja"}) {
        INFO("document ", id);
        const Document* d = l.corpus.find_document(id);
        REQUIRE(d != nullptr);
        const std::vector<char32_t> cps = code_points(d->text());
        bool found = false;
        for (const Span& s : d->spans()) {
            bool all_han = s.end > s.start;
            for (std::size_t k = s.start; k < s.end; ++k) all_han = all_han && is_han(cps[k]);
            const bool bounded = (s.start == 0 || !is_han(cps[s.start - 1])) && (s.end == cps.size() || !is_han(cps[s.end]));
            if (all_han && bounded && (s.label == "PER" || s.label == "ORG" || s.label == "LOC")) found = true;
        }
        CHECK(found);
    }
}
