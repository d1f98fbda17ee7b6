#pragma once
// The native file format, "inkspan JSON": one schema and a corpus of documents (see
// docs/FORMATS.md). Offsets are code points, start inclusive, end exclusive. The loader checks
// everything before it returns anything: a file loads whole or is refused with a message that
// names the place, e.g. `documents[3].spans[17].end: 5120 is past the end of the text (4890 code points)`.
// The writer is deterministic (fixed key order, 2-space indent, one span or relation per line,
// trailing newline), so files diff well in git and save(load(s)) == s for files it wrote.
#include <string>
#include <string_view>

#include "core/byte_source.h"
#include "core/corpus.h"
#include "core/result.h"

namespace inkspan {

// The newest version this app reads. Version 2 added annotator layers ("layer_of") and provenance
// ("agreed_by"); a file that uses neither is written as version 1, so older apps still read it.
inline constexpr unsigned kInkspanFormatVersion = 2;
// The version a file of these documents is written as.
[[nodiscard]] unsigned inkspan_version_needed(const Corpus& corpus);

struct InkspanReadOptions {
    // Labels and relation types the file uses but its schema lacks are refused (ErrorKind::Invalid,
    // the message lists them); with this set they are added to the schema instead (entity types
    // with the next palette colour, relation types from any label to any label, directed), so the
    // UI can offer "add the missing types and load".
    bool add_unknown_types = false;
    // Bytes read from a ByteSource at a time while the file is scanned (tests make it tiny so that
    // strings, escapes and UTF-8 sequences straddle window boundaries).
    std::size_t read_window = std::size_t{1} << 20;
};

// Reads the file a window at a time: it scans the windows for the root object and each element
// of "documents" (checking UTF-8 and check_json_limits on the way), then reads and parses one
// document at a time, so it holds a window or one document plus the root without its documents,
// never the whole file. A file of another shape (e.g. two "documents" keys, or something other
// than objects in the array), or one the limits refuse, is read whole and parsed as one tree; a
// syntax error reads it whole again to place the error. Results and messages are the same either way.
[[nodiscard]] Result<Corpus> parse_inkspan_json(const ByteSource& source, const InkspanReadOptions& options = {});
// The same over bytes in memory.
[[nodiscard]] Result<Corpus> parse_inkspan_json(std::string_view json, const InkspanReadOptions& options = {});

// The whole corpus.
[[nodiscard]] std::string write_inkspan_json(const Corpus& corpus);
// One document with the schema (for "export this document").
[[nodiscard]] std::string write_inkspan_json(const Schema& schema, const Document& document);

// The pieces of a file, as they appear in it: the "schema" object and one element of
// "documents". Browser storage keeps them as separate records and joins them into a file again.
[[nodiscard]] std::string write_schema_json(const Schema& schema);
[[nodiscard]] std::string write_document_json(const Document& document);

// write_document_json a few spans or relations at a time, so a big document is saved without
// holding the main thread (the same bytes in the end). The document must not change meanwhile:
// start again if it did.
class DocumentJsonWriter {
public:
    explicit DocumentJsonWriter(const Document& document);
    // Writes while `budget` lasts, spending one per span, per relation, per kTextBytesPerItem of
    // the text and for the fields before it; true when the whole document is written.
    bool write_some(std::size_t& budget);
    static constexpr std::size_t kTextBytesPerItem = 2048;
    [[nodiscard]] std::string take() { return std::move(out_); }

private:
    enum class Stage { Head, Text, Spans, Relations, Done };
    const Document* doc_;
    Stage stage_ = Stage::Head;
    std::size_t next_ = 0;  // the next span or relation to write, or bytes of the text written
    std::string out_;
};

}  // namespace inkspan
