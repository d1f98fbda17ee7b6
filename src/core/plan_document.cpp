// Validation of the document-level commands and the primitive changes that perform them.
#include <algorithm>

#include "core/commands.h"
#include "core/layers.h"
#include "core/limits.h"
#include "core/validation.h"

namespace inkspan {

namespace {

using edit::Op;
using Ops = std::vector<Op>;

std::string range(std::size_t start, std::size_t end) {
    return "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
}

// `[12, 20) "Istanbul"`
std::string span_place(const Document& d, std::size_t start, std::size_t end) {
    return range(start, end) + " " + quote(d.text_of(start, end));
}

std::string arrow(std::string_view head, std::string_view tail) {
    return std::string(head) + " → " + std::string(tail);
}

std::optional<Error> check_attribute(const std::string& key, const std::string& value) {
    if (!is_valid_token(key, kMaxAttributeBytes))
        return invalid("invalid attribute name " + quote(key) + " (1 to 256 bytes, no spaces or control characters)");
    return check_free_text(value, kMaxAttributeBytes, "attribute " + key);
}

std::optional<Error> check_agreed_by(const std::vector<std::string>& names) {
    if (names.size() > kMaxAnnotatorsPerItem)
        return make_error(ErrorKind::TooLarge, "at most " + std::to_string(kMaxAnnotatorsPerItem) + " annotators may agree on an item");
    for (const auto& n : names)
        if (auto bad = check_free_text(n, kMaxMetaBytes, "agreed_by")) return bad;
    return std::nullopt;
}

struct DocumentPlanner {
    const Corpus& c;
    const Document& d;
    std::string_view now;

    Result<Ops> done(Ops ops) const {
        if (!ops.empty()) ops.push_back(stamp(d, now));
        return ops;
    }

    Result<const Span*> span(const std::string& id) const {
        const Span* s = d.find_span(id);
        if (!s) return not_found("unknown span " + quote(id) + " in document " + quote(d.id()));
        return s;
    }

    Result<const Relation*> relation(const std::string& id) const {
        const Relation* r = d.find_relation(id);
        if (!r) return not_found("unknown relation " + quote(id) + " in document " + quote(d.id()));
        return r;
    }

    // Refusals shared by AddRelation and SetRelationType.
    std::optional<Error> check_relation(const std::string& type, const Span& head, const Span& tail,
                                        const std::string& own_id) const {
        const RelationType* rt = c.schema.find_relation(type);
        if (!rt) return invalid("unknown relation type " + quote(type));
        if (head.id == tail.id) return refused("a relation needs two different spans");
        if (!rt->allows(head.label, tail.label))
            return refused("relation type " + type + " does not allow " + arrow(head.label, tail.label));
        const Relation* same = d.find_relation(type, head.id, tail.id);
        if (!same && !rt->directed) same = d.find_relation(type, tail.id, head.id);
        if (same && same->id != own_id)
            return refused("relation " + type + " " + arrow(head.id, tail.id) + " already exists (" + same->id + ")");
        return std::nullopt;
    }

    Result<Ops> operator()(const cmd::AddSpan& a) const {
        if (a.start > a.end) return invalid("span " + range(a.start, a.end) + " ends before it starts");
        if (a.end > d.length())
            return invalid("span " + range(a.start, a.end) + " is past the end of the text (" +
                           std::to_string(d.length()) + " code points)");
        if (!c.schema.find_entity(a.label)) return invalid("unknown label " + quote(a.label));
        if (a.start == a.end || is_blank(d.text_of(a.start, a.end)))
            return refused("empty or whitespace-only span " + range(a.start, a.end));
        if (d.find_span(a.start, a.end, a.label))
            return refused("span " + span_place(d, a.start, a.end) + " is already labelled " + a.label);
        if (!c.schema.allow_crossing_spans)
            if (const Span* x = d.find_crossing(a.start, a.end))
                return refused("span " + span_place(d, a.start, a.end) + " crosses " + x->id + " " +
                               span_place(d, x->start, x->end) + " and the schema does not allow crossing spans");
        if (auto bad = check_free_text(a.note, kMaxNoteBytes, "note")) return *bad;
        if (a.attributes.size() > kMaxAttributesPerSpan)
            return make_error(ErrorKind::TooLarge, "a span can have at most " + std::to_string(kMaxAttributesPerSpan) + " attributes");
        for (const auto& [k, v] : a.attributes)
            if (auto bad = check_attribute(k, v)) return *bad;
        if (d.span_count() >= kMaxSpansPerDocument)
            return make_error(ErrorKind::TooLarge, "document " + quote(d.id()) + " already has " +
                                                       std::to_string(kMaxSpansPerDocument) + " spans (the limit)");
        if (auto bad = check_agreed_by(a.agreed_by)) return *bad;
        Span s{d.next_span_id(), a.start, a.end, a.label, a.note, a.attributes, a.agreed_by};
        return done({edit::InsertSpans{d.id(), {std::move(s)}}});
    }

