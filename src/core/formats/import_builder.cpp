#include "core/formats/import_builder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/index_table.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

// A hash of a name and two offsets (a span's label and range, a relation's type and ends).
std::uint64_t key_hash(std::uint64_t name_hash, std::size_t a, std::size_t b) {
    std::uint64_t h = name_hash;
    for (const std::uint64_t x : {static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)})
        h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

// is_blank(doc.text_of(start, end)) with one offset conversion at most, not two (none when the
// reader gives start's byte): the walk stops at the first code point that is not blank (most
// spans start with one). start <= end <= doc.length().
bool is_blank_range(const Document& doc, std::size_t start, std::size_t end, std::size_t start_byte) {
    const std::string_view text = doc.text();
    std::size_t pos = start_byte != std::string::npos ? start_byte : doc.index().code_point_to_byte(text, start);
    for (std::size_t cp = start; cp < end; ++cp)
        if (!is_unicode_whitespace(decode_utf8(text, pos))) return false;
    return true;
}

Error at(std::string_view place, const Error& e) { return make_error(e.kind, std::string(place) + ": " + e.message); }

std::optional<Error> check_attributes(const Attributes& attributes, std::string_view place) {
    if (attributes.size() > kMaxAttributesPerSpan)
        return make_error(ErrorKind::TooLarge, std::string(place) + ": " + std::to_string(attributes.size()) +
                                                   " attributes, over the limit of " + std::to_string(kMaxAttributesPerSpan));
    for (const auto& [key, value] : attributes) {
        if (!is_valid_token(key, kMaxAttributeBytes))
            return make_error(ErrorKind::Invalid, std::string(place) + ": invalid attribute name " + quote(key));
        if (auto bad = check_free_text(value, kMaxAttributeBytes, std::string(place) + ": attribute " + key)) return bad;
    }
    return std::nullopt;
}

// Gold provenance: at most kMaxAnnotatorsPerItem names, each a short line of text.
std::optional<Error> check_agreed_by(const std::vector<std::string>& names, std::string_view place) {
    if (names.size() > kMaxAnnotatorsPerItem)
        return make_error(ErrorKind::TooLarge, std::string(place) + ": " + std::to_string(names.size()) +
                                                   " annotators in agreed_by, over the limit of " + std::to_string(kMaxAnnotatorsPerItem));
    for (const std::string& name : names)
        if (auto bad = check_free_text(name, kMaxMetaBytes, std::string(place) + ": agreed_by")) return bad;
    return std::nullopt;
}

}  // namespace

std::string clean_id(std::string_view raw, std::string_view fallback) {
    std::string out;
    if (!find_invalid_utf8(raw)) {
        std::size_t pos = 0;
        while (pos < raw.size()) {
            const std::size_t start = pos;
            const char32_t cp = decode_utf8(raw, pos);
            const bool bad = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_unicode_whitespace(cp);
            if (out.size() + (bad ? 1 : pos - start) > kMaxIdBytes) break;
            if (bad) out += '_';
            else out.append(raw.substr(start, pos - start));
        }
    }
    return is_valid_id(out) ? out : std::string(fallback);
}

ImportBuilder::ImportBuilder(std::string_view format_name, const Schema& current)
    : current_(current), skipped_(std::string(format_name) + ": ") {}

void ImportBuilder::declare_entity_type(std::string_view name, std::string_view source) {
    const std::string clean = type_name(name);
    if (clean.empty()) return;
    use_entity(clean);
    if (!source.empty()) declare_event_type(clean, source);
}

void ImportBuilder::declare_event_type(std::string_view name, std::string_view source) {
    declared_labels_.insert(type_name(name));
    labels_source_ = source;
}

