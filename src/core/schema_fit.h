#pragma once
// Annotations an import keeps although the rules they came with, or the current schema, do not
// allow them ("never destroy data"): each one is listed, and the relation types are widened so
// that the schema allows what the import brings. The user sees the list and decides.
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/schema.h"

namespace inkspan {

struct SchemaViolation {
    std::string doc;         // the document's id in the import
    std::string annotation;  // the span or relation id
    std::string what;        // "relation type located_in does not allow LOC → PER (the schema allows ORG|PER|LOC → LOC)"

    bool operator==(const SchemaViolation&) const = default;
};

// "ORG|PER|LOC → LOC"; an empty list reads "any label".
[[nodiscard]] std::string describe_rule(const RelationType& rule);

// `rule` with the labels added that a relation from `head_label` to `tail_label` needs (a list
// that is empty, meaning any label, stays empty).
void widen_rule(RelationType& rule, const std::string& head_label, const std::string& tail_label);

// Fits a corpus read from a file (it has its own schema) to the current schema before it is
// added: for every relation type both have, `incoming.schema` takes the current rule, widened by
// the labels the incoming relations need; types only the file has stay as the file has them.
// Returns the relations the current rules did not allow, in document and relation order.
[[nodiscard]] std::vector<SchemaViolation> fit_to_schema(const Schema& current, Corpus& incoming);

}  // namespace inkspan
