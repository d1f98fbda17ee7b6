#pragma once
// The annotation schema: which entity labels spans may carry and which typed relations may link
// them. Plain values; every change goes through the Editor (editor.h).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inkspan {

struct EntityType {
    std::string name;         // the label spans carry, e.g. "PER"
    std::string color;        // "#rrggbb"
    std::string hotkey;       // one printable ASCII character, or "" for none
    std::string description;  // free text for the legend; may be empty

    bool operator==(const EntityType&) const = default;
};

struct RelationType {
    std::string name;               // e.g. "member_of"
    std::vector<std::string> head;  // entity labels allowed at the head; empty = any label
    std::vector<std::string> tail;  // the same for the tail
    bool directed = true;           // false = symmetric: head and tail may be given either way round
    bool transitive = false;        // informational (brat's <REL-TYPE>:transitive); kept for export

    [[nodiscard]] bool accepts_head(std::string_view label) const;
    [[nodiscard]] bool accepts_tail(std::string_view label) const;
    // Whether a relation of this type may go from a span labelled `head_label` to one labelled
    // `tail_label` (either way round when not directed).
    [[nodiscard]] bool allows(std::string_view head_label, std::string_view tail_label) const;

    bool operator==(const RelationType&) const = default;
};

struct Schema {
    std::vector<EntityType> entities;     // in legend order
    std::vector<RelationType> relations;  // in legend order
    // When false, two spans may nest (one inside the other) but not partially overlap.
    bool allow_crossing_spans = true;

    [[nodiscard]] const EntityType* find_entity(std::string_view name) const;
    [[nodiscard]] std::optional<std::size_t> entity_index(std::string_view name) const;
    [[nodiscard]] const EntityType* find_entity_by_hotkey(std::string_view hotkey) const;
    [[nodiscard]] const RelationType* find_relation(std::string_view name) const;
    [[nodiscard]] std::optional<std::size_t> relation_index(std::string_view name) const;
    // False when the relation type does not exist or does not accept these labels.
    [[nodiscard]] bool allows(std::string_view relation, std::string_view head_label,
                              std::string_view tail_label) const;

    bool operator==(const Schema&) const = default;
};

// A small schema for news text: PER, ORG, LOC, DATE, MISC and three relations.
[[nodiscard]] Schema default_news_schema();

// The qualitative palette new entity types take their colours from (cycled by index); the colours
// stay readable under translucent highlights in both the light and the dark theme.
[[nodiscard]] std::string_view palette_color(std::size_t index);

// Checks a whole schema (names, colours, hotkeys, uniqueness, relation endpoints, limits); the
// message names the place, e.g. `schema.entities[2].hotkey: "p" is already the hotkey of PER`.
[[nodiscard]] Status validate_schema(const Schema& schema);

}  // namespace inkspan
