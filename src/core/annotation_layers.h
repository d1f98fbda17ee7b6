#pragma once
// Several annotators' work on the same texts (issue 18): a document's text with one layer of
// spans and relations per annotator. This is the input of the agreement measures and the shape
// the model's annotator layers will take; today's corpora map onto it through group_by_text
// (each annotator's copy of a document is a Document with the same exact text).
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/corpus.h"
#include "core/document.h"
#include "core/result.h"

namespace inkspan {

// One annotator's spans and relations on one document. A layer with no spans is a document the
// annotator read and left empty ("O" everywhere); an absent layer is a document they never did.
struct AnnotationLayer {
    std::string annotator;
    std::vector<Span> spans;          // any order; offsets in code points of the document's text
    std::vector<Relation> relations;  // head and tail are ids of this layer's spans
};

// A text and every annotator's layer on it.
struct LayeredDocument {
    std::string id;
    std::string text;                     // valid UTF-8
    std::vector<AnnotationLayer> layers;  // at most one per annotator

    [[nodiscard]] const AnnotationLayer* layer(std::string_view annotator) const;
};

// A Document as one annotator's copy (e.g. the documents of one annotator's imported file).
struct AnnotatorCopy {
    std::string annotator;
    const Document* document = nullptr;
};

// Copies with the same exact text become the layers of one LayeredDocument (matched by the text,
// not by id or name), in the order their texts first appear; the id is the first copy's. Refused
// (ErrorKind::Invalid) when one annotator has two copies of the same text, naming both ids.
[[nodiscard]] Result<std::vector<LayeredDocument>> group_by_text(const std::vector<AnnotatorCopy>& copies);

// The same, with each document's own `annotator` field naming its annotator.
[[nodiscard]] Result<std::vector<LayeredDocument>> group_by_text(const std::vector<const Document*>& documents);

// Checks a layer against its text: every span inside it (start < end <= `length` code points),
// every relation between spans of the layer. `where` starts the message, which names the item:
// `d1, annotator "ann", span T1: [4, 12) is not inside the text (11 code points)`.
[[nodiscard]] Status check_layer(const AnnotationLayer& layer, std::size_t length, std::string_view where);

// Every annotator's layers of the corpus, the one way the app gets them (the agreement panel, the
// automation API): the members of each document's group (core/layers.h) — and, for corpora made
// before layers, separate documents with the same exact text — grouped by their text, each under
// its `annotator`. Members with no annotator are nobody's layer and are left out, and a second copy
// of a text by the same annotator is left out too (the first, in corpus order, counts).
[[nodiscard]] std::vector<LayeredDocument> layered_documents(const Corpus& corpus);

// layered_documents a few of the corpus's documents per step, so the page can gather the layers
// over frames (the result is the same). The corpus must outlive the builder and not change while
// it builds.
//   LayeredDocumentsBuilder builder(corpus);
//   while (!builder.done()) builder.step(50);
//   std::vector<LayeredDocument> layered = std::move(builder).take();
class LayeredDocumentsBuilder {
public:
    explicit LayeredDocumentsBuilder(const Corpus& corpus);
    explicit LayeredDocumentsBuilder(const Corpus&&) = delete;  // it keeps a pointer to the corpus
    void step(std::size_t max_documents);  // the next documents of the corpus, in order
    [[nodiscard]] bool done() const { return next_ == corpus_->documents.size(); }
    [[nodiscard]] std::size_t units_done() const { return next_; }  // the corpus's documents looked at
    [[nodiscard]] std::size_t units_total() const { return corpus_->documents.size(); }
    [[nodiscard]] std::vector<LayeredDocument> take() &&;

private:
    const Corpus* corpus_;
    std::size_t next_ = 0;
    std::vector<LayeredDocument> layered_;
    std::unordered_map<std::string_view, std::size_t> by_text_;  // a text (the corpus's) → its index in layered_
};

// One annotator's layer taken from a Document's spans and relations.
[[nodiscard]] AnnotationLayer layer_of(std::string annotator, const Document& document);

}  // namespace inkspan
