#pragma once
// Find in the document: every non-overlapping match of a query, as code-point ranges (and bytes).
// A literal query is matched code point by code point (KMP, linear); a regex query goes through
// regex.h. Both honour case-insensitivity (simple case folding: É = é) and whole-word mode, and
// both stop at max_matches with `truncated` set.
#include <cstddef>
#include <string_view>

#include "core/regex.h"
#include "core/result.h"

namespace inkspan {

struct SearchOptions {
    bool regex = false;             // the query is a pattern (regex.h), not literal text
    bool case_insensitive = false;
    bool whole_word = false;        // a match may not start or end inside a word
    std::size_t max_matches = kMaxSearchMatches;
};

// `text` must be valid UTF-8. An empty query finds nothing. Errors: a query that is not UTF-8
// (InvalidUtf8), longer than kMaxPatternCodePoints (TooLarge), or a bad pattern (see compile_regex).
[[nodiscard]] Result<SearchResult> find_all(std::string_view text, std::string_view query,
                                            const SearchOptions& options = {});

}  // namespace inkspan
