#pragma once
// Which annotations an export holds (issue 18): the documents themselves, the gold layer, or one
// annotator's layer. Each document group in the export's scope gives at most one member.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace inkspan {

struct LayerPick {
    std::vector<std::size_t> documents;  // corpus indexes to export
    std::size_t missing = 0;             // groups without the chosen annotator's member (left out)
};

// For each group with a member among `scope` (corpus indexes), once, in the order of `scope`: its
// document when `annotator` is empty, else its member by that annotator (kGoldAnnotator: the gold
// layer), which may be the document itself; groups without one are counted in `missing`.
[[nodiscard]] LayerPick pick_layer(const Corpus& corpus, const std::vector<std::size_t>& scope, std::string_view annotator);

// The picked documents as a corpus of their own (same schema), layers made plain documents: what an
// inkspan export of a chosen layer holds.
[[nodiscard]] Corpus picked_corpus(const Corpus& corpus, const LayerPick& pick);

// The annotators of the corpus's documents and layers, once each, in alphabetical order, the gold
// layer's last; "" (unnamed) is left out.
[[nodiscard]] std::vector<std::string> corpus_annotators(const Corpus& corpus);

}  // namespace inkspan
