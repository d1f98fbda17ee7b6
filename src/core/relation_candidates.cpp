#include "core/relation_candidates.h"

#include <algorithm>

namespace inkspan {

std::vector<std::string> relation_candidates(const Document& doc, const Schema& schema, const std::string& head) {
    const Span* h = doc.find_span(head);
    if (!h) return {};
    const auto allowed = [&](const Span& s) {
        return std::any_of(schema.relations.begin(), schema.relations.end(),
                           [&](const RelationType& r) { return r.allows(h->label, s.label); });
    };
    std::vector<std::string> some, all;
    for (const Span& s : doc.spans()) {
        if (s.id == head) continue;
        all.push_back(s.id);
        if (allowed(s)) some.push_back(s.id);
    }
    return some.empty() ? all : some;
}

std::string next_relation_candidate(const Document& doc, const Schema& schema, const std::string& head,
                                    const std::string& current, bool forward) {
    const std::vector<std::string> ids = relation_candidates(doc, schema, head);
    if (ids.empty()) return {};
    const std::size_t n = ids.size();
    const auto at = std::find(ids.begin(), ids.end(), current);
    if (at != ids.end()) {
        const std::size_t i = static_cast<std::size_t>(at - ids.begin());
        return ids[forward ? (i + 1) % n : (i + n - 1) % n];
    }
    // From the head's place in reading order.
    const std::size_t head_pos = doc.position_of(head).value_or(0);
    std::size_t first_after = n;  // index of the first candidate after the head
    for (std::size_t i = 0; i < n; ++i)
        if (doc.position_of(ids[i]).value_or(0) > head_pos) { first_after = i; break; }
    if (forward) return ids[first_after % n];
    return ids[(first_after + n - 1) % n];
}

}  // namespace inkspan
