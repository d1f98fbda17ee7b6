#include "core/formats/doccano.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/limits.h"
#include "core/validation.h"

namespace inkspan::formats {

ExportedFiles export_doccano(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("doccano: ");
    std::string content;
    std::size_t line_id = 0, entity_id = 0, relation_id = 0;
    for (std::size_t i : doc_indexes) {
        const Document& doc = corpus.documents[i];
        const std::string_view text = doc.text();
        OrderedJson line;
        line["id"] = ++line_id;
        line["text"] = doc.text();
        std::unordered_map<std::string, std::size_t> ids;
        OrderedJson entities = OrderedJson::array();
        for (const Span& s : doc.spans()) {
            ids[s.id] = ++entity_id;
            OrderedJson e;
            e["id"] = entity_id;
            e["label"] = s.label;
            e["start_offset"] = doc.index().code_point_to_utf16(text, s.start);
            e["end_offset"] = doc.index().code_point_to_utf16(text, s.end);
            e["text"] = std::string(doc.span_text(s));
            entities.push_back(std::move(e));
            if (!s.note.empty()) losses.add("span note dropped", "span notes dropped");
            losses.add("span attribute dropped", "span attributes dropped", s.attributes.size());
        }
        line["entities"] = std::move(entities);
        OrderedJson relations = OrderedJson::array();
        for (const Relation& r : doc.relations()) {
            OrderedJson j;
            j["id"] = ++relation_id;
            j["from_id"] = ids[r.head];
            j["to_id"] = ids[r.tail];
            j["type"] = r.type;
            relations.push_back(std::move(j));
        }
        line["relations"] = std::move(relations);
        OrderedJson meta;
        meta["id"] = doc.id();
        meta["name"] = doc.name();
        meta["status"] = std::string(doc_status_name(doc.status()));
        if (!doc.annotator().empty()) meta["annotator"] = doc.annotator();
        line["meta"] = std::move(meta);
        content += dump_json(line) + "\n";
        tally_dropped_provenance(losses, doc);
    }
    out.files[export_file_name(corpus, doc_indexes, ".jsonl")] = std::move(content);
    out.losses = losses.sentences();
    return out;
}

namespace {

// One entity, start_offset and end_offset in UTF-16 units.
Result<DraftSpan> read_entity(std::uint64_t a, std::uint64_t b, std::string label, const Json* covered,
                              const std::string& where, const std::string& text, const TextIndex& index,
                              const char* start_key, const char* end_key) {
    auto start = utf16_to_code_point(text, index, a, where + start_key);
    if (!start) return start.error();
    auto end = utf16_to_code_point(text, index, b, where + end_key);
    if (!end) return end.error();
    if (auto bad = check_range(*start, *end, where)) return *bad;
    if (covered && covered->is_string()) {
        const std::size_t b0 = index.code_point_to_byte(text, *start), b1 = index.code_point_to_byte(text, *end);
        const std::string_view actual = std::string_view(text).substr(b0, b1 - b0);
        if (covered->get<std::string>() != actual)
            return make_error(ErrorKind::Invalid, where + ".text " + quote(covered->get<std::string>()) +
                                                      " differs from the text at UTF-16 [" + std::to_string(a) + ", " +
                                                      std::to_string(b) + "): " + quote(actual));
    }
    return DraftSpan{"", *start, *end, std::move(label), "", {}, where};
}

// Label names by id, from doccano's label file (exported from a project's Labels page): an array
// of {"id", "text", "background_color", ...}. Files before doccano 1.1 name span labels only by id.
using LabelNames = std::map<std::uint64_t, std::string>;

// The ids of numeric labels seen, and whether the label file named them.
struct NumericLabels {
    std::set<std::uint64_t> named, unnamed;
};

std::optional<LabelNames> label_file(const Json& j) {
    if (!j.is_array() || j.empty()) return std::nullopt;
    LabelNames names;
    for (const Json& e : j) {
        const Json* id = member(e, "id");
        const Json* text = member(e, "text");
        if (!id || !id->is_number_unsigned() || !text || !text->is_string() || !member(e, "background_color"))
            return std::nullopt;
        names[id->get<std::uint64_t>()] = text->get<std::string>();
    }
    return names;
}

// One [start_offset, end_offset, "LABEL"] triple (doccano 1.x "label"/"labels", 0.x "entities").
Result<DraftSpan> read_triple(const Json& l, const std::string& where, const std::string& text, const TextIndex& index) {
    if (!l.is_array() || l.size() != 3 || !l[2].is_string())
        return make_error(ErrorKind::Invalid, where + ": expected [start_offset, end_offset, \"LABEL\"]");
    auto a = as_count(l[0], where + "[0]");
    if (!a) return a.error();
    auto b = as_count(l[1], where + "[1]");
    if (!b) return b.error();
    return read_entity(*a, *b, l[2].get<std::string>(), nullptr, where, text, index, "[0]", "[1]");
}

// A doccano user as an annotator name: a username as is, a user id as "user <n>"; "" otherwise.
std::string user_name(const Json* user) {
    if (!user) return {};
    if (user->is_string()) return user->get<std::string>();
    if (user->is_number_integer()) return "user " + std::to_string(user->get<std::int64_t>());
    return {};
}

// doccano 1.0 lines hold every user's spans, each with its "user": one copy of the document per
// user, in the order they first appear (spans without a user go to the first).
Status add_per_user(DraftDocument doc, const std::vector<std::string>& span_users, ImportBuilder& builder) {
    std::vector<std::string> users;
    for (const std::string& u : span_users)
        if (!u.empty() && std::find(users.begin(), users.end(), u) == users.end()) users.push_back(u);
    if (users.size() < 2 || !doc.relations.empty()) {
        if (!users.empty() && doc.annotator.empty()) doc.annotator = users[0];
        if (users.size() > 1)
            builder.skipped().note(doc.place + ": spans of " + std::to_string(users.size()) + " users read as " + users[0] +
                                   "'s (the line has relations)");
        return builder.add(std::move(doc));
    }
    for (std::size_t u = 0; u < users.size(); ++u) {
        DraftDocument copy = doc;
        copy.spans.clear();
        for (std::size_t i = 0; i < doc.spans.size(); ++i)
            if (span_users[i] == users[u] || (u == 0 && span_users[i].empty())) copy.spans.push_back(doc.spans[i]);
        copy.annotator = users[u];
        if (u > 0) copy.id = clean_id(doc.id + "-" + users[u], doc.id);
        if (Status st = builder.add(std::move(copy)); !st) return st;
    }
    return Ok{};
}

// One document object: `place` is "<file> line <n>" or "<file>: [<i>]", `number` the line or
// element number (for ids).
Status read_object(const Json& j, const std::string& file, const std::string& place, std::size_t number,
                   const LabelNames& names, NumericLabels& numeric, ImportBuilder& builder) {
    if (!j.is_object()) return make_error(ErrorKind::Invalid, place + ": expected a JSON object");
    DraftDocument doc;
    if (!member(j, "text")) return make_error(ErrorKind::Invalid, place + ": text: missing");
    if (Status st = read_jsonl_document(j, file, number, "id", doc); !st) return st;
    doc.place = place;
    const TextIndex index(doc.text);
    for (const char* key : {"annotator", "user"})  // a line's own annotator, when meta names none
        if (doc.annotator.empty()) doc.annotator = user_name(member(j, key));
    std::vector<std::string> span_users;  // doccano 1.0: each span's user ("" for the others)

    std::unordered_map<std::string, std::size_t> by_id;
    if (const Json* entities = member(j, "entities")) {
        if (!entities->is_array()) return make_error(ErrorKind::Invalid, place + ": entities: expected an array");
        for (std::size_t i = 0; i < entities->size(); ++i) {
            const Json& e = (*entities)[i];
            const std::string where = place + ": entities[" + std::to_string(i) + "]";
            if (e.is_array()) {  // doccano 0.x: [start, end, "LABEL"]
                auto span = read_triple(e, where, doc.text, index);
                if (!span) return span.error();
                doc.spans.push_back(std::move(span.value()));
                continue;
            }
            if (!e.is_object()) return make_error(ErrorKind::Invalid, where + ": expected an object");
            auto a = need_count(e, "start_offset", where);
            if (!a) return a.error();
            auto b = need_count(e, "end_offset", where);
            if (!b) return b.error();
            auto label = need_string(e, "label", where);
            if (!label) return label.error();
            auto span = read_entity(*a, *b, label.value(), member(e, "text"), where, doc.text, index, ".start_offset",
                                    ".end_offset");
            if (!span) return span.error();
            if (const Json* id = member(e, "id"))
                if (auto t = id_text(*id))
                    if (!by_id.emplace(*t, doc.spans.size()).second)
                        return make_error(ErrorKind::Invalid, where + ".id: " + *t + " is used twice on this line");
            doc.spans.push_back(std::move(span.value()));
        }
    }
    for (const char* key : {"label", "labels"}) {
        const Json* labels = member(j, key);
        if (!labels || !labels->is_array()) continue;
        for (std::size_t i = 0; i < labels->size(); ++i) {
            const Json& l = (*labels)[i];
            const std::string where = place + ": " + key + "[" + std::to_string(i) + "]";
            if (l.is_string()) {
                builder.skipped().add("document category label skipped (Inkspan labels spans, not documents)",
                                      "document category labels skipped (Inkspan labels spans, not documents)", 1, where);
                continue;
            }
            auto span = read_triple(l, where, doc.text, index);
            if (!span) return span.error();
            doc.spans.push_back(std::move(span.value()));
        }
    }
    // doccano 1.0: "annotations": [{"label": <id>, "start_offset", "end_offset", "user"}].
    if (const Json* annotations = member(j, "annotations"); annotations && annotations->is_array()) {
        for (std::size_t i = 0; i < annotations->size(); ++i) {
            const Json& a = (*annotations)[i];
            const std::string where = place + ": annotations[" + std::to_string(i) + "]";
            if (!a.is_object()) return make_error(ErrorKind::Invalid, where + ": expected an object");
            const Json* label = member(a, "label");
            if (!label) return make_error(ErrorKind::Invalid, where + ".label: missing");
            if (!member(a, "start_offset") && !member(a, "end_offset")) {
                builder.skipped().add("document category label skipped (Inkspan labels spans, not documents)",
                                      "document category labels skipped (Inkspan labels spans, not documents)", 1, where);
                continue;
            }
            std::string name;
            if (label->is_string()) {
                name = label->get<std::string>();
            } else if (label->is_number_unsigned()) {
                const std::uint64_t id = label->get<std::uint64_t>();
                if (auto it = names.find(id); it != names.end()) {
                    name = it->second;
                    numeric.named.insert(id);
                } else {
                    name = "label_" + std::to_string(id);
                    numeric.unnamed.insert(id);
                }
            } else {
                return make_error(ErrorKind::Invalid, where + ".label: expected a label id or name, got " + label->type_name());
            }
            auto s0 = need_count(a, "start_offset", where);
            if (!s0) return s0.error();
            auto s1 = need_count(a, "end_offset", where);
            if (!s1) return s1.error();
            auto span = read_entity(*s0, *s1, std::move(name), member(a, "text"), where, doc.text, index, ".start_offset",
                                    ".end_offset");
            if (!span) return span.error();
            span_users.resize(doc.spans.size());
            span_users.push_back(user_name(member(a, "user")));
            doc.spans.push_back(std::move(span.value()));
        }
    }
    if (const Json* relations = member(j, "relations")) {
        if (!relations->is_array()) return make_error(ErrorKind::Invalid, place + ": relations: expected an array");
        for (std::size_t i = 0; i < relations->size(); ++i) {
            const Json& r = (*relations)[i];
            const std::string where = place + ": relations[" + std::to_string(i) + "]";
            if (!r.is_object()) return make_error(ErrorKind::Invalid, where + ": expected an object");
            auto type = need_string(r, "type", where);
            if (!type) return type.error();
            std::size_t ends[2] = {0, 0};
            const char* keys[2] = {"from_id", "to_id"};
            for (int k = 0; k < 2; ++k) {
                const Json* ref = member(r, keys[k]);
                if (!ref) return make_error(ErrorKind::Invalid, where + "." + keys[k] + ": missing");
                const auto t = id_text(*ref);
                const auto it = t ? by_id.find(*t) : by_id.end();
                if (it == by_id.end())
                    return make_error(ErrorKind::Invalid, where + "." + keys[k] + ": " + (t ? *t : std::string("a ") + ref->type_name()) +
                                                              " is not the id of an entity on this line");
                ends[k] = it->second;
            }
            doc.relations.push_back({"", type.value(), ends[0], ends[1], where});
        }
    }
    span_users.resize(doc.spans.size());
    return add_per_user(std::move(doc), span_users, builder);
}

// "6, 7, 8", or with a prefix "label_6, label_7, label_8".
std::string id_list(const std::set<std::uint64_t>& ids, const char* prefix) {
    std::string out;
    for (std::uint64_t id : ids) out += (out.empty() ? "" : ", ") + std::string(prefix) + std::to_string(id);
    return out;
}

// A whole-file JSON array (doccano's JSON export), or one JSON object spread over several lines.
bool whole_file_json(std::string_view content) {
    std::size_t i = 0;
    if (content.starts_with("\xEF\xBB\xBF")) i = 3;
    while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) ++i;
    if (i < content.size() && content[i] == '[') return true;
    if (i >= content.size() || content[i] != '{') return false;
    const std::size_t eol = content.find('\n', i);
    return eol != std::string_view::npos && !Json::accept(content.substr(i, eol - i)) && Json::accept(content);
}

}  // namespace

