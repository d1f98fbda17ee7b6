// Document's id and relation indexes against plain std::map models: spans found by id after many
// inserts and erases (slots reused), the relations of each span id in natural id order after
// inserts, erases and replacements that move a relation's ends.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "model_fixtures.h"

using namespace inkspan;
using inkspan::testing::make_doc;

namespace {

Span span(std::string id, std::size_t start, std::size_t end, std::string label) {
    return Span{std::move(id), start, end, std::move(label), "", {}};
}

std::vector<std::string> ids_of(const std::vector<const Relation*>& relations) {
    std::vector<std::string> out;
    for (const Relation* r : relations) out.push_back(r->id);
    return out;
}

// A seeded generator with portable draws (std::uniform_int_distribution differs between libraries).
struct Draw {
    std::mt19937 rng;
    explicit Draw(unsigned seed) : rng(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng() % n); }
    bool one_in(std::size_t n) { return below(n) == 0; }
};

using SpanModel = std::map<std::string, Span>;

void check_spans_match(const Document& d, const SpanModel& model, const std::vector<std::string>& pool) {
    REQUIRE(d.span_count() == model.size());
    for (const std::string& id : pool) {
        const Span* found = d.find_span(id);
        auto it = model.find(id);
        if (it == model.end()) {
            CHECK_MESSAGE(found == nullptr, id);
        } else {
            REQUIRE_MESSAGE(found != nullptr, id);
            CHECK(*found == it->second);
            CHECK(d.position_of(id).has_value());
        }
    }
    std::vector<const Span*> expected;
    for (const auto& [id, s] : model) expected.push_back(&s);
    std::sort(expected.begin(), expected.end(), [](const Span* a, const Span* b) {
        return std::tie(a->start, a->end, a->label, a->id) < std::tie(b->start, b->end, b->label, b->id);
    });
    std::size_t i = 0;
    for (const Span& s : d.spans()) CHECK(s == *expected[i++]);
}

// The relations whose head or tail is `span_id`, in natural id order: what the index must give.
std::vector<std::string> expected_relations_of(const std::map<std::string, Relation>& model, const std::string& span_id) {
    std::vector<std::string> out;
    for (const auto& [id, r] : model)
        if (r.head == span_id || r.tail == span_id) out.push_back(id);
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return natural_id_less(a, b); });
    return out;
}

// The ids for_each_relation_of visits, in its order.
std::vector<std::string> visited(const Document& d, std::string_view span_id) {
    std::vector<std::string> out;
    d.for_each_relation_of(span_id, [&](const Relation& r) { out.push_back(r.id); });
    return out;
}

}  // namespace

