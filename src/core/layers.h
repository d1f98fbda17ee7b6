#pragma once
// Annotator layers (issue 18): a document and the layers of other annotators (or the gold layer)
// on its exact text, all Documents of the corpus (document.h says what a layer is). These are the
// queries every part of the app uses to find a document's layers; the rules a layer must keep are
// checked where layers are added (plan_schema.cpp, the inkspan reader).
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/corpus.h"
#include "core/result.h"

namespace inkspan {

// The annotator name of the gold layer, built by adjudication.
inline constexpr std::string_view kGoldAnnotator = "gold";

// The document `id` belongs to (itself when it is not a layer), or nullptr when unknown.
[[nodiscard]] const Document* base_document(const Corpus& corpus, std::string_view id);
// A document and its layers, the document first, then its layers in corpus order.
[[nodiscard]] std::vector<const Document*> layer_group(const Corpus& corpus, std::string_view id);
// The member of id's group annotated by `annotator`, if any.
[[nodiscard]] const Document* find_layer(const Corpus& corpus, std::string_view id, std::string_view annotator);
// Adjudication across a corpus: a document is left to adjudicate when two or more of its
// annotators' layers hold something and it has no gold layer yet.
// The first such document after id's document in corpus order (wrapping, never id's own), or nullptr.
[[nodiscard]] const Document* next_to_adjudicate(const Corpus& corpus, std::string_view id);
// How many documents are left to adjudicate.
[[nodiscard]] std::size_t count_to_adjudicate(const Corpus& corpus);
// Where a new layer of document `id` goes: after the last member of its group.
[[nodiscard]] std::size_t layer_insert_index(const Corpus& corpus, std::string_view id);

// What a layer takes from its document: the id it points to and the fields the group shares.
struct LayerBase {
    std::string id, name, language;
    DirectionChoice direction{};
    [[nodiscard]] static LayerBase of(const Document& base);
};

// `copy`'s spans and relations as the layer of `base` by `annotator`, under `id`, with the base's
// name, language and direction. Refused (Invalid) when the texts differ or the id is not valid.
[[nodiscard]] Result<Document> make_layer(const Document& base, const Document& copy, std::string id, std::string annotator);
// The same for a document not in reach (e.g. added by the same import), whose text the caller
// has matched to `copy`'s.
[[nodiscard]] Result<Document> make_layer(const LayerBase& base, const Document& copy, std::string id, std::string annotator);

// Documents (not layers) by their exact text, for matching another annotator's file to the
// documents already here: by the text's size, then compared byte for byte (no text is hashed).
class DocumentsByText {
public:
    explicit DocumentsByText(const Corpus& corpus);
    // The first document (in corpus order) whose text is exactly `text`, if any.
    [[nodiscard]] const Document* find(std::string_view text) const;

private:
    const Corpus* corpus_;
    // Text size in bytes → document index: no text is read (hashed) unless one of the same size
    // is looked up, then only the bytes are compared (memcmp stops at the first difference).
    std::unordered_multimap<std::size_t, std::size_t> by_size_;
};

}  // namespace inkspan
