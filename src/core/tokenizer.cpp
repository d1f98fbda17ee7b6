#include "core/tokenizer.h"

#include <algorithm>
#include <vector>

#include <wordbreak.h>
extern "C" {
#include <linebreakdef.h>  // (lb_get_char_class, declared without extern "C")
}

#include "core/graphemes.h"
#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

// French elided words: an apostrophe right after one of them ends the token (l’ | Atlantique).
bool is_elision_prefix(std::string_view word) {
    if (word.empty() || word.size() > 6) return false;
    char lower[6];
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char ch = word[i];
        lower[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    }
    const std::string_view w(lower, word.size());
    for (std::string_view p : {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
        if (w == p) return true;
    return false;
}

bool is_alnum(char32_t cp) { return cp != kNoCodePoint && (is_letter(cp) || is_digit(cp)); }

// Letters of scripts written without spaces between words that UAX #14 calls complex context
// (Line_Break=SA: Thai, Lao, Khmer, Myanmar, Tai Tham, ...), from libunibreak's table.
bool is_complex_context(char32_t cp) {
    if (cp < 0x0E00) return false;
    LineBreakContext context{};
    return lb_get_char_class(&context, cp) == LBP_SA;
}

// Produces the tokens of text[byte, ...) one at a time. `byte` must be at a token boundary (the
// start of the text or just after a separator).
class TokenScanner {
public:
    TokenScanner(std::string_view text, std::size_t byte, std::size_t cp)
        : text_(text), byte_(byte), cp_(cp), graphemes_(text, text.size()) {}

    bool next(Token& out) {
        std::size_t len = 0;
        char32_t c = peek(byte_, len);
        while (c != kNoCodePoint && is_token_separator(c)) {
            take(len);
            c = peek(byte_, len);
        }
        if (c == kNoCodePoint) return false;
        out.byte_start = byte_;
        out.start = cp_;
        if (is_alnum(c)) out.kind = scan_word(c, len);
        else if (is_punctuation(c)) { scan_punct(c, len); out.kind = TokenKind::Punct; }
        else { scan_symbol(c, len); out.kind = TokenKind::Symbol; }
        out.byte_end = byte_;
        out.end = cp_;
        const char32_t after = peek(byte_, len);
        out.space_after = after != kNoCodePoint && is_space(after);
        return true;
    }

private:
    char32_t peek(std::size_t at, std::size_t& len) const { return peek_utf8(text_, at, len); }
    void take(std::size_t len) { byte_ += len; ++cp_; }
    void take_until(std::size_t byte) {  // whole code points up to `byte`
        for (; byte_ < byte; ++byte_) cp_ += !is_utf8_continuation(static_cast<unsigned char>(text_[byte_]));
    }

    // Consumes extenders after a base; returns true when the last one was a ZWJ.
    bool skip_extenders() {
        bool zwj = false;
        std::size_t len = 0;
        for (char32_t c = peek(byte_, len); c != kNoCodePoint && is_extender(c); c = peek(byte_, len)) {
            take(len);
            zwj = c == kZeroWidthJoiner;
        }
        return zwj;
    }

    TokenKind scan_word(char32_t c, std::size_t len) {
        const std::size_t token_byte = byte_;
        if (is_complex_context(c)) {
            scan_complex();
            return TokenKind::Word;
        }
        bool all_digits = true;
        for (;;) {  // c is a letter or digit at byte_
            const bool ideograph = is_ideograph(c);
            if ((ideograph || is_complex_context(c)) && byte_ != token_byte) break;
            const bool letter = is_letter(c), digit = !letter;
            all_digits = all_digits && digit;
            take(len);
            skip_extenders();
            if (ideograph) break;
            std::size_t n_len = 0, n2_len = 0;
            const char32_t n = peek(byte_, n_len);
            if (n == kNoCodePoint) break;
            if (is_alnum(n)) {
                if (is_ideograph(n) || is_complex_context(n)) break;
                c = n, len = n_len;
                continue;
            }
            const char32_t n2 = peek(byte_ + n_len, n2_len);
            const bool joinable = is_alnum(n2) && !is_ideograph(n2);
            if (is_apostrophe(n)) {
                if (is_elision_prefix(text_.substr(token_byte, byte_ - token_byte))) {
                    take(n_len);
                    skip_extenders();
                    break;
                }
                if (!(letter && joinable && is_letter(n2))) break;
            } else if (is_hyphen(n)) {
                if (!joinable) break;
            } else if (n == U'.' || n == U',') {
                if (!(digit && joinable && is_digit(n2))) break;
            } else {
                break;
            }
            take(n_len);  // the joiner; n2 is the next base
            c = n2, len = n2_len;
        }
        return all_digits ? TokenKind::Number : TokenKind::Word;
    }

    void scan_punct(char32_t c, std::size_t len) {
        take(len);
        skip_extenders();
        if (c != U'.') return;
        for (c = peek(byte_, len); c == U'.'; c = peek(byte_, len)) {  // "..." is one token
            take(len);
            skip_extenders();
        }
    }

    // One extended grapheme cluster (UAX #29): a symbol with its modifiers, an emoji ZWJ sequence,
    // a flag, a Prepend sign with what it prefixes.
    // A Prepend sign before whitespace (GB9b joins them) ends at the whitespace: it is no token.
    void scan_symbol(char32_t c, std::size_t len) {
        const std::size_t end = graphemes_.cluster_end(byte_);
        take(len);
        for (c = peek(byte_, len); byte_ < end && !is_token_separator(c); c = peek(byte_, len)) take(len);
    }

    // Up to the next UAX #29 word boundary (libunibreak) that is also a grapheme cluster boundary,
    // within the run of complex-context letters and their marks at byte_. Without a dictionary,
    // UAX #29 separates such letters from each other (not from their marks): a cluster a token.
    void scan_complex() {
        if (byte_ >= run_end_ || byte_ < run_start_) {
            run_start_ = byte_;
            std::size_t p = byte_, len = 0;
            for (char32_t c = peek(p, len); c != kNoCodePoint && (is_complex_context(c) || is_extender(c)); c = peek(p, len))
                p += len;
            run_end_ = p;
            word_breaks_.resize(run_end_ - run_start_);
            set_wordbreaks_utf8(reinterpret_cast<const utf8_t*>(text_.data() + run_start_), word_breaks_.size(),
                                nullptr, word_breaks_.data());
        }
        std::size_t end = byte_;
        do end = graphemes_.cluster_end(end);
        while (end < run_end_ && word_breaks_[end - 1 - run_start_] != WORDBREAK_BREAK);
        take_until(end);
    }

    std::string_view text_;
    std::size_t byte_, cp_;
    GraphemeScanner graphemes_;
    std::size_t run_start_ = 0, run_end_ = 0;  // the complex-context run word_breaks_ describes
    std::vector<char> word_breaks_;
};

// A token boundary at or before byte `b`, close to it: the start of the whitespace-free stretch
// that contains `b`, or an ideograph (which always starts a token) on the way back to it. The
// scanner looks at nothing before a token's start, so scanning from there gives the same tokens
// as tokenizing the whole text (and long texts of Chinese or Japanese stay cheap).
std::size_t stretch_start(std::string_view text, std::size_t b) {
    while (b > 0) {
        std::size_t q = b - 1;
        while (q > 0 && is_utf8_continuation(static_cast<unsigned char>(text[q]))) --q;
        std::size_t p = q;
        const char32_t c = decode_utf8(text, p);
        if (is_token_separator(c)) break;
        b = q;
        if (is_ideograph(c) && is_letter(c)) break;  // (an unassigned one is a symbol, which ZWJ can join)
    }
    return b;
}

// The token containing byte `b`, which must not be a separator.
Token token_containing(std::string_view text, const TextIndex& index, std::size_t b) {
    const std::size_t from = stretch_start(text, b);
    TokenScanner scanner(text, from, index.byte_to_code_point(text, from));
    Token token;
    while (scanner.next(token) && token.byte_end <= b) {}
    return token;
}

bool separator_at(std::string_view text, std::size_t b) {
    std::size_t p = b;
    return is_token_separator(decode_utf8(text, p));
}

std::size_t previous_code_point(std::string_view text, std::size_t b) {
    do --b;
    while (b > 0 && is_utf8_continuation(static_cast<unsigned char>(text[b])));
    return b;
}

}  // namespace

bool is_token_separator(char32_t cp) {
    if (cp < 0x80) return is_space(cp);
    return is_space(cp) || cp == 0x200B || cp == 0xFEFF ||  // zero width space, byte order mark
           cp == 0x061C || cp == 0x200E || cp == 0x200F ||  // bidi marks (ALM, LRM, RLM)
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);  // bidi embeddings, isolates
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);
    TokenScanner scanner(text, 0, 0);
    Token token;
    while (scanner.next(token)) tokens.push_back(token);
    return tokens;
}