TEST_CASE("spans are found by id after thousands of inserts and erases that reuse slots") {
    Document d = make_doc("d", std::string(400, 'x'));
    Draw draw(20261205);
    std::vector<std::string> pool;
    for (int i = 1; i <= 300; ++i) pool.push_back("T" + std::to_string(i));
    for (const char* odd : {"T", "T0", "T01", "t1", "R1", "T1 ", "\xC3\xA9", "T1000000000"}) pool.push_back(odd);
    const std::vector<std::string> labels{"PER", "LOC", "ORG"};
    SpanModel model;
    auto random_span = [&](const std::string& id) {
        const std::size_t start = draw.below(390);
        return span(id, start, start + 1 + draw.below(9), labels[draw.below(labels.size())]);
    };
    auto absent_ids = [&](std::size_t want) {
        std::set<std::string> picked;
        for (std::size_t tries = 0; tries < 4 * want && picked.size() < want; ++tries) {
            const std::string& id = pool[draw.below(pool.size())];
            if (!model.count(id)) picked.insert(id);
        }
        return std::vector<std::string>(picked.begin(), picked.end());
    };
    auto present_ids = [&](std::size_t want) {
        std::set<std::string> picked;
        for (std::size_t tries = 0; tries < 4 * want && picked.size() < want && !model.empty(); ++tries) {
            auto it = model.begin();
            std::advance(it, static_cast<std::ptrdiff_t>(draw.below(model.size())));
            picked.insert(it->first);
        }
        return std::vector<std::string>(picked.begin(), picked.end());
    };
    for (int step = 0; step < 6000; ++step) {
        switch (draw.below(6)) {
            case 0:
            case 1:
                for (const std::string& id : absent_ids(1)) {
                    Span s = random_span(id);
                    model[id] = s;
                    d.insert_span(std::move(s));
                }
                break;
            case 2: {
                std::vector<Span> batch;
                for (const std::string& id : absent_ids(2 + draw.below(30))) {
                    batch.push_back(random_span(id));
                    model[id] = batch.back();
                }
                if (!batch.empty()) d.insert_spans(std::move(batch));
                break;
            }
            case 3:
                for (const std::string& id : present_ids(1)) {
                    model.erase(id);
                    d.erase_span(id);
                }
                break;
            case 4: {
                const std::vector<std::string> doomed = present_ids(2 + draw.below(30));
                for (const std::string& id : doomed) model.erase(id);
                d.erase_spans(doomed);
                break;
            }
            case 5:
                for (const std::string& id : present_ids(1)) {
                    Span s = draw.one_in(2) ? random_span(id) : model[id];
                    s.note = "step " + std::to_string(step);
                    model[id] = s;
                    d.replace_span(std::move(s));
                }
                break;
        }
        if (step % 97 == 0) check_spans_match(d, model, pool);
    }
    check_spans_match(d, model, pool);
    // Everything out, then back in: the freed slots all come back into use.
    std::vector<std::string> all;
    for (const auto& [id, s] : model) all.push_back(id);
    d.erase_spans(all);
    model.clear();
    check_spans_match(d, model, pool);
    for (const std::string& id : pool) {
        Span s = random_span(id);
        model[id] = s;
        d.insert_span(std::move(s));
    }
    check_spans_match(d, model, pool);
}

TEST_CASE("a copied or moved document keeps its own id index") {
    Document a = make_doc("d", std::string(50, 'x'));
    a.insert_spans({span("T1", 0, 5, "PER"), span("T2", 6, 8, "LOC"), span("T3", 9, 12, "ORG")});
    a.insert_relation({"R1", "near", "T1", "T2"});
    Document b = a;
    b.erase_relation("R1");
    b.erase_span("T1");
    b.insert_span(span("T4", 1, 2, "PER"));  // takes T1's slot in b, not in a
    CHECK(a.find_span("T1") != nullptr);
    CHECK(a.find_span("T4") == nullptr);
    CHECK(a.has_relations("T2"));
    CHECK_FALSE(b.has_relations("T2"));
    CHECK(b.find_span("T4")->start == 1);
    Document c = std::move(b);
    CHECK(c.find_span("T4")->start == 1);
    CHECK(c.find_span("T1") == nullptr);
    CHECK(c.find_span("T3")->label == "ORG");
}