    Result<Ops> operator()(const cmd::DeleteSpan& a) const {
        auto s = span(a.span);
        if (!s) return s.error();
        Ops ops;
        std::vector<Relation> linked;
        for (const Relation* r : d.relations_of(a.span)) linked.push_back(*r);
        if (!linked.empty()) ops.push_back(edit::RemoveRelations{d.id(), std::move(linked)});
        ops.push_back(edit::RemoveSpans{d.id(), {**s}});
        return done(std::move(ops));
    }

    Result<Ops> operator()(const cmd::SetSpanLabel& a) const {
        auto s = span(a.span);
        if (!s) return s.error();
        const Span& old = **s;
        if (!c.schema.find_entity(a.label)) return invalid("unknown label " + quote(a.label));
        if (old.label == a.label) return Ops{};
        if (d.find_span(old.start, old.end, a.label))
            return refused("span " + span_place(d, old.start, old.end) + " is already labelled " + a.label);
        for (const Relation* r : d.relations_of(old.id)) {
            const Span* head = d.find_span(r->head);
            const Span* tail = d.find_span(r->tail);
            const std::string& hl = r->head == old.id ? a.label : head->label;
            const std::string& tl = r->tail == old.id ? a.label : tail->label;
            if (!c.schema.allows(r->type, hl, tl))
                return refused("relabelling " + old.id + " as " + a.label + " would break relation " + r->id +
                               ": relation type " + r->type + " does not allow " + arrow(hl, tl));
        }
        Span after = old;
        after.label = a.label;
        return done({edit::ReplaceSpan{d.id(), old, std::move(after)}});
    }

    Result<Ops> operator()(const cmd::SetSpanNote& a) const {
        auto s = span(a.span);
        if (!s) return s.error();
        if (auto bad = check_free_text(a.note, kMaxNoteBytes, "note")) return *bad;
        if ((*s)->note == a.note) return Ops{};
        Span after = **s;
        after.note = a.note;
        return done({edit::ReplaceSpan{d.id(), **s, std::move(after)}});
    }

    Result<Ops> operator()(const cmd::SetSpanAttribute& a) const {
        auto s = span(a.span);
        if (!s) return s.error();
        if (auto bad = check_attribute(a.key, a.value.value_or(""))) return *bad;
        Span after = **s;
        if (a.value) {
            if (!after.attributes.count(a.key) && after.attributes.size() >= kMaxAttributesPerSpan)
                return make_error(ErrorKind::TooLarge, "a span can have at most " + std::to_string(kMaxAttributesPerSpan) + " attributes");
            after.attributes[a.key] = *a.value;
        } else {
            after.attributes.erase(a.key);
        }
        if (after == **s) return Ops{};
        return done({edit::ReplaceSpan{d.id(), **s, std::move(after)}});
    }

    Result<Ops> operator()(const cmd::AddRelation& a) const {
        if (!c.schema.find_relation(a.type)) return invalid("unknown relation type " + quote(a.type));
        auto head = span(a.head);
        if (!head) return head.error();
        auto tail = span(a.tail);
        if (!tail) return tail.error();
        if (auto bad = check_relation(a.type, **head, **tail, "")) return *bad;
        if (d.relations().size() >= kMaxRelationsPerDocument)
            return make_error(ErrorKind::TooLarge, "document " + quote(d.id()) + " already has " +
                                                       std::to_string(kMaxRelationsPerDocument) + " relations (the limit)");
        if (auto bad = check_agreed_by(a.agreed_by)) return *bad;
        return done({edit::InsertRelations{d.id(), {Relation{d.next_relation_id(), a.type, a.head, a.tail, a.agreed_by}}}});
    }

    Result<Ops> operator()(const cmd::DeleteRelation& a) const {
        auto r = relation(a.relation);
        if (!r) return r.error();
        return done({edit::RemoveRelations{d.id(), {**r}}});
    }

