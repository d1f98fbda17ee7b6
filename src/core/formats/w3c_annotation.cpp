#include "core/formats/w3c_annotation.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/limits.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

constexpr std::size_t kQuoteContext = 32;  // code points of prefix and suffix in a TextQuoteSelector
constexpr std::string_view kSourcePrefix = "urn:inkspan:doc:";

std::string source_urn(const Document& doc) { return std::string(kSourcePrefix) + percent_encode(doc.id()); }
std::string item_urn(const Document& doc, std::string_view id) {
    return "urn:inkspan:" + percent_encode(doc.id()) + ":" + percent_encode(id);
}

// The annotation's creator: the document's annotator as a Person (W3C Web Annotation §3.3.1).
OrderedJson creator_of(const Document& doc) {
    OrderedJson who;
    who["type"] = "Person";
    who["name"] = doc.annotator();
    return who;
}

OrderedJson textual_body(std::string_view purpose, std::string_view value) {
    OrderedJson b;
    b["type"] = "TextualBody";
    b["purpose"] = std::string(purpose);
    b["value"] = std::string(value);
    return b;
}

}  // namespace

ExportedFiles export_w3c(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("W3C: ");
    OrderedJson sources = OrderedJson::array();
    OrderedJson items = OrderedJson::array();
    for (std::size_t i : doc_indexes) {
        const Document& doc = corpus.documents[i];
        OrderedJson source;
        source["id"] = source_urn(doc);
        source["type"] = "Text";
        source["format"] = "text/plain";
        source["inkspan:name"] = doc.name();
        source["inkspan:status"] = std::string(doc_status_name(doc.status()));
        if (!doc.annotator().empty()) source["inkspan:annotator"] = doc.annotator();  // also for a layer without spans
        source["inkspan:text"] = doc.text();
        sources.push_back(std::move(source));
        tally_dropped_provenance(losses, doc);
        for (const Span& s : doc.spans()) {
            OrderedJson a;
            a["id"] = item_urn(doc, s.id);
            a["type"] = "Annotation";
            a["motivation"] = "tagging";
            if (!doc.annotator().empty()) a["creator"] = creator_of(doc);
            OrderedJson body = OrderedJson::array({textual_body("tagging", s.label)});
            if (!s.note.empty()) body.push_back(textual_body("commenting", s.note));
            for (const auto& [key, value] : s.attributes) {
                OrderedJson b = textual_body("describing", value);
                b["inkspan:attribute"] = key;
                body.push_back(std::move(b));
            }
            a["body"] = std::move(body);
            OrderedJson position, quote;
            position["type"] = "TextPositionSelector";
            position["start"] = s.start;
            position["end"] = s.end;
            quote["type"] = "TextQuoteSelector";
            quote["exact"] = std::string(doc.span_text(s));
            quote["prefix"] = std::string(doc.text_of(s.start > kQuoteContext ? s.start - kQuoteContext : 0, s.start));
            quote["suffix"] = std::string(doc.text_of(s.end, s.end + kQuoteContext));
            OrderedJson target;
            target["source"] = source_urn(doc);
            target["selector"] = OrderedJson::array({std::move(position), std::move(quote)});
            a["target"] = std::move(target);
            items.push_back(std::move(a));
        }
        for (const Relation& r : doc.relations()) {
            OrderedJson a;
            a["id"] = item_urn(doc, r.id);
            a["type"] = "Annotation";
            a["motivation"] = "linking";
            if (!doc.annotator().empty()) a["creator"] = creator_of(doc);
            a["body"] = OrderedJson::array({textual_body("tagging", r.type)});
            a["target"] = OrderedJson::array({item_urn(doc, r.head), item_urn(doc, r.tail)});
            a["inkspan:head"] = item_urn(doc, r.head);
            a["inkspan:tail"] = item_urn(doc, r.tail);
            items.push_back(std::move(a));
        }
    }
    OrderedJson collection;
    collection["@context"] = OrderedJson::array({"http://www.w3.org/ns/anno.jsonld", OrderedJson{{"inkspan", "urn:inkspan:vocab#"}}});
    collection["id"] = "urn:inkspan:export";
    collection["type"] = "AnnotationCollection";
    collection["label"] = "Inkspan export";
    collection["total"] = items.size();
    collection["inkspan:sources"] = std::move(sources);
    OrderedJson page;
    page["type"] = "AnnotationPage";
    page["items"] = std::move(items);
    collection["first"] = std::move(page);
    out.files[export_file_name(corpus, doc_indexes, ".jsonld")] = dump_json(collection, 1) + "\n";
    out.losses = losses.sentences();
    return out;
}

