// libFuzzer target: the labelstudio reader on arbitrary input (one Label Studio JSON file), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("labelstudio", fuzz_formats::split_files(data, size, {"tasks.json"}));
}
