#pragma once
// A hash index over the caller's own list: it stores positions in that list (no key copies and
// no allocation per entry, unlike std::unordered_map's nodes), and the caller says how to hash a
// key and whether the element at a position matches. For the readers' per-span lookups (ids,
// duplicate spans and relations), thousands per file.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace inkspan::formats {

class IndexTable {
public:
    // Room for `expected` entries before the table grows.
    explicit IndexTable(std::size_t expected = 0) { resize(slots_for(expected)); }

    // The position of an entry with this hash for which `matches(position)` is true, or nullopt.
    template <class Matches>
    [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t hash, Matches&& matches) const {
        const std::uint32_t h = fold(hash);
        for (std::size_t i = h & mask(); slots_[i].position_plus_one != 0; i = (i + 1) & mask())
            if (slots_[i].hash == h && matches(slots_[i].position_plus_one - 1)) return slots_[i].position_plus_one - 1;
        return std::nullopt;
    }

    // Adds `position` under `hash` (the caller found no match first, or wants a second entry).
    void insert(std::uint64_t hash, std::uint32_t position) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        place(fold(hash), position);
        ++count_;
    }

private:
    struct Slot {
        std::uint32_t position_plus_one = 0;  // 0: empty
        std::uint32_t hash = 0;               // folded, kept for growing and to skip most comparisons
    };

    static std::uint32_t fold(std::uint64_t hash) { return static_cast<std::uint32_t>(hash ^ (hash >> 32)); }
    static std::size_t slots_for(std::size_t entries) {  // a power of two, at most half full
        std::size_t n = 16;
        while (n < 2 * entries) n *= 2;
        return n;
    }
    [[nodiscard]] std::size_t mask() const { return slots_.size() - 1; }
    void resize(std::size_t n) { slots_.assign(n, Slot{}); }

    void place(std::uint32_t h, std::uint32_t position) {  // linear probing
        std::size_t i = h & mask();
        while (slots_[i].position_plus_one != 0) i = (i + 1) & mask();
        slots_[i] = Slot{position + 1, h};
    }

    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        resize(old.size() * 2);
        for (const Slot& s : old)
            if (s.position_plus_one != 0) place(s.hash, s.position_plus_one - 1);
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

}  // namespace inkspan::formats
