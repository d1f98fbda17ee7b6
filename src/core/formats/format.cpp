#include "core/formats/format.h"

#include <set>

#include "core/formats/brat.h"
#include "core/formats/conll.h"
#include "core/formats/doccano.h"
#include "core/formats/format_util.h"
#include "core/formats/label_studio.h"
#include "core/formats/spacy_jsonl.h"
#include "core/formats/w3c_annotation.h"
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

Result<ImportedCorpus> import_files(std::string_view format_id, const std::map<std::string, std::string>& files,
                                    const Schema& current_schema) {
    if (files.empty()) return make_error(ErrorKind::Invalid, "no files to import");
    for (const auto& [name, content] : files) {
        if (content.size() > kMaxInputBytes)
            return make_error(ErrorKind::TooLarge, name + ": " + std::to_string(content.size()) +
                                                       " bytes, over the limit of " + std::to_string(kMaxInputBytes));
        if (auto bad = find_invalid_utf8(content))
            return make_error(ErrorKind::InvalidUtf8, name + ": invalid UTF-8 at byte " + std::to_string(*bad));
    }
    if (format_id == "brat") return import_brat(files, current_schema);
    if (format_id == "conll") return import_conll(files, current_schema);
    if (format_id == "spacy") return import_spacy(files, current_schema);
    if (format_id == "doccano") return import_doccano(files, current_schema);
    if (format_id == "labelstudio") return import_label_studio(files, current_schema);
    if (format_id == "w3c") return import_w3c(files, current_schema);
    if (format_id == "inkspan")
        return make_error(ErrorKind::Unsupported, "inkspan files are read by the inkspan JSON loader, not the dataset importers");
    return make_error(ErrorKind::Unsupported, "unknown import format \"" + std::string(format_id) + "\"");
}

namespace {

// A copy of `doc` under another id (Document ids are fixed at creation).
Document with_id(const Document& doc, std::string id) {
    Document copy = Document::create(std::move(id), doc.name(), doc.text()).value();
    copy.set_status(doc.status());
    copy.set_annotator(doc.annotator());
    copy.set_created(doc.created());
    copy.set_modified(doc.modified());
    if (doc.span_count() > 0) copy.insert_spans(std::vector<Span>(doc.spans().begin(), doc.spans().end()));
    if (!doc.relations().empty()) copy.insert_relations(doc.relations());
    return copy;
}

}  // namespace

Result<ImportedCorpus> import_files(std::string_view format_id, const std::map<std::string, std::string>& files,
                                    const Corpus& current) {
    auto imported = import_files(format_id, files, current.schema);
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
        d = with_id(d, id);
    }
    return imported;
}

namespace {

std::string_view skip_bom_and_blanks(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    return s;
}

std::optional<std::string> sniff_json_object(const Json& j) {
    if (!j.is_object()) return std::nullopt;
    if (const Json* f = member(j, "format"); f && f->is_string() && f->get<std::string>() == "inkspan") return "inkspan";
    if (member(j, "@context") || member(j, "target")) return "w3c";
    if (member(j, "data") && (member(j, "annotations") || member(j, "predictions") || member(j, "completions")))
        return "labelstudio";
    if (member(j, "text")) {
        if (member(j, "entities") || member(j, "label")) return "doccano";
        if (member(j, "spans") || member(j, "tokens")) return "spacy";
    }
    return std::nullopt;
}

std::optional<std::string> sniff_jsonl(std::string_view content) {
    for (std::string_view line : split_lines(content)) {
        if (is_ascii_blank(line)) continue;
        const Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded()) return std::nullopt;
        return sniff_json_object(j);
    }
    return std::nullopt;
}

bool looks_like_conll(std::string_view content) {
    std::size_t checked = 0;
    for (std::string_view line : split_lines(content)) {
        if (is_ascii_blank(line)) continue;
        if (line.starts_with("-DOCSTART-")) return true;
        const auto fields = split_blanks(line);
        if (fields.size() < 2) return false;
        const std::string_view tag = fields.back();
        if (!(tag == "O" || (tag.size() > 2 && tag[1] == '-' && std::string_view("BIES").find(tag[0]) != std::string_view::npos)))
            return false;
        if (++checked == 5) break;
    }
    return checked > 0;
}

}  // namespace

std::optional<std::string> sniff_format(std::string_view file_name, std::string_view content) {
    const std::string ext = lower_extension(file_name);
    if (ext == ".ann" || base_name(file_name) == "annotation.conf") return "brat";
    if (ext == ".conll" || ext == ".iob" || ext == ".iob2" || ext == ".bio") return "conll";
    if (ext == ".jsonld") return "w3c";
    const std::string_view body = skip_bom_and_blanks(content);
    if (ext == ".jsonl" || ext == ".ndjson") return sniff_jsonl(body);
    if (!body.empty() && (body.front() == '{' || body.front() == '[')) {
        const Json j = Json::parse(body, nullptr, false);
        if (j.is_discarded()) return sniff_jsonl(body);  // several JSON lines
        if (j.is_array()) return j.empty() ? std::nullopt : sniff_json_object(j.front());
        return sniff_json_object(j);
    }
    if (looks_like_conll(body)) return "conll";
    return std::nullopt;
}

std::optional<std::string> sniff_files(const std::map<std::string, std::string>& files) {
    for (const auto& [name, content] : files)
        if (lower_extension(name) == ".ann") return "brat";
    for (const auto& [name, content] : files)
        if (auto f = sniff_format(name, content)) return f;
    return std::nullopt;
}

Schema merge_schema(const Schema& current, const ImportedCorpus& imported) {
    Schema merged = current;
    for (const EntityType& e : imported.new_entity_types) merged.entities.push_back(e);
    for (const RelationType& r : imported.new_relation_types) merged.relations.push_back(r);
    return merged;
}

}  // namespace inkspan::formats
