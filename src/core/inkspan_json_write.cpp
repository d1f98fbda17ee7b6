// Writing inkspan JSON by hand rather than through a JSON DOM: the layout is part of the format's
// promise (fixed key order, 2-space indent, one span/relation/type per line, trailing newline), so
// a saved corpus diffs line by line in git.
#include <algorithm>
#include <string>

#include "core/inkspan_json.h"
#include "core/json_escape.h"

namespace inkspan {

namespace {

void put_string(std::string& out, std::string_view s) {
    out += '"';
    append_json_escaped(out, s);
    out += '"';
}

// `"key": "value"` with the separator that precedes it on the same line.
void put_field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
    if (!first) out += ", ";
    put_string(out, key);
    out += ": ";
    put_string(out, value);
}

void put_number(std::string& out, std::string_view key, std::size_t value) {
    out += ", ";
    put_string(out, key);
    out += ": ";
    out += std::to_string(value);
}

void put_list(std::string& out, const std::vector<std::string>& items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        put_string(out, items[i]);
    }
    out += ']';
}

// An array with one element per line: `[` newline, each line indented, `]` at `indent`.
template <class Range, class Fn>
void put_lines(std::string& out, const Range& items, std::string_view indent, Fn&& put_one) {
    if (items.begin() == items.end()) {
        out += "[]";
        return;
    }
    out += "[\n";
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ",\n";
        first = false;
        out += indent;
        out += "  ";
        put_one(item);
    }
    out += '\n';
    out += indent;
    out += ']';
}

void put_schema(std::string& out, const Schema& schema) {
    out += "{\n    \"entities\": ";
    put_lines(out, schema.entities, "    ", [&](const EntityType& e) {
        out += '{';
        put_field(out, "name", e.name, true);
        put_field(out, "color", e.color);
        put_field(out, "hotkey", e.hotkey);
        if (!e.description.empty()) put_field(out, "description", e.description);
        out += '}';
    });
    out += ",\n    \"relations\": ";
    put_lines(out, schema.relations, "    ", [&](const RelationType& r) {
        out += "{";
        put_field(out, "name", r.name, true);
        out += ", \"head\": ";
        put_list(out, r.head);
        out += ", \"tail\": ";
        put_list(out, r.tail);
        out += r.directed ? ", \"directed\": true" : ", \"directed\": false";
        out += r.transitive ? ", \"transitive\": true}" : "}";
    });
    out += ",\n    \"allow_crossing_spans\": ";
    out += schema.allow_crossing_spans ? "true" : "false";
    out += "\n  }";
}

constexpr std::string_view kDocIndent = "      ";

// `, "key": ["a", "b"]`
void put_names(std::string& out, std::string_view key, const std::vector<std::string>& names) {
    out += ", ";
    put_string(out, key);
    out += ": ";
    put_list(out, names);
}

void put_span(std::string& out, const Document& d, const Span& s) {
    out += '{';
    put_field(out, "id", s.id, true);
    put_number(out, "start", s.start);
    put_number(out, "end", s.end);
    put_field(out, "label", s.label);
    put_field(out, "text", d.span_text(s));
    if (!s.note.empty()) put_field(out, "note", s.note);
    if (!s.attributes.empty()) {
        out += ", \"attributes\": {";
        bool first = true;
        for (const auto& [k, v] : s.attributes) {
            put_field(out, k, v, first);
            first = false;
        }
        out += '}';
    }
    if (!s.agreed_by.empty()) put_names(out, "agreed_by", s.agreed_by);
    out += '}';
}

void put_relation(std::string& out, const Relation& r) {
    out += '{';
    put_field(out, "id", r.id, true);
    put_field(out, "type", r.type);
    put_field(out, "head", r.head);
    put_field(out, "tail", r.tail);
    if (!r.agreed_by.empty()) put_names(out, "agreed_by", r.agreed_by);
    out += '}';
}

void put_line(std::string& out, std::string_view key, std::string_view value) {
    out += kDocIndent;
    put_string(out, key);
    out += ": ";
    put_string(out, value);
    out += ",\n";
}

// The fields before the text, and the text's opening quote.
void put_document_opening(std::string& out, const Document& d) {
    out += "{\n";
    put_line(out, "id", d.id());
    if (d.is_layer()) {  // no text, name, language or direction: its document's
        put_line(out, "layer_of", d.layer_of());
        return;
    }
    put_line(out, "name", d.name());
    out += kDocIndent;
    out += "\"text\": \"";
}

// The text's closing quote, the fields after it, `"spans": `.
void put_document_rest(std::string& out, const Document& d) {
    const std::string_view in = kDocIndent;
    if (!d.is_layer()) out += "\",\n";
    auto line = [&](std::string_view key, std::string_view value) { put_line(out, key, value); };
    line("status", doc_status_name(d.status()));
    if (!d.is_layer() && !d.language().empty()) line("language", d.language());  // absent = automatic (older files)
    if (!d.is_layer() && d.direction() != DirectionChoice::automatic) line("direction", direction_choice_name(d.direction()));
    line("annotator", d.annotator());
    line("created", d.created());
    line("modified", d.modified());
    out += in;
    out += "\"spans\": ";
}

