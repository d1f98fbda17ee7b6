#pragma once
// spaCy / Prodigy JSONL, the shape Prodigy's rel.manual saves: one line per document with "text",
// "tokens" (Inkspan's tokenizer), "spans" (token_end inclusive), "relations" (head/child = the
// index of the LAST token of the head/child span, with head_span/child_span) and "meta".
// Offsets are code points (Python). Span notes and attributes ride along as extra span keys.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_spacy(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
[[nodiscard]] Result<ImportedCorpus> import_spacy(const std::map<std::string, std::string>& files, const Schema& current);

}  // namespace inkspan::formats
