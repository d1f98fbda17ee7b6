// The quick reader of a plain document element (inkspan_json_plain) against the tree reader:
// for every element, the file must give the same corpus or the same message either way. A file
// whose root has "documents" twice is read whole as one tree (the last "documents" counts), so
// putting an empty "documents" first sends the same element through the tree reader.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/inkspan_json.h"

using namespace inkspan;

namespace {

const char* kHead = R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "PER", "color": "#4e79a7"},
    {"name": "ORG", "color": "#f28e2b"}], "relations": [{"name": "member_of", "head": ["PER"], "tail": ["ORG"], "directed": true},
    {"name": "allied", "head": ["ORG"], "tail": ["ORG"], "directed": false}], "allow_crossing_spans": false}, )";

std::string outcome(const Result<Corpus>& r) {
    if (r.ok()) return "ok:" + write_inkspan_json(*r);
    // Syntax errors give a byte offset, which the extra key moves: compare the kind only.
    if (r.error().kind == ErrorKind::Malformed) return "malformed";
    return "error " + std::to_string(static_cast<int>(r.error().kind)) + ": " + r.error().message;
}

std::string quick_way(const std::string& element, bool add_unknown) {
    return outcome(parse_inkspan_json(std::string(kHead) + R"("documents": [)" + element + "]}", {add_unknown}));
}

std::string tree_way(const std::string& element, bool add_unknown) {
    return outcome(parse_inkspan_json(std::string(kHead) + R"("documents": [], "documents": [)" + element + "]}", {add_unknown}));
}

const std::string kText = R"(Ann Lee joined Acme Corp and Beta Inc)";

std::string element(const std::string& spans, const std::string& relations = "", const std::string& more = "") {
    return R"({"id": "d1", "name": "n", "text": ")" + kText + R"(", "spans": [)" + spans + R"(], "relations": [)" +
           relations + "]" + more + "}";
}

const std::string kAnn = R"({"id": "T1", "start": 0, "end": 7, "label": "PER", "text": "Ann Lee"})";
const std::string kAcme = R"({"id": "T2", "start": 15, "end": 24, "label": "ORG"})";
const std::string kBeta = R"({"id": "T3", "start": 29, "end": 37, "label": "ORG"})";
const std::string kSpans = kAnn + ", " + kAcme + ", " + kBeta;

// 138 code points: "Zoé à 東京 😀x", then 120 letters, then " Genève".
const std::string kLongBody = "Zoé à 東京 😀x" + std::string(120, 'a').replace(70, 3, "abc").replace(75, 3, "abc") + " Genève";
const std::string kLongText = R"({"id": "d1", "text": ")" + kLongBody + R"(")";

}  // namespace

