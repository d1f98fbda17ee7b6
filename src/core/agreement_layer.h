#pragma once
// One annotator's layer on one document, turned into what the agreement counts need: spans and
// relations as sorted integer keys, and each token's tag and labels (docs/AGREEMENT.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/annotation_layers.h"
#include "core/document.h"
#include "core/result.h"

namespace inkspan::agreement {

struct SpanKey {
    std::uint32_t start = 0, end = 0, label = 0;  // code points; label indexes the report's labels
    auto operator<=>(const SpanKey&) const = default;
};

struct RelationKey {
    std::uint32_t type = 0;  // indexes the report's relation types
    SpanKey head, tail;      // for an undirected type, head <= tail
    auto operator<=>(const RelationKey&) const = default;
};

struct TokenBounds {
    std::uint32_t start = 0, end = 0;  // code points
};

// Names to dense indexes in order of insertion: a linear scan while there are few (labels
// usually are: faster than hashing), a hash map beyond.
class NameIndex {
public:
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view name) const;
    std::uint32_t insert(std::string_view name);  // the index it has or now gets
    [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

private:
    static constexpr std::size_t kLinear = 16;
    std::vector<std::string> names_;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> map_;  // once past kLinear
};

// The report's labels and relation types, and what the tag rule needs to know about them.
struct Vocabulary {
    NameIndex labels, relation_types;
    std::vector<std::uint32_t> label_byte_rank;  // rank of each label's name in byte order (ties of the tag rule)
    std::vector<bool> undirected;                // per relation type
    std::size_t coverage_words = 1;              // 64-bit words of a token's label set
};

struct PreparedLayer {
    std::vector<SpanKey> spans;          // sorted
    std::vector<RelationKey> relations;  // sorted
    // Per token: the label of the outermost span over it (longest, then earliest, then first in byte
    // order), or the label count for "O".
    std::vector<std::uint32_t> tags;
    // Per token, coverage_words words: bit l set when a span of label l overlaps the token.
    std::vector<std::uint64_t> coverage;
};

// Checks the layer (spans inside the text, relations between its spans) and prepares it into
// `out` (whose buffers are reused). `length` is the text's length in code points; `where` names
// the document and annotator. Every label and relation type must be in the vocabulary.
[[nodiscard]] Status prepare_layer(const AnnotationLayer& layer, const std::vector<TokenBounds>& tokens, std::size_t length,
                                   const Vocabulary& vocabulary, std::string_view where, PreparedLayer& out);

}  // namespace inkspan::agreement
