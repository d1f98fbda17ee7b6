// Seeded random edits: thousands of commands (valid and invalid), random undo/redo, and the
// checks that must hold throughout: a refused command changes nothing, the indexes agree with a
// plain scan, save -> load is the identity, and undoing everything gives back the original file
// byte for byte (redoing everything gives back the final one).
#include <doctest/doctest.h>

#include <random>

#include "core/editor.h"
#include "core/inkspan_json.h"
#include "model_fixtures.h"

using namespace inkspan;
using namespace inkspan::testing;

namespace {

class RandomEditor {
public:
    explicit RandomEditor(unsigned seed) : rng_(seed) {}

    Command next(const Corpus& c) {
        if (c.documents.empty()) return add_document(c);
        const int roll = pick(100);
        const Document& d = c.documents[static_cast<std::size_t>(pick(static_cast<int>(c.documents.size())))];
        if (roll < 35) return add_span(c, d);
        if (roll < 45) return cmd::DeleteSpan{d.id(), span_id(d)};
        if (roll < 52) return cmd::SetSpanLabel{d.id(), span_id(d), label(c)};
        if (roll < 55) return cmd::SetSpanNote{d.id(), span_id(d), pick(2) ? "" : "note " + std::to_string(pick(5))};
        if (roll < 58) {
            std::optional<std::string> value;
            if (pick(3)) value = "v" + std::to_string(pick(3));
            return cmd::SetSpanAttribute{d.id(), span_id(d), pick(2) ? "a" : "b", value};
        }
        if (roll < 70) return cmd::AddRelation{d.id(), relation_type(c), span_id(d), span_id(d)};
        if (roll < 74) return cmd::DeleteRelation{d.id(), relation_id(d)};
        if (roll < 77) return cmd::SetRelationType{d.id(), relation_id(d), relation_type(c)};
        if (roll < 79) return cmd::SetDocStatus{d.id(), static_cast<DocStatus>(pick(3))};
        if (roll < 80) return cmd::SetDocAnnotator{d.id(), pick(2) ? "ali" : "ayşe"};
        if (pick(3)) return add_span(c, d);  // keep schema edits (and their cascades) rare
        switch (pick(14)) {
            case 0: return cmd::AddEntityType{{name(), pick(2) ? "" : "#123456", pick(2) ? std::string(1, static_cast<char>('a' + pick(26))) : "", ""}};
            case 1: return cmd::RenameEntityType{label(c), name()};
            case 2: return cmd::RecolorEntityType{label(c), pick(2) ? "#abcdef" : "#ABCDEF"};
            case 3: return cmd::SetEntityHotkey{label(c), pick(3) ? std::string(1, static_cast<char>('a' + pick(26))) : ""};
            case 4: return cmd::DeleteEntityType{label(c), pick(2) == 0};
            case 5: return cmd::AddRelationType{{"rel" + std::to_string(pick(4)), labels(c), labels(c), pick(2) == 0}};
            case 6: return cmd::RenameRelationType{relation_type(c), "rel" + std::to_string(pick(4))};
            case 7: return cmd::SetRelationRule{relation_type(c), labels(c), labels(c), pick(2) == 0};
            case 8: return cmd::DeleteRelationType{relation_type(c), pick(2) == 0};
            case 9: return cmd::SetAllowCrossingSpans{pick(2) == 0};
            case 10: return cmd::SetEntityDescription{label(c), pick(2) ? "" : "described"};
            case 11: return add_document(c);
            case 12: return cmd::RemoveDocument{d.id()};
            default: return add_span(c, d);
        }
    }

    std::vector<Command> batch(const Corpus& c) {
        if (c.documents.empty()) return {add_document(c)};
        std::vector<Command> out;
        const int n = 2 + pick(8);
        const Document& d = c.documents[static_cast<std::size_t>(pick(static_cast<int>(c.documents.size())))];
        for (int i = 0; i < n; ++i) out.push_back(pick(4) ? add_span(c, d) : next(c));
        return out;
    }

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

private:
    Command add_document(const Corpus& c) {
        Document extra = make_doc("d" + std::to_string(1 + pick(5)), "Extra document, « court ».");
        extra.insert_span(Span{"T1", 0, 5, label(c), "", {}});
        return cmd::AddDocument{std::move(extra), static_cast<std::size_t>(pick(4))};
    }
    Command add_span(const Corpus& c, const Document& d) {
        const std::size_t len = d.length();
        const std::size_t start = len ? static_cast<std::size_t>(pick(static_cast<int>(len))) : 0;
        const std::size_t end = std::min(len + (pick(50) == 0), start + 1 + static_cast<std::size_t>(pick(12)));
        return cmd::AddSpan{d.id(), start, end, pick(30) ? label(c) : "NOPE"};
    }
    std::string span_id(const Document& d) {
        if (d.span_count() == 0 || pick(20) == 0) return "T999";
        return d.span_at(static_cast<std::size_t>(pick(static_cast<int>(d.span_count())))).id;
    }
    std::string relation_id(const Document& d) {
        if (d.relations().empty() || pick(20) == 0) return "R999";
        return d.relations()[static_cast<std::size_t>(pick(static_cast<int>(d.relations().size())))].id;
    }
    std::string label(const Corpus& c) {
        if (c.schema.entities.empty()) return "PER";
        return c.schema.entities[static_cast<std::size_t>(pick(static_cast<int>(c.schema.entities.size())))].name;
    }
    std::vector<std::string> labels(const Corpus& c) {
        std::vector<std::string> out;
        for (const auto& e : c.schema.entities)
            if (pick(3) == 0) out.push_back(e.name);
        return out;
    }
    std::string relation_type(const Corpus& c) {
        if (c.schema.relations.empty() || pick(20) == 0) return "meets";
        return c.schema.relations[static_cast<std::size_t>(pick(static_cast<int>(c.schema.relations.size())))].name;
    }
    std::string name() {
        static const char* names[] = {"PER", "ORG", "LOC", "DATE", "MISC", "CITY", "EVENT", "Ünïcode"};
        return names[pick(8)];
    }