TEST_CASE("relations of a span come in natural id order whatever order they were added in") {
    Document d = make_doc("d", std::string(50, 'x'));
    d.insert_spans({span("T1", 0, 5, "PER"), span("T2", 10, 15, "PER"), span("T3", 20, 25, "ORG")});
    d.insert_relation({"R10", "meets", "T1", "T2"});
    d.insert_relation({"R2", "meets", "T2", "T1"});
    d.insert_relations({{"R1", "member_of", "T1", "T3"}, {"R100", "meets", "T3", "T1"}, {"R9", "meets", "T2", "T3"}});
    d.insert_relation({"R3", "self", "T1", "T1"});
    CHECK(ids_of(d.relations_of("T1")) == std::vector<std::string>{"R1", "R2", "R3", "R10", "R100"});
    CHECK(ids_of(d.relations_of("T2")) == std::vector<std::string>{"R2", "R9", "R10"});
    CHECK(ids_of(d.relations_of("T3")) == std::vector<std::string>{"R1", "R9", "R100"});
    CHECK(visited(d, "T1") == std::vector<std::string>{"R1", "R2", "R3", "R10", "R100"});
    CHECK(visited(d, "T4").empty());
    // A relation whose head and tail are the same span is listed once.
    d.erase_relation("R2");
    CHECK(ids_of(d.relations_of("T1")) == std::vector<std::string>{"R1", "R3", "R10", "R100"});
    // Moving R10's head from T1 to T3: it leaves T1's list and joins T3's in its place.
    d.replace_relation({"R10", "meets", "T3", "T2"});
    CHECK(ids_of(d.relations_of("T1")) == std::vector<std::string>{"R1", "R3", "R100"});
    CHECK(ids_of(d.relations_of("T3")) == std::vector<std::string>{"R1", "R9", "R10", "R100"});
    CHECK(visited(d, "T3") == std::vector<std::string>{"R1", "R9", "R10", "R100"});
    CHECK(d.find_relation("meets", "T3", "T2")->id == "R10");
    CHECK(d.find_relation("meets", "T1", "T2") == nullptr);
    // Inserting before every other relation shifts them all: lookups still find each one.
    d.insert_relation({"R0", "meets", "T2", "T3"});
    CHECK(ids_of(d.relations_of("T2")) == std::vector<std::string>{"R0", "R9", "R10"});
    CHECK(visited(d, "T2") == std::vector<std::string>{"R0", "R9", "R10"});
    CHECK(d.find_relation("meets", "T3", "T1")->id == "R100");
    CHECK(d.find_relation("R100")->head == "T3");
}

TEST_CASE("has_relations turns false once the last relation of a span goes, by any way") {
    Document d = make_doc("d", std::string(50, 'x'));
    d.insert_spans({span("T1", 0, 5, "PER"), span("T2", 10, 15, "PER"), span("T3", 20, 25, "ORG")});
    d.insert_relations({{"R1", "meets", "T1", "T2"}, {"R2", "meets", "T2", "T3"}});
    CHECK(d.has_relations("T1"));
    d.erase_relation("R1");
    CHECK_FALSE(d.has_relations("T1"));
    CHECK(d.relations_of("T1").empty());
    CHECK(d.has_relations("T2"));
    d.replace_relation({"R2", "meets", "T3", "T3"});  // T2 loses its only relation by a replacement
    CHECK_FALSE(d.has_relations("T2"));
    CHECK(d.has_relations("T3"));
    d.erase_relations({"R2"});
    CHECK_FALSE(d.has_relations("T3"));
    d.erase_span("T1");
    d.insert_span(span("T1", 30, 35, "LOC"));  // the same id back: no relation comes with it
    CHECK_FALSE(d.has_relations("T1"));
}

TEST_CASE("span ids that share a prefix with other ids, or name no span, are kept apart") {
    Document d = make_doc("d", std::string(50, 'x'));
    d.insert_spans({span("R1", 0, 5, "PER"), span("T1", 6, 8, "PER"), span("T10", 9, 12, "PER")});
    d.insert_relations({{"R10", "meets", "T1", "T10"}, {"R11", "meets", "R1", "T1"}, {"R12", "meets", "T404", "T1"}});
    CHECK(d.find_span("R1")->start == 0);
    CHECK(d.find_span("R10") == nullptr);
    CHECK(d.find_relation("R1") == nullptr);
    CHECK(d.has_id("R1"));
    CHECK(d.has_id("R10"));
    CHECK_FALSE(d.has_id("R"));
    CHECK(ids_of(d.relations_of("R1")) == std::vector<std::string>{"R11"});
    CHECK(ids_of(d.relations_of("T1")) == std::vector<std::string>{"R10", "R11", "R12"});
    CHECK(ids_of(d.relations_of("T10")) == std::vector<std::string>{"R10"});
    CHECK_FALSE(d.has_relations("T"));
    CHECK_FALSE(d.has_relations("T100"));
    CHECK_FALSE(d.has_relations("R10"));  // a relation id is not a span end
    // An end that names no span (a primitive change does not check) is still indexed by its text.
    CHECK(d.has_relations("T404"));
    CHECK(ids_of(d.relations_of("T404")) == std::vector<std::string>{"R12"});
}