void ImportBuilder::declare_relation_type(RelationType type, std::string_view source, std::string_view place) {
    type.name = type_name(type.name);
    if (type.name.empty() || current_.find_relation(type.name)) return;
    for (auto* side : {&type.head, &type.tail}) {
        std::vector<std::string> labels;  // cleaned, without blanks or repeats ("A|A", or two names cleaned alike)
        for (const std::string& raw : *side)
            if (std::string label = type_name(raw); !label.empty() && std::find(labels.begin(), labels.end(), label) == labels.end())
                labels.push_back(std::move(label));
        *side = std::move(labels);
    }
    std::vector<DeclaredRule>& lines = declared_[type.name];
    lines.push_back({type, std::string(source), std::string(place)});
    for (RelationType& r : out_.new_relation_types) {
        if (r.name != type.name) continue;
        // Another line: its argument types join the earlier ones (an empty list, any label, stays so).
        auto join = [](std::vector<std::string>& into, const std::vector<std::string>& more) {
            if (into.empty() || more.empty()) return into.clear();
            for (const std::string& l : more)
                if (std::find(into.begin(), into.end(), l) == into.end()) into.push_back(l);
        };
        join(r.head, type.head);
        join(r.tail, type.tail);
        r.directed = r.directed && type.directed;
        r.transitive = r.transitive || type.transitive;
        return;
    }
    out_.new_relation_types.push_back(std::move(type));
}

bool ImportBuilder::declared_allows(const std::string& type, const std::string& head, const std::string& tail) const {
    const auto it = declared_.find(type);
    if (it == declared_.end()) return true;
    return std::any_of(it->second.begin(), it->second.end(), [&](const DeclaredRule& d) { return d.rule.allows(head, tail); });
}

std::string ImportBuilder::rule_text(const std::string& type) const {
    if (const auto it = declared_.find(type); it != declared_.end()) {
        std::string out = (it->second.front().source.empty() ? std::string("the file") : it->second.front().source) + " allows ";
        for (std::size_t i = 0; i < it->second.size(); ++i) out += (i ? ", " : "") + describe_rule(it->second[i].rule);
        return out;
    }
    return "the schema allows " + describe_rule(*current_.find_relation(type));
}

std::string ImportBuilder::type_name(std::string_view raw) {
    if (is_valid_type_name(raw)) return std::string(raw);
    std::string clean = clean_id(raw, "");
    if (!clean.empty() && is_valid_type_name(clean)) {
        skipped_.note("type name " + quote(raw) + " renamed " + clean + " (type names cannot hold spaces)");
        return clean;
    }
    return "";
}

void ImportBuilder::use_entity(const std::string& name) {
    if (current_.find_entity(name)) return;
    for (const EntityType& e : out_.new_entity_types)
        if (e.name == name) return;
    const std::size_t index = current_.entities.size() + out_.new_entity_types.size();
    out_.new_entity_types.push_back(EntityType{name, std::string(palette_color(index)), "", ""});
}

const RelationType* ImportBuilder::relation_rule(const std::string& name) const {
    if (const RelationType* r = current_.find_relation(name)) return r;
    for (const RelationType& r : out_.new_relation_types)
        if (r.name == name) return &r;
    return nullptr;
}

Status ImportBuilder::add(DraftDocument d) { return add_document(std::move(d), std::nullopt); }

Status ImportBuilder::add(DraftDocument d, Utf8Text text) { return add_document(std::move(d), std::move(text)); }

