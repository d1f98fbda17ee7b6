#include "core/agreement_layer.h"

#include <algorithm>

namespace inkspan::agreement {

std::optional<std::uint32_t> NameIndex::find(std::string_view name) const {
    if (names_.size() <= kLinear) {
        for (std::uint32_t i = 0; i < names_.size(); ++i) {
            const std::string& n = names_[i];
            // (the size and first byte first: most names differ there, and memcmp is a call)
            if (n.size() == name.size() && (n.empty() || (n[0] == name[0] && n == name))) return i;
        }
        return std::nullopt;
    }
    const auto it = map_.find(name);
    if (it == map_.end()) return std::nullopt;
    return it->second;
}

std::uint32_t NameIndex::insert(std::string_view name) {
    if (auto i = find(name)) return *i;
    const auto index = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    if (names_.size() == kLinear + 1)
        for (std::uint32_t i = 0; i < names_.size(); ++i) map_.emplace(names_[i], i);
    else if (names_.size() > kLinear + 1)
        map_.emplace(names_.back(), index);
    return index;
}

namespace {

// Whether span a is a better tag for a token than span b: longer, then earlier, then its label
// first in byte order.
bool outer(const SpanKey& a, const SpanKey& b, const Vocabulary& v) {
    const std::uint32_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (a.start != b.start) return a.start < b.start;
    return v.label_byte_rank[a.label] < v.label_byte_rank[b.label];
}

constexpr std::uint32_t kNoSpan = UINT32_MAX;

}  // namespace

Status prepare_layer(const AnnotationLayer& layer, const std::vector<TokenBounds>& tokens, std::size_t length,
                     const Vocabulary& vocabulary, std::string_view where, PreparedLayer& p) {
    if (Status st = check_layer(layer, length, where); !st.ok()) return st;
    p.spans.clear();
    for (const Span& s : layer.spans)
        p.spans.push_back({static_cast<std::uint32_t>(s.start), static_cast<std::uint32_t>(s.end), *vocabulary.labels.find(s.label)});

    p.relations.clear();
    if (!layer.relations.empty()) {
        std::unordered_map<std::string_view, SpanKey> by_id;
        by_id.reserve(layer.spans.size());
        for (std::size_t i = 0; i < layer.spans.size(); ++i) by_id.emplace(layer.spans[i].id, p.spans[i]);
        for (const Relation& r : layer.relations) {
            RelationKey key{*vocabulary.relation_types.find(r.type), by_id.find(r.head)->second, by_id.find(r.tail)->second};
            if (vocabulary.undirected[key.type] && key.tail < key.head) std::swap(key.head, key.tail);
            p.relations.push_back(key);
        }
        std::sort(p.relations.begin(), p.relations.end());
    }
    std::sort(p.spans.begin(), p.spans.end());

    // Tags and label sets: each span marks the tokens it overlaps. Spans come in start order, so
    // the first token a span can overlap only moves forward. The tag's span is kept as an index
    // (in `tags`) until every span is seen.
    const std::size_t words = vocabulary.coverage_words;
    const auto outside = static_cast<std::uint32_t>(vocabulary.label_byte_rank.size());
    p.tags.assign(tokens.size(), kNoSpan);
    p.coverage.assign(tokens.size() * words, 0);
    std::size_t first = 0;
    for (std::uint32_t i = 0; i < p.spans.size(); ++i) {
        const SpanKey& s = p.spans[i];
        while (first < tokens.size() && tokens[first].end <= s.start) ++first;
        for (std::size_t k = first; k < tokens.size() && tokens[k].start < s.end; ++k) {
            p.coverage[k * words + s.label / 64] |= std::uint64_t{1} << (s.label % 64);
            if (p.tags[k] == kNoSpan || outer(s, p.spans[p.tags[k]], vocabulary)) p.tags[k] = i;
        }
    }
    for (std::uint32_t& tag : p.tags) tag = tag == kNoSpan ? outside : p.spans[tag].label;
    return Ok{};
}

}  // namespace inkspan::agreement
