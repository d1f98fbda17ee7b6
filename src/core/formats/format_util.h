#pragma once
// Helpers shared by the dataset format readers and writers: file names, lines, tallies of what a
// format lost or skipped, JSON field access that never throws, offset unit checks, token cover.
#include <cstddef>
#include <map>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/corpus.h"
#include "core/document.h"
#include "core/result.h"
#include "core/text_index.h"
#include "core/tokenizer.h"

namespace inkspan::formats {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;  // writers: keys in the order a reader expects them

// ---- file names

// A file-name stem for a document: its name without folders and without a final ".txt", with
// characters that file systems and zip tools refuse replaced by '_'; the id when that is empty. A layer's
// stem ends with its annotator ("talks-bob"): it shares its document's name.
[[nodiscard]] std::string file_stem(const Document& doc);
// Sanitises any text the same way (at most 100 bytes); "" when nothing usable is left.
[[nodiscard]] std::string sanitize_file_stem(std::string_view name);
// Hands out file names that differ, ignoring ASCII case, from every one handed out before:
// take("a", ".txt") = "a.txt", then "a-2.txt".
class UniqueNames {
public:
    [[nodiscard]] std::string take(std::string_view stem, std::string_view extension);
    void reserve(std::string_view name);  // a fixed name (e.g. annotation.conf) nobody else may take

private:
    std::set<std::string> taken_;  // lower-cased
};

// The name of a single-file export: the document's stem for one document, "inkspan-corpus" for
// several, plus `extension`.
[[nodiscard]] std::string export_file_name(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes,
                                           std::string_view extension);

[[nodiscard]] std::string_view base_name(std::string_view path);       // "a/b/doc.ann" -> "doc.ann"
[[nodiscard]] std::string_view strip_extension(std::string_view path);  // "a/doc.ann" -> "a/doc"
[[nodiscard]] std::string lower_extension(std::string_view path);      // "a/Doc.ANN" -> ".ann"; "" when none

// ---- lines

// The lines of `s` without their "\n" or "\r\n"; no empty last line after a final line break.
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view s);
// Splits at every `sep`: split("a\tb", '\t') = {"a", "b"}.
[[nodiscard]] std::vector<std::string_view> split(std::string_view s, char sep);
// Splits at runs of ASCII spaces and tabs, dropping empty fields.
[[nodiscard]] std::vector<std::string_view> split_blanks(std::string_view s);
void split_blanks(std::string_view s, std::vector<std::string_view>& into);  // the same into a vector reused line after line
[[nodiscard]] bool is_ascii_blank(std::string_view s);  // only spaces and tabs (or empty)
[[nodiscard]] std::optional<std::size_t> parse_count(std::string_view digits);  // "0".."4294967295" only

// Calls read(file, line number from 1, line) for every non-blank line of every file (JSON Lines
// formats); stops at the first error and returns it.
template <class ReadLine>
[[nodiscard]] Status for_each_jsonl_line(const std::map<std::string, std::string>& files, ReadLine&& read) {
    for (const auto& [name, content] : files) {
        const std::vector<std::string_view> lines = split_lines(content);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            if (is_ascii_blank(lines[n])) continue;
            if (auto st = read(name, n + 1, lines[n]); !st) return st.error();
        }
    }
    return Ok{};
}

// ---- tallies

// Counts what a writer lost or a reader skipped and renders one sentence per kind, in first-seen
// order: "CoNLL: 3 nested or overlapping spans dropped (kept the outermost)".
class Tally {
public:
    explicit Tally(std::string prefix) : prefix_(std::move(prefix)) {}
    // `one` and `many` are the phrases after the count; `first_place` is shown as "(first: ...)".
    void add(std::string_view one, std::string_view many, std::size_t n = 1, std::string_view first_place = {});
    void note(std::string sentence);  // a sentence without a count
    [[nodiscard]] std::vector<std::string> sentences() const;
    [[nodiscard]] bool empty() const { return entries_.empty(); }

private:
    struct Entry {
        std::string one, many, first_place, sentence;
        std::size_t count = 0;
    };
    std::string prefix_;
    std::vector<Entry> entries_;
};

// For formats with no room for gold provenance (agreed_by): counts the spans and relations of
// `doc` that carry one, as "<n> gold provenances dropped (who agreed on a span or relation)".
void tally_dropped_provenance(Tally& losses, const Document& doc);

// ---- JSON

// Parses without exceptions, after check_json_limits (json_guard.h); errors read
// `<place>: invalid JSON at line 3, column 14` or `<place>: JSON nested deeper than 64 levels at ...`.
[[nodiscard]] Result<Json> parse_json(std::string_view text, std::string_view place);
// The error parse_json gives for `text` that nlohmann's parser refuses (where it gives up).
[[nodiscard]] Error json_syntax_error(std::string_view text, std::string_view place);
// Serialises with `indent` (-1: one line); never aborts on bad UTF-8 (replaced, though the model
// only holds valid UTF-8).
[[nodiscard]] std::string dump_json(const OrderedJson& value, int indent = -1);

// The member `key` of `object`, or nullptr when `object` is not an object or has no such key.
[[nodiscard]] const Json* member(const Json& object, std::string_view key);
// A required string member; errors name `place.key`.
[[nodiscard]] Result<std::string> need_string(const Json& object, std::string_view key, std::string_view place);
// A required non-negative integer member (floats and negative numbers refused).
[[nodiscard]] Result<std::uint64_t> need_count(const Json& object, std::string_view key, std::string_view place);
[[nodiscard]] Result<std::uint64_t> as_count(const Json& value, std::string_view place);
// The text of a JSON id that may be a string or an integer (doccano, Label Studio).
[[nodiscard]] std::optional<std::string> id_text(const Json& value);

// ---- offsets

// A code point offset from a file: refused past the end, `<place>: 5120 is past the end of the
// text (4890 code points)`.
// `place` + `what` name it in the message (kept apart so that no string is built unless it fails).
[[nodiscard]] Result<std::size_t> check_code_point(std::uint64_t cp, std::size_t length, std::string_view place,
                                                  std::string_view what = {});
// A UTF-16 offset from a file converted to code points; refused past the end or between the two
// halves of a surrogate pair.
[[nodiscard]] Result<std::size_t> utf16_to_code_point(std::string_view text, const TextIndex& index,
                                                      std::uint64_t u16, std::string_view place);
// Start and end together: start < end, both in range (code points).
[[nodiscard]] std::optional<Error> check_range(std::size_t start, std::size_t end, std::string_view place);

// ---- tokens

// The tokens a code point range touches: tokens[first..last] (inclusive). `any` is false when the
// range touches no token (only separators); `aligned` when it starts and ends on token edges.
struct TokenCover {
    std::size_t first = 0, last = 0;
    bool any = false, aligned = false;
};
[[nodiscard]] TokenCover cover_tokens(const std::vector<Token>& tokens, std::size_t start, std::size_t end);

// ---- URNs

// Percent-encodes the bytes of `s` that may not appear bare in a URN (keeps A-Z a-z 0-9 - . _ ~
// and every non-ASCII byte as %XX too, so the result is plain ASCII).
[[nodiscard]] std::string percent_encode(std::string_view s);
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view s);

// "1 span", "3 spans".
[[nodiscard]] std::string counted(std::size_t n, std::string_view one, std::string_view many);

}  // namespace inkspan::formats