    std::mt19937 rng_;
};

// The document's indexes agree with a plain scan, and the model invariants hold.
void check_invariants(const Corpus& c, std::mt19937& rng) {
    for (const Document& d : c.documents) {
        CountMap labels;
        const Span* prev = nullptr;
        for (const Span& s : d.spans()) {
            ++labels[s.label];
            REQUIRE(d.find_span(s.id) == &s);
            REQUIRE(s.start < s.end);
            REQUIRE(s.end <= d.length());
            REQUIRE(c.schema.find_entity(s.label));
            if (prev) REQUIRE(std::tie(prev->start, prev->end, prev->label) < std::tie(s.start, s.end, s.label));
            prev = &s;
        }
        REQUIRE(labels == d.label_counts());
        for (const Relation& r : d.relations()) {
            const Span* head = d.find_span(r.head);
            const Span* tail = d.find_span(r.tail);
            REQUIRE((head && tail));
            REQUIRE(c.schema.allows(r.type, head->label, tail->label));
        }
        if (!c.schema.allow_crossing_spans) REQUIRE_FALSE(d.find_crossing_pair().has_value());
        for (int q = 0; q < 3 && d.length() > 0; ++q) {
            const std::size_t a = rng() % d.length(), b = a + 1 + rng() % 40;
            std::vector<const Span*> expect;
            for (const Span& s : d.spans())
                if (s.start < b && s.end > a) expect.push_back(&s);
            REQUIRE(d.spans_overlapping(a, b) == expect);
        }
    }
}

void check_round_trip(const Corpus& c) {
    const std::string saved = write_inkspan_json(c);
    auto loaded = parse_inkspan_json(saved);
    INFO(saved.substr(0, 2000));
    REQUIRE(loaded.ok());
    REQUIRE(*loaded == c);
    REQUIRE(write_inkspan_json(*loaded) == saved);
}

// Undoes (or redoes) until nothing moves, trying every document and the corpus history in turn.
void exhaust(Editor& e, Corpus& c, bool undo) {
    std::vector<std::string> ids{""};
    for (int id = 1; id <= 5; ++id) ids.push_back("d" + std::to_string(id));
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto& id : ids)
            while (undo ? e.undo(c, id).ok() : e.redo(c, id).ok()) moved = true;
    }
    for (const auto& id : ids) {
        if (undo ? e.can_undo(id) : e.can_redo(id)) {
            Status st = undo ? e.undo(c, id) : e.redo(c, id);
            FAIL_CHECK("stuck at " << id << " (" << (undo ? e.undo_description(id) : e.redo_description(id)) << "): " << (st.ok() ? "ok" : st.error().message));
        }
    }
}

}  // namespace

TEST_CASE("random edits: refusals change nothing, undo-all restores the file byte for byte") {
    for (unsigned seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        Corpus c = sample_corpus();
        c.documents.push_back(make_doc("d2", "Cafe\u0301 😀 à Zürich\r\nLine\ttwo « guillemets » l’été\r\n\r\nfin 👍🏽.", "u.txt"));
        c.documents.push_back(make_doc("d3", "Moscou et Washington ont discuté à Riyad le 18 février."));
        const std::string original = write_inkspan_json(c);
        Editor e;
        RandomEditor gen(seed);
        std::mt19937 rng(seed * 7919);
        int applied = 0, refused = 0;
        for (int step = 0; step < 2500; ++step) {
            const std::string now = "2025-05-01T00:00:" + std::to_string(step);
            const int roll = gen.pick(100);
            const std::string some_doc = gen.pick(6) ? "d" + std::to_string(1 + gen.pick(5)) : "";
            if (roll < 6) {
                (void)e.undo(c, some_doc);
                continue;
            }
            if (roll < 9) {
                (void)e.redo(c, some_doc);
                continue;
            }
            const std::string before = write_inkspan_json(c);
            Status st = Ok{};
            if (roll < 14) {
                std::vector<Command> batch = gen.batch(c);
                st = e.apply(c, batch, now, {"", gen.pick(2) == 0});
            } else {
                st = e.apply(c, gen.next(c), now);
            }
            if (st.ok()) {
                ++applied;
            } else {
                ++refused;
                REQUIRE(write_inkspan_json(c) == before);
            }
            check_invariants(c, rng);               // after every step
            if (step % 10 == 0) check_round_trip(c);  // save -> load -> save, every 10th
        }
        check_invariants(c, rng);
        check_round_trip(c);
        MESSAGE("seed " << seed << ": " << applied << " applied, " << refused << " refused, "
                        << c.documents[0].span_count() << " spans in d1");
        CHECK(applied > 800);
        exhaust(e, c, false);  // pending redos first, so that redo-all below is well defined
        const std::string final_state = write_inkspan_json(c);
        exhaust(e, c, true);
        CHECK(write_inkspan_json(c) == original);
        exhaust(e, c, false);
        CHECK(write_inkspan_json(c) == final_state);
    }
}
