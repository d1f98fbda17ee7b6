#include "core/adjudication.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/utf8.h"

namespace inkspan {

namespace {

struct SpanKey {
    std::size_t start = 0, end = 0;
    std::string_view label;
    // (not a defaulted <=>: Emscripten 3.1.6's libc++ has none for string_view)
    bool operator<(const SpanKey& o) const { return std::tie(start, end, label) < std::tie(o.start, o.end, o.label); }
};

SpanKey key_of(const Span& s) { return {s.start, s.end, s.label}; }

struct RelationKey {
    SpanKey head, tail;  // for an undirected type, head <= tail
    std::string_view type;
    bool operator<(const RelationKey& o) const { return std::tie(head, tail, type) < std::tie(o.head, o.tail, o.type); }
};

std::string quoted(std::string_view s) {
    std::string out;
    out.append(1, '"').append(s).append(1, '"');
    return out;
}

}  // namespace

Result<QuorumGold> accept_by_quorum(const LayeredDocument& document, const std::vector<std::string>& annotators,
                                    std::size_t quorum, const std::vector<std::string>& undirected_relation_types) {
    if (quorum == 0 || quorum > annotators.size())
        return make_error(ErrorKind::Refused, "the quorum must be between 1 and " + std::to_string(annotators.size()) +
                                                  " (the annotators chosen), not " + std::to_string(quorum));
    for (std::size_t i = 0; i < annotators.size(); ++i)
        if (std::find(annotators.begin(), annotators.begin() + static_cast<std::ptrdiff_t>(i), annotators[i]) !=
            annotators.begin() + static_cast<std::ptrdiff_t>(i))
            return make_error(ErrorKind::Refused, "annotator " + quoted(annotators[i]) + " is chosen twice");
    const std::size_t length = count_code_points(document.text);
    std::vector<const AnnotationLayer*> layers;
    for (const std::string& a : annotators) {
        layers.push_back(document.layer(a));
        if (layers.back())
            if (Status st = check_layer(*layers.back(), length, document.id + ", annotator " + quoted(a)); !st.ok())
                return st.error();
    }
    auto undirected = [&](std::string_view type) {
        return std::find(undirected_relation_types.begin(), undirected_relation_types.end(), type) !=
               undirected_relation_types.end();
    };

    // Votes: who has each span and each relation (an annotator counts once per item).
    std::map<SpanKey, std::vector<std::size_t>> span_votes;
    std::map<RelationKey, std::vector<std::size_t>> relation_votes;
    std::vector<std::vector<RelationKey>> relation_keys(annotators.size());  // per annotator, per relation
    auto vote = [](std::vector<std::size_t>& voters, std::size_t k) {
        if (voters.empty() || voters.back() != k) voters.push_back(k);
    };
    for (std::size_t k = 0; k < layers.size(); ++k) {
        if (!layers[k]) continue;
        std::unordered_map<std::string_view, const Span*> by_id;
        for (const Span& s : layers[k]->spans) {
            vote(span_votes[key_of(s)], k);
            by_id.emplace(s.id, &s);
        }
        for (const Relation& r : layers[k]->relations) {
            RelationKey key{key_of(*by_id.find(r.head)->second), key_of(*by_id.find(r.tail)->second), r.type};  // (checked)
            if (undirected(r.type) && key.tail < key.head) std::swap(key.head, key.tail);
            vote(relation_votes[key], k);
            relation_keys[k].push_back(key);
        }
    }

    QuorumGold out;
    std::map<SpanKey, std::string> gold_id;
    for (const auto& [key, voters] : span_votes) {
        if (voters.size() < quorum) continue;
        Span s;
        s.id = "T" + std::to_string(out.gold.spans.size() + 1);
        s.start = key.start;
        s.end = key.end;
        s.label = std::string(key.label);
        gold_id.emplace(key, s.id);
        out.gold.spans.push_back(std::move(s));
        std::vector<std::string>& agreed = out.span_agreed.emplace_back();
        for (std::size_t k : voters) agreed.push_back(annotators[k]);
    }
    for (const auto& [key, voters] : relation_votes) {
        if (voters.size() < quorum) continue;  // (when accepted, its spans are: the same voters have them)
        out.gold.relations.push_back(
            {"R" + std::to_string(out.gold.relations.size() + 1), std::string(key.type), gold_id.find(key.head)->second,
             gold_id.find(key.tail)->second});
        std::vector<std::string>& agreed = out.relation_agreed.emplace_back();
        for (std::size_t k : voters) agreed.push_back(annotators[k]);
    }

    // What no quorum accepted: spans grouped while they overlap, relations by their head.
    std::vector<std::pair<std::size_t, const Span*>> open;  // (annotator index, span)
    for (std::size_t k = 0; k < layers.size(); ++k)
        if (layers[k])
            for (const Span& s : layers[k]->spans)
                if (!gold_id.contains(key_of(s))) open.emplace_back(k, &s);
    std::sort(open.begin(), open.end(), [](const auto& x, const auto& y) {
        return std::tie(x.second->start, x.second->end, x.second->label, x.first) <
               std::tie(y.second->start, y.second->end, y.second->label, y.first);
    });
    for (const auto& [k, s] : open) {
        if (out.disagreements.empty() || s->start >= out.disagreements.back().end)
            out.disagreements.push_back(Disagreement{s->start, s->end, {}});
        Disagreement& d = out.disagreements.back();
        d.end = std::max(d.end, s->end);
        d.spans.push_back({annotators[k], *s});
    }
    for (std::size_t k = 0; k < layers.size(); ++k) {
        if (!layers[k]) continue;
        for (std::size_t i = 0; i < layers[k]->relations.size(); ++i) {
            if (relation_votes.find(relation_keys[k][i])->second.size() >= quorum) continue;
            const Relation& r = layers[k]->relations[i];
            auto find = [&](const std::string& id) {
                return *std::find_if(layers[k]->spans.begin(), layers[k]->spans.end(), [&](const Span& s) { return s.id == id; });
            };
            out.relation_disagreements.push_back({annotators[k], r, find(r.head), find(r.tail)});
        }
    }
    std::stable_sort(out.relation_disagreements.begin(), out.relation_disagreements.end(),
                     [](const RelationCandidate& x, const RelationCandidate& y) { return x.head.start < y.head.start; });
    return out;
}

}  // namespace inkspan
