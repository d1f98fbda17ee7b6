// libFuzzer target: the spacy reader on arbitrary input (one spaCy/Prodigy JSONL file), then export and re-import.
#include "fuzz_formats_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_formats::run("spacy", fuzz_formats::split_files(data, size, {"data.jsonl"}));
}
