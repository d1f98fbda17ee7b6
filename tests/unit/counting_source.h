#pragma once
// A ByteSource over a string that counts what the reader asks for: the largest single read and
// the bytes read in total (tests of the windowed inkspan read, unit and UI).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/byte_source.h"

namespace inkspan::testing {

class CountingSource final : public ByteSource {
public:
    explicit CountingSource(std::string_view bytes) : inner_(bytes) {}
    std::size_t size() const override { return inner_.size(); }
    void read(std::size_t offset, std::size_t length, char* out) const override {
        REQUIRE(offset + length <= inner_.size());
        largest = std::max(largest, length);
        total += length;
        inner_.read(offset, length, out);
    }
    mutable std::size_t largest = 0, total = 0;

private:
    StringByteSource inner_;
};

}  // namespace inkspan::testing
