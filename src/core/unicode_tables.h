#pragma once
// Generated character tables behind unicode_class.h and unicode_case.h (see unicode_tables.cpp).
// Internal: use the predicates in unicode_class.h instead.
#include <cstddef>
#include <cstdint>

namespace inkspan::unicode_tables {

struct CodePointRange {
    char32_t lo, hi;  // inclusive
};

// Code points lo, lo + stride, ... up to hi fold to cp + delta.
struct FoldRun {
    char32_t lo, hi;
    std::int32_t delta;
    std::int32_t stride;
};

extern const CodePointRange kLetters[];
extern const std::size_t kLetters_size;
extern const CodePointRange kMarks[];
extern const std::size_t kMarks_size;
extern const CodePointRange kDigits[];
extern const std::size_t kDigits_size;
extern const CodePointRange kPunctuation[];
extern const std::size_t kPunctuation_size;
extern const CodePointRange kOpening[];
extern const std::size_t kOpening_size;
extern const CodePointRange kClosing[];
extern const std::size_t kClosing_size;
extern const FoldRun kFoldRuns[];
extern const std::size_t kFoldRuns_size;

// True when `cp` lies in one of the sorted, disjoint `ranges`.
[[nodiscard]] bool in_ranges(const CodePointRange* ranges, std::size_t count, char32_t cp);

}  // namespace inkspan::unicode_tables
