// libFuzzer target: the conll reader on arbitrary input (one CoNLL file), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("conll", fuzz_formats::split_files(data, size, {"data.conll"}));
}
