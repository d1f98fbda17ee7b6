#include "core/formats/doccano.h"

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
        line["meta"] = std::move(meta);
        content += dump_json(line) + "\n";
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

Status read_line(const std::string& file, std::size_t number, std::string_view line, ImportBuilder& builder) {
    const std::string place = file + " line " + std::to_string(number);
    auto parsed = parse_jsonl_object(line, place);
    if (!parsed) return parsed.error();
    const Json& j = parsed.value();
    DraftDocument doc;
    if (Status st = read_jsonl_document(j, file, number, "id", doc); !st) return st;
    const TextIndex index(doc.text);

    std::unordered_map<std::string, std::size_t> by_id;
    if (const Json* entities = member(j, "entities")) {
        if (!entities->is_array()) return make_error(ErrorKind::Invalid, place + ": entities: expected an array");
        for (std::size_t i = 0; i < entities->size(); ++i) {
            const Json& e = (*entities)[i];
            const std::string where = place + ": entities[" + std::to_string(i) + "]";
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
    if (const Json* labels = member(j, "label"); labels && labels->is_array()) {
        for (std::size_t i = 0; i < labels->size(); ++i) {
            const Json& l = (*labels)[i];
            const std::string where = place + ": label[" + std::to_string(i) + "]";
            if (l.is_string()) {
                builder.skipped().add("document category label skipped (Inkspan labels spans, not documents)",
                                      "document category labels skipped (Inkspan labels spans, not documents)", 1, where);
                continue;
            }
            if (!l.is_array() || l.size() != 3 || !l[2].is_string())
                return make_error(ErrorKind::Invalid, where + ": expected [start_offset, end_offset, \"LABEL\"]");
            auto a = as_count(l[0], where + "[0]");
            if (!a) return a.error();
            auto b = as_count(l[1], where + "[1]");
            if (!b) return b.error();
            auto span = read_entity(*a, *b, l[2].get<std::string>(), nullptr, where, doc.text, index, "[0]", "[1]");
            if (!span) return span.error();
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
    return builder.add(std::move(doc));
}

}  // namespace

Result<ImportedCorpus> import_doccano(const std::map<std::string, std::string>& files, const Schema& current) {
    return import_jsonl("doccano", files, current, read_line);
}

}  // namespace inkspan::formats
