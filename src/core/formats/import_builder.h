#pragma once
// The one validated way the dataset readers build documents: a reader parses a file into drafts
// (offsets already converted to code points and range-checked), the builder checks everything the
// model requires and turns the drafts into Documents, or refuses the whole import.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/formats/format.h"
#include "core/formats/format_util.h"
#include "core/result.h"
#include "core/schema.h"
#include "core/utf8_text.h"

namespace inkspan::formats {

struct DraftSpan {
    std::string id;                  // the file's id when worth keeping, "" to number it T<n>
    std::size_t start = 0, end = 0;  // code points
    std::string label;
    std::string note;
    Attributes attributes;
    std::string place;  // for messages: "doc1.ann line 4"
    std::vector<std::string> agreed_by;  // gold provenance, where the format holds it (Label Studio's meta)
    std::size_t line = 0;  // instead of `place`: the line (from 1) of DraftDocument::lines_of, made a place only for a message
    std::uint64_t id_hash = 0;  // std::hash of `id` when the reader made one for its own lookups (0: not known)
    std::size_t start_byte = std::string::npos;  // the byte offset of `start` in the text when the reader knows it
};

struct DraftRelation {
    std::string id;                  // "" to number it R<n>
    std::string type;
    std::size_t head = 0, tail = 0;  // indexes into DraftDocument::spans
    std::string place;
    std::vector<std::string> agreed_by;
    std::size_t line = 0;  // as DraftSpan::line
};

struct DraftDocument {
    std::string id;    // sanitised and made unique within the import
    std::string name;
    std::string text;  // valid UTF-8 (readers check it before converting offsets)
    DocStatus status = DocStatus::New;
    std::string annotator;
    std::vector<DraftSpan> spans;
    std::vector<DraftRelation> relations;
    std::string place;  // "doc1.txt", "corpus.jsonl line 3"
    // The file whose lines DraftSpan::line and DraftRelation::line count ("doc1.ann"): a reader
    // of thousands of lines names them this way, without a string per span.
    std::string lines_of;
};

class ImportBuilder {
public:
    // `format_name` prefixes the skip sentences ("brat: ...").
    ImportBuilder(std::string_view format_name, const Schema& current);

    // Types a file declares (brat's annotation.conf), added even when no span uses them. A relation
    // type declared again (another conf line) also allows what that line allows; relations that
    // no line allows are kept and listed as violations of `source` ("annotation.conf"). Argument
    // labels that are no entity type when the import ends are left out, reported at `place`.
    // Types the current schema has keep the current rule. Once a `source` declared entity (or
    // event) types, spans whose label it does not declare are kept and listed as violations too.
    void declare_entity_type(std::string_view name, std::string_view source = {});
    void declare_event_type(std::string_view name, std::string_view source);  // accepted as a label, not added as a type
    void declare_relation_type(RelationType type, std::string_view source = {}, std::string_view place = {});
    // What the reader itself skipped.
    Tally& skipped() { return skipped_; }

    // Validates one document and keeps it. Refusals (out-of-range offsets, spans ending before
    // they start, over-limit texts, notes or counts) name the draft's place.
    [[nodiscard]] Status add(DraftDocument draft);
    // The same for a draft whose text was checked as UTF-8 already (draft.text is not used).
    [[nodiscard]] Status add(DraftDocument draft, Utf8Text text);
    [[nodiscard]] Result<ImportedCorpus> finish();

private:
    [[nodiscard]] Status add_document(DraftDocument draft, std::optional<Utf8Text> text);
    [[nodiscard]] std::string type_name(std::string_view raw);  // "" when it cannot be made valid
    void use_entity(const std::string& name);
    [[nodiscard]] const RelationType* relation_rule(const std::string& name) const;

    struct DeclaredRule {
        RelationType rule;  // as the file declares it (labels may not be entity types)
        std::string source, place;
    };
    [[nodiscard]] bool declared_allows(const std::string& type, const std::string& head, const std::string& tail) const;
    [[nodiscard]] std::string rule_text(const std::string& type) const;  // "annotation.conf allows A → B, C → B"

    const Schema& current_;
    std::map<std::string, std::vector<DeclaredRule>> declared_;  // new relation types, by name
    std::set<std::string> declared_labels_;                      // entity and event types a file declares
    std::string labels_source_;                                  // that file ("annotation.conf")
    std::map<std::string, RelationType> widened_current_;        // current relation types, widened
    Tally skipped_;
    ImportedCorpus out_;
    std::set<std::string> doc_ids_;
};

// ---- JSON Lines formats (doccano, spaCy/Prodigy): one document per line --------------------

// The line as a JSON object ("<file> line <n>: expected a JSON object per line" otherwise).
[[nodiscard]] Result<Json> parse_jsonl_object(std::string_view line, const std::string& place);

// What every JSON Lines reader takes from a line's object: "text" (required, checked), the id
// (<file stem>-<line>, or <file stem>-<the line's `id_key` member> when given, or meta.id), and
// meta's name, status and annotator; the name defaults to the id.
[[nodiscard]] Status read_jsonl_document(const Json& line, const std::string& file, std::size_t number,
                                         const char* id_key, DraftDocument& doc);

// Imports every non-blank line of every file with read(file, line number, line, builder).
template <class ReadLine>
[[nodiscard]] Result<ImportedCorpus> import_jsonl(std::string_view format_name, const std::map<std::string, std::string>& files,
                                                  const Schema& current, ReadLine&& read) {
    ImportBuilder builder(format_name, current);
    const Status st = for_each_jsonl_line(files, [&](const std::string& file, std::size_t number, std::string_view line) {
        return read(file, number, line, builder);
    });
    if (!st) return st.error();
    return builder.finish();
}

// A valid id from any text: whitespace and control characters become '_', cut to 64 bytes;
// `fallback` when nothing is left.
[[nodiscard]] std::string clean_id(std::string_view raw, std::string_view fallback);

}  // namespace inkspan::formats
