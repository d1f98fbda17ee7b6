#include "core/edit_ops.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/limits.h"

namespace inkspan::edit {

namespace {

template <class... Fs>
struct Overloaded : Fs... { using Fs::operator()...; };
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

Error conflict(const std::string& what) {
    return make_error(ErrorKind::Refused, "the corpus has changed in a way that prevents this edit: " + what);
}

bool uses_entity(const RelationType& r, const std::string& label) {
    return std::find(r.head.begin(), r.head.end(), label) != r.head.end() ||
           std::find(r.tail.begin(), r.tail.end(), label) != r.tail.end();
}

// Validity of one relation against a document and the schema, ignoring its own id.
bool relation_fits(const Corpus& c, const Document& d, const Relation& r) {
    const Span* head = d.find_span(r.head);
    const Span* tail = d.find_span(r.tail);
    return head && tail && r.head != r.tail && c.schema.allows(r.type, head->label, tail->label);
}

bool duplicate_relation(const Corpus& c, const Document& d, const Relation& r) {
    const Relation* same = d.find_relation(r.type, r.head, r.tail);
    if (same && same->id != r.id) return true;
    const RelationType* type = c.schema.find_relation(r.type);
    if (type && !type->directed) {
        const Relation* reverse = d.find_relation(r.type, r.tail, r.head);
        if (reverse && reverse->id != r.id) return true;
    }
    return false;
}

struct Applier {
    Corpus& c;

    Result<Document*> doc(const std::string& id) {
        Document* d = c.find_document(id);
        if (!d) return conflict("document " + id + " is gone");
        return d;
    }

    Status operator()(const InsertSpans& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        Document& D = **d;
        if (D.span_count() + op.spans.size() > kMaxSpansPerDocument)
            return make_error(ErrorKind::TooLarge, "document " + op.doc + " would have more than " +
                                                       std::to_string(kMaxSpansPerDocument) + " spans");
        std::unordered_set<std::string_view> ids;
        std::set<std::tuple<std::size_t, std::size_t, std::string_view>> keys;
        for (const Span& s : op.spans) {
            if (D.has_id(s.id) || !ids.insert(s.id).second) return conflict("id " + s.id + " is taken");
            if (!c.schema.find_entity(s.label)) return conflict("label " + s.label + " is gone");
            if (s.start >= s.end || s.end > D.length()) return conflict("span " + s.id + " is out of range");
            if (D.find_span(s.start, s.end, s.label) || !keys.emplace(s.start, s.end, s.label).second)
                return conflict("span " + s.id + " would be a duplicate");
            if (!c.schema.allow_crossing_spans && D.find_crossing(s.start, s.end))
                return conflict("span " + s.id + " would cross another span");
        }
        D.insert_spans(op.spans);
        return Ok{};
    }

    Status operator()(const RemoveSpans& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        for (const Span& s : op.spans) {
            const Span* now = (*d)->find_span(s.id);
            if (!now || *now != s) return conflict("span " + s.id + " has changed");
            if (!(*d)->relations_of(s.id).empty()) return conflict("span " + s.id + " has relations");
        }
        std::vector<std::string> ids;
        ids.reserve(op.spans.size());
        for (const Span& s : op.spans) ids.push_back(s.id);
        (*d)->erase_spans(ids);
        return Ok{};
    }

    Status operator()(const ReplaceSpan& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        Document& D = **d;
        const Span* now = D.find_span(op.before.id);
        if (!now || *now != op.before || op.after.id != op.before.id) return conflict("span " + op.before.id + " has changed");
        const Span& a = op.after;
        if (a.start != now->start || a.end != now->end || a.label != now->label) {
            if (!c.schema.find_entity(a.label)) return conflict("label " + a.label + " is gone");
            if (a.start >= a.end || a.end > D.length()) return conflict("span " + a.id + " is out of range");
            const Span* same = D.find_span(a.start, a.end, a.label);
            if (same && same->id != a.id) return conflict("span " + a.id + " would be a duplicate");
            for (const Relation* r : D.relations_of(a.id)) {
                const Span* head = r->head == a.id ? &a : D.find_span(r->head);
                const Span* tail = r->tail == a.id ? &a : D.find_span(r->tail);
                if (!head || !tail || !c.schema.allows(r->type, head->label, tail->label))
                    return conflict("relation " + r->id + " would not allow the new label");
            }
        }
        D.replace_span(a);
        return Ok{};
    }

