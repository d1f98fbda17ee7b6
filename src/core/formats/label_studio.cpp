#include "core/formats/label_studio.h"

#include <optional>
#include <unordered_map>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

ExportedFiles export_label_studio(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("Label Studio: ");
    std::string content = "[";
    std::size_t task_id = 0;
    for (std::size_t i : doc_indexes) {
        const Document& doc = corpus.documents[i];
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
            value["start"] = s.start;  // code points, as Label Studio counts them
            value["end"] = s.end;
            value["text"] = std::string(doc.span_text(s));
            value["labels"] = OrderedJson::array({s.label});
            region["value"] = std::move(value);
            OrderedJson meta = OrderedJson::object();
            if (!s.note.empty()) meta["text"] = OrderedJson::array({s.note});
            if (!s.agreed_by.empty()) meta["agreed_by"] = s.agreed_by;  // gold provenance
            if (!meta.empty()) region["meta"] = std::move(meta);
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
            if (!r.agreed_by.empty()) j["meta"] = OrderedJson{{"agreed_by", r.agreed_by}};
            result.push_back(std::move(j));
        }
        OrderedJson annotation;
        annotation["id"] = task_id;
        annotation["result"] = std::move(result);
        if (!doc.annotator().empty()) annotation["completed_by"] = doc.annotator();  // a name: Inkspan reads it back
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

// The key of the task's text in `data`: to_name of the first result that names a data field, else "text".
std::string text_key(const Json& data, const Json* results) {
    if (results && results->is_array())
        for (const Json& r : *results)
            if (const Json* to = member(r, "to_name"); to && to->is_string() && member(data, to->get<std::string>()))
                return to->get<std::string>();
    return "text";
}

// The text of [a, b) when those offsets count `utf16` units or code points; nullopt when out of
// range or between the halves of a surrogate pair.
std::optional<std::string_view> slice(std::string_view text, const TextIndex& index, std::uint64_t a, std::uint64_t b,
                                      bool utf16) {
    std::optional<std::size_t> start, end;
    if (utf16) {
        if (a > index.utf16_count() || b > index.utf16_count()) return std::nullopt;
        start = index.utf16_to_code_point(text, static_cast<std::size_t>(a));
        end = index.utf16_to_code_point(text, static_cast<std::size_t>(b));
    } else if (a <= index.code_point_count() && b <= index.code_point_count()) {
        start = static_cast<std::size_t>(a);
        end = static_cast<std::size_t>(b);
    }
    if (!start || !end || *start > *end) return std::nullopt;
    const std::size_t b0 = index.code_point_to_byte(text, *start), b1 = index.code_point_to_byte(text, *end);
    return text.substr(b0, b1 - b0);
}

// Label Studio counts code points; versions before that fix counted UTF-16 units (JavaScript
// string indexes). A file is read in UTF-16 units only when some region's value.text fits its
// offsets in UTF-16 units and not in code points, and no region says the opposite.
bool offsets_are_utf16(const Json& tasks) {
    std::size_t utf16_votes = 0, code_point_votes = 0;
    for (const Json& task : tasks) {
        const Json* data = member(task, "data");
        if (!data || !data->is_object()) continue;
        for (const char* key : {"annotations", "completions", "predictions"}) {
            const Json* list = member(task, key);
            if (!list || !list->is_array()) continue;
            for (const Json& ann : *list) {
                const Json* results = member(ann, "result");
                if (!results || !results->is_array()) continue;
                const Json* text = member(*data, text_key(*data, results));
                if (!text || !text->is_string()) continue;
                const std::string& t = text->get_ref<const std::string&>();
                if (find_invalid_utf8(t)) continue;
                std::optional<TextIndex> index;
                for (const Json& r : *results) {
                    const Json* value = member(r, "value");
                    const Json* covered = value ? member(*value, "text") : nullptr;
                    const Json* a = value ? member(*value, "start") : nullptr;
                    const Json* b = value ? member(*value, "end") : nullptr;
                    if (!covered || !covered->is_string() || !a || !b || !a->is_number_unsigned() || !b->is_number_unsigned())
                        continue;
                    if (!index) index.emplace(t);
                    const std::string& want = covered->get_ref<const std::string&>();
                    const bool as_utf16 = slice(t, *index, a->get<std::uint64_t>(), b->get<std::uint64_t>(), true) == want;
                    const bool as_code_points = slice(t, *index, a->get<std::uint64_t>(), b->get<std::uint64_t>(), false) == want;
                    utf16_votes += as_utf16 && !as_code_points;
                    code_point_votes += as_code_points && !as_utf16;
                }
            }
        }
    }
    return utf16_votes > 0 && code_point_votes == 0;
}

// A result's gold provenance, meta.agreed_by (what the writer puts there), if any.
const Json* meta_agreed_by(const Json& result) {
    const Json* meta = member(result, "meta");
    return meta ? member(*meta, "agreed_by") : nullptr;
}

// A readable name for an annotation's `completed_by`: a name as is, an object's email (else its
// username, else "user <id>"), a number as "user <n>"; "" when absent.
std::string annotator_name(const Json* who) {
    if (!who) return {};
    if (who->is_string()) return who->get<std::string>();
    if (who->is_number_integer()) return "user " + std::to_string(who->get<std::int64_t>());
    if (!who->is_object()) return {};
    for (const char* key : {"email", "username"})
        if (const Json* v = member(*who, key); v && v->is_string() && !v->get<std::string>().empty()) return v->get<std::string>();
    if (const Json* id = member(*who, "id"))
        if (auto t = id_text(*id)) return "user " + *t;
    return {};
}

// Annotator names as a list of strings (a result's meta.agreed_by); others are ignored.
std::vector<std::string> names_of(const Json* list) {
    std::vector<std::string> out;
    if (list && list->is_array())
        for (const Json& n : *list)
            if (n.is_string()) out.push_back(n.get<std::string>());
    return out;
}

Status read_results(const Json& results, const std::string& where, bool utf16, Tally& skipped, DraftDocument& doc);

// One task: the document once per annotation that was not cancelled (each with its annotator:
// several people's annotations of a task are several copies of its text), or once without spans.
Status read_task(const Json& task, const std::string& place, const std::string& stem, std::size_t number, bool utf16,
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
    std::vector<std::pair<const Json*, std::string>> chosen;  // annotation, its place
    if (annotations)
        for (std::size_t a = 0; a < annotations->size(); ++a) {
            const Json& ann = (*annotations)[a];
            const std::string where = place + ".annotations[" + std::to_string(a) + "]";
            const Json* cancelled = member(ann, "was_cancelled");
            if (cancelled && cancelled->is_boolean() && cancelled->get<bool>()) {
                skipped.add("cancelled annotation ignored", "cancelled annotations ignored", 1, where);
                continue;
            }
            const Json* results = member(ann, "result");
            if (!results || !results->is_array()) return make_error(ErrorKind::Invalid, where + ".result: expected an array");
            chosen.emplace_back(&ann, where);
        }

    // The text: data[to_name] of the first labels region, else data.text.
    const Json* data = member(task, "data");
    if (!data || !data->is_object()) return make_error(ErrorKind::Invalid, place + ".data: expected an object");
    const std::string key = text_key(*data, chosen.empty() ? nullptr : member(*chosen[0].first, "result"));
    DraftDocument doc;
    auto text = need_string(*data, key, place + ".data");
    if (!text) return text.error();
    doc.text = std::move(text.value());
    doc.place = place;
    if (auto bad = check_free_text(doc.text, kMaxTextBytes, place + ".data." + key)) return *bad;
    doc.id = stem + "-" + std::to_string(number);
    if (const Json* id = member(task, "id"))
        if (auto t = id_text(*id)) doc.id = stem + "-" + *t;
    if (const Json* id = member(*data, "doc_id"))
        if (auto t = id_text(*id)) doc.id = *t;
    if (const Json* name = member(*data, "name"); name && name->is_string()) doc.name = name->get<std::string>();
    if (doc.name.empty()) doc.name = doc.id;
    if (chosen.empty()) return builder.add(std::move(doc));
    for (std::size_t c = 0; c < chosen.size(); ++c) {
        DraftDocument copy = c + 1 < chosen.size() ? doc : std::move(doc);
        copy.annotator = annotator_name(member(*chosen[c].first, "completed_by"));
        // Further annotators' copies: "<id>-<annotator>" (the builder makes ids unique).
        if (c > 0) copy.id = clean_id(copy.id + "-" + (copy.annotator.empty() ? std::to_string(c + 1) : copy.annotator), copy.id);
        if (Status st = read_results(*member(*chosen[c].first, "result"), chosen[c].second, utf16, skipped, copy); !st) return st;
        if (Status st = builder.add(std::move(copy)); !st) return st;
    }
    return Ok{};
}

// The labels regions and relations of one annotation, into `doc`.
Status read_results(const Json& results_json, const std::string& where, bool utf16, Tally& skipped, DraftDocument& doc) {
    const Json* results = &results_json;
    const TextIndex index(doc.text);
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
        auto start = utf16 ? utf16_to_code_point(doc.text, index, *a, at + ".value.start")
                           : check_code_point(*a, index.code_point_count(), at, ".value.start");
        if (!start) return start.error();
        auto end = utf16 ? utf16_to_code_point(doc.text, index, *b, at + ".value.end")
                         : check_code_point(*b, index.code_point_count(), at, ".value.end");
        if (!end) return end.error();
        if (auto bad = check_range(*start, *end, at)) return *bad;
        if (const Json* covered = member(*value, "text"); covered && covered->is_string()) {
            const std::size_t b0 = index.code_point_to_byte(doc.text, *start), b1 = index.code_point_to_byte(doc.text, *end);
            const std::string_view actual = std::string_view(doc.text).substr(b0, b1 - b0);
            const std::string range = "[" + std::to_string(*a) + ", " + std::to_string(*b) + ")";
            if (covered->get<std::string>() != actual)
                return make_error(ErrorKind::Invalid, at + ".value.text " + quote(covered->get<std::string>()) +
                                                          " differs from the text at " + (utf16 ? "UTF-16 " + range : range) +
                                                          ": " + quote(actual) + (utf16 ? "" : " (code points)"));
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
            doc.spans.push_back(DraftSpan{l == 0 ? id : "", *start, *end, (*labels)[l].get<std::string>(), note, {}, at,
                                          names_of(meta_agreed_by(r))});
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
            doc.relations.push_back({"", l.get<std::string>(), ends[0], ends[1], at, names_of(meta_agreed_by(r))});
        }
    }
    return Ok{};
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
        const bool utf16 = offsets_are_utf16(j);
        builder.skipped().note(name + (utf16 ? ": offsets read as UTF-16 units (an older Label Studio file: value.text "
                                                "matches UTF-16 offsets, not code points)"
                                              : ": offsets read as code points"));
        for (std::size_t i = 0; i < j.size(); ++i)
            if (auto st = read_task(j[i], name + ": [" + std::to_string(i) + "]", stem, i + 1, utf16, builder); !st)
                return st.error();
    }
    return builder.finish();
}

}  // namespace inkspan::formats
