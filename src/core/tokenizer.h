#pragma once
// Rule-based tokenizer for annotation (word snapping, CoNLL/spaCy export). The rules are in
// docs/TOKENIZER.md; in short: whitespace is never a token, words keep their combining marks,
// inner hyphens and apostrophes (Saint-Pétersbourg, aujourd’hui), French elision splits after the
// apostrophe (l’ Atlantique), numbers keep . , - between digits (3,5 2016-2018), each punctuation
// mark is a token ("..." is one), and an emoji with its modifiers or ZWJ sequence is one token.
// Whitespace always separates tokens, so any stretch between two whitespace characters can be
// tokenized on its own: word_at and snap_to_words use that to stay local on 16 MB texts.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/text_index.h"
#include "core/text_range.h"

namespace inkspan {

enum class TokenKind : std::uint8_t {
    Word,    // starts with a letter or contains one: Istanbul, l’, COVID-19, 10h30
    Number,  // digits with inner . , -: 18, 3,5, 1.000.000, 2016-2018
    Punct,   // one punctuation mark, or a run of dots: , « » ( ... —
    Symbol,  // anything else, one grapheme each: € + © 😀 👍🏽 👨‍👩‍👧 🇫🇷
};

struct Token {
    std::size_t byte_start = 0, byte_end = 0;
    std::size_t start = 0, end = 0;  // code points
    TokenKind kind = TokenKind::Word;
    // The code point right after the token is whitespace (any kind: space, U+00A0, newline). For
    // spaCy's single-space `ws`, check that the byte at byte_end is ' '.
    bool space_after = false;

    [[nodiscard]] TextRange range() const { return {byte_start, byte_end, start, end}; }
    [[nodiscard]] std::string_view text(std::string_view whole) const {
        return whole.substr(byte_start, byte_end - byte_start);
    }
};

// Characters that separate tokens without being part of any: is_space() plus the invisible U+200B
// (zero width space), U+FEFF (byte order mark) and bidi controls (U+061C, U+200E, U+200F,
// U+202A–202E, U+2066–2069), so that no token is made of an invisible character.
[[nodiscard]] bool is_token_separator(char32_t cp);

// Every token of `text` (valid UTF-8), in order. Linear time.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

// The token under code point `cp` (for a double click), or when `cp` is whitespace or the end of
// the text, the token that ends at `cp` (a caret right after a word). nullopt amid whitespace.
// `index` must be built from `text`. Cost: the whitespace-free stretch around `cp`.
[[nodiscard]] std::optional<Token> word_at(std::string_view text, const TextIndex& index, std::size_t cp);

// Grows the code-point selection [start, end) to whole tokens: the result starts at the start of
// the first token it touches and ends at the end of the last one. Whitespace at its edges is
// dropped; nullopt when the selection is empty or covers only whitespace. Cost: the two
// whitespace-free stretches at the selection's ends, whatever the selection's length.
[[nodiscard]] std::optional<TextRange> snap_to_words(std::string_view text, const TextIndex& index,
                                                     std::size_t start, std::size_t end);

}  // namespace inkspan
