#pragma once
// Which relations name each span id as head or tail, for Document: has a span relations (O(1)),
// and its relations in the order of the document's list (natural id order), visited without
// allocating. Nothing is copied: each relation has two "ends" numbered 2 × position (its head)
// and 2 × position + 1 (its tail; unused when the tail is the head), the ends naming one span id
// are chained in increasing order, and a hash table over the span ids finds the first end of each
// chain. An end names any text: a relation whose span was never added is indexed all the same.
//
// It indexes the caller's list and holds no pointer to it (a Document may be copied or moved):
// every call takes that list, which must be the one indexed, in the state each call describes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/index_table.h"

namespace inkspan {

struct Relation;

class RelationsBySpan {
public:
    using List = std::vector<Relation>;

    // Indexes every relation of `relations` afresh: O(n).
    void rebuild(const List& relations);
    // `relations[position]` was just inserted; those after it moved up one place. O(n) unless last.
    void inserted(const List& relations, std::size_t position);
    // `relations[position]` is about to be erased. O(n) unless last.
    void erasing(const List& relations, std::size_t position);
    // `relations[position]` is about to take other ends (forget), or just took them (remember).
    void forget(const List& relations, std::size_t position);
    void remember(const List& relations, std::size_t position);

    // Whether a relation names `span_id` as head or tail: O(1), allocates nothing.
    [[nodiscard]] bool any(const List& relations, std::string_view span_id) const { return first_end(relations, span_id) != kNone; }
    // Calls visit(position) for each relation naming `span_id`, in increasing position, once each.
    // The visit must not change the list.
    template <class Visit>
    void for_each(const List& relations, std::string_view span_id, Visit&& visit) const {
        for (std::uint32_t end = first_end(relations, span_id); end != kNone; end = next_end_[end]) visit(std::size_t{end / 2});
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    [[nodiscard]] std::uint32_t first_end(const List& relations, std::string_view span_id) const;
    void link(const List& relations, std::uint32_t end);
    void unlink(const List& relations, std::uint32_t end);
    // Every stored end number at or above `from` moves by `delta` ends (places × 2).
    void shift_ends(std::uint32_t from, std::int64_t delta);

    IndexTable first_end_of_;                 // span id (hash) → the first end naming it
    std::vector<std::uint32_t> next_end_;     // per end: the next end naming the same span id, or kNone
    std::vector<std::uint32_t> last_end_;     // per first end: the last end of its chain (appending is O(1))
};

}  // namespace inkspan
