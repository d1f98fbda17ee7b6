// libFuzzer target: tokenize, split_sentences, word_at and snap_to_words on arbitrary valid UTF-8.
// Invariants are checked with __builtin_trap so they hold in release-like builds too.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/sentences.h"
#include "core/text_index.h"
#include "core/tokenizer.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {
void check(bool ok) {
    if (!ok) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (find_invalid_utf8(text)) return 0;
    const TextIndex index(text);
    const std::vector<Token> tokens = tokenize(text);

    // Tokens: ordered, non-empty, no separators inside, every other code point covered, offsets agree.
    std::size_t covered_to = 0;  // byte up to which every non-separator is covered
    for (const Token& t : tokens) {
        check(t.byte_start < t.byte_end && t.byte_end <= text.size() && t.byte_start >= covered_to);
        for (std::size_t p = covered_to; p < t.byte_start;) check(is_token_separator(decode_utf8(text, p)));
        for (std::size_t p = t.byte_start; p < t.byte_end;) check(!is_token_separator(decode_utf8(text, p)));
        check(t.start == index.byte_to_code_point(text, t.byte_start));
        check(t.end == index.byte_to_code_point(text, t.byte_end));
        covered_to = t.byte_end;
    }
    for (std::size_t p = covered_to; p < text.size();) check(is_token_separator(decode_utf8(text, p)));

    // Sentences partition the tokens.
    const std::vector<Sentence> sentences = split_sentences(text, tokens);
    std::size_t next = 0;
    for (const Sentence& s : sentences) {
        check(s.first_token == next && s.end_token > s.first_token && s.end_token <= tokens.size());
        check(s.range.start == tokens[s.first_token].start && s.range.end == tokens[s.end_token - 1].end);
        next = s.end_token;
    }
    check(next == tokens.size());

    // Local lookups agree with the full tokenization (on a few positions, to keep the target fast).
    const std::size_t n = index.code_point_count();
    std::size_t k = 0;
    for (std::size_t cp = 0; cp <= n; cp += 1 + n / 16, ++k) {
        const auto w = word_at(text, index, cp);
        if (w) {
            bool found = false;
            for (const Token& t : tokens) found = found || (t.byte_start == w->byte_start && t.byte_end == w->byte_end);
            check(found && w->start <= cp && cp <= w->end);
        }
        const std::size_t end = std::min(n, cp + k % 7);
        const auto r = snap_to_words(text, index, cp, end);
        const Token* first = nullptr;
        const Token* last = nullptr;
        for (const Token& t : tokens)
            if (cp < end && t.start < end && t.end > cp) {
                if (!first) first = &t;
                last = &t;
            }
        check(r.has_value() == (first != nullptr));
        if (r) check(r->start == first->start && r->end == last->end && r->byte_start == first->byte_start);
    }
    return 0;
}
