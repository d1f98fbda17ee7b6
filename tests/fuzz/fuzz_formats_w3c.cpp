// libFuzzer target: the w3c reader on arbitrary input (one W3C Web Annotation file), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("w3c", fuzz_formats::split_files(data, size, {"annotations.jsonld"}));
}