Status ImportBuilder::add_document(DraftDocument d, std::optional<Utf8Text> text) {
    if (out_.documents.size() >= kMaxDocuments)
        return make_error(ErrorKind::TooLarge, d.place + ": more than " + std::to_string(kMaxDocuments) +
                                                   " documents in one import (the limit)");
    std::string id = clean_id(d.id, "doc" + std::to_string(out_.documents.size() + 1));
    if (doc_ids_.count(id)) {
        const std::string base = clean_id(id.substr(0, kMaxIdBytes - 8), "doc");
        for (std::size_t n = 2;; ++n) {
            id = base + "-" + std::to_string(n);
            if (!doc_ids_.count(id)) break;
        }
    }
    if (auto bad = check_free_text(d.annotator, kMaxMetaBytes, "annotator")) return at(d.place, *bad);
    auto created = text ? Document::create(id, std::move(d.name), std::move(*text))
                        : Document::create(id, std::move(d.name), std::move(d.text));
    if (!created) return at(d.place, created.error());
    Document& doc = created.value();
    doc.set_status(d.status);
    doc.set_annotator(std::move(d.annotator));
    if (d.spans.size() > kMaxSpansPerDocument)
        return make_error(ErrorKind::TooLarge, d.place + ": " + std::to_string(d.spans.size()) +
                                                   " spans, over the limit of " + std::to_string(kMaxSpansPerDocument));
    if (d.relations.size() > kMaxRelationsPerDocument)
        return make_error(ErrorKind::TooLarge, d.place + ": " + std::to_string(d.relations.size()) +
                                                   " relations, over the limit of " + std::to_string(kMaxRelationsPerDocument));

    // Spans: validate, drop blank ones and exact duplicates (a duplicate's relations go to the first).
    const std::size_t length = doc.length();
    // Where a draft span or relation is, for a message: its place, or its line of d.lines_of.
    auto place_of = [&d](const auto& draft) {
        return draft.line == 0 ? draft.place : d.lines_of + " line " + std::to_string(draft.line);
    };
    // type_name once per distinct name of the draft (its rename note, if any, is made the first
    // time), and what a label needs once: use_entity and the check against the declared labels.
    struct CleanName {
        std::string name;            // type_name of the raw name
        std::uint64_t hash = 0;      // of `name`
        bool label_seen = false;     // use_entity done and `undeclared` set
        bool undeclared = false;     // a label missing from the declared ones (annotation.conf)
    };
    std::vector<std::pair<std::string_view, CleanName>> clean_names;  // views of the drafts' labels and types
    IndexTable clean_index;                                            // their raw names → places in clean_names
    auto clean_type_name = [&](std::string_view raw) -> CleanName& {
        const std::uint64_t hash = std::hash<std::string_view>{}(raw);
        if (auto at = clean_index.find(hash, [&](std::uint32_t k) { return clean_names[k].first == raw; }))
            return clean_names[*at].second;
        clean_index.insert(hash, static_cast<std::uint32_t>(clean_names.size()));
        CleanName& fresh = clean_names.emplace_back(raw, CleanName{}).second;
        fresh.name = type_name(raw);
        fresh.hash = fresh.name == raw ? hash : std::hash<std::string_view>{}(fresh.name);
        return fresh;
    };
    std::vector<std::optional<std::size_t>> slot(d.spans.size());  // draft index -> index in `kept`
    std::vector<Span> kept;
    std::vector<std::uint64_t> proposed_hash;  // DraftSpan::id_hash of each kept span (its id is the proposed one until checked)
    kept.reserve(d.spans.size());
    proposed_hash.reserve(d.spans.size());
    std::vector<std::pair<std::size_t, std::string>> label_breaks;  // index in `kept`, what it violates
    IndexTable by_key(d.spans.size());  // (start, end, label) of the kept spans → their place in `kept`
    for (std::size_t i = 0; i < d.spans.size(); ++i) {
        DraftSpan& s = d.spans[i];
        if (s.start > s.end) return *check_range(s.start, s.end, place_of(s));
        if (s.end > length)
            return make_error(ErrorKind::Invalid, place_of(s) + ": span end " + std::to_string(s.end) +
                                                      " is past the end of the text (" + std::to_string(length) + " code points)");
        CleanName& clean = clean_type_name(s.label);
        const std::string& label = clean.name;  // (clean_names does not grow until the next span)
        if (label.empty()) return make_error(ErrorKind::Invalid, place_of(s) + ": invalid label " + quote(s.label));
        if (s.start == s.end || is_blank_range(doc, s.start, s.end, s.start_byte)) {
            skipped_.add("empty or whitespace-only span skipped", "empty or whitespace-only spans skipped", 1, place_of(s));
            continue;
        }
        if (!s.note.empty())  // (most spans have none: the call cost more than the rest of the checks)
            if (auto bad = check_free_text(s.note, kMaxNoteBytes, "note")) return at(place_of(s), *bad);
        if (!s.attributes.empty())
            if (auto bad = check_attributes(s.attributes, place_of(s))) return *bad;
        if (!s.agreed_by.empty())
            if (auto bad = check_agreed_by(s.agreed_by, place_of(s))) return *bad;
        const std::uint64_t key = key_hash(clean.hash, s.start, s.end);
        const auto first = by_key.find(key, [&](std::uint32_t k) {
            return kept[k].start == s.start && kept[k].end == s.end && kept[k].label == label;
        });
        if (first) {
            slot[i] = *first;
            skipped_.add("duplicate span skipped (same offsets and label)", "duplicate spans skipped (same offsets and label)",
                         1, place_of(s));
            continue;
        }
        by_key.insert(key, static_cast<std::uint32_t>(kept.size()));
        if (!clean.label_seen) {
            clean.undeclared = !declared_labels_.empty() && !declared_labels_.count(label);
            use_entity(label);
            clean.label_seen = true;
        }
        if (clean.undeclared)
            label_breaks.emplace_back(kept.size(), "label " + label + " is not declared in " + labels_source_);
        slot[i] = kept.size();
        Span& span = kept.emplace_back();  // filled in place: no temporary to move
        span.start = s.start;
        span.end = s.end;
        span.label = label;
        span.id = std::move(s.id);
        span.note = std::move(s.note);
        span.attributes = std::move(s.attributes);
        span.agreed_by = std::move(s.agreed_by);
        proposed_hash.push_back(s.id_hash);
    }

    // A schema without crossing spans: keep the spans that nest, in order, skip those that cross.
    std::vector<bool> alive(kept.size(), true);
    if (!current_.allow_crossing_spans) {
        std::vector<std::size_t> order(kept.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (kept[a].start != kept[b].start) return kept[a].start < kept[b].start;
            return kept[a].end > kept[b].end;
        });
        std::vector<std::size_t> open_ends;
        for (std::size_t i : order) {
            while (!open_ends.empty() && open_ends.back() <= kept[i].start) open_ends.pop_back();
            if (!open_ends.empty() && kept[i].end > open_ends.back()) {
                alive[i] = false;
                skipped_.add("span crossing another skipped (the schema does not allow crossing spans)",
                             "spans crossing others skipped (the schema does not allow crossing spans)");
                continue;
            }
            open_ends.push_back(kept[i].end);
        }
    }
    // The survivors, compacted in place (nothing moves when all survive).
    std::vector<std::optional<std::size_t>> final_index(kept.size());
    std::size_t survivors = 0;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (alive[i]) {
            final_index[i] = survivors;
            if (survivors != i) {
                kept[survivors] = std::move(kept[i]);
                proposed_hash[survivors] = proposed_hash[i];
            }
            ++survivors;
        }
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(survivors), kept.end());
    std::vector<Span> spans = std::move(kept);
    const std::vector<std::uint64_t> span_id_hashes = std::move(proposed_hash);  // (its tail past `survivors` unused)

    // Relations: endpoints must have survived, the type's rule must allow them, no duplicates.
    std::vector<Relation> relations;
    std::vector<std::string> relation_ids;
    std::vector<std::pair<std::size_t, std::size_t>> relation_ends;
    relations.reserve(d.relations.size());
    relation_ids.reserve(d.relations.size());
    relation_ends.reserve(d.relations.size());
    IndexTable seen(d.relations.size());  // (type, head, tail) of the kept relations → their place in `relations`
    auto already_kept = [&](const std::string& type, std::size_t head, std::size_t tail) {
        return seen.find(key_hash(std::hash<std::string_view>{}(type), head, tail), [&](std::uint32_t k) {
                   return relation_ends[k] == std::pair{head, tail} && relations[k].type == type;
               }).has_value();
    };
    std::vector<std::pair<std::size_t, std::string>> breaking;  // relation index, what it violates
    for (DraftRelation& r : d.relations) {
        std::string type = clean_type_name(r.type).name;
        if (type.empty()) return make_error(ErrorKind::Invalid, place_of(r) + ": invalid relation type " + quote(r.type));
        if (!r.agreed_by.empty())
            if (auto bad = check_agreed_by(r.agreed_by, place_of(r))) return *bad;
        if (r.head >= slot.size() || r.tail >= slot.size())
            return make_error(ErrorKind::Invalid, place_of(r) + ": relation refers to an unknown span");
        std::optional<std::size_t> h, t;
        if (slot[r.head]) h = final_index[*slot[r.head]];
        if (slot[r.tail]) t = final_index[*slot[r.tail]];
        if (!h || !t) {
            skipped_.add("relation to a skipped span skipped", "relations to skipped spans skipped", 1, place_of(r));
            continue;
        }
        if (*h == *t) {
            skipped_.add("relation from a span to itself skipped", "relations from a span to itself skipped", 1, place_of(r));
            continue;
        }
        const RelationType* rule = relation_rule(type);
        const std::string& hl = spans[*h].label;
        const std::string& tl = spans[*t].label;
        const RelationType* ours = current_.find_relation(type);
        // Duplicates first: a skipped relation must not be listed as a violation (the list holds
        // indexes into `relations`; found by fuzz_formats_brat).
        const bool undirected = rule && !rule->directed;
        if (already_kept(type, *h, *t) || (undirected && already_kept(type, *t, *h))) {
            skipped_.add("duplicate relation skipped", "duplicate relations skipped", 1, place_of(r));
            continue;
        }
        seen.insert(key_hash(std::hash<std::string_view>{}(type), *h, *t), static_cast<std::uint32_t>(relations.size()));
        if (rule && !(ours ? ours->allows(hl, tl) : declared_allows(type, hl, tl))) {
            // Kept: listed, and the rule widened so that the schema allows it (the user decides).
            breaking.emplace_back(relations.size(), "relation type " + type + " does not allow " + hl + " → " + tl + " (" +
                                                        rule_text(type) + ")");
            if (ours) widen_rule(widened_current_.try_emplace(type, *ours).first->second, hl, tl);
            else
                for (RelationType& declared : out_.new_relation_types)
                    if (declared.name == type) widen_rule(declared, hl, tl);
        }
        if (!rule) out_.new_relation_types.push_back(RelationType{type, {}, {}, true});
        relations.push_back(Relation{"", std::move(type), "", "", std::move(r.agreed_by)});
        relation_ends.emplace_back(*h, *t);  // resolved to span ids below
        relation_ids.push_back(std::move(r.id));
    }

    // Ids: keep the file's ids when valid and unique, number the rest T<n> / R<n>.
    std::vector<std::string_view> used;  // views of the spans' ids, relation_ids and the ids made below (none moves)
    used.reserve(spans.size() + relations.size());
    IndexTable used_index(spans.size() + relations.size());
    auto is_used = [&](std::string_view wanted, std::uint64_t hash) {
        return used_index.find(hash, [&](std::uint32_t k) { return used[k] == wanted; }).has_value();
    };
    auto hash_of = [](std::string_view name) { return std::hash<std::string_view>{}(name); };
    auto take = [&](std::string_view wanted, std::uint64_t hash) {  // false when another span or relation has it
        if (is_used(wanted, hash)) return false;
        used_index.insert(hash, static_cast<std::uint32_t>(used.size()));
        used.push_back(wanted);
        return true;
    };
    auto taken = [&](const std::string& made) { return is_used(made, hash_of(made)); };
    for (std::size_t i = 0; i < spans.size(); ++i) {  // (the reader's hash of the id when it made one)
        std::string& span_id = spans[i].id;
        if (!is_valid_id(span_id) || !take(span_id, span_id_hashes[i] ? span_id_hashes[i] : hash_of(span_id)))
            span_id.clear();  // numbered below
    }
    for (std::size_t i = 0; i < relations.size(); ++i)
        if (is_valid_id(relation_ids[i]) && take(relation_ids[i], hash_of(relation_ids[i]))) relations[i].id = relation_ids[i];
    std::size_t next = 1;
    for (Span& s : spans)
        if (s.id.empty()) {
            while (taken("T" + std::to_string(next))) ++next;
            s.id = "T" + std::to_string(next);
            take(s.id, hash_of(s.id));
        }
    next = 1;
    for (std::size_t i = 0; i < relations.size(); ++i) {
        Relation& r = relations[i];
        if (r.id.empty()) {
            while (taken("R" + std::to_string(next))) ++next;
            r.id = "R" + std::to_string(next);
            take(r.id, hash_of(r.id));
        }
        r.head = spans[relation_ends[i].first].id;
        r.tail = spans[relation_ends[i].second].id;
    }

    for (const auto& [i, what] : label_breaks)
        if (final_index[i]) out_.violations.push_back({doc.id(), spans[*final_index[i]].id, what});
    for (const auto& [i, what] : breaking) out_.violations.push_back({doc.id(), relations[i].id, what});
    if (!spans.empty()) doc.insert_spans(std::move(spans));
    if (!relations.empty()) doc.insert_relations(std::move(relations));
    doc_ids_.insert(doc.id());
    out_.documents.push_back(std::move(doc));
    return Ok{};
}