    Result<Ops> operator()(const cmd::SetRelationType& a) const {
        auto r = relation(a.relation);
        if (!r) return r.error();
        if ((*r)->type == a.type) return Ops{};
        if (auto bad = check_relation(a.type, *d.find_span((*r)->head), *d.find_span((*r)->tail), (*r)->id)) return *bad;
        Relation after = **r;
        after.type = a.type;
        return done({edit::ReplaceRelation{d.id(), **r, std::move(after)}});
    }

    Result<Ops> meta(DocStatus status, const std::string& annotator, const std::string& language,
                     DirectionChoice direction, const std::string& name) const {
        edit::DocMeta before{d.status(), d.annotator(), d.modified(), d.language(), d.direction(), d.name()};
        edit::DocMeta after{status, annotator, now.empty() ? d.modified() : std::string(now), language, direction, name};
        if (before.status == after.status && before.annotator == after.annotator && before.language == after.language &&
            before.direction == after.direction && before.name == after.name)
            return Ops{};
        const bool shared = before.language != after.language || before.direction != after.direction || before.name != after.name;
        Ops ops{edit::ChangeDocMeta{d.id(), std::move(before), std::move(after)}};
        if (shared)  // a document's layers keep its name, language and direction
            for (const Document* other : layer_group(c, d.id())) {
                if (other == &d) continue;
                edit::DocMeta b{other->status(), other->annotator(), other->modified(), other->language(), other->direction(), other->name()};
                edit::DocMeta o = b;
                o.language = language;
                o.direction = direction;
                o.name = name;
                if (!now.empty()) o.modified = std::string(now);
                ops.push_back(edit::ChangeDocMeta{other->id(), std::move(b), std::move(o)});
            }
        return ops;
    }

    Result<Ops> operator()(const cmd::SetDocStatus& a) const {
        return meta(a.status, d.annotator(), d.language(), d.direction(), d.name());
    }

    Result<Ops> operator()(const cmd::SetDocAnnotator& a) const {
        if (auto bad = check_free_text(a.annotator, kMaxMetaBytes, "annotator")) return *bad;
        if (a.annotator != d.annotator()) {
            if (d.is_layer() && a.annotator.empty()) return invalid("a layer needs an annotator");
            if (find_layer(c, d.id(), a.annotator))
                return refused("document " + quote(d.name()) + " already has a layer by " + quote(a.annotator));
        }
        return meta(d.status(), a.annotator, d.language(), d.direction(), d.name());
    }

    Result<Ops> operator()(const cmd::SetDocLanguage& a) const {
        if (auto bad = check_free_text(a.language, kMaxMetaBytes, "language")) return *bad;
        if (!a.language.empty() && !is_valid_language_tag(a.language))
            return invalid(quote(a.language) +
                           " is not a language tag (expected a BCP 47 tag such as zh-Hans, ja or en-US)");
        return meta(d.status(), d.annotator(), a.language, d.direction(), d.name());
    }

    Result<Ops> operator()(const cmd::SetDocDirection& a) const {
        return meta(d.status(), d.annotator(), d.language(), a.direction, d.name());
    }

    Result<Ops> operator()(const cmd::SetDocName& a) const {
        if (auto bad = check_free_text(a.name, kMaxMetaBytes, "name")) return *bad;
        if (is_blank(a.name)) return invalid("a document needs a name");
        return meta(d.status(), d.annotator(), d.language(), d.direction(), a.name);
    }
};

const std::string* target_document(const Command& command) {
    return std::visit(
        [](const auto& c) -> const std::string* {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, cmd::RemoveDocument>) return nullptr;
            else if constexpr (requires { c.doc; }) return &c.doc;
            else return nullptr;
        },
        command);
}

}  // namespace

edit::ChangeDocMeta stamp(const Document& doc, std::string_view now) {
    edit::DocMeta before{doc.status(), doc.annotator(), doc.modified(), doc.language(), doc.direction(), doc.name()};
    edit::DocMeta after = before;
    if (!now.empty()) after.modified = std::string(now);
    return edit::ChangeDocMeta{doc.id(), std::move(before), std::move(after)};
}

std::string count_phrase(std::size_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

Result<std::vector<edit::Op>> plan_document_command(const Corpus& corpus, const Command& command, std::string_view now) {
    const std::string* doc_id = target_document(command);
    const Document* doc = doc_id ? corpus.find_document(*doc_id) : nullptr;
    if (!doc) return not_found("unknown document " + quote(doc_id ? *doc_id : std::string()));
    DocumentPlanner planner{corpus, *doc, now};
    return std::visit(
        [&](const auto& c) -> Result<Ops> {
            if constexpr (requires { planner(c); }) return planner(c);
            else return invalid("not a document command");
        },
        command);
}

}  // namespace inkspan
