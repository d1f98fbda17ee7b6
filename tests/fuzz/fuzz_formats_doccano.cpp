// libFuzzer target: the doccano reader on arbitrary input (one doccano JSONL file), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("doccano", fuzz_formats::split_files(data, size, {"data.jsonl"}));
}
