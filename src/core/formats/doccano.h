#pragma once
// doccano JSONL (relation-extraction projects): one line per document with "text", "entities"
// ({id, label, start_offset, end_offset}) and "relations" ({id, from_id, to_id, type}). Reading
// also takes doccano's JSON export (an array), the sequence-labelling shapes "label"/"labels":
// [[start, end, "LABEL"], ...] (1.x) and "entities" triples (0.x), and 1.0's "annotations" with
// numeric label ids, named by doccano's label file when it is imported with them, else label_<id>.
// Offsets are UTF-16 code units (doccano's offsets come from JavaScript string indexes): converted
// at this boundary both ways. Span notes and attributes are not kept.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_doccano(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
[[nodiscard]] Result<ImportedCorpus> import_doccano(const std::map<std::string, std::string>& files, const Schema& current);

}  // namespace inkspan::formats
