// Validation of the corpus-level commands (documents and schema) and the primitive changes that
// perform them, cascades included.
#include <algorithm>
#include <set>

#include "core/commands.h"
#include "core/layers.h"
#include "core/limits.h"
#include "core/validation.h"

namespace inkspan {

namespace {

using edit::Op;
using Ops = std::vector<Op>;

std::string span_place(const Document& d, const Span& s) {
    return s.id + " [" + std::to_string(s.start) + ", " + std::to_string(s.end) + ") " + quote(d.span_text(s));
}

std::vector<std::string> without(const std::vector<std::string>& list, const std::string& label) {
    std::vector<std::string> out;
    for (const auto& l : list)
        if (l != label) out.push_back(l);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& label) {
    return std::find(list.begin(), list.end(), label) != list.end();
}

struct CorpusPlanner {
    const Corpus& c;
    std::string_view now;

    std::optional<Error> check_type_name(const std::string& name, const char* kind) const {
        if (!is_valid_type_name(name))
            return invalid(std::string("invalid ") + kind + " name " + quote(name) +
                           " (1 to 64 bytes, no spaces or control characters)");
        return std::nullopt;
    }

    std::optional<Error> check_hotkey(const std::string& hotkey, const std::string& owner) const {
        if (!is_valid_hotkey(hotkey)) return invalid("invalid hotkey " + quote(hotkey) + " (expected one character)");
        const EntityType* other = c.schema.find_entity_by_hotkey(hotkey);
        if (other && other->name != owner) return refused("hotkey " + quote(hotkey) + " is already used by " + other->name);
        return std::nullopt;
    }

    std::optional<Error> check_label_list(const std::vector<std::string>& labels, const char* end,
                                          const std::string& type) const {
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (!c.schema.find_entity(labels[i]))
                return invalid("unknown label " + quote(labels[i]) + " in the " + end + " of relation type " + type);
            if (std::find(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(i), labels[i]) !=
                labels.begin() + static_cast<std::ptrdiff_t>(i))
                return invalid("label " + quote(labels[i]) + " is listed twice in the " + end + " of relation type " + type);
        }
        return std::nullopt;
    }

    Result<std::size_t> entity(const std::string& name) const {
        auto i = c.schema.entity_index(name);
        if (!i) return not_found("unknown entity type " + quote(name));
        return *i;
    }

    Result<std::size_t> relation_type(const std::string& name) const {
        auto i = c.schema.relation_index(name);
        if (!i) return not_found("unknown relation type " + quote(name));
        return *i;
    }

    Result<Ops> operator()(const cmd::AddDocument& a) const {
        if (!a.document->held()) return refused("document " + quote(a.document->id()) + " was added already");
        const Document& d = *a.document->held();
        if (c.find_document(d.id())) return refused("document " + quote(d.id()) + " already exists");
        if (c.documents.size() >= kMaxDocuments)
            return make_error(ErrorKind::TooLarge, "the corpus already has " + std::to_string(kMaxDocuments) + " documents (the limit)");
        for (const auto& [label, n] : d.label_counts())
            if (!c.schema.find_entity(label))
                return invalid("document " + quote(d.id()) + " uses unknown label " + quote(label));
        for (const Relation& r : d.relations()) {
            const RelationType* type = c.schema.find_relation(r.type);
            if (!type) return invalid("document " + quote(d.id()) + " uses unknown relation type " + quote(r.type));
            const Span* head = d.find_span(r.head);
            const Span* tail = d.find_span(r.tail);
            if (!head || !tail || !type->allows(head->label, tail->label))  // (Schema::allows would find the type again)
                return refused("document " + quote(d.id()) + ": relation " + r.id + " is not allowed by the schema");
        }
        if (!c.schema.allow_crossing_spans)
            if (auto pair = d.find_crossing_pair())
                return refused("document " + quote(d.id()) + " has crossing spans " + span_place(d, *pair->first) +
                               " and " + span_place(d, *pair->second));
        if (d.is_layer()) {
            const Document* base = c.find_document(d.layer_of());
            const std::string layer = "layer " + quote(d.id());
            if (!base) return not_found(layer + " belongs to document " + quote(d.layer_of()) + ", which does not exist");
            if (base->is_layer()) return invalid(layer + " belongs to " + quote(base->id()) + ", itself a layer");
            if (base->text() != d.text()) return invalid(layer + " has a different text from document " + quote(base->name()));
            if (base->name() != d.name() || base->language() != d.language() || base->direction() != d.direction())
                return invalid(layer + " has a different name, language or direction from document " + quote(base->name()));
            if (d.annotator().empty()) return invalid(layer + " needs an annotator");
            if (find_layer(c, base->id(), d.annotator()))
                return refused("document " + quote(base->name()) + " already has a layer by " + quote(d.annotator()));
            return Ops{edit::InsertDocument{layer_insert_index(c, base->id()), a.document}};
        }
        const std::size_t index = std::min(a.index.value_or(c.documents.size()), c.documents.size());
        return Ops{edit::InsertDocument{index, a.document}};  // shares the box: no copy
    }

