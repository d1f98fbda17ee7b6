#include "core/corpus_agreement.h"

#include <algorithm>

namespace inkspan {

std::vector<std::string> annotators_of(const std::vector<LayeredDocument>& layered) {
    std::vector<std::string> names;
    for (const LayeredDocument& d : layered)
        for (const AnnotationLayer& l : d.layers)
            if (std::find(names.begin(), names.end(), l.annotator) == names.end()) names.push_back(l.annotator);
    return names;
}

Result<AgreementOptions> corpus_agreement_options(const Corpus& corpus, const std::vector<LayeredDocument>& layered,
                                                  const std::vector<std::string>& document_ids,
                                                  const std::vector<std::string>& annotators) {
    AgreementOptions options = agreement_options(corpus.schema);
    options.annotators = annotators;
    for (const std::string& id : document_ids) {
        const Document* doc = corpus.find_document(id);
        if (!doc) return not_found("document \"" + id + "\" does not exist");
        const auto group = std::find_if(layered.begin(), layered.end(), [&](const LayeredDocument& d) {
            return d.text == doc->text() && d.layer(doc->annotator()) != nullptr;
        });
        if (doc->annotator().empty() || group == layered.end())
            return not_found("document \"" + id + "\" has no annotator: it is nobody's layer");
        if (std::find(options.document_ids.begin(), options.document_ids.end(), group->id) == options.document_ids.end())
            options.document_ids.push_back(group->id);
    }
    return options;
}

Result<AgreementReport> corpus_agreement(const Corpus& corpus, const std::vector<std::string>& document_ids,
                                         const std::vector<std::string>& annotators) {
    const std::vector<LayeredDocument> layered = layered_documents(corpus);
    auto options = corpus_agreement_options(corpus, layered, document_ids, annotators);
    if (!options.ok()) return options.error();
    return compute_agreement(layered, *options);
}

}  // namespace inkspan
