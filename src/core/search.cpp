#include "core/search.h"

#include <string>
#include <vector>

#include "core/unicode_case.h"
#include "core/unicode_class.h"
#include "core/utf8.h"

namespace inkspan {

namespace {

constexpr char32_t kNone = 0xFFFFFFFF;

// Knuth–Morris–Pratt over (folded) code points, streaming over the text: O(text + query).
SearchResult find_literal(std::string_view text, const std::vector<char32_t>& query, const SearchOptions& options) {
    SearchResult result;
    const std::size_t m = query.size();
    std::vector<std::size_t> fail(m, 0);
    for (std::size_t i = 1, k = 0; i < m; ++i) {
        while (k > 0 && query[i] != query[k]) k = fail[k - 1];
        if (query[i] == query[k]) ++k;
        fail[i] = k;
    }
    // The last m + 1 code points and where they start: a match's first code point and the one before it.
    struct Seen {
        std::size_t byte;
        char32_t cp;
    };
    std::vector<Seen> ring(m + 1);
    std::size_t k = 0, cp_index = 0;
    for (std::size_t byte = 0; byte < text.size(); ++cp_index) {
        const std::size_t at = byte;
        const char32_t c = decode_utf8(text, byte);
        ring[cp_index % (m + 1)] = {at, c};
        const char32_t folded = options.case_insensitive ? simple_case_fold(c) : c;
        while (k > 0 && query[k] != folded) k = fail[k - 1];
        if (query[k] == folded) ++k;
        if (k < m) continue;
        const std::size_t start = cp_index + 1 - m;
        bool accept = true;
        if (options.whole_word) {
            const char32_t before = start > 0 ? ring[(start - 1) % (m + 1)].cp : kNone;
            std::size_t p = byte;
            const char32_t after = byte < text.size() ? decode_utf8(text, p) : kNone;
            const auto inside = [](char32_t a, char32_t b) {
                return a != kNone && b != kNone && is_word_char(a) && is_word_char(b);
            };
            accept = !inside(before, ring[start % (m + 1)].cp) && !inside(c, after);
        }
        if (!accept) {
            k = fail[m - 1];
            continue;
        }
        if (result.matches.size() == options.max_matches) {
            result.truncated = true;
            break;
        }
        result.matches.push_back({ring[start % (m + 1)].byte, byte, start, cp_index + 1});
        k = 0;  // matches do not overlap
    }
    return result;
}

}  // namespace

Result<SearchResult> find_all(std::string_view text, std::string_view query, const SearchOptions& options) {
    if (options.regex) {
        Result<Regex> re = compile_regex(query, {options.case_insensitive, options.whole_word});
        if (!re) return re.error();
        return re->find_all(text, options.max_matches);
    }
    if (auto bad = find_invalid_utf8(query))
        return make_error(ErrorKind::InvalidUtf8,
                          "search: query is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    std::vector<char32_t> folded;
    for (std::size_t p = 0; p < query.size();) {
        const char32_t c = decode_utf8(query, p);
        folded.push_back(options.case_insensitive ? simple_case_fold(c) : c);
    }
    if (folded.size() > kMaxPatternCodePoints)
        return make_error(ErrorKind::TooLarge, "search: query is " + std::to_string(folded.size()) +
                                                   " code points long (limit " +
                                                   std::to_string(kMaxPatternCodePoints) + ")");
    if (folded.empty()) return SearchResult{};
    return find_literal(text, folded, options);
}

}  // namespace inkspan
