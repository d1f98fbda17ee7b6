// Reading inkspan JSON: parse with nlohmann/json (no exceptions), then check every field with its
// type before reading it, and every cross-reference, before anything is returned. An element of
// "documents" in the plain shape is read without a tree by read_plain_document
// (inkspan_json_plain.h); any other, and any it refuses, is read here, where the messages are.
#include <algorithm>
#include <optional>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/inkspan_json.h"
#include "core/inkspan_json_plain.h"
#include "core/inkspan_json_scan.h"
#include "core/layers.h"
#include "core/json_guard.h"
#include "core/json_sax.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan {

namespace {

using json = nlohmann::json;

// Where a value sits in the file, e.g. documents[3].spans[17].end; built on the stack, turned into
// text only for an error message.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;

    // A child keeps a pointer to its parent: only named paths may have children (no temporaries).
    [[nodiscard]] Path operator/(std::string_view k) const& { return Path{this, k, 0, false}; }
    [[nodiscard]] Path operator[](std::size_t i) const& { return Path{this, {}, i, true}; }
    Path operator/(std::string_view k) const&& = delete;
    Path operator[](std::size_t i) const&& = delete;
    [[nodiscard]] std::string str() const {
        std::string head = parent ? parent->str() : std::string();
        if (is_index) return head + "[" + std::to_string(index) + "]";
        if (head.empty()) return std::string(key);
        return key.empty() ? head : head + "." + std::string(key);
    }
};

std::string describe(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return v.dump();
        case json::value_t::string: return "string " + quote(v.get_ref<const std::string&>());
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an invalid value";
    }
}

Error syntax_error(std::string_view text) {
    const JsonSyntaxError found = find_json_syntax_error(text);
    std::string detail = found.what;
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while ..."
    if (auto at = detail.find("parse error at "); at != std::string::npos) {
        const std::size_t colon = detail.find(": ", at);
        std::string where = detail.substr(at + 15, colon == std::string::npos ? std::string::npos : colon - at - 15);
        detail = colon == std::string::npos ? "(" + where + ")" : "(" + where + "): " + detail.substr(colon + 2);
    }
    return make_error(ErrorKind::Malformed, "JSON syntax error at byte " + std::to_string(found.byte) + " " + detail);
}

// A corpus file's "documents" elements as byte ranges (found by scan_documents), so each can be
// read and parsed on its own: the whole corpus then never sits in memory as one JSON tree (50 MB
// of JSON make a ~300 MB tree), nor the whole file as one string.
struct SplitDocuments {
    const ByteSource* source;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
};

struct SpanSeen {
    std::size_t file_index;  // position in the file's spans array
    std::size_t start, end;
    std::string_view label;
};

class Reader {
public:
    explicit Reader(const InkspanReadOptions& options) : options_(options) {}

    // `split`: the documents' byte ranges when the root was parsed with its "documents" emptied.
    Result<Corpus> read(const json& root, const struct SplitDocuments* split = nullptr);

private:
    bool fail(ErrorKind kind, const Path& at, const std::string& message) {
        if (!error_) {
            const std::string place = at.str();
            error_ = make_error(kind, place.empty() ? message : place + ": " + message);
        }
        return false;
    }
    bool type_error(const Path& at, const char* expected, const json& got) {
        return fail(ErrorKind::Invalid, at, std::string("expected ") + expected + ", got " + describe(got));
    }

