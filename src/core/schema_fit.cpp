#include "core/schema_fit.h"

#include <algorithm>
#include <map>

namespace inkspan {

namespace {

std::string side(const std::vector<std::string>& labels) {
    if (labels.empty()) return "any label";
    std::string out;
    for (const std::string& l : labels) out += (out.empty() ? "" : "|") + l;
    return out;
}

void add_label(std::vector<std::string>& labels, const std::string& label) {
    if (!labels.empty() && std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
}

}  // namespace

std::string describe_rule(const RelationType& rule) { return side(rule.head) + " → " + side(rule.tail); }

void widen_rule(RelationType& rule, const std::string& head_label, const std::string& tail_label) {
    if (rule.allows(head_label, tail_label)) return;
    add_label(rule.head, head_label);
    add_label(rule.tail, tail_label);
}

std::vector<SchemaViolation> fit_to_schema(const Schema& current, Corpus& incoming) {
    std::map<std::string, RelationType, std::less<>> widened;  // the types both have, by name
    for (const RelationType& type : incoming.schema.relations)
        if (const RelationType* ours = current.find_relation(type.name)) widened.emplace(type.name, *ours);
    std::vector<SchemaViolation> violations;
    for (const Document& d : incoming.documents)
        for (const Relation& r : d.relations()) {
            const auto rule = widened.find(r.type);
            if (rule == widened.end()) continue;
            const RelationType& ours = *current.find_relation(r.type);
            const Span* head = d.find_span(r.head);
            const Span* tail = d.find_span(r.tail);
            if (!head || !tail || ours.allows(head->label, tail->label)) continue;
            violations.push_back({d.id(), r.id, "relation type " + r.type + " does not allow " + head->label + " → " +
                                                    tail->label + " (the schema allows " + describe_rule(ours) + ")"});
            widen_rule(rule->second, head->label, tail->label);
        }
    for (RelationType& type : incoming.schema.relations)
        if (const auto rule = widened.find(type.name); rule != widened.end()) type = rule->second;
    return violations;
}

}  // namespace inkspan
