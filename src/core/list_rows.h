#pragma once
// The one-line texts of the annotation list's rows: a span as its label, its text and a few words
// either side; a relation as its ends' texts around its type. A field holding right-to-left text
// is a bidi isolate (U+2068 … U+2069): the fields keep their order left to right, and each reads
// in its own direction (without them, an Arabic span's text and its context ran together into one
// right-to-left run, the context first).
#include <string>
#include <string_view>

#include "core/document.h"

namespace inkspan {

// `utf8` between U+2068 and U+2069 when it holds right-to-left letters; otherwise unchanged (a
// Latin field needs none, and text drawn without shaping would show the controls).
[[nodiscard]] std::string isolate_if_rtl(std::string_view utf8);

// "…talks in ‹›, on Tuesday…": a few words either side of the span, on one line.
[[nodiscard]] std::string span_context(const Document& doc, const Span& s);

// "LOC  Istanbul   …réunies hier à ‹›, se sont…"
[[nodiscard]] std::string span_row(const Document& doc, const Span& s);

// "Sonata Coulter  →member_of→  délégation américaine"
[[nodiscard]] std::string relation_row(const Document& doc, const Span& head, const std::string& type, const Span& tail);

}  // namespace inkspan