    // The member `key` of `obj`, or nullptr (an error if required).
    const json* member(const json& obj, const Path& at, const char* key, bool required) {
        auto it = obj.find(key);
        if (it != obj.end()) return &*it;
        if (required) fail(ErrorKind::Invalid, at, std::string("missing required key \"") + key + "\"");
        return nullptr;
    }
    bool object_at(const json& v, const Path& at) { return v.is_object() || type_error(at, "an object", v); }
    const json* array_member(const json& obj, const Path& at, const char* key, bool required, std::size_t max,
                             const char* what) {
        const json* v = member(obj, at, key, required);
        if (!v) return nullptr;
        if (!v->is_array()) return type_error(at / key, "an array", *v), nullptr;
        if (v->size() > max)
            return fail(ErrorKind::TooLarge, at / key, std::to_string(v->size()) + " " + what + ", over the limit of " +
                                                           std::to_string(max)),
                   nullptr;
        return v;
    }
    // Reads a string member; absent optional members leave `out` as it is.
    bool string_member(const json& obj, const Path& at, const char* key, bool required, std::size_t max_bytes,
                       std::string& out) {
        const json* v = member(obj, at, key, required);
        if (!v) return !required;
        if (!v->is_string()) return type_error(at / key, "a string", *v);
        const auto& s = v->get_ref<const std::string&>();
        if (s.size() > max_bytes)
            return fail(ErrorKind::TooLarge, at / key, std::to_string(s.size()) + " bytes, over the limit of " +
                                                           std::to_string(max_bytes));
        out = s;
        return true;
    }
    bool id_member(const json& obj, const Path& at, const char* key, std::string& out) {
        if (!string_member(obj, at, key, true, kMaxIdBytes, out)) return false;
        if (!is_valid_id(out))
            return fail(ErrorKind::Invalid, at / key,
                        "invalid id " + quote(out) + " (1 to 64 bytes, no spaces or control characters)");
        return true;
    }
    bool offset_member(const json& obj, const Path& at, const char* key, std::uint64_t& out) {
        const json* v = member(obj, at, key, true);
        if (!v) return false;
        if (v->is_number_unsigned()) return out = v->get<std::uint64_t>(), true;
        if (v->is_number_integer() && v->get<std::int64_t>() == 0) return out = 0, true;  // "-0"
        return type_error(at / key, "a non-negative integer", *v);
    }
    bool bool_member(const json& obj, const Path& at, const char* key, bool& out) {
        const json* v = member(obj, at, key, false);
        if (!v) return true;
        if (!v->is_boolean()) return type_error(at / key, "true or false", *v);
        out = v->get<bool>();
        return true;
    }
    bool label_list(const json& obj, const Path& at, const char* key, std::vector<std::string>& out) {
        const json* v = array_member(obj, at, key, false, kMaxEntityTypes, "labels");
        if (!v) return !error_;
        const Path list = at / key;
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            if (!item.is_string()) return type_error(list[i], "a string", item);
            out.push_back(item.get<std::string>());
        }
        return true;
    }

    // "agreed_by": a list of annotator names (provenance in a gold layer).
    bool names_member(const json& obj, const Path& at, const char* key, std::vector<std::string>& out) {
        const json* v = array_member(obj, at, key, false, kMaxAnnotatorsPerItem, "annotators");
        if (!v) return !error_;
        const Path list = at / key;
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            if (!item.is_string()) return type_error(list[i], "a string", item);
            if (item.get_ref<const std::string&>().size() > kMaxMetaBytes)
                return fail(ErrorKind::TooLarge, list[i], "over the limit of " + std::to_string(kMaxMetaBytes) + " bytes");
            out.push_back(item.get<std::string>());
        }
        return true;
    }

    bool read_schema(const json& root, const Path& at, Schema& schema);
    // `read`: the documents read so far (a layer's document comes before it).
    bool read_document(const json& v, const Path& at, const Schema& schema, const Corpus& read, Document& out);
    bool read_spans(const json& doc, const Path& at, const Schema& schema, const Document& d, std::vector<Span>& out);
    bool read_relations(const json& doc, const Path& at, const Schema& schema, const std::vector<Span>& spans,
                        std::vector<Relation>& out);
    void note_unknown(std::vector<std::string>& names, const std::string& name, const Path& at) {
        if (unknown_place_.empty()) unknown_place_ = at.str();
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }

    const InkspanReadOptions& options_;
    std::optional<Error> error_;
    std::vector<std::string> unknown_labels_, unknown_types_;
    std::string unknown_place_;
    std::unordered_set<std::string> seen_labels_;  // labels of the schema plus unknown ones
};

