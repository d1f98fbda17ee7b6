#pragma once
// The dataset formats behind Export and Import: brat standoff, CoNLL IOB2, spaCy/Prodigy JSONL,
// doccano JSONL, Label Studio JSON and W3C Web Annotation. Everything goes from and to strings
// (no I/O); each format's offset unit is converted at its boundary (docs/FORMATS.md).
// The native inkspan JSON format is not handled here (see inkspan_json.h).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_source.h"
#include "core/corpus.h"
#include "core/result.h"
#include "core/schema.h"
#include "core/schema_fit.h"
#include "core/utf8_text.h"

namespace inkspan::formats {

// What an export produces: file name → content. One entry is a plain download; several are the
// entries of a zip (brat, or a dataset split). `losses` says, before the download, what the format
// could not hold, one sentence per kind with counts: "CoNLL: 3 relations dropped (CoNLL has no
// relations)". Output is deterministic: same corpus, same bytes.
struct ExportedFiles {
    std::map<std::string, std::string> files;
    std::vector<std::string> losses;
};

// What an import produces, validated whole (nothing is half-read). The documents use labels and
// relation types of `current_schema` plus the new ones listed here (colours taken from the
// palette after the current types, no hotkeys; relation types accept any labels unless the file
// declares its argument types). `skipped` says what the reader could not represent, with counts.
// A CoNLL file whose token lines have several columns made only of tags (CoNLL 2003: POS, chunk
// and NER — the chunk column is B-NP, I-VP, ...): which one was read as the tags, and the others
// the user may choose instead. Columns are 0-based.
struct TagColumnChoice {
    std::string file;
    std::size_t columns = 0;                 // fields on a token line
    std::vector<std::size_t> candidates;     // every column made only of tags, in order
    std::vector<std::string> samples;        // for each candidate: its first distinct values, "B-NP I-NP B-VP"
    std::size_t chosen = 0;
    bool from_options = false;               // chosen by ImportOptions (the user's earlier answer)
};

// Choices a user made earlier that change how a file is read.
struct ImportOptions {
    std::map<std::size_t, std::size_t> conll_tag_column;  // columns on a token line → the tag column (0-based)
};

struct ImportedCorpus {
    std::vector<Document> documents;
    std::vector<EntityType> new_entity_types;
    std::vector<RelationType> new_relation_types;
    std::vector<std::string> skipped;
    // Annotations kept although the file's own rules (brat's annotation.conf) or the current
    // schema do not allow them, and the current relation types widened to allow them (replaced
    // by merge_schema); the app lists them and asks before widening.
    std::vector<SchemaViolation> violations;
    std::vector<RelationType> widened_relation_types;
    std::vector<TagColumnChoice> tag_columns;  // CoNLL files with more than one possible tag column
};

struct FormatInfo {
    std::string_view id;          // "brat", "conll", "spacy", "doccano", "labelstudio", "w3c"
    std::string_view name;        // for menus: "brat standoff"
    std::string_view extension;   // of the file a single-file export writes; brat: ".ann"
};
// The six dataset formats, in menu order.
[[nodiscard]] const std::vector<FormatInfo>& dataset_formats();
[[nodiscard]] const FormatInfo* find_format(std::string_view id);

// Exports corpus.documents[i] for each i of `doc_indexes`, in that order. Errors: an unknown
// format id (Unsupported) or an index past the end (NotFound).
[[nodiscard]] Result<ExportedFiles> export_corpus(std::string_view format_id, const Corpus& corpus,
                                                  const std::vector<std::size_t>& doc_indexes);
// The `losses` of that export without keeping the files (what the Export dialog shows).
[[nodiscard]] std::vector<std::string> losses_for(std::string_view format_id, const Corpus& corpus,
                                                  const std::vector<std::size_t>& doc_indexes);
// Every index of the corpus, for a corpus-wide export.
[[nodiscard]] std::vector<std::size_t> all_documents(const Corpus& corpus);

// Reads the files of one format (brat: the .txt/.ann pairs, optionally annotation.conf; the
// others: one or more files, each read in turn). Errors name the file and the place:
// `doc1.ann line 7: span end 5120 is past the end of the text (4890 code points)`.
[[nodiscard]] Result<ImportedCorpus> import_files(std::string_view format_id,
                                                  const std::map<std::string, std::string>& files,
                                                  const Schema& current_schema, const ImportOptions& options = {});

// The same, for adding to `current`: its schema is the current schema, and imported documents
// whose ids `current` already uses get "<id>-2", "<id>-3", ... so they can be appended as they are.
[[nodiscard]] Result<ImportedCorpus> import_files(std::string_view format_id,
                                                  const std::map<std::string, std::string>& files,
                                                  const Corpus& current, const ImportOptions& options = {});
// Both, for files whose UTF-8 was checked already (App::import_files checks every file it is
// given): the same results and messages, without checking them again.
[[nodiscard]] Result<ImportedCorpus> import_utf8_files(std::string_view format_id, const Utf8Files& files,
                                                       const Schema& current_schema, const ImportOptions& options = {});
[[nodiscard]] Result<ImportedCorpus> import_utf8_files(std::string_view format_id, const Utf8Files& files,
                                                       const Corpus& current, const ImportOptions& options = {});

// A binary file of a tool whose format Inkspan does not read, known by its extension or its first
// bytes before any UTF-8 check: `train.spacy: spaCy DocBin binary files are not supported yet;
// export JSONL from spaCy` (Unsupported). nullopt for anything else.
[[nodiscard]] std::optional<Error> known_binary_format(std::string_view file_name, std::string_view content);

// The format of one file from its name and content: one of the six ids, "inkspan" for a native
// file, or nullopt (e.g. a plain .txt, which the caller opens as a new document). JSON is read no
// further than needed, and never into a tree: an inkspan file is known by its first key
// ("format": "inkspan", what the writer puts first; the loader checks the rest), other JSON by the
// keys of its first object (the root object, a root array's first element, or the first line of
// JSON Lines). A JSON file (.json, .jsonl, .ndjson, or content starting with '{' or '[') that
// check_json_limits refuses, whose first object is not valid JSON, or which names no format and is
// neither JSON nor JSON Lines, gives that error, named after the file: `data.json: invalid JSON at
// line 3, column 14` (Malformed), `data.json: JSON nested deeper than 64 levels at line 1, column
// 65` (TooLarge).
[[nodiscard]] Result<std::optional<std::string>> detect_format(std::string_view file_name, std::string_view content);
// The same, with errors as nullopt.
[[nodiscard]] std::optional<std::string> sniff_format(std::string_view file_name, std::string_view content);
// sniff_format of the file's first kSniffBytes: enough to know an inkspan file (its first key)
// without reading the rest; a file it does not recognise may still be one of the formats.
inline constexpr std::size_t kSniffBytes = 16 << 10;
[[nodiscard]] std::optional<std::string> sniff_format(std::string_view file_name, const ByteSource& file);
// The format of a set of dropped files: "brat" when any is a .ann, otherwise the format of the
// first file that detect_format recognises (or the first error it gives, in name order).
[[nodiscard]] Result<std::optional<std::string>> detect_files(const std::map<std::string, std::string>& files);
[[nodiscard]] std::optional<std::string> sniff_files(const std::map<std::string, std::string>& files);

// `<name>: the file is empty` for the first empty file of a set, except in a brat set (one with a
// .ann or annotation.conf), where an empty .ann is a document without annotations.
[[nodiscard]] std::optional<Error> find_empty_file(const std::map<std::string, std::string>& files);

// `current` with the imported corpus's widened relation types replaced and its new types appended
// (what the UI applies before adding the documents).
[[nodiscard]] Schema merge_schema(const Schema& current, const ImportedCorpus& imported);

}  // namespace inkspan::formats
