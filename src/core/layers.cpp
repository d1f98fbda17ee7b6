#include "core/layers.h"

namespace inkspan {

const Document* base_document(const Corpus& corpus, std::string_view id) {
    const Document* d = corpus.find_document(id);
    return d && d->is_layer() ? corpus.find_document(d->layer_of()) : d;
}

std::vector<const Document*> layer_group(const Corpus& corpus, std::string_view id) {
    std::vector<const Document*> group;
    const Document* base = base_document(corpus, id);
    if (!base) return group;
    group.push_back(base);
    for (const Document& d : corpus.documents)
        if (d.layer_of() == base->id()) group.push_back(&d);
    return group;
}

const Document* find_layer(const Corpus& corpus, std::string_view id, std::string_view annotator) {
    for (const Document* d : layer_group(corpus, id))
        if (d->annotator() == annotator) return d;
    return nullptr;
}

std::size_t layer_insert_index(const Corpus& corpus, std::string_view id) {
    const Document* base = base_document(corpus, id);
    if (!base) return corpus.documents.size();
    std::size_t after = *corpus.document_index(base->id());
    for (std::size_t i = after + 1; i < corpus.documents.size(); ++i)
        if (corpus.documents[i].layer_of() == base->id()) after = i;
    return after + 1;
}

LayerBase LayerBase::of(const Document& base) { return {base.id(), base.name(), base.language(), base.direction()}; }

Result<Document> make_layer(const Document& base, const Document& copy, std::string id, std::string annotator) {
    if (copy.text() != base.text())
        return make_error(ErrorKind::Invalid, "the text of " + copy.name() + " differs from the text of " + base.name());
    return make_layer(LayerBase::of(base), copy, std::move(id), std::move(annotator));
}

Result<Document> make_layer(const LayerBase& base, const Document& copy, std::string id, std::string annotator) {
    auto layer = copy.with_id(std::move(id));
    if (!layer) return layer;
    layer->set_layer_of(base.id);
    layer->set_annotator(std::move(annotator));
    layer->set_name(base.name);
    layer->set_language(base.language);
    layer->set_direction(base.direction);
    return layer;
}

DocumentsByText::DocumentsByText(const Corpus& corpus) : corpus_(&corpus) {
    by_hash_.reserve(corpus.documents.size());
    for (std::size_t i = 0; i < corpus.documents.size(); ++i)
        if (!corpus.documents[i].is_layer())
            by_hash_.emplace(std::hash<std::string_view>{}(corpus.documents[i].text()), i);
}

const Document* DocumentsByText::find(std::string_view text) const {
    const Document* first = nullptr;
    std::size_t first_index = 0;
    auto [lo, hi] = by_hash_.equal_range(std::hash<std::string_view>{}(text));
    for (auto it = lo; it != hi; ++it) {
        const Document& d = corpus_->documents[it->second];
        if (d.text() == text && (!first || it->second < first_index)) {
            first = &d;
            first_index = it->second;
        }
    }
    return first;
}

}  // namespace inkspan