std::optional<Token> word_at(std::string_view text, const TextIndex& index, std::size_t cp) {
    const std::size_t count = index.code_point_count();
    if (cp > count) return std::nullopt;
    const std::size_t b = index.code_point_to_byte(text, cp);
    if (cp < count && !separator_at(text, b)) return token_containing(text, index, b);
    if (cp == 0) return std::nullopt;
    const std::size_t before = previous_code_point(text, b);
    if (separator_at(text, before)) return std::nullopt;
    return token_containing(text, index, before);
}

std::optional<TextRange> snap_to_words(std::string_view text, const TextIndex& index, std::size_t start,
                                       std::size_t end) {
    end = std::min(end, index.code_point_count());
    if (start >= end) return std::nullopt;
    std::size_t b_start = index.code_point_to_byte(text, start);
    std::size_t b_end = index.code_point_to_byte(text, end);
    while (b_start < b_end && separator_at(text, b_start))
        b_start += utf8_sequence_length(static_cast<unsigned char>(text[b_start]));
    if (b_start == b_end) return std::nullopt;
    std::size_t last = previous_code_point(text, b_end);
    while (separator_at(text, last)) last = previous_code_point(text, last);  // stops at b_start at worst
    const Token first_token = token_containing(text, index, b_start);
    const Token last_token = token_containing(text, index, last);
    return TextRange{first_token.byte_start, last_token.byte_end, first_token.start, last_token.end};
}

}  // namespace inkspan
