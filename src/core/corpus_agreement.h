#pragma once
// Agreement on the corpus's annotator layers (layered_documents): the choices the agreement panel
// and window.inkspan.agreement(docIds?, annotators?) make, turned into AgreementOptions.
#include <string>
#include <vector>

#include "core/agreement.h"
#include "core/annotation_layers.h"
#include "core/corpus.h"
#include "core/result.h"

namespace inkspan {

// The annotators of `layered`, in order of first appearance.
[[nodiscard]] std::vector<std::string> annotators_of(const std::vector<LayeredDocument>& layered);

// The schema's label order and undirected types, these annotators (empty: all) and these
// documents (empty: all). A document id may name any annotator's copy of a text: it stands for
// the layered document of that text. Refused (NotFound) for an id that is no document, or a
// document with no annotator (nobody's layer), naming it.
[[nodiscard]] Result<AgreementOptions> corpus_agreement_options(const Corpus& corpus, const std::vector<LayeredDocument>& layered,
                                                                const std::vector<std::string>& document_ids,
                                                                const std::vector<std::string>& annotators);

// The whole computation at once (for the automation API; the panel spreads it over frames).
[[nodiscard]] Result<AgreementReport> corpus_agreement(const Corpus& corpus, const std::vector<std::string>& document_ids,
                                                       const std::vector<std::string>& annotators);

}  // namespace inkspan
