#include "core/layer_export.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/layers.h"

namespace inkspan {

LayerPick pick_layer(const Corpus& corpus, const std::vector<std::size_t>& scope, std::string_view annotator) {
    // One pass over the corpus: each group's chosen member (the first by that annotator).
    std::unordered_map<std::string_view, std::size_t> chosen;  // base document id -> corpus index
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
        const Document& d = corpus.documents[i];
        const bool fits = annotator.empty() ? !d.is_layer() : d.annotator() == annotator;
        if (fits) chosen.try_emplace(d.is_layer() ? std::string_view(d.layer_of()) : std::string_view(d.id()), i);
    }
    LayerPick pick;
    std::unordered_set<std::string_view> groups_seen;
    for (std::size_t i : scope) {
        if (i >= corpus.documents.size()) continue;
        const Document& doc = corpus.documents[i];
        const std::string_view base_id = doc.is_layer() ? std::string_view(doc.layer_of()) : std::string_view(doc.id());
        if (!groups_seen.insert(base_id).second) continue;
        if (auto it = chosen.find(base_id); it != chosen.end()) pick.documents.push_back(it->second);
        else ++pick.missing;
    }
    return pick;
}

Corpus picked_corpus(const Corpus& corpus, const LayerPick& pick) {
    Corpus out;
    out.schema = corpus.schema;
    for (std::size_t i : pick.documents) {
        out.documents.push_back(corpus.documents[i]);
        out.documents.back().set_layer_of("");
    }
    return out;
}

std::vector<std::string> corpus_annotators(const Corpus& corpus) {
    std::set<std::string> names;
    bool gold = false;
    for (const Document& d : corpus.documents) {
        if (d.annotator() == kGoldAnnotator) gold = true;
        else if (!d.annotator().empty()) names.insert(d.annotator());
    }
    std::vector<std::string> out(names.begin(), names.end());
    if (gold) out.emplace_back(kGoldAnnotator);
    return out;
}

}  // namespace inkspan
