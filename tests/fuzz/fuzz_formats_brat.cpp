// libFuzzer target: the brat reader on arbitrary input (a .txt, a NUL byte, its .ann, a NUL byte, an annotation.conf), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("brat", fuzz_formats::split_files(data, size, {"doc.txt", "doc.ann", "annotation.conf"}));
}
