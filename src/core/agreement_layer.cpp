#include "core/agreement_layer.h"

#include <algorithm>

namespace inkspan::agreement {

namespace {

Error invalid(std::string_view where, std::string what) {
    return make_error(ErrorKind::Invalid, std::string(where) + ", " + std::move(what));
}

// Whether span a is a better tag for a token than span b: longer, then earlier, then its label
// first in byte order.
bool outer(const SpanKey& a, const SpanKey& b, const Vocabulary& v) {
    const std::uint32_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (a.start != b.start) return a.start < b.start;
    return v.label_byte_rank[a.label] < v.label_byte_rank[b.label];
}

}  // namespace

Result<PreparedLayer> prepare_layer(const AnnotationLayer& layer, const std::vector<TokenBounds>& tokens,
                                    std::size_t length, const Vocabulary& vocabulary, std::string_view where) {
    PreparedLayer p;
    const auto outside = static_cast<std::uint32_t>(vocabulary.label_byte_rank.size());
    std::unordered_map<std::string_view, SpanKey> by_id;
    by_id.reserve(layer.spans.size());
    p.spans.reserve(layer.spans.size());
    for (const Span& s : layer.spans) {
        if (s.start >= s.end || s.end > length)
            return invalid(where, "span " + s.id + ": [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
                                      ") is not inside the text (" + std::to_string(length) + " code points)");
        const SpanKey key{static_cast<std::uint32_t>(s.start), static_cast<std::uint32_t>(s.end),
                          vocabulary.labels.find(s.label)->second};
        p.spans.push_back(key);
        by_id.emplace(s.id, key);
    }
    std::sort(p.spans.begin(), p.spans.end());

    p.relations.reserve(layer.relations.size());
    for (const Relation& r : layer.relations) {
        const auto head = by_id.find(r.head), tail = by_id.find(r.tail);
        if (head == by_id.end()) return invalid(where, "relation " + r.id + ": head " + r.head + " is not a span of this layer");
        if (tail == by_id.end()) return invalid(where, "relation " + r.id + ": tail " + r.tail + " is not a span of this layer");
        RelationKey key{vocabulary.relation_types.find(r.type)->second, head->second, tail->second};
        if (vocabulary.undirected[key.type] && key.tail < key.head) std::swap(key.head, key.tail);
        p.relations.push_back(key);
    }
    std::sort(p.relations.begin(), p.relations.end());

    // Tags and label sets: each span marks the tokens it overlaps.
    const std::size_t words = vocabulary.coverage_words;
    p.tags.assign(tokens.size(), outside);
    p.coverage.assign(tokens.size() * words, 0);
    std::vector<std::uint32_t> best(tokens.size(), UINT32_MAX);  // index into p.spans of the tag's span
    for (std::uint32_t i = 0; i < p.spans.size(); ++i) {
        const SpanKey& s = p.spans[i];
        auto first = std::partition_point(tokens.begin(), tokens.end(), [&](const TokenBounds& t) { return t.end <= s.start; });
        for (auto t = first; t != tokens.end() && t->start < s.end; ++t) {
            const std::size_t k = static_cast<std::size_t>(t - tokens.begin());
            p.coverage[k * words + s.label / 64] |= std::uint64_t{1} << (s.label % 64);
            if (best[k] == UINT32_MAX || outer(s, p.spans[best[k]], vocabulary)) best[k] = i;
        }
    }
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if (best[k] != UINT32_MAX) p.tags[k] = p.spans[best[k]].label;
    return p;
}

}  // namespace inkspan::agreement
