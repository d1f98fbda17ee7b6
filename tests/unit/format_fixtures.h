#pragma once
// Fixtures shared by the dataset format tests: the sample article and the multilingual text, fully
// annotated (offsets found programmatically), and comparisons that a round trip kept everything.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"
#include "core/formats/format_util.h"
#include "core/layers.h"
#include "core/schema.h"
#include "core/tokenizer.h"

namespace fixtures {

using namespace inkspan;

inline std::string source_path(std::string_view relative) {
    return std::string(INKSPAN_SOURCE_DIR) + "/" + std::string(relative);
}

inline std::string read_source_file(std::string_view relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", source_path(relative));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Adds a span over the `occurrence`-th (0-based) occurrence of `needle` and returns its id.
inline std::string add_span(Document& doc, std::string_view needle, std::string label, std::size_t occurrence = 0,
                            std::string note = "", Attributes attributes = {}) {
    std::size_t at = doc.text().find(needle);
    for (std::size_t k = 0; k < occurrence && at != std::string::npos; ++k) at = doc.text().find(needle, at + 1);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the text: ", needle);
    Span s;
    s.id = doc.next_span_id();
    s.start = doc.index().byte_to_code_point(doc.text(), at);
    s.end = doc.index().byte_to_code_point(doc.text(), at + needle.size());
    s.label = std::move(label);
    s.note = std::move(note);
    s.attributes = std::move(attributes);
    doc.insert_span(s);
    return s.id;
}

inline void add_relation(Document& doc, std::string type, const std::string& head, const std::string& tail) {
    doc.insert_relation(Relation{doc.next_relation_id(), std::move(type), head, tail});
}

inline Schema fixture_schema() {
    Schema s = default_news_schema();
    s.relations.push_back(RelationType{"negotiates_with", {}, {}, false});  // any labels, undirected
    return s;
}

inline Document sample_document() {
    auto created = Document::create("d1", "istanbul-talks.fr.txt", read_source_file("assets/istanbul-talks.fr.txt"));
    REQUIRE(created.ok());
    Document doc = std::move(created.value());
    doc.set_status(DocStatus::InProgress);
    const auto istanbul = add_span(doc, "Istanbul", "LOC", 0, "in the title");
    add_span(doc, "Istanbul", "LOC", 1);
    add_span(doc, "Russie", "LOC");
    const auto usa = add_span(doc, "États-Unis", "LOC");
    add_span(doc, "États-Unis", "LOC", 1);
    const auto mfa = add_span(doc, "ministère des Affaires étrangères", "ORG");
    add_span(doc, "jeudi", "DATE");
    const auto darchiev = add_span(doc, "Alexandre Darchiev", "PER", 0, "", {{"role", "directeur"}});
    const auto dept = add_span(doc, "département de l’Atlantique Nord", "ORG");
    add_span(doc, "l’Atlantique Nord", "LOC");  // nested in the department
    const auto coulter = add_span(doc, "Sonata Coulter", "PER", 0, "secrétaire d’État adjointe\nUS side",
                                  {{"confirmed", "true"}});
    add_span(doc, "« Des mesures conjointes ont été convenues", "MISC");  // starts on «
    add_span(doc, "« irritants »", "MISC");
    add_span(doc, "2016-2018", "DATE");
    const auto moscou = add_span(doc, "Moscou", "LOC", 1);
    const auto lavrov = add_span(doc, "Sergueï Lavrov", "PER");
    const auto washington = add_span(doc, "Washington", "LOC", 1);
    add_span(doc, "Marco Rubio", "PER");
    add_span(doc, "Vladimir Poutine", "PER");
    add_span(doc, "S’abonner", "MISC");
    add_span(doc, "18 février", "DATE");
    add_relation(doc, "meets", darchiev, coulter);
    add_relation(doc, "member_of", darchiev, dept);
    add_relation(doc, "located_in", mfa, moscou);
    add_relation(doc, "member_of", lavrov, mfa);
    add_relation(doc, "negotiates_with", moscou, washington);
    add_relation(doc, "located_in", istanbul, usa);
    return doc;
}

// "LABEL text start-end" per span, and "head type tail" per relation: what a test compares.
inline std::vector<std::string> span_texts(const Document& d) {
    std::vector<std::string> out;
    for (const Span& s : d.spans())
        out.push_back(s.label + " " + std::string(d.span_text(s)) + " " + std::to_string(s.start) + "-" + std::to_string(s.end));
    return out;
}

inline std::vector<std::string> relation_texts(const Document& d) {
    std::vector<std::string> out;
    for (const Relation& r : d.relations())
        out.push_back(std::string(d.span_text(*d.find_span(r.head))) + " " + r.type + " " +
                      std::string(d.span_text(*d.find_span(r.tail))));
    return out;
}

inline Document multilingual_document() {
    const std::string text = read_source_file("tests/fixtures/multilingual.txt");
    REQUIRE_MESSAGE(text.find("\r\n") != std::string::npos, "multilingual.txt lost its CRLF line ends");
    auto created = Document::create("ml", "multilingual.txt", text);
    REQUIRE(created.ok());
    Document doc = std::move(created.value());
    doc.set_status(DocStatus::Done);
    const auto emile = add_span(doc, "Émile", "PER");
    const auto zoe = add_span(doc, "Zoë", "PER");
    add_span(doc, "😀", "MISC");
    const auto tokyo = add_span(doc, "東京", "LOC");
    add_span(doc, "👨‍👩‍👧", "MISC", 0, "famille\r\nrecomposée", {{"kind", "zwj"}});
    add_span(doc, "Nguyễn", "PER");
    add_span(doc, "cafe\u0301", "MISC", 0, "", {{"combining", "true"}});
    add_span(doc, "São Paulo", "LOC");
    add_span(doc, "« doux »", "MISC");
    add_span(doc, "€ (prix « doux »).\r\n\r\n北京", "MISC");  // crosses the CRLF lines and a sentence end
    const auto pku = add_span(doc, "北京大学", "ORG");
    const auto yamada = add_span(doc, "山田太郎", "PER");
    add_span(doc, "「こんにちは」", "MISC");
    const auto moskva = add_span(doc, "Москва", "LOC");
    add_span(doc, "Ελλάδα", "LOC");
    add_span(doc, "🇫🇷", "MISC");
    add_relation(doc, "meets", zoe, emile);
    add_relation(doc, "member_of", yamada, pku);
    add_relation(doc, "located_in", pku, tokyo);
    add_relation(doc, "negotiates_with", tokyo, moskva);
    return doc;
}

inline Corpus fixture_corpus() {
    Corpus c;
    c.schema = fixture_schema();
    c.documents.push_back(sample_document());
    c.documents.push_back(multilingual_document());
    return c;
}

// What a round trip must keep, per format.
struct Keep {
    bool notes = true;
    bool attributes = true;
    bool one_line_notes = false;  // brat: line breaks in notes become spaces
};

inline std::string one_line(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += (s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
    }
    return out;
}

using SpanKey = std::tuple<std::size_t, std::size_t, std::string>;
inline SpanKey key_of(const Span& s) { return {s.start, s.end, s.label}; }

// Same text, same spans (offsets, labels, and notes/attributes as `keep` says), same relations
// (type and endpoints by offsets and label).
inline void check_same_annotations(const Document& original, const Document& imported, Keep keep = {}) {
    CHECK(imported.text() == original.text());
    REQUIRE(imported.span_count() == original.span_count());
    for (std::size_t i = 0; i < original.span_count(); ++i) {
        const Span& a = original.span_at(i);
        const Span& b = imported.span_at(i);
        CHECK(key_of(b) == key_of(a));
        CHECK(imported.span_text(b) == original.span_text(a));
        if (keep.notes) CHECK(b.note == (keep.one_line_notes ? one_line(a.note) : a.note));
        else CHECK(b.note.empty());
        if (keep.attributes) CHECK(b.attributes == a.attributes);
        else CHECK(b.attributes.empty());
    }
    auto relation_keys = [](const Document& d) {
        std::vector<std::tuple<std::string, SpanKey, SpanKey>> keys;
        for (const Relation& r : d.relations())
            keys.emplace_back(r.type, key_of(*d.find_span(r.head)), key_of(*d.find_span(r.tail)));
        std::sort(keys.begin(), keys.end());
        return keys;
    };
    CHECK(relation_keys(imported) == relation_keys(original));
}

inline formats::ImportedCorpus round_trip(std::string_view format, const Corpus& corpus, const std::vector<std::size_t>& docs) {
    auto exported = formats::export_corpus(format, corpus, docs);
    REQUIRE(exported.ok());
    auto imported = formats::import_files(format, exported->files, corpus.schema);
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? std::string() : imported.error().message));
    CHECK(imported->new_entity_types.empty());
    CHECK(imported->new_relation_types.empty());
    return std::move(imported.value());
}