    Result<Ops> operator()(const cmd::RemoveDocument& a) const {
        auto i = c.document_index(a.doc);
        if (!i) return not_found("unknown document " + quote(a.doc));
        const Document& d = c.documents[*i];
        Ops ops;
        if (!d.is_layer())  // its layers first, the last one first, so every index holds as each goes
            for (std::size_t j = c.documents.size(); j-- > *i + 1;)
                if (c.documents[j].layer_of() == d.id())
                    ops.push_back(edit::RemoveDocument{j, std::make_shared<DocumentBox>(c.documents[j].id(), c.documents[j].name())});
        ops.push_back(edit::RemoveDocument{*i, std::make_shared<DocumentBox>(d.id(), d.name())});  // filled when applied
        return ops;
    }

    Result<Ops> operator()(const cmd::AddEntityType& a) const {
        EntityType t = a.type;
        if (auto bad = check_type_name(t.name, "entity type")) return *bad;
        if (c.schema.find_entity(t.name)) return refused("entity type " + quote(t.name) + " already exists");
        if (c.schema.entities.size() >= kMaxEntityTypes)
            return make_error(ErrorKind::TooLarge, "the schema already has " + std::to_string(kMaxEntityTypes) + " entity types (the limit)");
        if (t.color.empty()) t.color = std::string(palette_color(c.schema.entities.size()));
        if (!is_valid_color(t.color)) return invalid("invalid color " + quote(t.color) + " (expected #rrggbb)");
        if (auto bad = check_hotkey(t.hotkey, t.name)) return *bad;
        if (auto bad = check_free_text(t.description, kMaxMetaBytes, "description")) return *bad;
        return Ops{edit::InsertEntityType{c.schema.entities.size(), std::move(t)}};
    }

    Result<Ops> operator()(const cmd::RenameEntityType& a) const {
        auto i = entity(a.from);
        if (!i) return i.error();
        if (a.from == a.to) return Ops{};
        if (auto bad = check_type_name(a.to, "entity type")) return *bad;
        if (c.schema.find_entity(a.to)) return refused("entity type " + quote(a.to) + " already exists");
        Ops ops{edit::RenameEntityType{a.from, a.to}};
        for (const Document& d : c.documents)
            if (d.label_count(a.from)) ops.push_back(stamp(d, now));
        return ops;
    }

    Result<Ops> replace_entity(std::size_t i, EntityType after) const {
        if (after == c.schema.entities[i]) return Ops{};
        return Ops{edit::ReplaceEntityType{i, c.schema.entities[i], std::move(after)}};
    }

    Result<Ops> operator()(const cmd::RecolorEntityType& a) const {
        auto i = entity(a.name);
        if (!i) return i.error();
        if (!is_valid_color(a.color)) return invalid("invalid color " + quote(a.color) + " (expected #rrggbb)");
        EntityType t = c.schema.entities[*i];
        t.color = a.color;
        return replace_entity(*i, std::move(t));
    }

