#pragma once
// A small regex engine over code points that runs in time linear in the text (a Pike VM over a
// Thompson NFA: no backtracking, so (a*)*b cannot blow up). Dialect, limits and semantics are in
// docs/SEARCH.md: literals, . [...] [^...] \d \w \s \D \W \S \b \B ^ $ \A \z, * + ? {m} {m,} {m,n}
// and their lazy forms, | and (...) / (?:...) (no captures). Matching is leftmost-first (Perl,
// RE2, JavaScript), and empty matches are never reported.
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/text_range.h"

namespace inkspan {

inline constexpr std::size_t kMaxPatternCodePoints = 1000;   // longer patterns/queries are refused
inline constexpr std::size_t kMaxRegexProgram = 10'000;      // NFA instructions after expanding {m,n}
inline constexpr std::size_t kMaxSearchMatches = 100'000;    // find_all stops there, truncated = true
inline constexpr std::size_t kMaxSearchSteps = 200'000'000;  // VM steps per find_all (≈ 0.5 s native), then truncated

struct RegexOptions {
    bool case_insensitive = false;  // simple case folding (unicode_case.h): É = é, Σ = σ = ς
    bool whole_word = false;        // a match may not start or end between two word characters
};

struct SearchResult {
    std::vector<TextRange> matches;  // in order, non-overlapping, never empty
    bool truncated = false;          // stopped at max_matches or at kMaxSearchSteps: more may exist
};

namespace regex_detail {
struct Program;
}

class Regex {
public:
    // Every non-overlapping match in `text` (valid UTF-8), scanning left to right; after a match
    // the scan resumes at its end.
    [[nodiscard]] SearchResult find_all(std::string_view text, std::size_t max_matches = kMaxSearchMatches) const;

    // The first match that starts at or after byte `from` (a code point boundary whose code point
    // offset is `from_cp`). Assertions see the text before `from` (^ \b work mid-text).
    [[nodiscard]] std::optional<TextRange> find(std::string_view text, std::size_t from = 0,
                                                std::size_t from_cp = 0) const;

    [[nodiscard]] std::size_t program_size() const;

private:
    friend Result<Regex> compile_regex(std::string_view pattern, RegexOptions options);
    explicit Regex(std::shared_ptr<const regex_detail::Program> program) : program_(std::move(program)) {}
    std::shared_ptr<const regex_detail::Program> program_;  // immutable, so copies share it
};

// Errors (ErrorKind::Invalid, or TooLarge for the limits) name the position in code points of the
// pattern: "regex: unbalanced ')' at position 7", "regex: nothing to repeat at position 0".
[[nodiscard]] Result<Regex> compile_regex(std::string_view pattern, RegexOptions options = {});

}  // namespace inkspan