// Everything before the spans' array: `{`, the fields, `"spans": `.
void put_document_head(std::string& out, const Document& d) {
    put_document_opening(out, d);
    if (!d.is_layer()) append_json_escaped(out, d.text());
    put_document_rest(out, d);
}

void put_document(std::string& out, const Document& d) {
    const std::string_view in = kDocIndent;
    put_document_head(out, d);
    put_lines(out, d.spans(), in, [&](const Span& s) { put_span(out, d, s); });
    out += ",\n";
    out += in;
    out += "\"relations\": ";
    put_lines(out, d.relations(), in, [&](const Relation& r) { put_relation(out, r); });
    out += "\n    }";
}

}  // namespace

// ---- one document, a few items at a time ---------------------------------------------------------

DocumentJsonWriter::DocumentJsonWriter(const Document& document) : doc_(&document) {}

namespace {

// Element `i` of a put_lines() array of `n` elements: what precedes it, then the element.
template <class Fn>
void put_line_item(std::string& out, std::size_t i, std::string_view indent, Fn&& put_one) {
    out += i == 0 ? "[\n" : ",\n";
    out += indent;
    out += "  ";
    put_one();
}

// What closes a put_lines() array of `n` elements.
void put_lines_end(std::string& out, std::size_t n, std::string_view indent) {
    if (n == 0) {
        out += "[]";
        return;
    }
    out += '\n';
    out += indent;
    out += ']';
}

}  // namespace

bool DocumentJsonWriter::write_some(std::size_t& budget) {
    const Document& d = *doc_;
    const std::string_view in = kDocIndent;
    // Writing the fields, a span or a relation spends one; closing an array spends nothing, so a
    // document is done in the call that writes its last item.
    while (stage_ != Stage::Done) {
        if (stage_ == Stage::Head) {
            if (budget == 0) break;
            put_document_opening(out_, d);
            stage_ = Stage::Text;
            next_ = 0;  // bytes of the text written
            --budget;
        } else if (stage_ == Stage::Text) {
            if (!d.is_layer() && next_ < d.text().size()) {  // the text in pieces of kTextBytesPerItem
                if (budget == 0) break;
                const std::string_view piece = std::string_view(d.text()).substr(next_, kTextBytesPerItem);
                append_json_escaped(out_, piece);
                next_ += piece.size();
                --budget;
                continue;
            }
            put_document_rest(out_, d);
            stage_ = Stage::Spans;
            next_ = 0;
        } else if (stage_ == Stage::Spans) {
            if (next_ < d.span_count()) {
                if (budget == 0) break;
                put_line_item(out_, next_, in, [&] { put_span(out_, d, d.span_at(next_)); });
                ++next_;
                --budget;
                continue;
            }
            put_lines_end(out_, d.span_count(), in);
            out_ += ",\n";
            out_ += in;
            out_ += "\"relations\": ";
            stage_ = Stage::Relations;
            next_ = 0;
        } else {
            if (next_ < d.relations().size()) {
                if (budget == 0) break;
                put_line_item(out_, next_, in, [&] { put_relation(out_, d.relations()[next_]); });
                ++next_;
                --budget;
                continue;
            }
            put_lines_end(out_, d.relations().size(), in);
            out_ += "\n    }";
            stage_ = Stage::Done;
        }
    }
    return stage_ == Stage::Done;
}

namespace {

bool needs_version_2(const Document& d) {
    if (d.is_layer()) return true;
    for (const Span& s : d.spans())
        if (!s.agreed_by.empty()) return true;
    for (const Relation& r : d.relations())
        if (!r.agreed_by.empty()) return true;
    return false;
}

template <class Documents>
std::string write(const Schema& schema, const Documents& documents) {
    std::string out;
    out += "{\n  \"format\": \"inkspan\",\n  \"version\": ";
    const bool v2 = std::any_of(documents.begin(), documents.end(), [](const Document* d) { return needs_version_2(*d); });
    out += v2 ? "2" : "1";
    out += ",\n  \"schema\": ";
    put_schema(out, schema);
    out += ",\n  \"documents\": ";
    put_lines(out, documents, "  ", [&](const Document* d) { put_document(out, *d); });
    out += "\n}\n";
    return out;
}

}  // namespace

unsigned inkspan_version_needed(const Corpus& corpus) {
    return std::any_of(corpus.documents.begin(), corpus.documents.end(), needs_version_2) ? 2 : 1;
}

std::string write_inkspan_json(const Corpus& corpus) {
    std::vector<const Document*> docs;
    docs.reserve(corpus.documents.size());
    for (const Document& d : corpus.documents) docs.push_back(&d);
    return write(corpus.schema, docs);
}

std::string write_inkspan_json(const Schema& schema, const Document& document) {
    if (document.is_layer()) {  // on its own: a document with its text, the annotator's
        auto alone = document.with_id(document.id());
        if (alone) {
            alone->set_layer_of("");
            return write(schema, std::vector<const Document*>{&*alone});
        }
    }
    return write(schema, std::vector<const Document*>{&document});
}

std::string write_schema_json(const Schema& schema) {
    std::string out;
    put_schema(out, schema);
    return out;
}

std::string write_document_json(const Document& document) {
    std::string out;
    put_document(out, document);
    return out;
}

}  // namespace inkspan
