#include "core/formats/spacy_jsonl.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/limits.h"
#include "core/tokenizer.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

OrderedJson span_ref(const Span& s, const TokenCover& c) {
    OrderedJson j;
    j["start"] = s.start;
    j["end"] = s.end;
    if (c.any) {
        j["token_start"] = c.first;
        j["token_end"] = c.last;
    }
    j["label"] = s.label;
    return j;
}

std::string document_line(const Document& doc, Tally& losses) {
    const std::string_view text = doc.text();
    const std::vector<Token> tokens = tokenize(text);
    OrderedJson line;
    line["text"] = doc.text();
    OrderedJson toks = OrderedJson::array();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        OrderedJson j;
        j["text"] = std::string(t.text(text));
        j["start"] = t.start;
        j["end"] = t.end;
        j["id"] = i;
        j["ws"] = t.byte_end < text.size() && text[t.byte_end] == ' ';
        toks.push_back(std::move(j));
    }
    line["tokens"] = std::move(toks);
    std::unordered_map<std::string, TokenCover> covers;
    OrderedJson spans = OrderedJson::array();
    for (const Span& s : doc.spans()) {
        const TokenCover c = cover_tokens(tokens, s.start, s.end);
        covers[s.id] = c;
        if (!c.any)
            losses.add("span covering no token written without token_start/token_end",
                       "spans covering no token written without token_start/token_end");
        else if (!c.aligned)
            losses.add("span does not align with token edges (token_start/token_end name the tokens it touches)",
                       "spans do not align with token edges (token_start/token_end name the tokens they touch)");
        OrderedJson j;
        j["start"] = s.start;
        j["end"] = s.end;
        j["text"] = std::string(doc.span_text(s));
        j["label"] = s.label;
        if (c.any) {
            j["token_start"] = c.first;
            j["token_end"] = c.last;
        }
        if (!s.note.empty()) j["note"] = s.note;
        if (!s.attributes.empty()) j["attributes"] = s.attributes;
        spans.push_back(std::move(j));
    }
    line["spans"] = std::move(spans);
    OrderedJson relations = OrderedJson::array();
    for (const Relation& r : doc.relations()) {
        const Span& head = *doc.find_span(r.head);
        const Span& tail = *doc.find_span(r.tail);
        const TokenCover& hc = covers[r.head];
        const TokenCover& tc = covers[r.tail];
        OrderedJson j;
        if (hc.any) j["head"] = hc.last;
        if (tc.any) j["child"] = tc.last;
        j["head_span"] = span_ref(head, hc);
        j["child_span"] = span_ref(tail, tc);
        j["label"] = r.type;
        relations.push_back(std::move(j));
    }
    line["relations"] = std::move(relations);
    line["answer"] = "accept";
    OrderedJson meta;
    meta["id"] = doc.id();
    meta["name"] = doc.name();
    meta["status"] = std::string(doc_status_name(doc.status()));
    if (!doc.annotator().empty()) meta["annotator"] = doc.annotator();
    line["meta"] = std::move(meta);
    return dump_json(line) + "\n";
}

}  // namespace

ExportedFiles export_spacy(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("spaCy: ");
    std::string content;
    for (std::size_t i : doc_indexes) {
        content += document_line(corpus.documents[i], losses);
        tally_dropped_provenance(losses, corpus.documents[i]);
    }
    out.files[export_file_name(corpus, doc_indexes, ".jsonl")] = std::move(content);
    out.losses = losses.sentences();
    return out;
}

