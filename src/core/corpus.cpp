#include "core/corpus.h"

namespace inkspan {

std::optional<std::size_t> Corpus::document_index(std::string_view id) const {
    for (std::size_t i = 0; i < documents.size(); ++i)
        if (documents[i].id() == id) return i;
    return std::nullopt;
}

const Document* Corpus::find_document(std::string_view id) const {
    auto i = document_index(id);
    return i ? &documents[*i] : nullptr;
}

Document* Corpus::find_document(std::string_view id) {
    auto i = document_index(id);
    return i ? &documents[*i] : nullptr;
}

namespace {

LabelCounts zero_counts(const Schema& schema) {
    LabelCounts counts;
    for (const auto& e : schema.entities) counts.entities[e.name] = 0;
    for (const auto& r : schema.relations) counts.relations[r.name] = 0;
    return counts;
}

void add_counts(LabelCounts& counts, const Document& doc) {
    for (const auto& [label, n] : doc.label_counts()) counts.entities[label] += n;
    for (const auto& [type, n] : doc.relation_type_counts()) counts.relations[type] += n;
}

}  // namespace

LabelCounts count_labels(const Schema& schema, const Document& doc) {
    LabelCounts counts = zero_counts(schema);
    add_counts(counts, doc);
    return counts;
}

LabelCounts count_labels(const Corpus& corpus) {
    LabelCounts counts = zero_counts(corpus.schema);
    for (const auto& doc : corpus.documents) add_counts(counts, doc);
    return counts;
}

Progress progress(const Corpus& corpus) {
    Progress p;
    for (const auto& doc : corpus.documents) {
        if (doc.is_layer()) continue;  // a document counts once, whatever its layers
        switch (doc.status()) {
            case DocStatus::New: ++p.fresh; break;
            case DocStatus::InProgress: ++p.in_progress; break;
            case DocStatus::Done: ++p.done; break;
        }
    }
    p.total = p.fresh + p.in_progress + p.done;
    return p;
}

}  // namespace inkspan