    Result<Ops> operator()(const cmd::SetEntityHotkey& a) const {
        auto i = entity(a.name);
        if (!i) return i.error();
        if (auto bad = check_hotkey(a.hotkey, a.name)) return *bad;
        EntityType t = c.schema.entities[*i];
        t.hotkey = a.hotkey;
        return replace_entity(*i, std::move(t));
    }

    Result<Ops> operator()(const cmd::SetEntityDescription& a) const {
        auto i = entity(a.name);
        if (!i) return i.error();
        if (auto bad = check_free_text(a.description, kMaxMetaBytes, "description")) return *bad;
        EntityType t = c.schema.entities[*i];
        t.description = a.description;
        return replace_entity(*i, std::move(t));
    }

    Result<Ops> operator()(const cmd::DeleteEntityType& a) const {
        auto i = entity(a.name);
        if (!i) return i.error();
        std::size_t spans = 0, docs = 0;
        for (const Document& d : c.documents)
            if (std::size_t n = d.label_count(a.name)) spans += n, ++docs;
        if (spans && !a.cascade)
            return refused("entity type " + a.name + " is used by " + count_phrase(spans, "span") + " in " +
                           count_phrase(docs, "document"));
        // Relation types listing the label lose it; a type left with an empty list (which would
        // mean "any label") is deleted instead, with its relations.
        Ops schema_ops;
        std::set<std::string> doomed_types;
        std::vector<std::size_t> doomed_indexes;
        for (std::size_t j = 0; j < c.schema.relations.size(); ++j) {
            const RelationType& r = c.schema.relations[j];
            RelationType after = r;
            after.head = without(r.head, a.name);
            after.tail = without(r.tail, a.name);
            if (after == r) continue;
            const bool head_emptied = contains(r.head, a.name) && after.head.empty();
            const bool tail_emptied = contains(r.tail, a.name) && after.tail.empty();
            if (head_emptied || tail_emptied) {
                if (!a.cascade)
                    return refused("entity type " + a.name + " is the only " + (head_emptied ? "head" : "tail") +
                                   " label of relation type " + r.name);
                doomed_types.insert(r.name);
                doomed_indexes.push_back(j);
            } else {
                schema_ops.push_back(edit::ReplaceRelationType{j, r, std::move(after)});
            }
        }
        for (auto j = doomed_indexes.rbegin(); j != doomed_indexes.rend(); ++j)
            schema_ops.push_back(edit::RemoveRelationType{*j, c.schema.relations[*j]});
        Ops ops;
        for (const Document& d : c.documents) {
            std::vector<Span> gone;
            if (d.label_count(a.name))
                for (const Span& s : d.spans())
                    if (s.label == a.name) gone.push_back(s);
            std::set<std::string> gone_ids;
            for (const Span& s : gone) gone_ids.insert(s.id);
            std::vector<Relation> cut;
            for (const Relation& r : d.relations())
                if (gone_ids.count(r.head) || gone_ids.count(r.tail) || doomed_types.count(r.type)) cut.push_back(r);
            if (gone.empty() && cut.empty()) continue;
            if (!cut.empty()) ops.push_back(edit::RemoveRelations{d.id(), std::move(cut)});
            if (!gone.empty()) ops.push_back(edit::RemoveSpans{d.id(), std::move(gone)});
            ops.push_back(stamp(d, now));
        }
        for (Op& op : schema_ops) ops.push_back(std::move(op));
        ops.push_back(edit::RemoveEntityType{*i, c.schema.entities[*i]});
        return ops;
    }

    Result<Ops> operator()(const cmd::AddRelationType& a) const {
        const RelationType& t = a.type;
        if (auto bad = check_type_name(t.name, "relation type")) return *bad;
        if (c.schema.find_relation(t.name)) return refused("relation type " + quote(t.name) + " already exists");
        if (c.schema.relations.size() >= kMaxRelationTypes)
            return make_error(ErrorKind::TooLarge, "the schema already has " + std::to_string(kMaxRelationTypes) + " relation types (the limit)");
        if (auto bad = check_label_list(t.head, "head", t.name)) return *bad;
        if (auto bad = check_label_list(t.tail, "tail", t.name)) return *bad;
        return Ops{edit::InsertRelationType{c.schema.relations.size(), t}};
    }

