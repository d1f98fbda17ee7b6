#include "core/schema.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/limits.h"
#include "core/validation.h"

namespace inkspan {

namespace {

bool list_accepts(const std::vector<std::string>& labels, std::string_view label) {
    return labels.empty() || std::find(labels.begin(), labels.end(), label) != labels.end();
}

}  // namespace

bool RelationType::accepts_head(std::string_view label) const { return list_accepts(head, label); }
bool RelationType::accepts_tail(std::string_view label) const { return list_accepts(tail, label); }

bool RelationType::allows(std::string_view head_label, std::string_view tail_label) const {
    if (accepts_head(head_label) && accepts_tail(tail_label)) return true;
    return !directed && accepts_head(tail_label) && accepts_tail(head_label);
}

const EntityType* Schema::find_entity(std::string_view name) const {
    auto i = entity_index(name);
    return i ? &entities[*i] : nullptr;
}

std::optional<std::size_t> Schema::entity_index(std::string_view name) const {
    for (std::size_t i = 0; i < entities.size(); ++i)
        if (entities[i].name == name) return i;
    return std::nullopt;
}

const EntityType* Schema::find_entity_by_hotkey(std::string_view hotkey) const {
    if (hotkey.empty()) return nullptr;
    for (const auto& e : entities)
        if (e.hotkey == hotkey) return &e;
    return nullptr;
}

const RelationType* Schema::find_relation(std::string_view name) const {
    auto i = relation_index(name);
    return i ? &relations[*i] : nullptr;
}

std::optional<std::size_t> Schema::relation_index(std::string_view name) const {
    for (std::size_t i = 0; i < relations.size(); ++i)
        if (relations[i].name == name) return i;
    return std::nullopt;
}

bool Schema::allows(std::string_view relation, std::string_view head_label, std::string_view tail_label) const {
    const RelationType* type = find_relation(relation);
    return type && type->allows(head_label, tail_label);
}

std::string_view palette_color(std::size_t index) {
    // Tableau 10: a qualitative palette designed to stay distinguishable on light and dark grounds.
    static constexpr std::array<std::string_view, 10> kPalette = {
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
        "#e15759", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"};
    return kPalette[index % kPalette.size()];
}

Schema default_news_schema() {
    Schema s;
    s.entities = {
        {"PER", std::string(palette_color(0)), "p", "Person"},
        {"ORG", std::string(palette_color(1)), "o", "Organisation"},
        {"LOC", std::string(palette_color(2)), "l", "Location: place, city, country"},
        {"DATE", std::string(palette_color(3)), "d", "Date or time expression"},
        {"MISC", std::string(palette_color(4)), "m", "Other named entity"},
    };
    s.relations = {
        {"meets", {"PER"}, {"PER"}, true},
        {"member_of", {"PER"}, {"ORG"}, true},
        {"located_in", {"ORG", "PER", "LOC"}, {"LOC"}, true},
    };
    return s;
}

Status validate_schema(const Schema& schema) {
    if (schema.entities.size() > kMaxEntityTypes)
        return make_error(ErrorKind::TooLarge, "schema.entities: " + std::to_string(schema.entities.size()) +
                                                   " entity types, over the limit of " + std::to_string(kMaxEntityTypes));
    if (schema.relations.size() > kMaxRelationTypes)
        return make_error(ErrorKind::TooLarge, "schema.relations: " + std::to_string(schema.relations.size()) +
                                                   " relation types, over the limit of " + std::to_string(kMaxRelationTypes));
    std::unordered_map<std::string_view, std::size_t> names, hotkeys;
    for (std::size_t i = 0; i < schema.entities.size(); ++i) {
        const EntityType& e = schema.entities[i];
        const std::string at = "schema.entities[" + std::to_string(i) + "]";
        if (!is_valid_type_name(e.name))
            return invalid(at + ".name: invalid entity type name " + quote(e.name) +
                           " (1 to 64 bytes, no spaces or control characters)");
        if (!names.emplace(e.name, i).second) return invalid(at + ".name: duplicate entity type " + quote(e.name));
        if (!is_valid_color(e.color)) return invalid(at + ".color: invalid color " + quote(e.color) + " (expected #rrggbb)");
        if (!is_valid_hotkey(e.hotkey))
            return invalid(at + ".hotkey: invalid hotkey " + quote(e.hotkey) + " (expected one character)");
        if (!e.hotkey.empty()) {
            auto [it, fresh] = hotkeys.emplace(e.hotkey, i);
            if (!fresh)
                return invalid(at + ".hotkey: " + quote(e.hotkey) + " is already the hotkey of " +
                               schema.entities[it->second].name);
        }
        if (auto bad = check_free_text(e.description, kMaxMetaBytes, at + ".description")) return *bad;
    }
    std::unordered_map<std::string_view, std::size_t> relation_names;
    for (std::size_t i = 0; i < schema.relations.size(); ++i) {
        const RelationType& r = schema.relations[i];
        const std::string at = "schema.relations[" + std::to_string(i) + "]";
        if (!is_valid_type_name(r.name))
            return invalid(at + ".name: invalid relation type name " + quote(r.name) +
                           " (1 to 64 bytes, no spaces or control characters)");
        if (!relation_names.emplace(r.name, i).second)
            return invalid(at + ".name: duplicate relation type " + quote(r.name));
        for (const auto* list : {&r.head, &r.tail}) {
            const char* key = list == &r.head ? ".head" : ".tail";
            for (std::size_t k = 0; k < list->size(); ++k) {
                const std::string& label = (*list)[k];
                if (!names.count(label))
                    return invalid(at + key + "[" + std::to_string(k) + "]: unknown entity type " + quote(label));
                if (std::find(list->begin(), list->begin() + static_cast<std::ptrdiff_t>(k), label) !=
                    list->begin() + static_cast<std::ptrdiff_t>(k))
                    return invalid(at + key + "[" + std::to_string(k) + "]: " + quote(label) + " is listed twice");
            }
        }
    }
    return Ok{};
}

}  // namespace inkspan
