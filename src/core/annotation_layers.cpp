#include "core/annotation_layers.h"

#include <algorithm>
#include <optional>
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

namespace {

// Where a copy goes: its text's document (in `layered`, new if the text is new) and, when its
// annotator already has a layer there, that layer's index (the copy is then not added).
struct Placed {
    std::size_t document = 0;
    std::optional<std::size_t> taken;
};

// Adds `doc` as `annotator`'s layer of its text's document; the one way copies are grouped.
Placed place_copy(const std::string& annotator, const Document& doc, std::vector<LayeredDocument>& layered,
                  std::unordered_map<std::string_view, std::size_t>& by_text) {
    auto [it, fresh] = by_text.try_emplace(doc.text(), layered.size());
    if (fresh) layered.push_back(LayeredDocument{doc.id(), doc.text(), {}});
    LayeredDocument& target = layered[it->second];
    for (std::size_t i = 0; i < target.layers.size(); ++i)
        if (target.layers[i].annotator == annotator) return {it->second, i};
    target.layers.push_back(layer_of(annotator, doc));
    return {it->second, std::nullopt};
}

}  // namespace

Result<std::vector<LayeredDocument>> group_by_text(const std::vector<AnnotatorCopy>& copies) {
    std::vector<LayeredDocument> documents;
    // Where each annotator's copy of a text came from, to name both in a refusal.
    std::vector<std::vector<const Document*>> sources;
    std::unordered_map<std::string_view, std::size_t> by_text;
    for (const AnnotatorCopy& copy : copies) {
        const Placed placed = place_copy(copy.annotator, *copy.document, documents, by_text);
        if (placed.document == sources.size()) sources.emplace_back();
        if (placed.taken)
            return make_error(ErrorKind::Invalid, "annotator \"" + copy.annotator + "\" has two copies of the same text: " +
                                                      sources[placed.document][*placed.taken]->id() + " and " + copy.document->id());
        sources[placed.document].push_back(copy.document);
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
    LayeredDocumentsBuilder builder(corpus);
    while (!builder.done()) builder.step(corpus.documents.size());
    return std::move(builder).take();
}

LayeredDocumentsBuilder::LayeredDocumentsBuilder(const Corpus& corpus) : corpus_(&corpus) {}

void LayeredDocumentsBuilder::step(std::size_t max_documents) {
    const std::size_t end = next_ + std::min(max_documents, corpus_->documents.size() - next_);
    for (; next_ < end; ++next_) {
        const Document& d = corpus_->documents[next_];
        // A member with no annotator is nobody's layer; an annotator's second copy of a text is left
        // out (the first, in corpus order, counts).
        if (!d.annotator().empty()) (void)place_copy(d.annotator(), d, layered_, by_text_);
    }
}

std::vector<LayeredDocument> LayeredDocumentsBuilder::take() && { return std::move(layered_); }

}  // namespace inkspan