TEST_CASE("relations of every span id match a model after thousands of random changes") {
    Document d = make_doc("d", std::string(200, 'x'));
    std::vector<std::string> span_ids;
    std::vector<Span> spans;
    for (int i = 1; i <= 40; ++i) {
        span_ids.push_back("T" + std::to_string(i));
        spans.push_back(span(span_ids.back(), static_cast<std::size_t>(i) * 4, static_cast<std::size_t>(i) * 4 + 2, "PER"));
    }
    d.insert_spans(std::move(spans));
    span_ids.push_back("T404");  // named by relations, never a span
    std::vector<std::string> relation_ids;
    for (int i = 1; i <= 250; ++i) relation_ids.push_back("R" + std::to_string(i));
    const std::vector<std::string> types{"meets", "member_of"};
    Draw draw(1205);
    std::map<std::string, Relation> model;
    auto random_relation = [&](const std::string& id) {
        // A few spans take most relations, so some span ids have long lists.
        auto end = [&] { return draw.one_in(3) ? span_ids[draw.below(3)] : span_ids[draw.below(span_ids.size())]; };
        Relation r{id, types[draw.below(types.size())], end(), end(), {}};
        if (draw.one_in(10)) r.tail = r.head;
        return r;
    };
    auto pick = [&](bool present) -> std::string {
        for (int tries = 0; tries < 50; ++tries) {
            const std::string& id = relation_ids[draw.below(relation_ids.size())];
            if (model.count(id) == static_cast<std::size_t>(present)) return id;
        }
        return "";
    };
    auto check_all = [&] {
        REQUIRE(d.relations().size() == model.size());
        for (const std::string& sid : span_ids) {
            const auto expected = expected_relations_of(model, sid);
            CHECK_MESSAGE(ids_of(d.relations_of(sid)) == expected, sid);
            CHECK_MESSAGE(visited(d, sid) == expected, sid);
            CHECK(d.has_relations(sid) == !expected.empty());
        }
        for (const std::string& rid : relation_ids) {
            const Relation* found = d.find_relation(rid);
            auto it = model.find(rid);
            CHECK((found ? *found == it->second : it == model.end()));
        }
        for (const auto& [id, r] : model) {
            const Relation* same = d.find_relation(r.type, r.head, r.tail);
            REQUIRE(same != nullptr);
            CHECK((same->type == r.type && same->head == r.head && same->tail == r.tail));
        }
    };
    for (int step = 0; step < 5000; ++step) {
        switch (draw.below(6)) {
            case 0:
            case 1:
                if (auto id = pick(false); !id.empty()) {
                    model[id] = random_relation(id);
                    d.insert_relation(model[id]);
                }
                break;
            case 2: {
                std::vector<Relation> batch;
                for (std::size_t k = draw.below(20); k > 0; --k)
                    if (auto id = pick(false); !id.empty()) {
                        model[id] = random_relation(id);
                        batch.push_back(model[id]);
                    }
                d.insert_relations(std::move(batch));
                break;
            }
            case 3:
                if (auto id = pick(true); !id.empty()) {
                    model.erase(id);
                    d.erase_relation(id);
                }
                break;
            case 4: {
                std::vector<std::string> doomed;
                for (std::size_t k = draw.below(20); k > 0; --k)
                    if (auto id = pick(true); !id.empty()) {
                        model.erase(id);
                        doomed.push_back(id);
                    }
                d.erase_relations(doomed);
                break;
            }
            case 5:
                if (auto id = pick(true); !id.empty()) {
                    Relation r = draw.one_in(2) ? random_relation(id) : model[id];
                    if (draw.one_in(2)) r.type = types[draw.below(types.size())];
                    model[id] = r;
                    d.replace_relation(r);
                }
                break;
        }
        if (step % 53 == 0) check_all();
    }
    check_all();
    for (const std::string& type : types) {
        std::size_t n = 0;
        for (const auto& [id, r] : model) n += r.type == type;
        CHECK(d.relation_type_count(type) == n);
    }
}
