#include "core/formats/label_studio.h"

#include <unordered_map>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/limits.h"
#include "core/validation.h"

namespace inkspan::formats {

ExportedFiles export_label_studio(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("Label Studio: ");
    std::string content = "[";
    std::size_t task_id = 0;
    for (std::size_t i : doc_indexes) {
        const Document& doc = corpus.documents[i];
        const std::string_view text = doc.text();
        OrderedJson task;
        task["id"] = ++task_id;
        OrderedJson data;
        data["text"] = doc.text();
        data["doc_id"] = doc.id();
        data["name"] = doc.name();
        task["data"] = std::move(data);
        OrderedJson result = OrderedJson::array();
        for (const Span& s : doc.spans()) {
            OrderedJson region;
            region["id"] = s.id;
            region["from_name"] = "label";
            region["to_name"] = "text";
            region["type"] = "labels";
            region["origin"] = "manual";
            OrderedJson value;
            value["start"] = doc.index().code_point_to_utf16(text, s.start);
            value["end"] = doc.index().code_point_to_utf16(text, s.end);
            value["text"] = std::string(doc.span_text(s));
            value["labels"] = OrderedJson::array({s.label});
            region["value"] = std::move(value);
            if (!s.note.empty()) region["meta"] = OrderedJson{{"text", OrderedJson::array({s.note})}};
            losses.add("span attribute dropped", "span attributes dropped", s.attributes.size());
            result.push_back(std::move(region));
        }
        for (const Relation& r : doc.relations()) {
            const RelationType* type = corpus.schema.find_relation(r.type);
            OrderedJson j;
            j["from_id"] = r.head;
            j["to_id"] = r.tail;
            j["type"] = "relation";
            j["direction"] = type && !type->directed ? "bi" : "right";
            j["labels"] = OrderedJson::array({r.type});
            result.push_back(std::move(j));
        }
        OrderedJson annotation;
        annotation["id"] = task_id;
        annotation["result"] = std::move(result);
        task["annotations"] = OrderedJson::array({std::move(annotation)});
        task["predictions"] = OrderedJson::array();
        content += (task_id == 1 ? "\n" : ",\n") + dump_json(task);
    }
    content += task_id == 0 ? "]\n" : "\n]\n";
    out.files[export_file_name(corpus, doc_indexes, ".json")] = std::move(content);
    out.losses = losses.sentences();
    return out;
}

namespace {

Status read_task(const Json& task, const std::string& place, const std::string& stem, std::size_t number,
                 ImportBuilder& builder) {
    if (!task.is_object()) return make_error(ErrorKind::Invalid, place + ": expected a task object");
    Tally& skipped = builder.skipped();
    const Json* annotations = member(task, "annotations");
    if (!annotations) annotations = member(task, "completions");  // the name before Label Studio 1.0
    if (annotations && !annotations->is_array())
        return make_error(ErrorKind::Invalid, place + ".annotations: expected an array");
    if (const Json* predictions = member(task, "predictions"); predictions && predictions->is_array() && !predictions->empty())
        skipped.add("prediction ignored (only annotations are read)", "predictions ignored (only annotations are read)",
                    predictions->size(), place + ".predictions");
    const Json* chosen = nullptr;
    std::string where;
    if (annotations)
        for (std::size_t a = 0; a < annotations->size(); ++a) {
            const Json& ann = (*annotations)[a];
            const Json* cancelled = member(ann, "was_cancelled");
            if (cancelled && cancelled->is_boolean() && cancelled->get<bool>()) {
                skipped.add("cancelled annotation ignored", "cancelled annotations ignored", 1, place + ".annotations[" + std::to_string(a) + "]");
                continue;
            }
            if (chosen) {
                skipped.add("further annotation of a task ignored (the first was read)",
                            "further annotations of a task ignored (the first was read)", 1,
                            place + ".annotations[" + std::to_string(a) + "]");
                continue;
            }
            chosen = &ann;
            where = place + ".annotations[" + std::to_string(a) + "]";
        }
    const Json* results = chosen ? member(*chosen, "result") : nullptr;
    if (chosen && (!results || !results->is_array()))
        return make_error(ErrorKind::Invalid, where + ".result: expected an array");

    // The text: data[to_name] of the first labels region, else data.text.
    const Json* data = member(task, "data");
    if (!data || !data->is_object()) return make_error(ErrorKind::Invalid, place + ".data: expected an object");
    std::string text_key = "text";
    if (results)
        for (const Json& r : *results)
            if (const Json* to = member(r, "to_name"); to && to->is_string() && member(*data, to->get<std::string>())) {
                text_key = to->get<std::string>();
                break;
            }
    DraftDocument doc;
    auto text = need_string(*data, text_key, place + ".data");
    if (!text) return text.error();
    doc.text = std::move(text.value());
    doc.place = place;
    if (auto bad = check_free_text(doc.text, kMaxTextBytes, place + ".data." + text_key)) return *bad;
    const TextIndex index(doc.text);
    doc.id = stem + "-" + std::to_string(number);
    if (const Json* id = member(task, "id"))
        if (auto t = id_text(*id)) doc.id = stem + "-" + *t;
    if (const Json* id = member(*data, "doc_id"))
        if (auto t = id_text(*id)) doc.id = *t;
    if (const Json* name = member(*data, "name"); name && name->is_string()) doc.name = name->get<std::string>();
    if (doc.name.empty()) doc.name = doc.id;
    if (!results) return builder.add(std::move(doc));

    std::unordered_map<std::string, std::size_t> region;  // region id -> first draft span
    std::vector<std::size_t> relation_items;
    for (std::size_t k = 0; k < results->size(); ++k) {
        const Json& r = (*results)[k];
        const std::string at = where + ".result[" + std::to_string(k) + "]";
        if (!r.is_object()) return make_error(ErrorKind::Invalid, at + ": expected an object");
        auto type = need_string(r, "type", at);
        if (!type) return type.error();
        if (type.value() == "relation") {
            relation_items.push_back(k);
            continue;
        }
        if (type.value() != "labels") {
            skipped.add("result of type " + type.value() + " skipped", "results of type " + type.value() + " skipped", 1, at);
            continue;
        }
        const Json* value = member(r, "value");
        if (!value || !value->is_object()) return make_error(ErrorKind::Invalid, at + ".value: expected an object");
        auto a = need_count(*value, "start", at + ".value");
        if (!a) return a.error();
        auto b = need_count(*value, "end", at + ".value");
        if (!b) return b.error();
        auto start = utf16_to_code_point(doc.text, index, *a, at + ".value.start");
        if (!start) return start.error();
        auto end = utf16_to_code_point(doc.text, index, *b, at + ".value.end");
        if (!end) return end.error();
        if (auto bad = check_range(*start, *end, at)) return *bad;
        if (const Json* covered = member(*value, "text"); covered && covered->is_string()) {
            const std::size_t b0 = index.code_point_to_byte(doc.text, *start), b1 = index.code_point_to_byte(doc.text, *end);
            const std::string_view actual = std::string_view(doc.text).substr(b0, b1 - b0);
            if (covered->get<std::string>() != actual)
                return make_error(ErrorKind::Invalid, at + ".value.text " + quote(covered->get<std::string>()) +
                                                          " differs from the text at UTF-16 [" + std::to_string(*a) + ", " +
                                                          std::to_string(*b) + "): " + quote(actual));
        }
        const Json* labels = member(*value, "labels");
        if (!labels || !labels->is_array()) return make_error(ErrorKind::Invalid, at + ".value.labels: expected an array");
        std::string note;
        if (const Json* meta = member(r, "meta"))
            if (const Json* texts = member(*meta, "text"); texts && texts->is_array())
                for (const Json& t : *texts)
                    if (t.is_string()) note += (note.empty() ? "" : "\n") + t.get<std::string>();
        std::string id;
        if (const Json* rid = member(r, "id"))
            if (auto t = id_text(*rid)) id = *t;
        if (labels->empty()) {
            skipped.add("region without a label skipped", "regions without a label skipped", 1, at);
            continue;
        }
        for (std::size_t l = 0; l < labels->size(); ++l) {
            if (!(*labels)[l].is_string())
                return make_error(ErrorKind::Invalid, at + ".value.labels[" + std::to_string(l) + "]: expected a string");
            if (l == 0 && !id.empty()) region.emplace(id, doc.spans.size());
            doc.spans.push_back(DraftSpan{l == 0 ? id : "", *start, *end, (*labels)[l].get<std::string>(), note, {}, at});
        }
    }
    for (std::size_t k : relation_items) {
        const Json& r = (*results)[k];
        const std::string at = where + ".result[" + std::to_string(k) + "]";
        std::size_t ends[2] = {0, 0};
        const char* keys[2] = {"from_id", "to_id"};
        for (int e = 0; e < 2; ++e) {
            const Json* ref = member(r, keys[e]);
            const auto t = ref ? id_text(*ref) : std::nullopt;
            if (!t) return make_error(ErrorKind::Invalid, at + "." + keys[e] + ": missing");
            const auto it = region.find(*t);
            if (it == region.end())
                return make_error(ErrorKind::Invalid, at + "." + keys[e] + ": " + quote(*t) + " is not the id of a region of this annotation");
            ends[e] = it->second;
        }
        if (const Json* dir = member(r, "direction"); dir && dir->is_string() && dir->get<std::string>() == "left")
            std::swap(ends[0], ends[1]);
        const Json* labels = member(r, "labels");
        if (!labels || !labels->is_array() || labels->empty()) {
            skipped.add("relation without a label skipped (Inkspan relations are typed)",
                        "relations without a label skipped (Inkspan relations are typed)", 1, at);
            continue;
        }
        for (const Json& l : *labels) {
            if (!l.is_string()) return make_error(ErrorKind::Invalid, at + ".labels: expected strings");
            doc.relations.push_back({"", l.get<std::string>(), ends[0], ends[1], at});
        }
    }
    return builder.add(std::move(doc));
}

}  // namespace

Result<ImportedCorpus> import_label_studio(const std::map<std::string, std::string>& files, const Schema& current) {
    ImportBuilder builder("Label Studio", current);
    for (const auto& [name, content] : files) {
        auto parsed = parse_json(content, name);
        if (!parsed) return parsed.error();
        Json& j = parsed.value();
        if (j.is_object()) {
            Json task = std::move(j);
            j = Json::array();
            j.push_back(std::move(task));
        }
        if (!j.is_array()) return make_error(ErrorKind::Invalid, name + ": expected an array of tasks");
        const std::string stem(base_name(strip_extension(name)));
        for (std::size_t i = 0; i < j.size(); ++i)
            if (auto st = read_task(j[i], name + ": [" + std::to_string(i) + "]", stem, i + 1, builder); !st)
                return st.error();
    }
    return builder.finish();
}

}  // namespace inkspan::formats
