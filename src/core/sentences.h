#pragma once
// Sentence splitting on top of the tokenizer (used by the CoNLL export, which writes a blank line
// between sentences). A sentence is a run of whole tokens, so a boundary never cuts a token:
// - a blank line (two line breaks with only whitespace between) or U+2029 always ends a sentence;
//   a single line break does not (hard-wrapped text);
// - . ! ? … (and ‼ ⁇ 。 ؟ ...) end a sentence when whitespace and then an uppercase or uncased
//   letter, a digit, an opening quote or bracket, a dash or a symbol follow, or the text ends;
//   never before a lowercase letter or , ; : (« etc., et al. »);
// - 。 ！ ？ end a sentence even without whitespace after them (Chinese, Japanese);
// - closing quotes and brackets right after the mark belong to the sentence (« Fin. » and “End.”
//   — a » or ” separated by spaces too, as French typography puts one before »);
// - a period after a known abbreviation (M. Mme Dr p. cf. ...) or after a single letter (J. R. R.
//   Tolkien, e.g., J.-C.) does not end a sentence.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/text_range.h"
#include "core/tokenizer.h"

namespace inkspan {

struct Sentence {
    TextRange range;  // from the first token's start to the last token's end
    std::size_t first_token = 0, end_token = 0;  // tokens[first_token, end_token) of the tokenization
};

// `tokens` must be tokenize(text). Every token belongs to exactly one sentence, in order.
[[nodiscard]] std::vector<Sentence> split_sentences(std::string_view text, std::span<const Token> tokens);
[[nodiscard]] std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace inkspan