TEST_CASE("inkspan JSON: the quick reader of a plain document and the tree reader agree on every element") {
    const std::vector<std::string> elements = {
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T2"})"),
        element(kSpans, R"({"id": "R1", "type": "allied", "head": "T2", "tail": "T3"}, {"id": "R2", "type": "allied", "head": "T3", "tail": "T2"})"),
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T2"}, {"id": "R2", "type": "member_of", "head": "T1", "tail": "T2"})"),
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T2", "tail": "T1"})"),
        element(kSpans, R"({"id": "R1", "type": "knows", "head": "T1", "tail": "T2"})"),
        element(kSpans, R"({"id": "T1", "type": "member_of", "head": "T1", "tail": "T2"})"),
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T9"})"),
        element(kSpans, R"({"id": "R2", "type": "member_of", "head": "T1", "tail": "T2"}, {"id": "R2", "type": "allied", "head": "T2", "tail": "T3"})"),
        element(kSpans, R"({"id": "R1", "type": "allied", "head": "T2", "tail": "T2"})"),
        element(kAcme + ", " + kAnn),  // out of order: sorted on the way in
        element(kAnn + ", " + kAnn),
        element(kAnn + R"(, {"id": "T2", "start": 0, "end": 7, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 10, "label": "PER"}, {"id": "T2", "start": 4, "end": 19, "label": "ORG"})"),
        element(R"({"id": "T1", "start": 0, "end": 99, "label": "PER"})"),
        element(R"({"id": "T1", "start": 3, "end": 3, "label": "PER"})"),
        element(R"({"id": "T1", "start": -0, "end": 3, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 3.0, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 3e0, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 99999999999999999999, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 03, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": "3", "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "XYZ"})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Bob"})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "A\u006en"})"),
        element(R"({"\u0069d": "T1", "start": 0, "end": 3, "label": "PER"})"),
        element(R"({"id": "T1", "id": "T7", "start": 0, "end": 3, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "colour": "red"})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "note": "a \"note\"", "agreed_by": ["ann", "bob"]})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "attributes": {"b": "2", "a": "1"}})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "attributes": {"a": "1", "a": "2"}})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "attributes": {"a b": "1"}})"),
        element(R"({"id": "T1", "start": 0, "end": 3, "label": "PER", "attributes": {"a": 1}})"),
        element(R"({"id": "T 1", "start": 0, "end": 3, "label": "PER"})"),
        element(R"({"id": "T1", "start": 0, "end": 3})"),
        element(R"([])"),
        element(""),
        element("", "", R"(, "status": "done", "language": "en-GB", "direction": "rtl", "annotator": "ann", "created": "2024", "modified": "2025")"),
        element("", "", R"(, "status": "finished")"),
        element("", "", R"(, "language": "not a tag")"),
        element("", "", R"(, "direction": "up")"),
        element("", "", R"(, "id": "d2")"),
        element("", "", R"(, "layer_of": "d0")"),
        element("", "", R"(, "extra": {"a": [1, 2, {"b": null}]})"),
        R"({"id": "d1", "text": "tab\there \ud83d\ude00 \u00e9 \/ \b\f\n\r"})",
        R"({"id": "d1", "text": "lone \ud83d surrogate"})",
        R"({"id": "d1", "text": "bad \x escape"})",
        R"({"id": "d1", "text": 5})",
        R"({"id": "d1"})",
        R"({"text": "x"})",
        R"({"id": "d1", "text": "x",})",
        R"({"id": "d1" "text": "x"})",
        R"({"id": "d1", "text": "x"} )",
        R"( {"id": "d1", "text": "x"})",
        R"({"id": "d1", "text": "x", "spans": [, ]})",
        R"({"id": "d1", "text": "x", "spans": [{"id": "T1", "start": 0, "end": 1, "label": "PER"},]})",
        // Span ids outside the writer's form "T<n>", and ids as relation ids and ends.
        element(kAnn + R"(, {"id": "T01", "start": 15, "end": 24, "label": "ORG"})", R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T01"})"),
        element(R"({"id": "S1", "start": 0, "end": 7, "label": "PER"}, {"id": "S1", "start": 15, "end": 24, "label": "ORG"})"),
        element(R"({"id": "T01", "start": 0, "end": 7, "label": "PER"}, {"id": "T01", "start": 15, "end": 24, "label": "ORG"})"),
        element(R"({"id": "T9999999999", "start": 0, "end": 7, "label": "PER"}, {"id": "T9999999999", "start": 15, "end": 24, "label": "ORG"})"),
        element(R"({"id": "T0", "start": 0, "end": 7, "label": "PER"}, {"id": "T00", "start": 15, "end": 24, "label": "ORG"})", R"({"id": "R1", "type": "member_of", "head": "T0", "tail": "T00"})"),
        element(R"({"id": "S1", "start": 0, "end": 7, "label": "PER"}, {"id": "S2", "start": 15, "end": 24, "label": "ORG"})", R"({"id": "S2", "type": "member_of", "head": "S1", "tail": "S2"})"),
        element(kSpans, R"({"id": "T3", "type": "member_of", "head": "T1", "tail": "T2"})"),
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T02"})"),
        element(kSpans, R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T2"}, {"id": "R2", "type": "allied", "head": "T2", "tail": "T3"}, {"id": "R3", "type": "member_of", "head": "T1", "tail": "T3"})"),
        // Escaped ids, labels and types; the rarer fields on some spans and relations only.
        element(R"({"id": "T\u0031", "start": 0, "end": 7, "label": "P\u0045R"}, {"id": "T2", "start": 15, "end": 24, "label": "ORG"})", R"({"id": "R\u0031", "type": "member_\u006ff", "head": "T\u0031", "tail": "T2"})"),
        element(R"({"id": "T\u0031", "start": 0, "end": 7, "label": "PER"}, {"id": "T1", "start": 15, "end": 24, "label": "ORG"})"),
        element(kAnn + R"(, {"id": "T2", "start": 15, "end": 24, "label": "ORG", "note": "n2", "attributes": {"k": "v"}}, {"id": "T3", "start": 29, "end": 37, "label": "ORG"}, {"id": "T4", "start": 30, "end": 37, "label": "ORG", "agreed_by": ["ann"], "note": "n4"})",
                R"({"id": "R1", "type": "member_of", "head": "T1", "tail": "T2"}, {"id": "R2", "type": "allied", "head": "T2", "tail": "T3", "agreed_by": ["bob", "cy"]}, {"id": "R3", "type": "allied", "head": "T3", "tail": "T4"})"),
        // Crossing and nesting among spans that start together (the sweep takes each start's
        // spans longest first).
        element(R"({"id": "T1", "start": 0, "end": 5, "label": "PER"}, {"id": "T2", "start": 0, "end": 10, "label": "ORG"}, {"id": "T3", "start": 3, "end": 8, "label": "ORG"})"),
        element(R"({"id": "T1", "start": 0, "end": 5, "label": "PER"}, {"id": "T2", "start": 0, "end": 10, "label": "ORG"}, {"id": "T3", "start": 5, "end": 10, "label": "ORG"})"),
        element(R"({"id": "T1", "start": 0, "end": 10, "label": "PER"}, {"id": "T2", "start": 0, "end": 10, "label": "ORG"}, {"id": "T3", "start": 2, "end": 12, "label": "ORG"})"),
        element(R"({"id": "T1", "start": 0, "end": 10, "label": "PER"}, {"id": "T2", "start": 2, "end": 5, "label": "ORG"}, {"id": "T3", "start": 2, "end": 4, "label": "ORG"}, {"id": "T4", "start": 3, "end": 9, "label": "ORG"})"),
        // Claimed texts in a text of 1- to 4-byte characters: spans in order, out of order, far
        // apart, long, and with escapes.
        kLongText + R"(, "spans": [{"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Zoé"}, {"id": "T2", "start": 6, "end": 8, "label": "ORG", "text": "東京"}, {"id": "T3", "start": 9, "end": 11, "label": "ORG", "text": "😀x"}, {"id": "T4", "start": 132, "end": 138, "label": "ORG", "text": "Genè\u0076e"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 132, "end": 138, "label": "ORG", "text": "Genève"}, {"id": "T2", "start": 6, "end": 8, "label": "ORG", "text": "東京"}, {"id": "T3", "start": 0, "end": 3, "label": "PER", "text": "Zoé"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Zoé"}, {"id": "T2", "start": 6, "end": 8, "label": "ORG", "text": "東京"}, {"id": "T3", "start": 9, "end": 10, "label": "ORG", "text": "😀"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Zoé"}, {"id": "T2", "start": 131, "end": 138, "label": "ORG", "text": "Genève"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Zoé"}, {"id": "T2", "start": 132, "end": 137, "label": "ORG", "text": "Genève"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 4, "end": 138, "label": "ORG", "text": ")" + kLongBody.substr(5) + R"("}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 4, "end": 138, "label": "ORG", "text": ")" + kLongBody.substr(7) + R"("}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 81, "end": 84, "label": "PER", "text": "abc"}, {"id": "T2", "start": 86, "end": 89, "label": "PER", "text": "abc"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 81, "end": 84, "label": "PER", "text": "abc"}, {"id": "T2", "start": 86, "end": 89, "label": "PER", "text": " 東京"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 81, "end": 84, "label": "PER", "text": "abc"}, {"id": "T2", "start": 86, "end": 89, "label": "PER", "text": "aab"}]})",
        kLongText + R"(, "spans": [{"id": "T1", "start": 4, "end": 5, "label": "PER", "text": "à"}, {"id": "T2", "start": 6, "end": 8, "label": "PER", "text": "xa"}]})",
    };
    for (const std::string& e : elements)
        for (bool add_unknown : {false, true}) {
            CAPTURE(e);
            CAPTURE(add_unknown);
            CHECK(quick_way(e, add_unknown) == tree_way(e, add_unknown));
        }
}
