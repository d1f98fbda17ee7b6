#pragma once
// The spans a relation from a given span can point to, for choosing its other end by keyboard
// (issue 19: R, then Tab / Shift+Tab or arrows, then Enter).
#include <string>
#include <vector>

#include "core/document.h"
#include "core/schema.h"

namespace inkspan {

// Ids of the spans (the head excluded) whose label some relation type of `schema` accepts from
// the head's label, in reading order; every other span when no type accepts any (relating then
// says what the schema lacks). Empty when the head is not in the document.
[[nodiscard]] std::vector<std::string> relation_candidates(const Document& doc, const Schema& schema, const std::string& head);

// The candidate after (`forward`) or before `current`, wrapping around; with no current (or one
// that is no candidate), the first candidate after the head in reading order (forward) or the
// last one before it. Empty when there is no candidate.
[[nodiscard]] std::string next_relation_candidate(const Document& doc, const Schema& schema, const std::string& head,
                                                  const std::string& current, bool forward);

}  // namespace inkspan
