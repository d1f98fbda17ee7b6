#pragma once
// Parser of the regex dialect (see docs/SEARCH.md) into a small syntax tree. Internal to regex.cpp;
// the tree lives in one vector (children are indices), so nothing recurses on destruction.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/unicode_tables.h"

namespace inkspan::regex_detail {

inline constexpr std::uint32_t kUnbounded = UINT32_MAX;
inline constexpr std::uint32_t kMaxRepeat = 1000;   // largest n in {n} / {n,m}
inline constexpr std::size_t kMaxNesting = 100;     // deepest group nesting

enum class AssertKind : std::uint8_t {
    LineStart,        // ^
    LineEnd,          // $
    TextStart,        // \A
    TextEnd,          // \z
    WordBoundary,     // \b
    NotWordBoundary,  // \B
    NotInsideWord,    // whole-word search: not between two word characters
};

struct CharClass {
    std::vector<unicode_tables::CodePointRange> ranges;  // sorted, disjoint, merged
    bool digit = false, not_digit = false;  // \d \D inside the brackets
    bool word = false, not_word = false;    // \w \W
    bool space = false, not_space = false;  // \s \S
    bool negated = false;                   // [^...]
};

enum class NodeKind : std::uint8_t { Empty, Literal, AnyChar, Class, Assert, Concat, Alternate, Repeat };

struct Node {
    NodeKind kind = NodeKind::Empty;
    char32_t ch = 0;                      // Literal
    std::uint32_t index = 0;              // Class: index in Ast::classes; Repeat: the repeated node
    AssertKind assertion = AssertKind::LineStart;
    std::vector<std::uint32_t> children;  // Concat, Alternate
    std::uint32_t min = 0, max = 0;       // Repeat (max may be kUnbounded)
    bool greedy = true;                   // Repeat: false for *? +? ?? {m,n}?
};

struct Ast {
    std::vector<Node> nodes;
    std::vector<CharClass> classes;
    std::uint32_t root = 0;
};

// Errors name the position in code points of `pattern`: "regex: unbalanced ')' at position 7".
[[nodiscard]] Result<Ast> parse_regex(std::u32string_view pattern);

// Sorts and merges the ranges of a class.
void normalize_ranges(std::vector<unicode_tables::CodePointRange>& ranges);

}  // namespace inkspan::regex_detail
