#include "core/formats/format.h"

#include <set>

#include "core/formats/brat.h"
#include "core/formats/conll.h"
#include "core/formats/doccano.h"
#include "core/formats/format_util.h"
#include "core/formats/label_studio.h"
#include "core/formats/spacy_jsonl.h"
#include "core/formats/w3c_annotation.h"
#include "core/json_guard.h"
#include "core/limits.h"
#include "core/utf8.h"

namespace inkspan::formats {

const std::vector<FormatInfo>& dataset_formats() {
    static const std::vector<FormatInfo> kFormats = {
        {"brat", "brat standoff", ".ann"},
        {"conll", "CoNLL 2003 (IOB2)", ".conll"},
        {"spacy", "spaCy / Prodigy JSONL", ".jsonl"},
        {"doccano", "doccano JSONL", ".jsonl"},
        {"labelstudio", "Label Studio JSON", ".json"},
        {"w3c", "W3C Web Annotation", ".jsonld"},
    };
    return kFormats;
}

const FormatInfo* find_format(std::string_view id) {
    for (const FormatInfo& f : dataset_formats())
        if (f.id == id) return &f;
    return nullptr;
}

std::vector<std::size_t> all_documents(const Corpus& corpus) {
    std::vector<std::size_t> all(corpus.documents.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

Result<ExportedFiles> export_corpus(std::string_view format_id, const Corpus& corpus,
                                    const std::vector<std::size_t>& doc_indexes) {
    for (std::size_t i : doc_indexes)
        if (i >= corpus.documents.size())
            return make_error(ErrorKind::NotFound, "document index " + std::to_string(i) + " is past the end of the corpus (" +
                                                       std::to_string(corpus.documents.size()) + " documents)");
    if (format_id == "brat") return export_brat(corpus, doc_indexes);
    if (format_id == "conll") return export_conll(corpus, doc_indexes);
    if (format_id == "spacy") return export_spacy(corpus, doc_indexes);
    if (format_id == "doccano") return export_doccano(corpus, doc_indexes);
    if (format_id == "labelstudio") return export_label_studio(corpus, doc_indexes);
    if (format_id == "w3c") return export_w3c(corpus, doc_indexes);
    return make_error(ErrorKind::Unsupported, "unknown export format \"" + std::string(format_id) + "\"");
}

std::vector<std::string> losses_for(std::string_view format_id, const Corpus& corpus,
                                    const std::vector<std::size_t>& doc_indexes) {
    auto exported = export_corpus(format_id, corpus, doc_indexes);
    if (!exported) return {exported.error().message};
    return std::move(exported->losses);
}

namespace {

// What every import refuses before reading a file: too many bytes, a known binary format.
std::optional<Error> unreadable(const std::string& name, const std::string& content) {
    if (content.size() > kMaxInputBytes)
        return make_error(ErrorKind::TooLarge, name + ": " + std::to_string(content.size()) +
                                                   " bytes, over the limit of " + std::to_string(kMaxInputBytes));
    return known_binary_format(name, content);
}

// Imported documents whose ids `current` already uses get "<id>-2", "<id>-3", ...
Result<ImportedCorpus> with_fresh_ids(Result<ImportedCorpus> imported, const Corpus& current) {
    if (!imported) return imported;
    std::set<std::string> taken;
    for (const Document& d : current.documents) taken.insert(d.id());
    for (const Document& d : imported->documents) taken.insert(d.id());
    for (Document& d : imported->documents) {
        if (!current.find_document(d.id())) continue;
        const std::string base = d.id().size() > kMaxIdBytes - 8 ? std::string("doc") : d.id();
        std::string id;
        for (std::size_t n = 2; id.empty() || taken.count(id); ++n) id = base + "-" + std::to_string(n);
        taken.insert(id);
        for (SchemaViolation& v : imported->violations)
            if (v.doc == d.id()) v.doc = id;
        d = d.with_id(id).value();  // ids made here are valid
    }
    return imported;
}

}  // namespace

Result<ImportedCorpus> import_files(std::string_view format_id, const std::map<std::string, std::string>& files,
                                    const Schema& current_schema, const ImportOptions& options) {
    if (files.empty()) return make_error(ErrorKind::Invalid, "no files to import");
    Utf8Files checked;  // each file refused as before: its size, a binary format, then its UTF-8
    for (const auto& [name, content] : files) {
        if (auto bad = unreadable(name, content)) return *bad;
        if (auto bad = checked.add(name, content)) return *bad;
    }
    return import_utf8_files(format_id, checked, current_schema, options);
}

Result<ImportedCorpus> import_utf8_files(std::string_view format_id, const Utf8Files& checked, const Schema& current_schema,
                                         const ImportOptions& options) {
    const std::map<std::string, std::string>& files = checked.files();
    if (files.empty()) return make_error(ErrorKind::Invalid, "no files to import");
    for (const auto& [name, content] : files)
        if (auto bad = unreadable(name, content)) return *bad;
    if (format_id == "brat") return import_brat(checked, current_schema);
    if (format_id == "conll") return import_conll(files, current_schema, options);
    if (format_id == "spacy") return import_spacy(files, current_schema);
    if (format_id == "doccano") return import_doccano(files, current_schema);
    if (format_id == "labelstudio") return import_label_studio(files, current_schema);
    if (format_id == "w3c") return import_w3c(files, current_schema);
    if (format_id == "inkspan")
        return make_error(ErrorKind::Unsupported, "inkspan files are read by the inkspan JSON loader, not the dataset importers");
    return make_error(ErrorKind::Unsupported, "unknown import format \"" + std::string(format_id) + "\"");
}

Result<ImportedCorpus> import_files(std::string_view format_id, const std::map<std::string, std::string>& files,
                                    const Corpus& current, const ImportOptions& options) {
    return with_fresh_ids(import_files(format_id, files, current.schema, options), current);
}

Result<ImportedCorpus> import_utf8_files(std::string_view format_id, const Utf8Files& files, const Corpus& current,
                                         const ImportOptions& options) {
    return with_fresh_ids(import_utf8_files(format_id, files, current.schema, options), current);
}

namespace {

std::string_view skip_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    return s;
}

std::string_view skip_bom_and_blanks(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    return skip_blanks(s);
}

// The keys of the first object of a JSON text (the root object, the first element of a root
// array, or the first line of JSON Lines), read with nlohmann's SAX parser: no tree is built and
// it stops at the end of that object, or as soon as it reads "format": "inkspan".
struct FirstObjectKeys {
    std::set<std::string, std::less<>> keys;
    bool inkspan = false;     // "format": "inkspan"
    bool finished = false;    // stopped on purpose, not at a syntax error
    std::size_t depth = 0;    // containers open
    std::size_t target = 0;   // the depth inside the first object, once it opened
    bool format_key = false;  // the last key of the first object was "format"

    bool has(std::string_view key) const { return keys.count(key) > 0; }
    bool stop() { return !(finished = true); }
    // A scalar before the first object (a root scalar, or a root array's first element) ends the look.
    bool scalar() { return target != 0 || stop(); }

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number_integer(Json::number_integer_t) { return scalar(); }
    bool number_unsigned(Json::number_unsigned_t) { return scalar(); }
    bool number_float(Json::number_float_t, const Json::string_t&) { return scalar(); }
    bool binary(Json::binary_t&) { return scalar(); }
    bool string(Json::string_t& s) {
        if (depth == target && format_key && s == "inkspan") {
            inkspan = true;
            return stop();
        }
        return scalar();
    }
    bool start_object(std::size_t) {
        if (target == 0) target = depth + 1;  // the root object, or a root array's first element
        ++depth;
        return true;
    }
    bool start_array(std::size_t) {
        if (target == 0 && depth > 0) return stop();  // a root array's first element is an array
        ++depth;
        return true;
    }
    bool key(Json::string_t& k) {
        if (depth == target) {
            format_key = k == "format";
            keys.insert(k);
        }
        return true;
    }
    bool end_object() { return depth-- != target || stop(); }
    bool end_array() { return --depth != 0 || target != 0 || stop(); }  // an empty root array
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

std::optional<std::string> format_of(const FirstObjectKeys& k) {
    if (k.inkspan) return "inkspan";
    if (k.has("@context") || k.has("target")) return "w3c";
    if (k.has("data") && (k.has("annotations") || k.has("predictions") || k.has("completions"))) return "labelstudio";
    if (k.has("text")) {
        if (k.has("entities") || k.has("label") || k.has("labels") || k.has("annotations")) return "doccano";
        if (k.has("spans") || k.has("tokens")) return "spacy";
    }
    return std::nullopt;
}

// What every inkspan file written by this app starts with (after a BOM and blanks): decides
// without reading further; the loader checks the rest.
bool starts_with_inkspan_marker(std::string_view body) {
    auto skip = [&](std::string_view token) {
        if (!body.starts_with(token)) return false;
        body = skip_blanks(body.substr(token.size()));
        return true;
    };
    return skip("{") && skip("\"format\"") && skip(":") && skip("\"inkspan\"") && (skip(",") || skip("}"));
}

// Ok when `content` is one JSON text or JSON Lines (validated without building trees); otherwise
// the error of the whole text, or of the first bad line when the first line is JSON on its own.
Status check_json_or_lines(std::string_view content, const std::string& place) {
    if (Json::accept(content)) return Ok{};
    const std::vector<std::string_view> lines = split_lines(content);
    bool first = true;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        if (is_ascii_blank(lines[n]) || Json::accept(lines[n])) {
            first = first && is_ascii_blank(lines[n]);
            continue;
        }
        return first ? json_syntax_error(content, place) : json_syntax_error(lines[n], place + " line " + std::to_string(n + 1));
    }
    return Ok{};
}

}  // namespace

std::optional<Error> known_binary_format(std::string_view file_name, std::string_view content) {
    // spaCy's DocBin is zlib-compressed msgpack: a zlib header (0x78, then a byte that makes the
    // pair a multiple of 31), which is never valid UTF-8 text.
    const bool zlib = content.size() >= 2 && static_cast<unsigned char>(content[0]) == 0x78 &&
                      ((0x78 << 8) | static_cast<unsigned char>(content[1])) % 31 == 0 && find_invalid_utf8(content);
    if (lower_extension(file_name) == ".spacy" || zlib)
        return make_error(ErrorKind::Unsupported,
                          std::string(file_name) + ": spaCy DocBin binary files are not supported yet; export JSONL from spaCy");
    return std::nullopt;
}

Result<std::optional<std::string>> detect_format(std::string_view file_name, std::string_view content) {
    if (auto binary = known_binary_format(file_name, content)) return *binary;
    const std::string ext = lower_extension(file_name);
    if (ext == ".ann" || base_name(file_name) == "annotation.conf") return {"brat"};
    if (ext == ".conll" || ext == ".iob" || ext == ".iob2" || ext == ".bio") return {"conll"};
    if (ext == ".jsonld") return {"w3c"};
    const std::string_view body = skip_bom_and_blanks(content);
    // A .txt is CoNLL (CoNLL-2003 files are .txt) or text, never JSON, whatever it starts with
    // ("[1] Introduction", "{draft}"): found by fuzz_text_view.
    if (ext == ".txt") return looks_like_conll(body) ? std::optional<std::string>("conll") : std::nullopt;
    const bool json_name = ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
    if (!json_name && !body.starts_with('{') && !body.starts_with('[')) {
        if (looks_like_conll(body)) return {"conll"};
        return std::optional<std::string>();
    }
    if (starts_with_inkspan_marker(body)) return {"inkspan"};
    const std::string place(file_name);
    if (Status guarded = check_json_limits(content); !guarded)
        return make_error(guarded.error().kind, place + ": " + guarded.error().message);
    FirstObjectKeys keys;
    if (!Json::sax_parse(content.begin(), content.end(), &keys) && !keys.finished)
        return json_syntax_error(content, place);
    if (auto format = format_of(keys)) return format;
    if (Status st = check_json_or_lines(content, place); !st) return st.error();
    return std::optional<std::string>();
}

std::optional<std::string> sniff_format(std::string_view file_name, std::string_view content) {
    auto format = detect_format(file_name, content);
    return format ? std::move(format.value()) : std::nullopt;
}

std::optional<std::string> sniff_format(std::string_view file_name, const ByteSource& file) {
    return sniff_format(file_name, read_bytes(file, 0, kSniffBytes));
}

Result<std::optional<std::string>> detect_files(const std::map<std::string, std::string>& files) {
    for (const auto& [name, content] : files)
        if (lower_extension(name) == ".ann") return {"brat"};
    for (const auto& [name, content] : files) {
        auto format = detect_format(name, content);
        if (!format || format.value()) return format;
    }
    return std::optional<std::string>();
}

std::optional<std::string> sniff_files(const std::map<std::string, std::string>& files) {
    auto format = detect_files(files);
    return format ? std::move(format.value()) : std::nullopt;
}

std::optional<Error> find_empty_file(const std::map<std::string, std::string>& files) {
    for (const auto& [name, content] : files)
        if (lower_extension(name) == ".ann" || base_name(name) == "annotation.conf") return std::nullopt;
    for (const auto& [name, content] : files)
        if (content.empty()) return make_error(ErrorKind::Invalid, name + ": the file is empty");
    return std::nullopt;
}

Schema merge_schema(const Schema& current, const ImportedCorpus& imported) {
    Schema merged = current;
    for (const RelationType& r : imported.widened_relation_types)
        for (RelationType& m : merged.relations)
            if (m.name == r.name) m = r;
    for (const EntityType& e : imported.new_entity_types) merged.entities.push_back(e);
    for (const RelationType& r : imported.new_relation_types) merged.relations.push_back(r);
    return merged;
}

}  // namespace inkspan::formats
