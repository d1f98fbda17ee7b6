#include "core/edit_announcement.h"

#include "core/utf8.h"

namespace inkspan {
namespace {

constexpr std::size_t kQuoteBytes = 160;  // a long span is named by its beginning

template <class... F> struct Overloaded : F... { using F::operator()...; };
template <class... F> Overloaded(F...) -> Overloaded<F...>;

std::string quoted(std::string_view text) {
    const std::string_view head = utf8_prefix(text, kQuoteBytes);
    return std::string(head) + (head.size() < text.size() ? "…" : "");
}

std::string span_words(const Document& doc, const std::string& id) {
    const Span* s = doc.find_span(id);
    return s ? quoted(doc.span_text(*s)) : id;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace

std::string doc_status_words(DocStatus status) {
    switch (status) {
        case DocStatus::New: return "new";
        case DocStatus::InProgress: return "in progress";
        case DocStatus::Done: return "done";
    }
    return "new";
}

std::string announce_edit(const Document& doc, const Command& command) {
    return std::visit(
        Overloaded{
            [&](const cmd::AddSpan& c) {
                const bool fits = c.start <= c.end && c.end <= doc.length();
                return "Labelled " + (fits ? quoted(doc.text_of(c.start, c.end)) : std::string("a span")) + " as " + c.label;
            },
            [&](const cmd::SetSpanLabel& c) { return "Labelled " + span_words(doc, c.span) + " as " + c.label; },
            [&](const cmd::DeleteSpan& c) {
                const Span* s = doc.find_span(c.span);
                return "Deleted " + (s ? s->label + ": " + quoted(doc.span_text(*s)) : c.span);
            },
            [&](const cmd::AddRelation& c) {
                return "Related " + span_words(doc, c.head) + " to " + span_words(doc, c.tail) + " as " + c.type;
            },
            [&](const cmd::DeleteRelation& c) {
                const Relation* r = doc.find_relation(c.relation);
                if (!r) return "Deleted relation " + c.relation;
                return "Deleted relation " + r->type + " from " + span_words(doc, r->head) + " to " + span_words(doc, r->tail);
            },
            [&](const cmd::SetSpanNote& c) { return "Saved the note of " + span_words(doc, c.span); },
            [&](const cmd::SetDocStatus& c) { return "Marked " + doc.name() + " " + doc_status_words(c.status); },
            [&](const auto&) { return capitalised(describe(command)); },
        },
        command);
}

}  // namespace inkspan
