#pragma once
// Train/dev/test splits by document, reproducible: the same document count, ratios and seed give
// the same assignment on every platform (own shuffle on splitmix64, no std::shuffle).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"
#include "core/result.h"

namespace inkspan::formats {

enum class SplitPart : std::uint8_t { Train, Dev, Test };
[[nodiscard]] std::string_view split_part_name(SplitPart part);  // "train", "dev", "test"

// Relative weights; they need not sum to 1 (8, 1, 1 works) but must be >= 0 and not all 0.
struct SplitRatios {
    double train = 0.8, dev = 0.1, test = 0.1;
};
[[nodiscard]] bool valid_ratios(const SplitRatios& ratios);

// The part of each of `n_docs` documents (by position). Part sizes are the ratios applied to
// n_docs, rounded by largest remainder (ties go to train, then dev), so they always add up.
// Invalid ratios put everything in train.
[[nodiscard]] std::vector<SplitPart> split_documents(std::size_t n_docs, const SplitRatios& ratios, std::uint64_t seed);

// Splits `doc_indexes` and exports each non-empty part in `format_id`, documents in corpus order.
// Single-file formats give "train.jsonl", "dev.jsonl", "test.jsonl"; brat gives "train/<doc>.txt",
// "train/annotation.conf", ... Losses are prefixed with the part: "train: CoNLL: ...".
[[nodiscard]] Result<ExportedFiles> export_split(std::string_view format_id, const Corpus& corpus,
                                                 const std::vector<std::size_t>& doc_indexes, const SplitRatios& ratios,
                                                 std::uint64_t seed);

}  // namespace inkspan::formats
