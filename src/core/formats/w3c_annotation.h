#pragma once
// W3C Web Annotation (JSON-LD): one AnnotationCollection whose first page holds one Annotation per
// span (TextualBody tagging the label; target = the document with a TextPositionSelector in code
// points, as the W3C model specifies, and a TextQuoteSelector) and one per relation (motivation
// "linking", target = [head annotation id, tail annotation id], also as inkspan:head/inkspan:tail).
// The document texts travel in the collection's "inkspan:sources" so offsets can be checked.
// Notes are "commenting" bodies, attributes "describing" bodies with "inkspan:attribute".
// Annotations of a web page or another file are read with its text given as a .txt named like the
// source URL's last path segment; without it the import fails with NeedsFile naming both.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_w3c(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
[[nodiscard]] Result<ImportedCorpus> import_w3c(const std::map<std::string, std::string>& files, const Schema& current);

}  // namespace inkspan::formats