// ---- reading -----------------------------------------------------------------------------------

namespace {

struct Source {
    DraftDocument doc;
    TextIndex index;
    bool external = false;  // a text file given with the annotations of a web page or file
    bool has_creator = false;  // an annotation named the annotator
};

// The last path segment of a URL, without query and fragment, percent-decoded: ".../a/lyon.html?x#y" -> "lyon.html".
std::string url_file_name(std::string_view url) {
    url = url.substr(0, std::min(url.find('?'), url.find('#')));
    while (url.ends_with('/')) url.remove_suffix(1);
    const auto scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    const auto slash = rest.find_last_of('/');
    rest = slash == std::string_view::npos ? rest : rest.substr(slash + 1);
    return percent_decode(rest).value_or(std::string(rest));
}

// The text file given for `url`: named as the URL's last segment, or its stem + ".txt".
std::map<std::string, std::string>::const_iterator find_text_for(const std::map<std::string, std::string>& texts,
                                                                 std::string_view url) {
    const std::string file = url_file_name(url);
    const std::string stem(strip_extension(file));
    for (auto it = texts.begin(); it != texts.end(); ++it)
        if (!file.empty() && (base_name(it->first) == file || base_name(it->first) == stem + ".txt")) return it;
    return texts.end();
}

// The string values of a JSON-LD property that may be one value or an array.
std::vector<const Json*> as_list(const Json* v) {
    std::vector<const Json*> out;
    if (!v) return out;
    if (v->is_array())
        for (const Json& e : *v) out.push_back(&e);
    else
        out.push_back(v);
    return out;
}

bool has_type(const Json& j, std::string_view type) {
    for (const Json* t : as_list(member(j, "type")))
        if (t->is_string() && t->get<std::string>() == type) return true;
    return false;
}

std::string string_or_empty(const Json* v) { return v && v->is_string() ? v->get<std::string>() : std::string(); }

// A creator as an annotator name: a string as is (a name or an IRI), an agent's name, nickname or id.
std::string creator_name(const Json* creator) {
    for (const Json* c : as_list(creator)) {
        if (c->is_string() && !c->get<std::string>().empty()) return c->get<std::string>();
        for (const char* key : {"name", "nickname", "id"})
            if (std::string v = string_or_empty(member(*c, key)); !v.empty()) return v;
    }
    return {};
}

// The first occurrence of `exact` whose surroundings match prefix and suffix (else the first one).
std::optional<std::size_t> find_quote(std::string_view text, std::string_view exact, std::string_view prefix,
                                      std::string_view suffix) {
    if (exact.empty()) return std::nullopt;
    std::optional<std::size_t> first;
    for (std::size_t at = text.find(exact); at != std::string_view::npos; at = text.find(exact, at + 1)) {
        if (!first) first = at;
        const bool pre = text.substr(0, at).ends_with(prefix);
        const bool suf = text.substr(at + exact.size()).starts_with(suffix);
        if (pre && suf) return at;
    }
    return first;
}

Status read_span(const Json& a, const std::string& at, std::unordered_map<std::string, Source>& sources,
                 std::unordered_map<std::string, std::pair<std::string, std::size_t>>& spans, ImportBuilder& builder) {
    const Json& target = *member(a, "target");
    auto source_id = need_string(target, "source", at + ".target");
    if (!source_id) return source_id.error();
    auto it = sources.find(source_id.value());
    if (it == sources.end())  // read_file found every source first
        return make_error(ErrorKind::Invalid, at + ".target.source: no text for " + quote(source_id.value()));
    const bool external = it->second.external;
    DraftDocument& doc = it->second.doc;
    // The source's annotator: its annotations' creator (the collection's when they name none).
    if (std::string who = creator_name(member(a, "creator")); !who.empty()) {
        if (!it->second.has_creator) doc.annotator = who;
        else if (who != doc.annotator) builder.skipped().note(at + ": creator " + quote(who) + " read as " + quote(doc.annotator) +
                                                             "'s (one annotator per document in a file)");
        it->second.has_creator = true;
    }
    const TextIndex& index = it->second.index;
    std::optional<std::size_t> start, end;
    const Json* exact = nullptr;
    const Json* quote_selector = nullptr;
    bool position_misfit = false;
    const auto selectors = as_list(member(target, "selector"));
    for (std::size_t k = 0; k < selectors.size(); ++k) {
        const Json& sel = *selectors[k];
        const std::string where = at + ".target.selector[" + std::to_string(k) + "]";
        if (has_type(sel, "TextPositionSelector")) {
            auto a0 = need_count(sel, "start", where);
            if (!a0) return a0.error();
            auto a1 = need_count(sel, "end", where);
            if (!a1) return a1.error();
            if (external && (*a0 > *a1 || *a1 > index.code_point_count())) {
                position_misfit = true;  // counted in the page's text, not the file's: the quote decides
                continue;
            }
            auto s = check_code_point(*a0, index.code_point_count(), where, ".start");
            if (!s) return s.error();
            auto e = check_code_point(*a1, index.code_point_count(), where, ".end");
            if (!e) return e.error();
            if (auto bad = check_range(*s, *e, where)) return *bad;
            start = *s;
            end = *e;
        } else if (has_type(sel, "TextQuoteSelector")) {
            quote_selector = &sel;
            exact = member(sel, "exact");
        }
    }
    if (start && exact && exact->is_string()) {
        const std::size_t b0 = index.code_point_to_byte(doc.text, *start), b1 = index.code_point_to_byte(doc.text, *end);
        const std::string_view actual = std::string_view(doc.text).substr(b0, b1 - b0);
        if (external && exact->get<std::string>() != actual) {
            position_misfit = true;
            start.reset();
            end.reset();
        } else if (exact->get<std::string>() != actual)
            return make_error(ErrorKind::Invalid, at + ": TextQuoteSelector.exact " + quote(exact->get<std::string>()) +
                                                      " differs from the text at [" + std::to_string(*start) + ", " +
                                                      std::to_string(*end) + "): " + quote(actual));
    }
    if (!start && exact && exact->is_string()) {
        const std::string e = exact->get<std::string>();
        if (auto byte = find_quote(doc.text, e, string_or_empty(member(*quote_selector, "prefix")),
                                   string_or_empty(member(*quote_selector, "suffix")))) {
            start = index.byte_to_code_point(doc.text, *byte);
            end = index.byte_to_code_point(doc.text, *byte + e.size());
            if (position_misfit)
                builder.skipped().add("position selector that does not fit the given text placed by its quote",
                                      "position selectors that do not fit the given text placed by their quotes", 1, at);
        } else {
            builder.skipped().add("quote not found in the text skipped", "quotes not found in the text skipped", 1, at);
            return Ok{};
        }
    }
    if (!start) {
        builder.skipped().add("annotation without a text position or quote selector skipped",
                              "annotations without a text position or quote selector skipped", 1, at);
        return Ok{};
    }
    DraftSpan span{"", *start, *end, "", "", {}, at};
    std::vector<std::string> labels;
    const auto bodies = as_list(member(a, "body"));
    for (const Json* b : bodies) {
        const std::string purpose = string_or_empty(member(*b, "purpose"));
        const std::string value = string_or_empty(member(*b, "value"));
        if (purpose == "tagging" || purpose == "classifying") labels.push_back(value);
        else if (purpose == "commenting") span.note += (span.note.empty() ? "" : "\n") + value;
        else if (const Json* key = member(*b, "inkspan:attribute"); key && key->is_string())
            span.attributes[key->get<std::string>()] = value;
    }
    if (labels.empty()) {
        builder.skipped().add("annotation without a tagging body skipped (no label)",
                              "annotations without a tagging body skipped (no label)", 1, at);
        return Ok{};
    }
    const std::string id = string_or_empty(member(a, "id"));
    const std::string prefix = "urn:inkspan:" + percent_encode(doc.id) + ":";
    if (id.starts_with(prefix))
        if (auto decoded = percent_decode(std::string_view(id).substr(prefix.size()))) span.id = *decoded;
    if (!id.empty()) spans.emplace(id, std::make_pair(source_id.value(), doc.spans.size()));
    for (std::size_t l = 0; l < labels.size(); ++l) {
        DraftSpan copy = span;
        copy.label = labels[l];
        if (l > 0) copy.id.clear();
        doc.spans.push_back(std::move(copy));
    }
    return Ok{};
}

Status read_file(const std::string& name, const std::string& content, const std::map<std::string, std::string>& texts,
                 std::set<std::string>& used_texts, ImportBuilder& builder) {
    auto parsed = parse_json(content, name);
    if (!parsed) return parsed.error();
    const Json& root = parsed.value();
    // Annotations: a collection's first page, a page, an array, or one annotation.
    const Json* items = nullptr;
    std::string items_place = name + ": ";
    Json single = Json::array();
    if (root.is_array()) {
        items = &root;
    } else if (const Json* first = member(root, "first")) {
        if (!first->is_object())
            return make_error(ErrorKind::Unsupported, name + ": first: pages given by reference cannot be read; embed the page");
        items = member(*first, "items");
        items_place = name + ": first.items";
    } else if (member(root, "items")) {
        items = member(root, "items");
        items_place = name + ": items";
    } else if (root.is_object()) {
        single.push_back(root);
        items = &single;
    }
    if (!items || !items->is_array()) return make_error(ErrorKind::Invalid, name + ": no annotations (expected an AnnotationCollection, a page or an array)");

    std::unordered_map<std::string, Source> sources;
    std::vector<std::string> order;
    for (const Json* s : as_list(member(root, "inkspan:sources"))) {
        auto id = need_string(*s, "id", name + ": inkspan:sources[]");
        if (!id) return id.error();
        auto text = need_string(*s, "inkspan:text", name + ": inkspan:sources[]");
        if (!text) return text.error();
        if (auto bad = check_free_text(text.value(), kMaxTextBytes, name + ": " + id.value())) return *bad;
        Source src;
        src.doc.text = std::move(text.value());
        src.index = TextIndex(src.doc.text);
        const std::string& urn = id.value();
        src.doc.id = urn.starts_with(kSourcePrefix) ? percent_decode(urn.substr(kSourcePrefix.size())).value_or(urn) : urn;
        src.doc.name = string_or_empty(member(*s, "inkspan:name"));
        if (src.doc.name.empty()) src.doc.name = src.doc.id;
        if (auto st = parse_doc_status(string_or_empty(member(*s, "inkspan:status")))) src.doc.status = *st;
        src.doc.annotator = string_or_empty(member(*s, "inkspan:annotator"));
        src.doc.place = name + ": " + urn;
        if (sources.emplace(urn, std::move(src)).second) order.push_back(urn);
    }

    // Sources outside the file (a web page, a file): their text must be given with it, named like
    // the URL's last segment — or, when one source lacks its text, the one text file left over.
    std::vector<std::string> missing;
    auto add_external = [&](const std::string& url, const auto& text, std::string_view how) -> Status {
        if (auto bad = check_free_text(text->second, kMaxTextBytes, text->first)) return *bad;
        Source src;
        src.doc.text = text->second;
        src.index = TextIndex(src.doc.text);
        src.doc.name = std::string(base_name(text->first));
        src.doc.id = clean_id(strip_extension(src.doc.name), "doc");
        src.doc.place = name + ": " + url;
        src.external = true;
        used_texts.insert(text->first);
        builder.skipped().note(name + ": the text of \"" + url + "\" read from " + text->first + std::string(how));  // the whole URL
        sources.emplace(url, std::move(src));
        order.push_back(url);
        return Ok{};
    };
    for (const Json& a : *items) {
        const Json* target = member(a, "target");
        const Json* source = target ? member(*target, "source") : nullptr;
        if (!source || !source->is_string() || sources.count(source->get<std::string>())) continue;
        const std::string& url = source->get_ref<const std::string&>();
        const auto text = find_text_for(texts, url);
        if (text == texts.end()) {
            if (std::find(missing.begin(), missing.end(), url) == missing.end()) missing.push_back(url);
            continue;
        }
        if (auto st = add_external(url, text, ""); !st.ok()) return st.error();
    }
    if (missing.size() == 1) {
        auto left = texts.end();
        std::size_t unused = 0;
        for (auto it = texts.begin(); it != texts.end(); ++it)
            if (!used_texts.count(it->first)) { left = it; ++unused; }
        if (unused == 1) {
            if (auto st = add_external(missing[0], left, " (the one text file given with it)"); !st.ok()) return st.error();
            missing.clear();
        }
    }
    if (!missing.empty()) {
        const std::string file = url_file_name(missing[0]);
        const std::string stem = file.empty() ? "the page" : std::string(strip_extension(file));
        std::string message = name + ": needs the text of \"" + missing[0] + "\": import it together with that text saved as " +
                              stem + ".txt";
        if (file != stem + ".txt" && !file.empty()) message += " (or named " + file + ")";
        if (missing.size() > 1) message += "; and the texts of " + std::to_string(missing.size() - 1) + " other source(s)";
        return make_error(ErrorKind::NeedsFile, message);
    }

    if (std::string who = creator_name(member(root, "creator")); !who.empty())
        for (auto& [urn, src] : sources)
            if (src.doc.annotator.empty()) src.doc.annotator = who;
    std::unordered_map<std::string, std::pair<std::string, std::size_t>> spans;  // annotation id -> (source, draft)
    std::vector<std::size_t> links;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Json& a = (*items)[i];
        const std::string at = items_place + "[" + std::to_string(i) + "]";
        if (!a.is_object()) return make_error(ErrorKind::Invalid, at + ": expected an annotation object");
        const Json* target = member(a, "target");
        if (!target) return make_error(ErrorKind::Invalid, at + ".target: missing");
        if (target->is_object()) {
            if (auto st = read_span(a, at, sources, spans, builder); !st) return st;
        } else {
            links.push_back(i);
        }
    }
    for (std::size_t i : links) {
        const Json& a = (*items)[i];
        const std::string at = items_place + "[" + std::to_string(i) + "]";
        std::vector<std::string> ends;
        if (const Json* h = member(a, "inkspan:head"); h && h->is_string()) {
            ends = {h->get<std::string>(), string_or_empty(member(a, "inkspan:tail"))};
        } else {
            for (const Json* t : as_list(member(a, "target")))
                if (t->is_string()) ends.push_back(t->get<std::string>());
                else if (const Json* id = member(*t, "id"); id && id->is_string()) ends.push_back(id->get<std::string>());
        }
        if (ends.size() != 2) {
            builder.skipped().add("linking annotation without exactly two targets skipped",
                                  "linking annotations without exactly two targets skipped", 1, at);
            continue;
        }
        std::pair<std::string, std::size_t> found[2];
        for (int e = 0; e < 2; ++e) {
            auto it = spans.find(ends[e]);
            if (it == spans.end())
                return make_error(ErrorKind::Invalid, at + ".target: " + quote(ends[e]) + " is not a span annotation of this file");
            found[e] = it->second;
        }
        if (found[0].first != found[1].first) {
            builder.skipped().add("relation between two documents skipped", "relations between two documents skipped", 1, at);
            continue;
        }
        std::string type;
        for (const Json* b : as_list(member(a, "body")))
            if (string_or_empty(member(*b, "purpose")) == "tagging") type = string_or_empty(member(*b, "value"));
        if (type.empty()) {
            builder.skipped().add("link without a tagging body skipped (Inkspan relations are typed)",
                                  "links without a tagging body skipped (Inkspan relations are typed)", 1, at);
            continue;
        }
        DraftDocument& doc = sources.at(found[0].first).doc;
        DraftRelation r{"", type, found[0].second, found[1].second, at};
        const std::string id = string_or_empty(member(a, "id"));
        const std::string prefix = "urn:inkspan:" + percent_encode(doc.id) + ":";
        if (id.starts_with(prefix))
            if (auto decoded = percent_decode(std::string_view(id).substr(prefix.size()))) r.id = *decoded;
        doc.relations.push_back(std::move(r));
    }
    for (const std::string& urn : order)
        if (auto st = builder.add(std::move(sources.at(urn).doc)); !st) return st;
    return Ok{};
}

}  // namespace

Result<ImportedCorpus> import_w3c(const std::map<std::string, std::string>& files, const Schema& current) {
    ImportBuilder builder("W3C", current);
    // Plain text files given with the annotations are the texts of their external sources.
    std::map<std::string, std::string> texts;
    for (const auto& [name, content] : files)
        if (lower_extension(name) == ".txt") texts.emplace(name, content);
    std::set<std::string> used;
    for (const auto& [name, content] : files)
        if (!texts.count(name))
            if (auto st = read_file(name, content, texts, used, builder); !st) return st.error();
    for (const auto& [name, content] : texts)
        if (!used.count(name)) builder.skipped().note(name + " ignored (no annotation's source is named like it)");
    return builder.finish();
}

}  // namespace inkspan::formats