    Status operator()(const InsertRelations& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        Document& D = **d;
        if (D.relations().size() + op.relations.size() > kMaxRelationsPerDocument)
            return make_error(ErrorKind::TooLarge, "document " + op.doc + " would have more than " +
                                                       std::to_string(kMaxRelationsPerDocument) + " relations");
        std::unordered_set<std::string_view> ids;
        for (const Relation& r : op.relations) {
            if (D.has_id(r.id) || !ids.insert(r.id).second) return conflict("id " + r.id + " is taken");
            if (!relation_fits(c, D, r) || duplicate_relation(c, D, r))
                return conflict("relation " + r.id + " no longer fits");
        }
        D.insert_relations(op.relations);
        return Ok{};
    }

    Status operator()(const RemoveRelations& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        std::vector<std::string> ids;
        for (const Relation& r : op.relations) {
            const Relation* now = (*d)->find_relation(r.id);
            if (!now || *now != r) return conflict("relation " + r.id + " has changed");
            ids.push_back(r.id);
        }
        (*d)->erase_relations(ids);
        return Ok{};
    }

    Status operator()(const ReplaceRelation& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        const Relation* now = (*d)->find_relation(op.before.id);
        if (!now || *now != op.before || op.after.id != op.before.id)
            return conflict("relation " + op.before.id + " has changed");
        if (!relation_fits(c, **d, op.after) || duplicate_relation(c, **d, op.after))
            return conflict("relation " + op.after.id + " no longer fits");
        (*d)->replace_relation(op.after);
        return Ok{};
    }

    Status operator()(const ChangeDocMeta& op) {
        auto d = doc(op.doc);
        if (!d) return d.error();
        Document& D = **d;
        if (D.status() != op.before.status || D.annotator() != op.before.annotator ||
            D.language() != op.before.language || D.direction() != op.before.direction || D.name() != op.before.name)
            return conflict("document " + op.doc + " has changed");
        D.set_status(op.after.status);
        D.set_annotator(op.after.annotator);
        D.set_language(op.after.language);
        D.set_direction(op.after.direction);
        D.set_name(op.after.name);
        if (D.modified() == op.before.modified) D.set_modified(op.after.modified);
        return Ok{};
    }

    Status operator()(const InsertDocument& op) {
        DocumentBox& box = *op.document;
        if (!box.held() || op.index > c.documents.size() || c.find_document(box.id()))
            return conflict("document " + box.id() + " exists");
        if (c.documents.size() >= kMaxDocuments)
            return make_error(ErrorKind::TooLarge, "the corpus already has " + std::to_string(kMaxDocuments) + " documents (the limit)");
        c.documents.insert(c.documents.begin() + static_cast<std::ptrdiff_t>(op.index), box.take());
        return Ok{};
    }

    Status operator()(const RemoveDocument& op) {
        DocumentBox& box = *op.document;
        if (box.held() || op.index >= c.documents.size() || c.documents[op.index].id() != box.id())
            return conflict("document " + box.id() + " has changed");
        box.put(std::move(c.documents[op.index]));
        c.documents.erase(c.documents.begin() + static_cast<std::ptrdiff_t>(op.index));
        return Ok{};
    }

    Status operator()(const InsertEntityType& op) {
        auto& list = c.schema.entities;
        if (op.index > list.size() || c.schema.find_entity(op.type.name) || c.schema.find_entity_by_hotkey(op.type.hotkey))
            return conflict("entity type " + op.type.name + " or its hotkey exists");
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(op.index), op.type);
        return Ok{};
    }