bool Reader::read_schema(const json& root, const Path& at, Schema& schema) {
    const json* s = member(root, at, "schema", true);
    if (!s || !object_at(*s, at / "schema")) return false;
    const Path sp = at / "schema";
    const json* entities = array_member(*s, sp, "entities", true, kMaxEntityTypes, "entity types");
    if (!entities) return false;
    const Path entities_path = sp / "entities";
    for (std::size_t i = 0; i < entities->size(); ++i) {
        const json& e = (*entities)[i];
        const Path ep = entities_path[i];
        if (!object_at(e, ep)) return false;
        EntityType t;
        if (!string_member(e, ep, "name", true, kMaxNameBytes, t.name) ||
            !string_member(e, ep, "color", true, kMaxMetaBytes, t.color) ||  // validate_schema checks the form
            !string_member(e, ep, "hotkey", false, kMaxMetaBytes, t.hotkey) ||
            !string_member(e, ep, "description", false, kMaxMetaBytes, t.description))
            return false;
        schema.entities.push_back(std::move(t));
    }
    const json* relations = array_member(*s, sp, "relations", false, kMaxRelationTypes, "relation types");
    if (error_) return false;
    const Path relations_path = sp / "relations";
    for (std::size_t i = 0; relations && i < relations->size(); ++i) {
        const json& r = (*relations)[i];
        const Path rp = relations_path[i];
        if (!object_at(r, rp)) return false;
        RelationType t;
        if (!string_member(r, rp, "name", true, kMaxNameBytes, t.name) || !label_list(r, rp, "head", t.head) ||
            !label_list(r, rp, "tail", t.tail) || !bool_member(r, rp, "directed", t.directed) ||
            !bool_member(r, rp, "transitive", t.transitive))
            return false;
        schema.relations.push_back(std::move(t));
    }
    if (!bool_member(*s, sp, "allow_crossing_spans", schema.allow_crossing_spans)) return false;
    if (Status st = validate_schema(schema); !st) return error_ = st.error(), false;
    return true;
}

