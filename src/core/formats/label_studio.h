#pragma once
// Label Studio JSON: an array of tasks {"id", "data": {"text"}, "annotations": [{"result": [...]}]}
// with "labels" regions (value.start/end/text/labels) and "relation" items (from_id, to_id,
// direction, labels). Offsets are code points, as Label Studio counts them; files of older versions
// in UTF-16 units are recognised by value.text and converted. A span note travels as the region's
// meta.text; attributes are lost.
// Reading takes the first annotation of each task that is not cancelled; predictions are ignored
// (both reported).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_label_studio(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
[[nodiscard]] Result<ImportedCorpus> import_label_studio(const std::map<std::string, std::string>& files,
                                                         const Schema& current);

}  // namespace inkspan::formats