inline std::vector<std::string> strings(std::initializer_list<std::string_view> list) {
    return std::vector<std::string>(list.begin(), list.end());
}

// A document by alice ("talks.txt") with bob's layer and the gold layer (with provenance), then a
// document by alice without layers ("other.txt"): the corpus order the model keeps.
inline Corpus layered_corpus() {
    Corpus c;
    c.schema = fixture_schema();
    const std::string text = "Zoë met Ana in Lyon.";
    auto make = [&](const char* id, const char* name, const std::string& t) {
        auto d = Document::create(id, name, t);
        REQUIRE(d.ok());
        return std::move(*d);
    };
    Document d1 = make("d1", "talks.txt", text);
    d1.set_annotator("alice");
    add_span(d1, "Zoë", "PER");
    add_span(d1, "Lyon", "LOC");
    Document bob_copy = make("x", "x", text);
    const auto ana = add_span(bob_copy, "Ana", "PER");
    const auto bob_lyon = add_span(bob_copy, "Lyon", "LOC");
    add_relation(bob_copy, "negotiates_with", ana, bob_lyon);
    auto bob = make_layer(d1, bob_copy, "d1-bob", "bob");
    REQUIRE(bob.ok());
    Document gold_copy = make("y", "y", text);
    const auto zoe = add_span(gold_copy, "Zoë", "PER");
    const auto lyon = add_span(gold_copy, "Lyon", "LOC");
    add_relation(gold_copy, "negotiates_with", zoe, lyon);
    Span agreed = *gold_copy.find_span(lyon);
    agreed.agreed_by = {"alice", "bob"};
    gold_copy.replace_span(agreed);
    Relation rel = gold_copy.relations()[0];
    rel.agreed_by = {"bob"};
    gold_copy.replace_relation(rel);
    auto gold = make_layer(d1, gold_copy, "d1-gold", std::string(kGoldAnnotator));
    REQUIRE(gold.ok());
    Document d2 = make("d2", "other.txt", "Rome is far.");
    d2.set_annotator("alice");
    add_span(d2, "Rome", "LOC");
    c.documents.push_back(std::move(d1));
    c.documents.push_back(std::move(*bob));
    c.documents.push_back(std::move(*gold));
    c.documents.push_back(std::move(d2));
    return c;
}

}  // namespace fixtures
