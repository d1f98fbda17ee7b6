#include "core/sentences.h"

#include <algorithm>
#include <iterator>

#include "core/unicode_case.h"
#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

// Words that are followed by a period and then, nearly always, by more of the same sentence.
// Case matters: "No." (numéro) is listed, "no." is not. Single letters are initials (J. R.).
constexpr std::string_view kAbbreviations[] = {
    // French
    "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "Dr", "Drs", "St", "Ste", "Sts",
    "av", "apr", "cf", "Cf", "chap", "coll", "dir", "éd", "env", "ex", "fig", "hab", "nº",
    "pp", "réf", "trad", "vol", "Vol", "tél", "Tél", "Cie", "ca", "approx", "al",
    // English and German
    "Mr", "Mrs", "Ms", "Mx", "Prof", "Gen", "Gov", "Sen", "Rep", "Rev", "Hon", "Lt", "Col", "Capt",
    "Sgt", "Mt", "No", "Nos", "vs", "viz", "Nr",
};

char32_t first_code_point(std::string_view s) {
    std::size_t p = 0;
    return decode_utf8(s, p);
}

bool is_abbreviation(std::string_view word) {
    if (count_code_points(word) == 1) return is_letter(first_code_point(word));  // initials: J. R.
    return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations);
}

bool is_cjk_stop(char32_t cp) { return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61; }

// Line breaks in a run of separators: CRLF counts once, U+2029 and form feed end a paragraph alone.
bool is_paragraph_break(std::string_view gap) {
    int breaks = 0;
    for (std::size_t p = 0; p < gap.size();) {
        const char32_t c = decode_utf8(gap, p);
        if (c == 0x2029 || c == U'\f') return true;
        if (c == U'\r' && p < gap.size() && gap[p] == '\n') continue;  // counted with its \n
        if (is_line_break(c) && ++breaks >= 2) return true;
    }
    return false;
}

bool has_line_break(std::string_view gap) {
    for (std::size_t p = 0; p < gap.size();)
        if (is_line_break(decode_utf8(gap, p))) return true;
    return false;
}

// Whether a token starting with `c`, after a sentence-final mark and whitespace, starts a new sentence.
bool starts_sentence(char32_t c) {
    if (is_lowercase(c)) return false;
    if (is_punctuation(c)) return is_opening_punct(c) || is_quote(c) || c == U'-' || c == 0x2013 || c == 0x2014 ||
                                  c == 0xBF || c == 0xA1;  // « “ ( — – ¿ ¡
    return true;  // capital or uncased letter, digit, symbol
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::span<const Token> tokens) {
    std::vector<Sentence> sentences;
    const std::size_t n = tokens.size();
    std::size_t first = 0;
    auto close = [&](std::size_t end_token) {
        const Token& a = tokens[first];
        const Token& b = tokens[end_token - 1];
        sentences.push_back({TextRange{a.byte_start, b.byte_end, a.start, b.end}, first, end_token});
        first = end_token;
    };
    auto gap = [&](std::size_t i) {  // separators between token i - 1 and token i
        return text.substr(tokens[i - 1].byte_end, tokens[i].byte_start - tokens[i - 1].byte_end);
    };
    auto first_cp = [&](std::size_t i) { return first_code_point(tokens[i].text(text)); };

    std::size_t i = 0;
    while (i < n) {
        if (i > first && is_paragraph_break(gap(i))) close(i);
        const char32_t c = first_cp(i);
        if (tokens[i].kind != TokenKind::Punct || !is_sentence_final(c)) {
            ++i;
            continue;
        }
        // A final mark: take the marks and closing quotes/brackets that follow it.
        const bool lone_period = tokens[i].text(text) == ".";
        const bool abbreviation =
            lone_period && i > first && gap(i).empty() && is_abbreviation(tokens[i - 1].text(text));
        bool cjk_stop = is_cjk_stop(c);
        std::size_t j = i + 1;
        for (; j < n; ++j) {
            const std::string_view g = gap(j);
            const char32_t d = first_cp(j);
            const bool adjacent = g.empty();
            if (adjacent && tokens[j].kind == TokenKind::Punct && is_sentence_final(d)) {
                cjk_stop = is_cjk_stop(d);
                continue;
            }
            // “ and ‘ close German quotes („so“); " and ' close as often as they open.
            if (adjacent && (is_closing_punct(d) || d == U'"' || d == U'\'' || d == 0x201C || d == 0x2018)) continue;
            if (!adjacent && !has_line_break(g) && (d == 0xBB || d == 0x201D || d == 0x203A)) continue;  // » ” ›
            break;
        }
        bool boundary = j == n;
        if (!boundary && !abbreviation) {
            if (is_paragraph_break(gap(j))) boundary = true;
            else if (cjk_stop) boundary = true;
            else if (!gap(j).empty()) boundary = starts_sentence(first_cp(j));
        }
        if (boundary && j < n) close(j);
        i = j;
    }
    if (first < n) close(n);
    return sentences;
}

std::vector<Sentence> split_sentences(std::string_view text) {
    const std::vector<Token> tokens = tokenize(text);
    return split_sentences(text, tokens);
}

}  // namespace inkspan
