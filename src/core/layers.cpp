#include "core/layers.h"

#include <algorithm>

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

namespace {

// Whether each base document (by index) is left to adjudicate, in one pass over the corpus.
std::vector<bool> left_to_adjudicate(const Corpus& corpus) {
    std::unordered_map<std::string_view, std::size_t> base_index;
    std::vector<std::size_t> labelled(corpus.documents.size(), 0);
    std::vector<bool> has_gold(corpus.documents.size(), false);
    for (std::size_t i = 0; i < corpus.documents.size(); ++i)
        if (!corpus.documents[i].is_layer()) base_index.emplace(corpus.documents[i].id(), i);
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
        const Document& d = corpus.documents[i];
        const auto base = d.is_layer() ? base_index.find(d.layer_of()) : base_index.find(d.id());
        if (base == base_index.end()) continue;
        if (d.annotator() == kGoldAnnotator) has_gold[base->second] = true;
        else if (d.span_count() > 0 || !d.relations().empty()) ++labelled[base->second];
    }
    std::vector<bool> left(corpus.documents.size(), false);
    for (const auto& [id, i] : base_index) left[i] = labelled[i] >= 2 && !has_gold[i];
    return left;
}

}  // namespace

const Document* next_to_adjudicate(const Corpus& corpus, std::string_view id) {
    const Document* base = base_document(corpus, id);
    const auto at = base ? corpus.document_index(base->id()) : std::nullopt;
    if (!at) return nullptr;
    const std::vector<bool> left = left_to_adjudicate(corpus);
    const std::size_t n = corpus.documents.size();
    for (std::size_t k = 1; k < n; ++k)
        if (const std::size_t i = (*at + k) % n; left[i]) return &corpus.documents[i];
    return nullptr;
}

std::size_t count_to_adjudicate(const Corpus& corpus) {
    const std::vector<bool> left = left_to_adjudicate(corpus);
    return static_cast<std::size_t>(std::count(left.begin(), left.end(), true));
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
    by_size_.reserve(corpus.documents.size());
    for (std::size_t i = 0; i < corpus.documents.size(); ++i)
        if (!corpus.documents[i].is_layer()) by_size_.emplace(corpus.documents[i].text().size(), i);
}

const Document* DocumentsByText::find(std::string_view text) const {
    const Document* first = nullptr;
    std::size_t first_index = 0;
    auto [lo, hi] = by_size_.equal_range(text.size());
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
