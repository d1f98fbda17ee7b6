#pragma once
// A file's bytes read a window at a time, so a reader can go through a file larger than it wants
// to hold: the page keeps an imported file on the JavaScript side and the app pulls pieces of it
// into the wasm heap (issue 15: the whole file in the heap cost 50 MB that the heap never gives
// back). Native code and tests read from memory with StringByteSource.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace inkspan {

struct ByteSource {
    virtual ~ByteSource() = default;
    [[nodiscard]] virtual std::size_t size() const = 0;
    // Copies bytes [offset, offset + length) to `out`; the range must lie within size().
    virtual void read(std::size_t offset, std::size_t length, char* out) const = 0;
};

class StringByteSource final : public ByteSource {
public:
    explicit StringByteSource(std::string_view bytes) : bytes_(bytes) {}
    [[nodiscard]] std::size_t size() const override { return bytes_.size(); }
    void read(std::size_t offset, std::size_t length, char* out) const override { bytes_.copy(out, length, offset); }

private:
    std::string_view bytes_;
};

// Bytes [offset, offset + length) of `source` as a string (clamped to its end).
[[nodiscard]] inline std::string read_bytes(const ByteSource& source, std::size_t offset, std::size_t length) {
    offset = std::min(offset, source.size());
    length = std::min(length, source.size() - offset);
    std::string out(length, '\0');
    if (length) source.read(offset, length, out.data());
    return out;
}

// The whole file (the readers' fallback for shapes and errors that need all of it at once).
[[nodiscard]] inline std::string read_all(const ByteSource& source) { return read_bytes(source, 0, source.size()); }

}  // namespace inkspan
