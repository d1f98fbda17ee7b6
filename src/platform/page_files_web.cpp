#include "platform/page_files.h"

#include <emscripten/emscripten.h>

namespace {

// A synchronous copy out of the page's Uint8Array (no await: the page holds the bytes already).
EM_JS(void, js_read_page_file, (int index, int offset, int length, char* out), {
    HEAPU8.set(Module.inkspanPageFiles[index].subarray(offset, offset + length), out);
});

}  // namespace

namespace inkspan::platform {

void PageFile::read(std::size_t offset, std::size_t length, char* out) const {
    js_read_page_file(index_, static_cast<int>(offset), static_cast<int>(length), out);
}

}  // namespace inkspan::platform
