#pragma once
// Files the page holds (picked, dropped or handed to window.inkspan.importFile) while they are
// imported: web/inkspan-api.js keeps their bytes as Uint8Arrays on the JavaScript side and the
// app copies the pieces it reads into the wasm heap, so a 50 MB file never sits in the heap whole
// (the heap never shrinks). Valid only during the import call that the page makes; web only.
#include <cstddef>

#include "core/byte_source.h"

namespace inkspan::platform {

class PageFile final : public ByteSource {
public:
    // The `index`-th file of the set the page is importing, of `size` bytes.
    PageFile(int index, std::size_t size) : index_(index), size_(size) {}
    [[nodiscard]] std::size_t size() const override { return size_; }
    void read(std::size_t offset, std::size_t length, char* out) const override;

private:
    int index_;
    std::size_t size_;
};

}  // namespace inkspan::platform
