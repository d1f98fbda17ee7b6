#include "core/inkspan_json_scan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "core/json_string_bytes.h"
#include "core/limits.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

bool is_number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

// The byte-at-a-time machine. The string rule (a quote opens, a backslash skips the next byte, a
// quote closes) is the one check_json_limits and the old whole-text splitter used, so all three
// agree on what is inside a string. Once the shape is not plain, or check_json_limits would refuse
// the file (nesting, a long or infinite number), it gives up: the whole-text path then says
// exactly what today's messages say.
class Scanner {
public:
    explicit Scanner(DocumentScan& out) : out_(out) {}
    bool given_up() const { return given_up_; }

    void feed(std::string_view piece, std::size_t offset) {
        const std::size_t n = piece.size();
        for (std::size_t k = 0; k < n && !given_up_; ++k) {
            if (in_string_ && !escape_ && !capturing_key_) {
                // Most of a file is the texts' strings: run to the next quote or backslash at once.
                const std::size_t end = find_json_string_special(piece, k);  // control characters are a step each
                if (!open_ || close_) out_.root.append(piece.substr(k, end - k));
                if ((k = end) == n) break;
            } else if (number_length_ && open_ && !close_ && depth_ >= 3) {
                // The rest of a number inside a document: only its characters are noted.
                for (; k < n && is_number_char(piece[k]); ++k) add_to_number(piece[k]);
                if (k == n) break;
            } else if (inside_a_document()) {
                // Between a document's strings, brackets and numbers (blanks, colons, commas,
                // true/false/null) the machine has nothing to note; nor in a whole string there
                // without escapes, nor in a whole number check_json_limits takes (no exponent, at
                // most kMaxJsonNumberChars): past them all at once, to what it has.
                k = skip_unnoted(piece, k);
                if (k == n) break;
            }
            step(piece[k], offset + k);
        }
    }

    void finish() {
        if (given_up_) return;
        if (number_length_) end_number();
        if (in_string_ || !open_ || !close_ || out_.ranges.size() > kMaxDocuments) given_up_ = true;
    }

private:
    // Inside an element of "documents", outside its strings and numbers.
    bool inside_a_document() const { return open_ && !close_ && depth_ >= 3 && !in_string_ && number_length_ == 0; }
    // What step() does anything with there: a string, a bracket or the start of a number.
    static constexpr std::array<bool, 256> kNotedInADocument = [] {
        std::array<bool, 256> noted{};
        for (const char c : std::string_view("\"{}[]-0123456789")) noted[static_cast<unsigned char>(c)] = true;
        return noted;
    }();

    static std::size_t skip_unnoted(std::string_view piece, std::size_t k) {
        const std::size_t n = piece.size();
        for (;;) {
            while (k < n && !kNotedInADocument[static_cast<unsigned char>(piece[k])]) ++k;
            if (k == n) return k;
            if (piece[k] == '"') {
                const std::size_t close = find_json_string_special(piece, k + 1);
                if (close < n && piece[close] == '"') {
                    k = close + 1;
                    continue;
                }
            } else if (piece[k] == '-' || (piece[k] >= '0' && piece[k] <= '9')) {
                std::size_t end = k + 1;
                while (end < n && is_number_char(piece[end]) && piece[end] != 'e' && piece[end] != 'E') ++end;
                if (end < n && !is_number_char(piece[end]) && end - k <= kMaxJsonNumberChars) {
                    k = end;
                    continue;
                }
            }
            return k;  // a bracket, or a string or number step() must see
        }
    }