bool Reader::read_spans(const json& doc, const Path& at, const Schema& schema, const Document& d,
                        std::vector<Span>& out) {
    const json* spans = array_member(doc, at, "spans", false, kMaxSpansPerDocument, "spans");
    if (!spans) return !error_;
    const Path list = at / "spans";
    const std::string& text = d.text();
    std::vector<SpanSeen> seen;
    seen.reserve(spans->size());
    out.reserve(spans->size());
    std::unordered_set<std::string_view> ids;
    for (std::size_t i = 0; i < spans->size(); ++i) {
        const json& v = (*spans)[i];
        const Path sp = list[i];
        if (!object_at(v, sp)) return false;
        Span s;
        std::uint64_t start = 0, end = 0;  // 64-bit even where size_t is 32 (wasm)
        if (!id_member(v, sp, "id", s.id) || !offset_member(v, sp, "start", start) ||
            !offset_member(v, sp, "end", end) || !string_member(v, sp, "label", true, kMaxNameBytes, s.label))
            return false;
        if (!ids.insert(v.find("id")->get_ref<const std::string&>()).second)
            return fail(ErrorKind::Invalid, sp / "id", "duplicate id " + quote(s.id));
        if (end > d.length())
            return fail(ErrorKind::Invalid, sp / "end",
                        std::to_string(end) + " is past the end of the text (" + std::to_string(d.length()) + " code points)");
        if (start >= end)
            return fail(ErrorKind::Invalid, sp, "start " + std::to_string(start) + " is not before end " + std::to_string(end));
        s.start = static_cast<std::size_t>(start);
        s.end = static_cast<std::size_t>(end);
        if (!is_valid_type_name(s.label))
            return fail(ErrorKind::Invalid, sp / "label",
                        "invalid label " + quote(s.label) + " (1 to 64 bytes, no spaces or control characters)");
        if (!schema.find_entity(s.label)) note_unknown(unknown_labels_, s.label, sp / "label");
        const std::size_t b0 = d.index().code_point_to_byte(text, s.start);
        const std::size_t b1 = d.index().code_point_to_byte(text, s.end);
        const std::string_view covered = std::string_view(text).substr(b0, b1 - b0);
        if (const json* t = member(v, sp, "text", false)) {
            if (!t->is_string()) return type_error(sp / "text", "a string", *t);
            const auto& claimed = t->get_ref<const std::string&>();
            if (claimed != covered)
                return fail(ErrorKind::Invalid, sp / "text",
                            quote(claimed) + " does not match the text at [" + std::to_string(s.start) + ", " +
                                std::to_string(s.end) + ") (" + quote(covered) + ")");
        }
        if (!string_member(v, sp, "note", false, kMaxNoteBytes, s.note) || !names_member(v, sp, "agreed_by", s.agreed_by))
            return false;
        if (const json* attrs = member(v, sp, "attributes", false)) {
            const Path ap = sp / "attributes";
            if (!object_at(*attrs, ap)) return false;
            if (attrs->size() > kMaxAttributesPerSpan)
                return fail(ErrorKind::TooLarge, ap, std::to_string(attrs->size()) + " attributes, over the limit of " +
                                                         std::to_string(kMaxAttributesPerSpan));
            for (auto it = attrs->begin(); it != attrs->end(); ++it) {
                const Path kp = ap / it.key();
                if (!is_valid_token(it.key(), kMaxAttributeBytes))
                    return fail(ErrorKind::Invalid, ap,
                                "invalid attribute name " + quote(it.key()) + " (1 to 256 bytes, no spaces or control characters)");
                if (!it.value().is_string()) return type_error(kp, "a string", it.value());
                const auto& value = it.value().get_ref<const std::string&>();
                if (value.size() > kMaxAttributeBytes)
                    return fail(ErrorKind::TooLarge, kp, std::to_string(value.size()) + " bytes, over the limit of " +
                                                             std::to_string(kMaxAttributeBytes));
                s.attributes.emplace(it.key(), value);
            }
        }
        seen.push_back(SpanSeen{i, s.start, s.end, {}});
        out.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < out.size(); ++i) seen[i].label = out[i].label;
    // Duplicates (same start, end and label), reported at the later of the two.
    std::vector<SpanSeen> by_key(seen);
    std::sort(by_key.begin(), by_key.end(), [](const SpanSeen& a, const SpanSeen& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        if (a.label != b.label) return a.label < b.label;
        return a.file_index < b.file_index;
    });
    for (std::size_t k = 1; k < by_key.size(); ++k) {
        const SpanSeen& a = by_key[k - 1];
        const SpanSeen& b = by_key[k];
        if (a.start == b.start && a.end == b.end && a.label == b.label)
            return fail(ErrorKind::Invalid, list[b.file_index],
                        "duplicate of spans[" + std::to_string(a.file_index) + "] ([" + std::to_string(a.start) + ", " +
                            std::to_string(a.end) + ") " + std::string(a.label) + ")");
    }
    if (!schema.allow_crossing_spans) {
        // Same sweep as Document::find_crossing_pair, keeping file positions for the message.
        std::sort(by_key.begin(), by_key.end(), [](const SpanSeen& a, const SpanSeen& b) {
            if (a.start != b.start) return a.start < b.start;
            if (a.end != b.end) return a.end > b.end;
            return a.file_index < b.file_index;
        });
        std::vector<const SpanSeen*> open;
        for (const SpanSeen& s : by_key) {
            while (!open.empty() && open.back()->end <= s.start) open.pop_back();
            if (!open.empty() && open.back()->start < s.start && open.back()->end < s.end) {
                const SpanSeen& o = *open.back();
                const SpanSeen& later = o.file_index > s.file_index ? o : s;
                const SpanSeen& other = o.file_index > s.file_index ? s : o;
                return fail(ErrorKind::Invalid, list[later.file_index],
                            "[" + std::to_string(later.start) + ", " + std::to_string(later.end) + ") crosses spans[" +
                                std::to_string(other.file_index) + "] [" + std::to_string(other.start) + ", " +
                                std::to_string(other.end) + ") and the schema does not allow crossing spans");
            }
            open.push_back(&s);
        }
    }
    return true;
}