    Result<Ops> operator()(const cmd::RenameRelationType& a) const {
        auto i = relation_type(a.from);
        if (!i) return i.error();
        if (a.from == a.to) return Ops{};
        if (auto bad = check_type_name(a.to, "relation type")) return *bad;
        if (c.schema.find_relation(a.to)) return refused("relation type " + quote(a.to) + " already exists");
        Ops ops{edit::RenameRelationType{a.from, a.to}};
        for (const Document& d : c.documents)
            if (d.relation_type_count(a.from)) ops.push_back(stamp(d, now));
        return ops;
    }

    Result<Ops> operator()(const cmd::SetRelationRule& a) const {
        auto i = relation_type(a.name);
        if (!i) return i.error();
        if (auto bad = check_label_list(a.head, "head", a.name)) return *bad;
        if (auto bad = check_label_list(a.tail, "tail", a.name)) return *bad;
        const RelationType& before = c.schema.relations[*i];
        RelationType after{a.name, a.head, a.tail, a.directed, before.transitive};
        if (after == before) return Ops{};
        for (const Document& d : c.documents) {
            if (!d.relation_type_count(a.name)) continue;
            std::map<std::pair<std::string, std::string>, std::string> pairs;
            for (const Relation& r : d.relations()) {
                if (r.type != a.name) continue;
                const Span* head = d.find_span(r.head);
                const Span* tail = d.find_span(r.tail);
                if (!after.allows(head->label, tail->label))
                    return refused("relation " + r.id + " in document " + quote(d.id()) + " (" + head->label + " → " +
                                   tail->label + ") would not be allowed");
                if (!after.directed) {
                    auto key = std::minmax(r.head, r.tail);
                    auto [it, fresh] = pairs.emplace(std::pair{key.first, key.second}, r.id);
                    if (!fresh)
                        return refused("relations " + it->second + " and " + r.id + " in document " + quote(d.id()) +
                                       " would be duplicates");
                }
            }
        }
        return Ops{edit::ReplaceRelationType{*i, before, std::move(after)}};
    }

    Result<Ops> operator()(const cmd::DeleteRelationType& a) const {
        auto i = relation_type(a.name);
        if (!i) return i.error();
        std::size_t relations = 0, docs = 0;
        for (const Document& d : c.documents)
            if (std::size_t n = d.relation_type_count(a.name)) relations += n, ++docs;
        if (relations && !a.cascade)
            return refused("relation type " + a.name + " is used by " + count_phrase(relations, "relation") + " in " +
                           count_phrase(docs, "document"));
        Ops ops;
        for (const Document& d : c.documents) {
            if (!d.relation_type_count(a.name)) continue;
            std::vector<Relation> cut;
            for (const Relation& r : d.relations())
                if (r.type == a.name) cut.push_back(r);
            ops.push_back(edit::RemoveRelations{d.id(), std::move(cut)});
            ops.push_back(stamp(d, now));
        }
        ops.push_back(edit::RemoveRelationType{*i, c.schema.relations[*i]});
        return ops;
    }

    Result<Ops> operator()(const cmd::SetAllowCrossingSpans& a) const {
        if (a.allow == c.schema.allow_crossing_spans) return Ops{};
        if (!a.allow)
            for (const Document& d : c.documents)
                if (auto pair = d.find_crossing_pair())
                    return refused("document " + quote(d.id()) + " has crossing spans " + span_place(d, *pair->first) +
                                   " and " + span_place(d, *pair->second));
        return Ops{edit::SetAllowCrossing{c.schema.allow_crossing_spans, a.allow}};
    }
};

}  // namespace

Result<std::vector<edit::Op>> plan_corpus_command(const Corpus& corpus, const Command& command, std::string_view now) {
    CorpusPlanner planner{corpus, now};
    return std::visit(
        [&](const auto& c) -> Result<Ops> {
            if constexpr (requires { planner(c); }) return planner(c);
            else return invalid("not a corpus command");
        },
        command);
}

}  // namespace inkspan
