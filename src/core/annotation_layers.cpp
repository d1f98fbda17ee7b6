#include "core/annotation_layers.h"

#include <unordered_map>
#include <unordered_set>

namespace inkspan {

const AnnotationLayer* LayeredDocument::layer(std::string_view annotator) const {
    for (const AnnotationLayer& l : layers)
        if (l.annotator == annotator) return &l;
    return nullptr;
}

Status check_layer(const AnnotationLayer& layer, std::size_t length, std::string_view where) {
    auto invalid = [&](std::string what) { return make_error(ErrorKind::Invalid, std::string(where) + ", " + std::move(what)); };
    for (const Span& s : layer.spans)
        if (s.start >= s.end || s.end > length)
            return invalid("span " + s.id + ": [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
                           ") is not inside the text (" + std::to_string(length) + " code points)");
    if (layer.relations.empty()) return Ok{};
    std::unordered_set<std::string_view> ids;
    ids.reserve(layer.spans.size());
    for (const Span& s : layer.spans) ids.insert(s.id);
    for (const Relation& r : layer.relations) {
        if (!ids.contains(r.head)) return invalid("relation " + r.id + ": head " + r.head + " is not a span of this layer");
        if (!ids.contains(r.tail)) return invalid("relation " + r.id + ": tail " + r.tail + " is not a span of this layer");
    }
    return Ok{};
}

AnnotationLayer layer_of(std::string annotator, const Document& document) {
    AnnotationLayer layer{std::move(annotator), {}, document.relations()};
    layer.spans.reserve(document.span_count());
    for (const Span& s : document.spans()) layer.spans.push_back(s);
    return layer;
}

Result<std::vector<LayeredDocument>> group_by_text(const std::vector<AnnotatorCopy>& copies) {
    std::vector<LayeredDocument> documents;
    // Where each annotator's copy of a text came from, to name both in a refusal.
    std::vector<std::vector<const Document*>> sources;
    std::unordered_map<std::string_view, std::size_t> by_text;
    for (const AnnotatorCopy& copy : copies) {
        const Document& doc = *copy.document;
        auto [it, fresh] = by_text.try_emplace(doc.text(), documents.size());
        if (fresh) {
            documents.push_back(LayeredDocument{doc.id(), doc.text(), {}});
            sources.emplace_back();
        }
        LayeredDocument& target = documents[it->second];
        for (std::size_t i = 0; i < target.layers.size(); ++i)
            if (target.layers[i].annotator == copy.annotator)
                return make_error(ErrorKind::Invalid, "annotator \"" + copy.annotator + "\" has two copies of the same text: " +
                                                          sources[it->second][i]->id() + " and " + doc.id());
        target.layers.push_back(layer_of(copy.annotator, doc));
        sources[it->second].push_back(&doc);
    }
    return documents;
}

Result<std::vector<LayeredDocument>> group_by_text(const std::vector<const Document*>& documents) {
    std::vector<AnnotatorCopy> copies;
    copies.reserve(documents.size());
    for (const Document* d : documents) copies.push_back({d->annotator(), d});
    return group_by_text(copies);
}

std::vector<LayeredDocument> layered_documents(const Corpus& corpus) {
    std::vector<AnnotatorCopy> copies;
    copies.reserve(corpus.documents.size());
    for (const Document& d : corpus.documents)
        if (!d.annotator().empty()) copies.push_back({d.annotator(), &d});
    if (auto grouped = group_by_text(copies); grouped.ok()) return std::move(grouped.value());
    // group_by_text refuses a second copy of a text by the same annotator: leave the later ones out.
    std::unordered_map<std::string_view, std::unordered_set<std::string_view>> taken;
    std::erase_if(copies, [&](const AnnotatorCopy& c) { return !taken[c.document->text()].insert(c.annotator).second; });
    auto grouped = group_by_text(copies);
    return grouped.ok() ? std::move(grouped.value()) : std::vector<LayeredDocument>{};
}

}  // namespace inkspan
