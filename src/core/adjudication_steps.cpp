#include "core/adjudication_steps.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/layers.h"

namespace inkspan {

namespace {

using SpanKey = std::tuple<std::size_t, std::size_t, std::string>;
SpanKey key_of(const Span& s) { return {s.start, s.end, s.label}; }

std::vector<SpanKey> keys_of(const std::vector<Span>& spans) {
    std::vector<SpanKey> keys;
    for (const Span& s : spans) keys.push_back(key_of(s));
    std::sort(keys.begin(), keys.end());
    return keys;
}

// A span step: each annotator's spans in the disagreement; annotators with the same spans share
// an option; options in the order their first annotator was chosen.
AdjudicationStep span_step(const Disagreement& d, const std::vector<std::string>& annotators) {
    AdjudicationStep step{d.start, d.end, {}, false, {}};
    for (const std::string& who : annotators) {
        std::vector<Span> mine;
        for (const SpanCandidate& c : d.spans)
            if (c.annotator == who) mine.push_back(c.span);
        if (mine.empty()) continue;
        auto same = std::find_if(step.options.begin(), step.options.end(),
                                 [&](const AdjudicationOption& o) { return keys_of(o.spans) == keys_of(mine); });
        if (same != step.options.end()) same->annotators.push_back(who);
        else step.options.push_back({std::move(mine), {who}});
    }
    return step;
}

std::size_t id_number(const std::string& id) { return static_cast<std::size_t>(std::stoul(id.substr(1))); }

}  // namespace

std::string annotator_name(const Document& member) { return member.annotator().empty() ? member.id() : member.annotator(); }

LayeredDocument layered_group(const std::vector<const Document*>& group) {
    LayeredDocument out;
    if (group.empty()) return out;
    out.id = group.front()->id();
    out.text = group.front()->text();
    for (const Document* d : group)
        if (d->annotator() != kGoldAnnotator) out.layers.push_back(layer_of(annotator_name(*d), *d));
    return out;
}

Result<AdjudicationPlan> plan_adjudication(const std::vector<const Document*>& group, const std::vector<std::string>& annotators,
                                           std::size_t quorum, const std::vector<std::string>& undirected_relation_types) {
    auto accepted = accept_by_quorum(layered_group(group), annotators, quorum, undirected_relation_types);
    if (!accepted) return accepted.error();
    AdjudicationPlan plan;
    plan.quorum = std::move(*accepted);
    for (const Disagreement& d : plan.quorum.disagreements) plan.steps.push_back(span_step(d, annotators));
    // Relations: one step per distinct relation (type, head, tail), with everyone who had it.
    std::map<std::tuple<std::string, SpanKey, SpanKey>, std::size_t> relation_step;
    for (const RelationCandidate& r : plan.quorum.relation_disagreements) {
        const auto key = std::make_tuple(r.relation.type, key_of(r.head), key_of(r.tail));
        if (auto it = relation_step.find(key); it != relation_step.end()) {
            plan.steps[it->second].options[0].annotators.push_back(r.annotator);
            continue;
        }
        relation_step.emplace(key, plan.steps.size());
        plan.steps.push_back({std::min(r.head.start, r.tail.start), std::max(r.head.end, r.tail.end),
                              {{{r.head, r.tail}, {r.annotator}}}, true, r.relation.type});
    }
    return plan;
}

Result<Document> make_gold_layer(const Document& base, const QuorumGold& quorum, std::string id) {
    auto copy = Document::create("gold", base.name(), base.text());
    if (!copy) return copy;
    std::vector<Span> spans = quorum.gold.spans;
    for (std::size_t i = 0; i < spans.size(); ++i) spans[i].agreed_by = quorum.span_agreed[i];
    std::vector<Relation> relations = quorum.gold.relations;
    for (std::size_t i = 0; i < relations.size(); ++i) relations[i].agreed_by = quorum.relation_agreed[i];
    copy->insert_spans(std::move(spans));
    copy->insert_relations(std::move(relations));
    return make_layer(base, *copy, std::move(id), std::string(kGoldAnnotator));
}

std::vector<Command> accept_missing(const QuorumGold& quorum, const Document& gold) {
    std::vector<Command> out;
    std::size_t next = id_number(gold.next_span_id());
    std::map<std::string, std::string> gold_id;  // accepted span id → its id in the gold layer
    for (std::size_t i = 0; i < quorum.gold.spans.size(); ++i) {
        const Span& s = quorum.gold.spans[i];
        if (const Span* have = gold.find_span(s.start, s.end, s.label)) {
            gold_id[s.id] = have->id;
            continue;
        }
        cmd::AddSpan add{gold.id(), s.start, s.end, s.label};
        add.agreed_by = quorum.span_agreed[i];
        out.push_back(std::move(add));
        gold_id[s.id] = "T" + std::to_string(next++);
    }
    for (std::size_t i = 0; i < quorum.gold.relations.size(); ++i) {
        const Relation& r = quorum.gold.relations[i];
        const std::string& head = gold_id[r.head];
        const std::string& tail = gold_id[r.tail];
        if (gold.find_relation(r.type, head, tail)) continue;
        out.push_back(cmd::AddRelation{gold.id(), r.type, head, tail, quorum.relation_agreed[i]});
    }
    return out;
}

bool step_settled(const AdjudicationStep& step, const Document& gold) {
    for (const AdjudicationOption& o : step.options) {
        if (step.relation) {
            const Span* head = gold.find_span(o.spans[0].start, o.spans[0].end, o.spans[0].label);
            const Span* tail = gold.find_span(o.spans[1].start, o.spans[1].end, o.spans[1].label);
            if (head && tail && gold.find_relation(step.relation_type, head->id, tail->id)) return true;
            continue;
        }
        for (const Span& s : o.spans)
            if (gold.find_span(s.start, s.end, s.label)) return true;
    }
    return false;
}

Result<std::vector<Command>> take_option(const AdjudicationStep& step, std::size_t option, const Document& gold) {
    if (option >= step.options.size())
        return make_error(ErrorKind::Refused, "this disagreement has " + count_phrase(step.options.size(), "choice") +
                                                  ", not " + std::to_string(option + 1));
    const AdjudicationOption& o = step.options[option];
    std::vector<Command> out;
    std::vector<std::string> ids;
    std::size_t next = id_number(gold.next_span_id());
    for (const Span& s : o.spans) {
        if (const Span* have = gold.find_span(s.start, s.end, s.label)) {
            ids.push_back(have->id);
            continue;
        }
        cmd::AddSpan add{gold.id(), s.start, s.end, s.label};
        add.agreed_by = o.annotators;
        out.push_back(std::move(add));
        ids.push_back("T" + std::to_string(next++));
    }
    if (step.relation && !gold.find_relation(step.relation_type, ids[0], ids[1]))
        out.push_back(cmd::AddRelation{gold.id(), step.relation_type, ids[0], ids[1], o.annotators});
    return out;
}

}  // namespace inkspan
