// IndexTable: positions found through shared hashes, growth, erases (entries shifted back, no
// tombstones), wrap-around at the end of the table, repointing and renumbering.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/index_table.h"

using namespace inkspan;

TEST_CASE("IndexTable finds positions in the caller's list, through collisions and growth") {
    std::vector<std::string> names;
    IndexTable table(2);  // grows several times below
    auto find = [&](const std::string& name, std::uint64_t hash) {
        return table.find(hash, [&](std::uint32_t k) { return names[k] == name; });
    };
    auto name_of = [](int i) {  // (not "T" + std::to_string(i): GCC 12 warns falsely about it, -Wrestrict)
        std::string name(1, 'T');
        return name += std::to_string(i);
    };
    for (int i = 0; i < 300; ++i) {
        const std::string name = name_of(i);
        const std::uint64_t hash = i % 3 == 0 ? 42 : std::hash<std::string>{}(name);  // a third share one hash
        CHECK_FALSE(find(name, hash).has_value());
        table.insert(hash, static_cast<std::uint32_t>(names.size()));
        names.push_back(name);
    }
    for (int i = 0; i < 300; ++i) {
        const std::string name = name_of(i);
        const std::uint64_t hash = i % 3 == 0 ? 42 : std::hash<std::string>{}(name);
        CHECK(find(name, hash) == static_cast<std::uint32_t>(i));
    }
    CHECK_FALSE(find("T300", 42).has_value());
    CHECK_FALSE(find("T7", 42).has_value());  // the right name under another hash is not found
}

TEST_CASE("IndexTable erases through shared hashes and runs that wrap round the end of the table") {
    // 16 slots (room for 8): hashes 14 and 15 put runs against the end so they wrap to slot 0.
    std::vector<std::string> names{"a", "b", "c", "d", "e", "f", "g"};
    const std::vector<std::uint64_t> hashes{14, 15, 14, 0, 15, 1, 14};
    IndexTable table(7);
    for (std::uint32_t i = 0; i < names.size(); ++i) table.insert(hashes[i], i);
    auto find = [&](std::uint32_t i) { return table.find(hashes[i], [&](std::uint32_t k) { return names[k] == names[i]; }); };
    std::vector<bool> present(names.size(), true);
    for (std::uint32_t doomed : {0u, 3u, 1u, 6u, 2u, 5u, 4u}) {
        CHECK(table.erase(hashes[doomed], [&](std::uint32_t k) { return k == doomed; }));
        CHECK_FALSE(table.erase(hashes[doomed], [&](std::uint32_t k) { return k == doomed; }));
        present[doomed] = false;
        for (std::uint32_t i = 0; i < names.size(); ++i) CHECK(find(i).has_value() == present[i]);
    }
    CHECK(table.size() == 0);
}

TEST_CASE("IndexTable matches a std::multimap model through random inserts and erases") {
    std::mt19937 rng(77);
    IndexTable table;
    std::multimap<std::uint64_t, std::uint32_t> model;  // hash → position
    std::uint32_t next = 0;
    for (int step = 0; step < 20000; ++step) {
        const std::uint64_t hash = rng() % 64 == 0 ? 5 : rng() % 500;  // many collisions, one crowded hash
        if (rng() % 3 != 0 || model.empty()) {
            table.insert(hash, next);
            model.emplace(hash, next++);
        } else {
            auto it = model.begin();
            std::advance(it, static_cast<std::ptrdiff_t>(rng() % model.size()));
            const std::uint32_t doomed = it->second;
            CHECK(table.erase(it->first, [&](std::uint32_t k) { return k == doomed; }));
            model.erase(it);
        }
        if (step % 500 == 0 || step == 19999) {
            REQUIRE(table.size() == model.size());
            for (const auto& [h, position] : model)
                CHECK(table.find(h, [&, p = position](std::uint32_t k) { return k == p; }) == position);
        }
    }
}

TEST_CASE("IndexTable repoints an entry and renumbers every position") {
    IndexTable table;
    for (std::uint32_t i = 0; i < 100; ++i) table.insert(i % 10, i);
    CHECK(table.repoint(3, [](std::uint32_t k) { return k == 43; }, 1000));
    CHECK_FALSE(table.repoint(3, [](std::uint32_t k) { return k == 43; }, 1001));
    CHECK(table.find(3, [](std::uint32_t k) { return k == 1000; }) == 1000u);
    table.renumber([](std::uint32_t k) { return k >= 50 ? k + 2 : k; });
    CHECK(table.find(3, [](std::uint32_t k) { return k == 1002; }) == 1002u);
    CHECK(table.find(9, [](std::uint32_t k) { return k == 101; }) == 101u);
    CHECK(table.find(9, [](std::uint32_t k) { return k == 49; }) == 49u);
    CHECK_FALSE(table.find(9, [](std::uint32_t k) { return k == 99; }).has_value());
    table.clear();
    CHECK(table.size() == 0);
    CHECK_FALSE(table.find(9, [](std::uint32_t) { return true; }).has_value());
}