bool Reader::read_relations(const json& doc, const Path& at, const Schema& schema, const std::vector<Span>& spans,
                            std::vector<Relation>& out) {
    const json* relations = array_member(doc, at, "relations", false, kMaxRelationsPerDocument, "relations");
    if (!relations) return !error_;
    const Path list = at / "relations";
    std::unordered_map<std::string_view, const Span*> span_by_id;
    for (const Span& s : spans) span_by_id.emplace(s.id, &s);
    std::unordered_set<std::string_view> ids;
    // (type, head, tail) -> file index, to find duplicates
    std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::size_t> seen;
    out.reserve(relations->size());
    for (std::size_t i = 0; i < relations->size(); ++i) {
        const json& v = (*relations)[i];
        const Path rp = list[i];
        if (!object_at(v, rp)) return false;
        Relation r;
        if (!id_member(v, rp, "id", r.id) || !string_member(v, rp, "type", true, kMaxNameBytes, r.type) ||
            !string_member(v, rp, "head", true, kMaxIdBytes, r.head) ||
            !string_member(v, rp, "tail", true, kMaxIdBytes, r.tail))
            return false;
        if (!names_member(v, rp, "agreed_by", r.agreed_by)) return false;
        const auto& id_ref = v.find("id")->get_ref<const std::string&>();
        if (span_by_id.count(id_ref) || !ids.insert(id_ref).second)
            return fail(ErrorKind::Invalid, rp / "id", "duplicate id " + quote(r.id));
        if (!is_valid_type_name(r.type))
            return fail(ErrorKind::Invalid, rp / "type",
                        "invalid relation type " + quote(r.type) + " (1 to 64 bytes, no spaces or control characters)");
        auto head = span_by_id.find(r.head);
        if (head == span_by_id.end()) return fail(ErrorKind::Invalid, rp / "head", "no span " + quote(r.head) + " in this document");
        auto tail = span_by_id.find(r.tail);
        if (tail == span_by_id.end()) return fail(ErrorKind::Invalid, rp / "tail", "no span " + quote(r.tail) + " in this document");
        if (r.head == r.tail) return fail(ErrorKind::Invalid, rp, "head and tail are the same span " + quote(r.head));
        const RelationType* type = schema.find_relation(r.type);
        if (!type) note_unknown(unknown_types_, r.type, rp / "type");
        const std::string& hl = head->second->label;
        const std::string& tl = tail->second->label;
        const bool labels_known = schema.find_entity(hl) && schema.find_entity(tl);
        if (type && (labels_known || options_.add_unknown_types) && !type->allows(hl, tl))
            return fail(ErrorKind::Invalid, rp, "relation type " + r.type + " does not allow " + hl + " → " + tl);
        const auto& type_ref = v.find("type")->get_ref<const std::string&>();
        const auto& head_ref = v.find("head")->get_ref<const std::string&>();
        const auto& tail_ref = v.find("tail")->get_ref<const std::string&>();
        auto dup = seen.find({type_ref, head_ref, tail_ref});
        if (dup == seen.end() && type && !type->directed) dup = seen.find({type_ref, tail_ref, head_ref});
        if (dup != seen.end())
            return fail(ErrorKind::Invalid, rp,
                        "duplicate of relations[" + std::to_string(dup->second) + "] (" + r.type + " " + r.head + " → " +
                            r.tail + ")");
        seen.emplace(std::tuple{std::string_view(type_ref), std::string_view(head_ref), std::string_view(tail_ref)}, i);
        out.push_back(std::move(r));
    }
    return true;
}