Result<ImportedCorpus> ImportBuilder::finish() {
    if (out_.documents.empty()) return make_error(ErrorKind::Invalid, "the files hold no documents");
    // Declared argument labels that no span uses and no conf line or schema declares as an entity
    // type (brat's CoNLL-X configurations name "Span") are left out, not made up as types.
    auto is_entity = [&](const std::string& label) {
        return current_.find_entity(label) ||
               std::any_of(out_.new_entity_types.begin(), out_.new_entity_types.end(),
                           [&](const EntityType& e) { return e.name == label; });
    };
    for (RelationType& r : out_.new_relation_types) {
        std::vector<std::string> left_out;
        for (auto* side : {&r.head, &r.tail})
            for (auto it = side->begin(); it != side->end();)
                if (is_entity(*it)) ++it;
                else {
                    if (std::find(left_out.begin(), left_out.end(), *it) == left_out.end()) left_out.push_back(*it);
                    it = side->erase(it);
                }
        const auto declared = declared_.find(r.name);
        for (const std::string& label : left_out)
            skipped_.add("relation type: argument type " + label + " is not an entity type, left out",
                         "relation types: argument type " + label + " is not an entity type, left out", 1,
                         declared == declared_.end() ? std::string_view() : std::string_view(declared->second.front().place));
    }
    for (const RelationType& r : current_.relations)
        if (const auto it = widened_current_.find(r.name); it != widened_current_.end() && !(it->second == r))
            out_.widened_relation_types.push_back(it->second);
    const std::size_t entities = current_.entities.size() + out_.new_entity_types.size();
    if (entities > kMaxEntityTypes)
        return make_error(ErrorKind::TooLarge, "the import needs " + std::to_string(entities) +
                                                   " entity types, over the limit of " + std::to_string(kMaxEntityTypes));
    const std::size_t relations = current_.relations.size() + out_.new_relation_types.size();
    if (relations > kMaxRelationTypes)
        return make_error(ErrorKind::TooLarge, "the import needs " + std::to_string(relations) +
                                                   " relation types, over the limit of " + std::to_string(kMaxRelationTypes));
    out_.skipped = skipped_.sentences();
    return std::move(out_);
}