Result<ImportedCorpus> import_doccano(const std::map<std::string, std::string>& files, const Schema& current) {
    ImportBuilder builder("doccano", current);
    // doccano's label file first (any name), so numeric label ids get their names.
    LabelNames names;
    std::string names_from;
    std::map<std::string, Json> parsed;  // whole-file JSON, parsed once
    for (const auto& [name, content] : files) {
        if (!whole_file_json(content)) continue;
        auto j = parse_json(content, name);
        if (!j) return j.error();
        if (auto labels = label_file(j.value())) {
            names.merge(*labels);
            names_from += (names_from.empty() ? "" : ", ") + name;
            continue;
        }
        parsed.emplace(name, std::move(j.value()));
    }
    NumericLabels numeric;
    for (const auto& [name, content] : files) {
        if (auto it = parsed.find(name); it != parsed.end()) {
            const Json& j = it->second;
            if (j.is_array()) {
                for (std::size_t i = 0; i < j.size(); ++i)
                    if (auto st = read_object(j[i], name, name + ": [" + std::to_string(i) + "]", i + 1, names, numeric, builder); !st)
                        return st.error();
            } else if (auto st = read_object(j, name, name, 1, names, numeric, builder); !st) {
                return st.error();
            }
            continue;
        }
        if (!whole_file_json(content)) {
            const std::map<std::string, std::string> one = {{name, content}};
            const Status st = for_each_jsonl_line(one, [&](const std::string& file, std::size_t number, std::string_view line) -> Status {
                const std::string place = file + " line " + std::to_string(number);
                auto j = parse_jsonl_object(line, place);
                if (!j) return j.error();
                return read_object(j.value(), file, place, number, names, numeric, builder);
            });
            if (!st) return st.error();
        }
    }
    if (!numeric.unnamed.empty())
        builder.skipped().note("label ids " + id_list(numeric.unnamed, "") + " have no names in the file: read as " +
                               id_list(numeric.unnamed, "label_") +
                               " (import doccano's label file, exported from its Labels page, with it to get the names)");
    if (!numeric.named.empty()) builder.skipped().note("label ids " + id_list(numeric.named, "") + " named from " + names_from);
    return builder.finish();
}

}  // namespace inkspan::formats
