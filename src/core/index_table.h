#pragma once
// A hash index over the caller's own list: it stores positions in that list (no key copies and
// no allocation per entry, unlike std::unordered_map's nodes), and the caller says how to hash a
// key and whether the element at a position matches. Open addressing with linear probing, at most
// half full; erase shifts the entries after it back (no tombstones), so lookups stay short after
// any number of erases. Used by the readers' per-span lookups (ids, duplicate spans and relations)
// and by Document's indexes (span ids, the relations of each span).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace inkspan {

class IndexTable {
public:
    // Room for `expected` entries before the table grows (none: nothing allocated until the first insert).
    explicit IndexTable(std::size_t expected = 0) { resize(slots_for(expected)); }

    [[nodiscard]] std::size_t size() const { return count_; }

    // The position of an entry with this hash for which `matches(position)` is true, or nullopt.
    template <class Matches>
    [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t hash, Matches&& matches) const {
        const auto i = slot_of(fold(hash), matches);
        if (!i) return std::nullopt;
        return slots_[*i].position_plus_one - 1;
    }

    // Adds `position` under `hash` (the caller found no match first, or wants a second entry).
    void insert(std::uint64_t hash, std::uint32_t position) {
        if (2 * (count_ + 1) > slots_.size()) rehash(slots_.empty() ? slots_for(1) : slots_.size() * 2);
        place(fold(hash), position);
        ++count_;
    }

    // Removes the entry with this hash for which `matches(position)` is true; false if none.
    template <class Matches>
    bool erase(std::uint64_t hash, Matches&& matches) {
        const auto i = slot_of(fold(hash), matches);
        if (!i) return false;
        shift_back_over(*i);
        --count_;
        return true;
    }

    // Points the entry with this hash for which `matches(position)` is true at another position.
    template <class Matches>
    bool repoint(std::uint64_t hash, Matches&& matches, std::uint32_t position) {
        const auto i = slot_of(fold(hash), matches);
        if (!i) return false;
        slots_[*i].position_plus_one = position + 1;
        return true;
    }

    // Every stored position p becomes renumber(p), for a caller whose list moved its elements
    // (the hashes are of the keys, which did not change).
    template <class Renumber>
    void renumber(Renumber&& renumber) {
        for (Slot& s : slots_)
            if (s.position_plus_one != 0) s.position_plus_one = renumber(s.position_plus_one - 1) + 1;
    }

    // Room for `entries` entries in all before the table grows again.
    void reserve(std::size_t entries) {
        if (slots_for(entries) > slots_.size()) rehash(slots_for(entries));
    }

    // Empty, with room for `expected` entries.
    void clear(std::size_t expected = 0) {
        resize(slots_for(expected));
        count_ = 0;
    }

private:
    struct Slot {
        std::uint32_t position_plus_one = 0;  // 0: empty
        std::uint32_t hash = 0;               // folded, kept for growing, erasing and to skip most comparisons
    };

    static std::uint32_t fold(std::uint64_t hash) { return static_cast<std::uint32_t>(hash ^ (hash >> 32)); }
    static std::size_t slots_for(std::size_t entries) {  // a power of two, at most half full
        if (entries == 0) return 0;
        std::size_t n = 16;
        while (n < 2 * entries) n *= 2;
        return n;
    }
    [[nodiscard]] std::size_t mask() const { return slots_.size() - 1; }
    void resize(std::size_t n) { slots_.assign(n, Slot{}); }

    template <class Matches>
    [[nodiscard]] std::optional<std::size_t> slot_of(std::uint32_t h, Matches& matches) const {
        if (count_ == 0) return std::nullopt;  // (and perhaps no slots at all)
        for (std::size_t i = h & mask(); slots_[i].position_plus_one != 0; i = (i + 1) & mask())
            if (slots_[i].hash == h && matches(slots_[i].position_plus_one - 1)) return i;
        return std::nullopt;
    }

    void place(std::uint32_t h, std::uint32_t position) {  // linear probing
        std::size_t i = h & mask();
        while (slots_[i].position_plus_one != 0) i = (i + 1) & mask();
        slots_[i] = Slot{position + 1, h};
    }

    // Empties slot `hole`, moving back each later entry of its run that may not sit after the hole
    // (its home slot is not in (hole, its slot], going round the end), so every entry stays
    // reachable from its home slot without crossing an empty one.
    void shift_back_over(std::size_t hole) {
        for (std::size_t j = (hole + 1) & mask(); slots_[j].position_plus_one != 0; j = (j + 1) & mask()) {
            const std::size_t home = slots_[j].hash & mask();
            const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (stays) continue;
            slots_[hole] = slots_[j];
            hole = j;
        }
        slots_[hole] = Slot{};
    }

    void rehash(std::size_t n) {
        std::vector<Slot> old;
        old.swap(slots_);
        resize(n);
        for (const Slot& s : old)
            if (s.position_plus_one != 0) place(s.hash, s.position_plus_one - 1);
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

}  // namespace inkspan