    Status operator()(const RemoveEntityType& op) {
        auto& list = c.schema.entities;
        if (op.index >= list.size() || list[op.index] != op.type) return conflict("entity type " + op.type.name + " has changed");
        for (const Document& d : c.documents)
            if (d.label_count(op.type.name)) return conflict("entity type " + op.type.name + " is in use");
        for (const RelationType& r : c.schema.relations)
            if (uses_entity(r, op.type.name)) return conflict("entity type " + op.type.name + " is in use");
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(op.index));
        return Ok{};
    }

    Status operator()(const ReplaceEntityType& op) {
        auto& list = c.schema.entities;
        if (op.index >= list.size() || list[op.index] != op.before || op.after.name != op.before.name)
            return conflict("entity type " + op.before.name + " has changed");
        const EntityType* other = c.schema.find_entity_by_hotkey(op.after.hotkey);
        if (other && other->name != op.after.name) return conflict("hotkey " + op.after.hotkey + " is taken");
        list[op.index] = op.after;
        return Ok{};
    }

    Status operator()(const RenameEntityType& op) {
        auto i = c.schema.entity_index(op.from);
        if (!i || c.schema.find_entity(op.to)) return conflict("entity type " + op.from + " has changed");
        c.schema.entities[*i].name = op.to;
        for (RelationType& r : c.schema.relations)
            for (auto* list : {&r.head, &r.tail}) std::replace(list->begin(), list->end(), op.from, op.to);
        for (Document& d : c.documents) d.rename_label(op.from, op.to);
        return Ok{};
    }

    Status operator()(const InsertRelationType& op) {
        auto& list = c.schema.relations;
        if (op.index > list.size() || c.schema.find_relation(op.type.name))
            return conflict("relation type " + op.type.name + " exists");
        for (const auto* labels : {&op.type.head, &op.type.tail})
            for (const auto& label : *labels)
                if (!c.schema.find_entity(label)) return conflict("label " + label + " is gone");
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(op.index), op.type);
        return Ok{};
    }

    Status operator()(const RemoveRelationType& op) {
        auto& list = c.schema.relations;
        if (op.index >= list.size() || list[op.index] != op.type) return conflict("relation type " + op.type.name + " has changed");
        for (const Document& d : c.documents)
            if (d.relation_type_count(op.type.name)) return conflict("relation type " + op.type.name + " is in use");
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(op.index));
        return Ok{};
    }

    Status operator()(const ReplaceRelationType& op) {
        auto& list = c.schema.relations;
        if (op.index >= list.size() || list[op.index] != op.before || op.after.name != op.before.name)
            return conflict("relation type " + op.before.name + " has changed");
        for (const auto* labels : {&op.after.head, &op.after.tail})
            for (const auto& label : *labels)
                if (!c.schema.find_entity(label)) return conflict("label " + label + " is gone");
        for (const Document& d : c.documents) {
            if (!d.relation_type_count(op.after.name)) continue;
            for (const Relation& r : d.relations()) {
                if (r.type != op.after.name) continue;
                const Span* head = d.find_span(r.head);
                const Span* tail = d.find_span(r.tail);
                if (!head || !tail || !op.after.allows(head->label, tail->label))
                    return conflict("relation " + r.id + " would not be allowed");
            }
        }
        list[op.index] = op.after;
        return Ok{};
    }

    Status operator()(const RenameRelationType& op) {
        auto i = c.schema.relation_index(op.from);
        if (!i || c.schema.find_relation(op.to)) return conflict("relation type " + op.from + " has changed");
        c.schema.relations[*i].name = op.to;
        for (Document& d : c.documents) d.rename_relation_type(op.from, op.to);
        return Ok{};
    }

    Status operator()(const SetAllowCrossing& op) {
        if (c.schema.allow_crossing_spans != op.before) return conflict("the crossing rule has changed");
        if (!op.after)
            for (const Document& d : c.documents)
                if (d.find_crossing_pair()) return conflict("document " + d.id() + " has crossing spans");
        c.schema.allow_crossing_spans = op.after;
        return Ok{};
    }
};

}  // namespace

