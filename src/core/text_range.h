#pragma once
// A range of a text in both offset units: UTF-8 bytes for slicing inside the program, code points
// for everything that leaves it (start inclusive, end exclusive, like Python's text[start:end]).
#include <cstddef>

namespace inkspan {

struct TextRange {
    std::size_t byte_start = 0, byte_end = 0;
    std::size_t start = 0, end = 0;  // code points

    [[nodiscard]] bool empty() const { return start == end; }
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

}  // namespace inkspan