namespace {

using SpanKeys = std::map<std::tuple<std::size_t, std::size_t, std::string>, std::size_t>;
using RangeKeys = std::map<std::pair<std::size_t, std::size_t>, std::size_t>;  // first span on each range

// Finds the draft span a relation's head_span/child_span names.
Result<std::size_t> find_span_ref(const Json& ref, const std::string& place, const SpanKeys& by_key,
                                  const RangeKeys& by_range, std::size_t length) {
    auto s = need_count(ref, "start", place);
    if (!s) return s.error();
    auto e = need_count(ref, "end", place);
    if (!e) return e.error();
    auto start = check_code_point(*s, length, place, ".start");
    if (!start) return start.error();
    auto end = check_code_point(*e, length, place, ".end");
    if (!end) return end.error();
    if (const Json* label = member(ref, "label"); label && label->is_string()) {
        auto it = by_key.find({*start, *end, label->get<std::string>()});
        if (it != by_key.end()) return it->second;
    } else if (auto it = by_range.find({*start, *end}); it != by_range.end()) {
        return it->second;
    }
    return make_error(ErrorKind::Invalid, place + ": [" + std::to_string(*start) + ", " + std::to_string(*end) +
                                              ") is not among the spans of this line");
}

Status read_line(const std::string& file, std::size_t number, std::string_view line, ImportBuilder& builder) {
    const std::string place = file + " line " + std::to_string(number);
    auto parsed = parse_jsonl_object(line, place);
    if (!parsed) return parsed.error();
    const Json& j = parsed.value();
    if (const Json* answer = member(j, "answer"); answer && answer->is_string() && answer->get<std::string>() != "accept") {
        builder.skipped().add("example answered \"reject\" or \"ignore\" skipped",
                              "examples answered \"reject\" or \"ignore\" skipped", 1, place);
        return Ok{};
    }
    DraftDocument doc;
    if (Status st = read_jsonl_document(j, file, number, nullptr, doc); !st) return st;
    // Prodigy names who answered ("news_ner-alex": the dataset and the session's name).
    if (const Json* who = member(j, "_annotator_id"); who && who->is_string() && doc.annotator.empty())
        doc.annotator = who->get<std::string>();
    const TextIndex index(doc.text);
    const std::size_t length = index.code_point_count();

    SpanKeys by_key;
    RangeKeys by_range;
    std::map<std::size_t, std::size_t> by_end;  // first span ending at each offset
    if (const Json* spans = member(j, "spans")) {
        if (!spans->is_array()) return make_error(ErrorKind::Invalid, place + ": spans: expected an array");
        for (std::size_t i = 0; i < spans->size(); ++i) {
            const Json& s = (*spans)[i];
            const std::string where = place + ": spans[" + std::to_string(i) + "]";
            if (!s.is_object()) return make_error(ErrorKind::Invalid, where + ": expected an object");
            auto a = need_count(s, "start", where);
            if (!a) return a.error();
            auto b = need_count(s, "end", where);
            if (!b) return b.error();
            auto start = check_code_point(*a, length, where, ".start");
            if (!start) return start.error();
            auto end = check_code_point(*b, length, where, ".end");
            if (!end) return end.error();
            if (auto bad = check_range(*start, *end, where)) return *bad;
            auto label = need_string(s, "label", where);
            if (!label) return label.error();
            if (const Json* covered = member(s, "text"); covered && covered->is_string()) {
                const std::size_t b0 = index.code_point_to_byte(doc.text, *start), b1 = index.code_point_to_byte(doc.text, *end);
                const std::string_view actual = std::string_view(doc.text).substr(b0, b1 - b0);
                if (covered->get<std::string>() != actual)
                    return make_error(ErrorKind::Invalid, where + ".text " + quote(covered->get<std::string>()) +
                                                              " differs from the text at [" + std::to_string(*start) + ", " +
                                                              std::to_string(*end) + "): " + quote(actual));
            }
            DraftSpan span{"", *start, *end, label.value(), "", {}, where};
            if (const Json* note = member(s, "note"); note && note->is_string()) span.note = note->get<std::string>();
            if (const Json* attrs = member(s, "attributes"); attrs && attrs->is_object())
                for (const auto& [k, v] : attrs->items())
                    if (v.is_string()) span.attributes[k] = v.get<std::string>();
            by_key.try_emplace({*start, *end, label.value()}, doc.spans.size());
            by_range.try_emplace({*start, *end}, doc.spans.size());
            by_end.try_emplace(*end, doc.spans.size());
            doc.spans.push_back(std::move(span));
        }
    }
    if (const Json* relations = member(j, "relations")) {
        if (!relations->is_array()) return make_error(ErrorKind::Invalid, place + ": relations: expected an array");
        const Json* tokens = member(j, "tokens");
        for (std::size_t i = 0; i < relations->size(); ++i) {
            const Json& r = (*relations)[i];
            const std::string where = place + ": relations[" + std::to_string(i) + "]";
            if (!r.is_object()) return make_error(ErrorKind::Invalid, where + ": expected an object");
            auto label = need_string(r, "label", where);
            if (!label) return label.error();
            const Json* hs = member(r, "head_span");
            const Json* cs = member(r, "child_span");
            if (hs && cs && hs->is_object() && cs->is_object()) {
                auto head = find_span_ref(*hs, where + ".head_span", by_key, by_range, length);
                if (!head) return head.error();
                auto tail = find_span_ref(*cs, where + ".child_span", by_key, by_range, length);
                if (!tail) return tail.error();
                doc.relations.push_back({"", label.value(), *head, *tail, where});
                continue;
            }
            // Token-level relation (dependency style): the span that ends on that token, if any.
            auto span_ending_at = [&](const char* key) -> std::optional<std::size_t> {
                const Json* t = member(r, key);
                if (!t || !t->is_number_unsigned() || !tokens || !tokens->is_array()) return std::nullopt;
                const std::uint64_t k = t->get<std::uint64_t>();
                if (k >= tokens->size()) return std::nullopt;
                const Json* end = member((*tokens)[static_cast<std::size_t>(k)], "end");
                if (!end || !end->is_number_unsigned()) return std::nullopt;
                const auto it = by_end.find(static_cast<std::size_t>(std::min<std::uint64_t>(end->get<std::uint64_t>(), length + 1)));
                return it == by_end.end() ? std::nullopt : std::optional<std::size_t>(it->second);
            };
            const auto head = span_ending_at("head"), tail = span_ending_at("child");
            if (!head || !tail) {
                builder.skipped().add("relation between tokens that no span ends on skipped",
                                      "relations between tokens that no span ends on skipped", 1, where);
                continue;
            }
            doc.relations.push_back({"", label.value(), *head, *tail, where});
        }
    }
    return builder.add(std::move(doc));
}

}  // namespace

Result<ImportedCorpus> import_spacy(const std::map<std::string, std::string>& files, const Schema& current) {
    return import_jsonl("spaCy", files, current, read_line);
}

}  // namespace inkspan::formats