Op inverse(const Op& op) {
    return std::visit(
        Overloaded{
            [](const InsertSpans& o) -> Op { return RemoveSpans{o.doc, o.spans}; },
            [](const RemoveSpans& o) -> Op { return InsertSpans{o.doc, o.spans}; },
            [](const ReplaceSpan& o) -> Op { return ReplaceSpan{o.doc, o.after, o.before}; },
            [](const InsertRelations& o) -> Op { return RemoveRelations{o.doc, o.relations}; },
            [](const RemoveRelations& o) -> Op { return InsertRelations{o.doc, o.relations}; },
            [](const ReplaceRelation& o) -> Op { return ReplaceRelation{o.doc, o.after, o.before}; },
            [](const ChangeDocMeta& o) -> Op { return ChangeDocMeta{o.doc, o.after, o.before}; },
            [](const InsertDocument& o) -> Op { return RemoveDocument{o.index, o.document}; },
            [](const RemoveDocument& o) -> Op { return InsertDocument{o.index, o.document}; },
            [](const InsertEntityType& o) -> Op { return RemoveEntityType{o.index, o.type}; },
            [](const RemoveEntityType& o) -> Op { return InsertEntityType{o.index, o.type}; },
            [](const ReplaceEntityType& o) -> Op { return ReplaceEntityType{o.index, o.after, o.before}; },
            [](const RenameEntityType& o) -> Op { return RenameEntityType{o.to, o.from}; },
            [](const InsertRelationType& o) -> Op { return RemoveRelationType{o.index, o.type}; },
            [](const RemoveRelationType& o) -> Op { return InsertRelationType{o.index, o.type}; },
            [](const ReplaceRelationType& o) -> Op { return ReplaceRelationType{o.index, o.after, o.before}; },
            [](const RenameRelationType& o) -> Op { return RenameRelationType{o.to, o.from}; },
            [](const SetAllowCrossing& o) -> Op { return SetAllowCrossing{o.after, o.before}; },
        },
        op);
}

std::optional<std::string> document_of(const Op& op) {
    return std::visit(
        [](const auto& o) -> std::optional<std::string> {
            if constexpr (requires { o.doc; }) return o.doc;
            else return std::nullopt;
        },
        op);
}

Effect effect_of(const std::vector<Op>& ops, bool reversed) {
    Effect e;
    auto add = [](std::vector<std::string>& list, const std::string& id) {
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    };
    for (const Op& op : ops) {
        if (auto doc = document_of(op)) { add(e.documents, *doc); continue; }
        if (const auto* ins = std::get_if<InsertDocument>(&op)) add(reversed ? e.removed : e.inserted, ins->document->id());
        else if (const auto* rem = std::get_if<RemoveDocument>(&op)) add(reversed ? e.inserted : e.removed, rem->document->id());
        else {
            e.schema = true;
            if (std::holds_alternative<RenameEntityType>(op) || std::holds_alternative<RenameRelationType>(op))
                e.renames_everywhere = true;
        }
    }
    // A document removed and added again in one step (same id) ends up present.
    for (const std::string& id : e.inserted) std::erase(e.removed, id);
    return e;
}

Status apply_op(Corpus& corpus, const Op& op) { return std::visit(Applier{corpus}, op); }

Status apply_ops(Corpus& corpus, const std::vector<Op>& ops) {
    for (std::size_t i = 0; i < ops.size(); ++i) {
        Status st = apply_op(corpus, ops[i]);
        if (!st) {
            while (i-- > 0) (void)apply_op(corpus, inverse(ops[i]));  // cannot fail: it restores the state just left
            return st;
        }
    }
    return Ok{};
}

Status revert_ops(Corpus& corpus, const std::vector<Op>& ops) {
    std::vector<Op> inverses;
    inverses.reserve(ops.size());
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) inverses.push_back(inverse(*it));
    return apply_ops(corpus, inverses);
}

}  // namespace inkspan::edit