    void step(char c, std::size_t i) {
        const bool before_documents = !open_;
        if (in_string_) {
            if (escape_) escape_ = false;
            else if (c == '\\') escape_ = true;
            else if (c == '"') {
                in_string_ = false;
                string_closed();
                keep(c, before_documents);
                return;
            }
            if (capturing_key_ && key_.size() <= 9) key_ += c;  // "documents" has 9 bytes: one more says "longer"
            keep(c, before_documents);
            return;
        }
        if (number_length_) {
            if (is_number_char(c)) {
                add_to_number(c);
                other(c);
                keep(c, before_documents);
                return;
            }
            end_number();
            if (given_up_) return;
        }
        if (c == '"') {
            in_string_ = true;
            capturing_key_ = depth_ == 1 && expect_key_;
            key_.clear();
        } else if (c == '{' || c == '[') {
            if (depth_ >= kMaxJsonDepth) return give_up();  // check_json_limits: nested too deep
            if (depth_ == 0 && c != '{') return give_up();
            if (depth_ == 1 && key_was_documents_) {
                if (c != '[' || open_) return give_up();
                open_ = true;
            } else if (depth_ == 2 && open_ && !close_) {
                if (c != '{' || last_between_ == Between::Document) return give_up();  // no comma before it
                element_ = i;
            }
            ++depth_;
            if (depth_ == 1) expect_key_ = true;
        } else if (c == '}' || c == ']') {
            if (depth_ == 0) return give_up();
            --depth_;
            if (depth_ == 2 && open_ && !close_) {
                out_.ranges.emplace_back(element_, i + 1);
                last_between_ = Between::Document;
            }
            if (depth_ == 1 && open_ && !close_) {
                if (last_between_ == Between::Comma) return give_up();  // a comma before the ']'
                close_ = true;
            }
            if (out_.ranges.size() > kMaxDocuments) return give_up();
        } else if (c == ',' && depth_ == 1) {
            expect_key_ = true;
            key_was_documents_ = false;
        } else {
            if (c == '-' || (c >= '0' && c <= '9')) {
                number_[0] = c;
                number_length_ = 1;
                exponent_ = false;
            }
            other(c);
        }
        keep(c, before_documents);
    }

    void add_to_number(char c) {
        if (number_length_ < kMaxJsonNumberChars) number_[number_length_] = c;
        ++number_length_;
        exponent_ = exponent_ || c == 'e' || c == 'E';
    }

    // Bytes up to and including the documents' '[' and from their ']' on make the root.
    void keep(char c, bool before_documents) {
        if (!given_up_ && (before_documents || close_)) out_.root += c;
    }

    void string_closed() {
        if (depth_ == 1 && expect_key_) key_was_documents_ = key_ == "documents";
        if (depth_ == 1) expect_key_ = false;
        if (depth_ == 2 && open_ && !close_) give_up();  // a string among the documents
    }

    // A byte that is neither a string, a bracket nor the root's comma: among the documents only
    // blanks and one comma after each document but the last may stand between the objects.
    void other(char c) {
        if (depth_ != 2 || !open_ || close_ || c == ' ' || c == '\n' || c == '\r' || c == '\t') return;
        if (c != ',' || last_between_ != Between::Document) return give_up();
        last_between_ = Between::Comma;
    }

    // check_json_limits' number rule: too long, or not finite as a double.
    void end_number() {
        const std::size_t length = number_length_;
        number_length_ = 0;
        if (length > kMaxJsonNumberChars) return give_up();
        if (exponent_) {
            number_[length] = '\0';
            if (std::isinf(std::strtod(number_, nullptr))) give_up();
        }
    }

    void give_up() {
        given_up_ = true;
        out_.root.clear();
        out_.root.shrink_to_fit();
        out_.ranges = {};
    }

    DocumentScan& out_;
    bool given_up_ = false;
    bool in_string_ = false, escape_ = false, capturing_key_ = false;
    std::string key_;  // the depth-1 key being read, up to 10 bytes
    std::size_t depth_ = 0;
    bool open_ = false, close_ = false;  // the documents array has opened / closed
    bool key_was_documents_ = false, expect_key_ = false;
    std::size_t element_ = 0;  // where the document being read began
    // What came last among the documents: their '[', a document or a comma (JSON wants a comma
    // between two documents and none after the last; the tree reader would refuse the others).
    enum class Between { Open, Document, Comma } last_between_ = Between::Open;
    char number_[kMaxJsonNumberChars + 1] = {};
    std::size_t number_length_ = 0;
    bool exponent_ = false;
};

}  // namespace

DocumentScan scan_documents(const ByteSource& source, std::size_t window) {
    window = std::max<std::size_t>(window, 1);
    DocumentScan out;
    Scanner scanner(out);
    Utf8Checker utf8;
    std::string piece;
    for (std::size_t at = 0; at < source.size() && !scanner.given_up(); at += window) {
        piece.resize(std::min(window, source.size() - at));
        source.read(at, piece.size(), piece.data());
        // The UTF-8 check comes first, as in the whole-text read: its error wins over any other.
        if (auto bad = utf8.feed(piece)) {
            out = DocumentScan{DocumentScan::Outcome::InvalidUtf8, *bad, {}, {}};
            return out;
        }
        scanner.feed(piece, at);
    }
    if (scanner.given_up()) return DocumentScan{};
    if (auto bad = utf8.finish()) return DocumentScan{DocumentScan::Outcome::InvalidUtf8, *bad, {}, {}};
    scanner.finish();
    if (scanner.given_up()) return DocumentScan{};
    out.outcome = DocumentScan::Outcome::Split;
    return out;
}

}  // namespace inkspan
