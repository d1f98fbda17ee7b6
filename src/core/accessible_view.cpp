#include "core/accessible_view.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

namespace inkspan {
namespace {

constexpr std::size_t kNameTextMax = 120;        // code points of a span's text in its name
constexpr std::size_t kParagraphMargin = 2000;   // code points kept around the visible range

// The text of [start, end) shortened to `max` code points with an ellipsis.
std::string shortened(const Document& doc, std::size_t start, std::size_t end, std::size_t max) {
    if (end - start <= max) return std::string(doc.text_of(start, end));
    return std::string(doc.text_of(start, start + max)) + "…";
}

// The first code point of the paragraph holding `cp`: after the \n before it, at most
// kParagraphMargin code points back.
std::size_t paragraph_start(const Document& doc, std::size_t cp) {
    const std::string& text = doc.text();
    const std::size_t lo_cp = cp > kParagraphMargin ? cp - kParagraphMargin : 0;
    const std::size_t lo = doc.index().code_point_to_byte(text, lo_cp), at = doc.index().code_point_to_byte(text, cp);
    const std::size_t before = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
    return before == std::string::npos || before < lo ? lo_cp : doc.index().byte_to_code_point(text, before + 1);
}

// The end of the paragraph holding `cp` (its \n), at most `limit`.
std::size_t paragraph_end(const Document& doc, std::size_t cp, std::size_t limit) {
    const std::string& text = doc.text();
    const std::size_t after = text.find('\n', doc.index().code_point_to_byte(text, cp));
    return after == std::string::npos ? limit : std::min(limit, doc.index().byte_to_code_point(text, after));
}

MirrorParagraph split_paragraph(const Document& doc, std::size_t start, std::size_t end) {
    MirrorParagraph p{start, end, {}};
    std::vector<const Span*> spans = doc.spans_overlapping(start, end);
    std::stable_sort(spans.begin(), spans.end(), [](const Span* a, const Span* b) {
        return a->start != b->start ? a->start < b->start : a->end > b->end;
    });
    std::size_t cursor = start, outer_end = start;
    for (const Span* s : spans) {
        const std::size_t a = std::max(s->start, start), b = std::min(s->end, end);
        if (a < outer_end) {  // inside or across the span before: named, no text of its own
            p.pieces.push_back({"", s->id, span_accessible_name(doc, *s)});
            continue;
        }
        if (a > cursor) p.pieces.push_back({std::string(doc.text_of(cursor, a)), "", ""});
        p.pieces.push_back({std::string(doc.text_of(a, b)), s->id, span_accessible_name(doc, *s)});
        cursor = outer_end = b;
    }
    if (end > cursor) p.pieces.push_back({std::string(doc.text_of(cursor, end)), "", ""});
    return p;
}

nlohmann::json controls_json(const std::vector<MirrorControl>& controls) {
    nlohmann::json a = nlohmann::json::array();
    for (const MirrorControl& c : controls) {
        nlohmann::json j = {{"action", c.action}, {"name", c.name}};
        if (!c.shortcut.empty()) j["shortcut"] = c.shortcut;
        if (c.disabled) j["disabled"] = true;
        if (c.toggle) j["pressed"] = c.pressed;
        if (c.current) j["current"] = true;
        a.push_back(std::move(j));
    }
    return a;
}

}  // namespace

std::string span_accessible_name(const Document& doc, const Span& span) {
    return span.label + ": " + shortened(doc, span.start, span.end, kNameTextMax);
}

std::vector<MirrorParagraph> mirror_paragraphs(const Document& doc, std::size_t cp_start, std::size_t cp_end) {
    std::vector<MirrorParagraph> out;
    cp_end = std::min(cp_end, doc.length());
    const std::size_t limit = std::min(doc.length(), cp_end + kParagraphMargin);
    std::size_t start = paragraph_start(doc, std::min(cp_start, cp_end));
    while (true) {
        const std::size_t end = paragraph_end(doc, start, limit);
        if (end > start) out.push_back(split_paragraph(doc, start, end));
        if (end >= cp_end || end >= limit) break;
        start = end + 1;  // past the \n
    }
    return out;
}

std::vector<MirrorRelation> mirror_relations(const Document& doc, const Schema& schema, const std::vector<MirrorParagraph>& paragraphs) {
    // The relations of the spans in view, in the document's order (they point into its vector),
    // each once: not a look-up of every relation of the document by id (10,000 string
    // comparisons a frame while a 1 MB document scrolled).
    std::vector<const Relation*> shown;
    for (const MirrorParagraph& p : paragraphs)
        for (const MirrorPiece& piece : p.pieces)
            if (!piece.span_id.empty())
                for (const Relation* r : doc.relations_of(piece.span_id)) shown.push_back(r);
    std::sort(shown.begin(), shown.end(), std::less<const Relation*>());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    std::vector<MirrorRelation> out;
    for (const Relation* rp : shown) {
        const Relation& r = *rp;
        const Span* h = doc.find_span(r.head);
        const Span* t = doc.find_span(r.tail);
        if (!h || !t) continue;
        auto end_name = [&](const Span& s) { return shortened(doc, s.start, s.end, kNameTextMax) + " (" + s.label + ")"; };
        const RelationType* type = schema.find_relation(r.type);
        const bool directed = !type || type->directed;
        out.push_back({r.id, r.type + (directed ? ", from " : ", between ") + end_name(*h) + (directed ? " to " : " and ") + end_name(*t)});
    }
    return out;
}

std::string accessible_view_json(const AccessibleView& v, std::uint64_t version) {
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const MirrorParagraph& p : v.paragraphs) {
        nlohmann::json pieces = nlohmann::json::array();
        for (const MirrorPiece& piece : p.pieces) {
            if (piece.span_id.empty()) pieces.push_back(piece.text);
            else pieces.push_back(nlohmann::json{{"span", piece.span_id}, {"name", piece.name}, {"text", piece.text}});
        }
        paragraphs.push_back(nlohmann::json{{"start", p.start}, {"end", p.end}, {"pieces", std::move(pieces)}});
    }
    nlohmann::json relations = nlohmann::json::array();
    for (const MirrorRelation& r : v.relations) relations.push_back(nlohmann::json{{"id", r.id}, {"name", r.name}});
    nlohmann::json j = {
        {"version", version},
        {"toolbar", controls_json(v.toolbar)},
        {"documents", controls_json(v.documents)},
        {"panel", controls_json(v.panel)},
        {"labels", controls_json(v.labels)},
        {"documentName", v.document_name},
        {"paragraphs", std::move(paragraphs)},
        {"relations", std::move(relations)},
        {"selectedSpan", v.selected_span},
        {"selectedRelation", v.selected_relation},
        {"note", v.note},
        {"selection", {{"start", v.selection_start}, {"end", v.selection_end}, {"text", v.selection_text}}},
        {"status", v.status},
        {"save", {{"text", v.save}, {"failed", v.save_failed}}},
        {"message", {{"text", v.message}, {"error", v.message_error}, {"serial", v.message_serial}}},
    };
    // Invalid UTF-8 cannot reach here (texts are checked at the door); replace rather than abort.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace inkspan