bool Reader::read_document(const json& v, const Path& at, const Schema& schema, const Corpus& read, Document& out) {
    if (!object_at(v, at)) return false;
    std::string id, name, text, status = "new", language, direction, annotator, created, modified, layer_of;
    if (!string_member(v, at, "layer_of", false, kMaxIdBytes, layer_of)) return false;
    const Document* base = nullptr;
    if (v.contains("layer_of")) {  // a layer: its text, name, language and direction are its document's
        base = read.find_document(layer_of);
        if (!base) return fail(ErrorKind::Invalid, at / "layer_of", "no document " + quote(layer_of) + " before this layer");
        if (base->is_layer()) return fail(ErrorKind::Invalid, at / "layer_of", quote(layer_of) + " is itself a layer");
        for (const char* key : {"text", "name", "language", "direction"})
            if (v.contains(key))
                return fail(ErrorKind::Invalid, at / key, "a layer takes its " + std::string(key) + " from its document " + quote(layer_of));
        name = base->name();
        text = base->text();
        language = base->language();
        direction = direction_choice_name(base->direction());
    }
    if (!id_member(v, at, "id", id) || !string_member(v, at, "name", false, kMaxMetaBytes, name) ||
        !string_member(v, at, "text", base == nullptr, kMaxTextBytes, text) ||
        !string_member(v, at, "status", false, kMaxMetaBytes, status) ||
        !string_member(v, at, "language", false, kMaxMetaBytes, language) ||
        !string_member(v, at, "direction", false, kMaxMetaBytes, direction) ||
        !string_member(v, at, "annotator", false, kMaxMetaBytes, annotator) ||
        !string_member(v, at, "created", false, kMaxMetaBytes, created) ||
        !string_member(v, at, "modified", false, kMaxMetaBytes, modified))
        return false;
    auto parsed_status = parse_doc_status(status);
    if (!parsed_status)
        return fail(ErrorKind::Invalid, at / "status",
                    "expected one of \"new\", \"in_progress\", \"done\", got " + quote(status));
    if (!language.empty() && !is_valid_language_tag(language))  // "" = automatic, as when absent
        return fail(ErrorKind::Invalid, at / "language", quote(language) + " is not a language tag");
    const auto parsed_direction = direction.empty() ? std::optional(DirectionChoice::automatic) : parse_direction_choice(direction);
    if (!parsed_direction)
        return fail(ErrorKind::Invalid, at / "direction", "expected one of \"auto\", \"ltr\", \"rtl\", got " + quote(direction));
    auto doc = Document::create(std::move(id), std::move(name), std::move(text));
    if (!doc) return fail(doc.error().kind, at, doc.error().message);
    std::vector<Span> spans;
    std::vector<Relation> relations;
    if (!read_spans(v, at, schema, *doc, spans) || !read_relations(v, at, schema, spans, relations)) return false;
    doc->set_status(*parsed_status);
    doc->set_language(std::move(language));
    doc->set_direction(*parsed_direction);
    if (base) {
        if (annotator.empty()) return fail(ErrorKind::Invalid, at, "a layer needs an \"annotator\"");
        if (find_layer(read, base->id(), annotator))
            return fail(ErrorKind::Invalid, at / "annotator", "document " + quote(base->id()) + " already has a layer by " + quote(annotator));
        doc->set_layer_of(std::move(layer_of));
    }
    doc->set_annotator(std::move(annotator));
    doc->set_created(std::move(created));
    doc->set_modified(std::move(modified));
    doc->insert_spans(std::move(spans));
    doc->insert_relations(std::move(relations));
    out = std::move(*doc);
    return true;
}