Result<Json> parse_jsonl_object(std::string_view line, const std::string& place) {
    auto parsed = parse_json(line, place);
    if (!parsed) return parsed.error();
    if (!parsed->is_object()) return make_error(ErrorKind::Invalid, place + ": expected a JSON object per line");
    return parsed;
}

Status read_jsonl_document(const Json& j, const std::string& file, std::size_t number, const char* id_key,
                           DraftDocument& doc) {
    const std::string place = file + " line " + std::to_string(number);
    auto text = need_string(j, "text", place + ": ");
    if (!text) return text.error();
    doc.text = std::move(text.value());
    doc.place = place;
    if (auto bad = check_free_text(doc.text, kMaxTextBytes, place + ": text")) return *bad;
    const std::string stem(base_name(strip_extension(file)));
    doc.id = stem + "-" + std::to_string(number);
    if (const Json* id = id_key ? member(j, id_key) : nullptr)
        if (auto t = id_text(*id)) doc.id = stem + "-" + *t;
    if (const Json* meta = member(j, "meta")) {
        if (const Json* id = member(*meta, "id"))
            if (auto t = id_text(*id)) doc.id = *t;
        if (const Json* name = member(*meta, "name"); name && name->is_string()) doc.name = name->get<std::string>();
        if (const Json* status = member(*meta, "status"); status && status->is_string())
            if (auto st = parse_doc_status(status->get<std::string>())) doc.status = *st;
        if (const Json* who = member(*meta, "annotator"); who && who->is_string()) doc.annotator = who->get<std::string>();
    }
    if (doc.name.empty()) doc.name = doc.id;
    return Ok{};
}

}  // namespace inkspan::formats
