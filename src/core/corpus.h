#pragma once
// A schema and the documents annotated with it: what one inkspan JSON file holds.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/schema.h"

namespace inkspan {

struct Corpus {
    Schema schema;
    std::vector<Document> documents;  // in the order the user sees them

    [[nodiscard]] const Document* find_document(std::string_view id) const;
    [[nodiscard]] Document* find_document(std::string_view id);
    [[nodiscard]] std::optional<std::size_t> document_index(std::string_view id) const;

    bool operator==(const Corpus&) const = default;
};


// Spans per entity label and relations per relation type. Every type of the schema is present
// (with 0 when unused), so a legend can be drawn from it directly.
struct LabelCounts {
    CountMap entities;
    CountMap relations;
    bool operator==(const LabelCounts&) const = default;
};
[[nodiscard]] LabelCounts count_labels(const Schema& schema, const Document& doc);  // O(types)
[[nodiscard]] LabelCounts count_labels(const Corpus& corpus);                       // O(docs * types)

struct Progress {
    std::size_t fresh = 0;        // status "new"
    std::size_t in_progress = 0;
    std::size_t done = 0;
    std::size_t total = 0;
    bool operator==(const Progress&) const = default;
};
[[nodiscard]] Progress progress(const Corpus& corpus);  // documents, not their layers

}  // namespace inkspan