Result<Corpus> Reader::read(const json& root, const SplitDocuments* split) {
    const Path top;
    if (!root.is_object())
        return make_error(ErrorKind::Invalid, "expected a JSON object at the top level, got " + describe(root));
    const json* format = member(root, top, "format", true);
    if (!format) return *error_;
    if (!format->is_string()) return make_error(ErrorKind::Unsupported, "format: expected \"inkspan\", got " + describe(*format));
    if (format->get_ref<const std::string&>() != "inkspan")
        return make_error(ErrorKind::Unsupported, "format: expected \"inkspan\", got " + quote(format->get_ref<const std::string&>()));
    const json* version = member(root, top, "version", true);
    if (!version) return *error_;
    if (!version->is_number_unsigned()) return make_error(ErrorKind::Invalid, "version: expected a positive integer, got " + describe(*version));
    const auto v = version->get<std::uint64_t>();
    if (v == 0) return make_error(ErrorKind::Invalid, "version: 0 is not a valid version");
    if (v > kInkspanFormatVersion)
        return make_error(ErrorKind::Unsupported, "version: " + std::to_string(v) + " is newer than this app supports (" +
                                                      std::to_string(kInkspanFormatVersion) + ")");
    Corpus corpus;
    if (!read_schema(root, top, corpus.schema)) return *error_;
    const json* documents = array_member(root, top, "documents", true, kMaxDocuments, "documents");
    if (!documents) return *error_;
    std::unordered_set<std::string> doc_ids;
    const std::size_t count = split ? split->ranges.size() : documents->size();
    corpus.documents.reserve(count);
    const Path documents_path = top / "documents";
    for (std::size_t i = 0; i < count; ++i) {
        const Path dp = documents_path[i];
        Document doc;
        if (split) {
            const auto [begin, end] = split->ranges[i];
            std::string bytes = read_bytes(*split->source, begin, end - begin);
            if (auto plain = read_plain_document(bytes, corpus.schema)) {
                doc = std::move(*plain);
            } else {  // another shape, or refused: this document's tree says why (freed before the next one)
                const json parsed = json::parse(std::move(bytes), nullptr, false);
                if (parsed.is_discarded()) return syntax_error(read_all(*split->source));
                if (!read_document(parsed, dp, corpus.schema, corpus, doc)) return *error_;
            }
        } else if (!read_document((*documents)[i], dp, corpus.schema, corpus, doc)) {
            return *error_;
        }
        if (!doc_ids.insert(doc.id()).second)
            return make_error(ErrorKind::Invalid, (dp / "id").str() + ": duplicate document id " + quote(doc.id()));
        corpus.documents.push_back(std::move(doc));
    }
    if (!unknown_labels_.empty() || !unknown_types_.empty()) {
        if (!options_.add_unknown_types) {
            auto names = [](const std::vector<std::string>& list) {
                std::string out;
                for (const auto& n : list) out += (out.empty() ? "" : ", ") + quote(n);
                return out;
            };
            std::string message;
            if (!unknown_labels_.empty())
                message = (unknown_labels_.size() == 1 ? "unknown label " : "unknown labels ") + names(unknown_labels_);
            if (!unknown_types_.empty())
                message += (message.empty() ? "" : " and ") +
                           std::string(unknown_types_.size() == 1 ? "unknown relation type " : "unknown relation types ") +
                           names(unknown_types_);
            return make_error(ErrorKind::Invalid, unknown_place_ + ": " + message);
        }
        if (corpus.schema.entities.size() + unknown_labels_.size() > kMaxEntityTypes ||
            corpus.schema.relations.size() + unknown_types_.size() > kMaxRelationTypes)
            return make_error(ErrorKind::TooLarge, "schema: adding the unknown types would go over the limit of " +
                                                       std::to_string(kMaxEntityTypes) + " types");
        for (const auto& label : unknown_labels_)
            corpus.schema.entities.push_back({label, std::string(palette_color(corpus.schema.entities.size())), "", ""});
        for (const auto& type : unknown_types_) corpus.schema.relations.push_back({type, {}, {}, true});
    }
    return corpus;
}

}  // namespace

namespace {

// The file read whole and parsed as one tree: the fallback for other shapes, and for files the
// limits or the UTF-8 check refuse, whose messages need the whole text.
Result<Corpus> parse_whole(std::string_view text, const InkspanReadOptions& options) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }))
        return make_error(ErrorKind::Malformed, "empty input");
    if (auto bad = find_invalid_utf8(text))
        return make_error(ErrorKind::InvalidUtf8, "invalid UTF-8 at byte " + std::to_string(*bad));
    if (Status guarded = check_json_limits(text); !guarded) return guarded.error();
    const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) return syntax_error(text);
    Reader reader(options);
    return reader.read(root);
}

}  // namespace

Result<Corpus> parse_inkspan_json(const ByteSource& source, const InkspanReadOptions& options) {
    if (source.size() > kMaxInputBytes)
        return make_error(ErrorKind::TooLarge, "input is " + std::to_string(source.size()) + " bytes, over the limit of " +
                                                   std::to_string(kMaxInputBytes));
    DocumentScan scan = scan_documents(source, options.read_window);
    if (scan.outcome == DocumentScan::Outcome::InvalidUtf8)
        return make_error(ErrorKind::InvalidUtf8, "invalid UTF-8 at byte " + std::to_string(scan.invalid_utf8_at));
    if (scan.outcome == DocumentScan::Outcome::ReadWhole) return parse_whole(read_all(source), options);
    // The split shape has an object at the root, so the file is not empty.
    json root = json::parse(scan.root, nullptr, /*allow_exceptions=*/false);
    std::string().swap(scan.root);
    if (root.is_discarded()) return syntax_error(read_all(source));
    const SplitDocuments split{&source, std::move(scan.ranges)};
    Reader reader(options);
    return reader.read(root, &split);
}

Result<Corpus> parse_inkspan_json(std::string_view text, const InkspanReadOptions& options) {
    return parse_inkspan_json(StringByteSource(text), options);
}

}  // namespace inkspan
