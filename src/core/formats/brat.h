#pragma once
// brat standoff: per document <name>.txt (the exact text) and <name>.ann (T, R, #, A lines), plus
// one annotation.conf written from the schema. Offsets are code points (brat is Python).
// Spans that contain line breaks are written as fragments "0 5;6 10" (an .ann line cannot hold a
// line break) and read back as their covering range. Details and losses: docs/FORMATS.md.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"
#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_brat(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
[[nodiscard]] Result<ImportedCorpus> import_brat(const std::map<std::string, std::string>& files, const Schema& current);

// The .ann of one document; what brat cannot hold goes to `losses`. `attributes` collects the
// attribute names and values written, for annotation.conf ("true" = a binary attribute).
[[nodiscard]] std::string brat_ann(const Document& doc, Tally& losses,
                                   std::map<std::string, std::set<std::string>>& attributes);

// annotation.conf: [entities], [relations] with argument types (<ENTITY> = any label; undirected
// types get <REL-TYPE>:symmetric), [events] (empty), [attributes].
[[nodiscard]] std::string brat_annotation_conf(const Schema& schema, const std::set<std::string>& extra_labels,
                                               const std::set<std::string>& extra_relation_types,
                                               const std::map<std::string, std::set<std::string>>& attributes);
// Declares the entity and relation types of an annotation.conf to `builder`; lines it does not
// understand are reported as skipped.
void read_brat_conf(std::string_view conf, std::string_view file_name, ImportBuilder& builder);

}  // namespace inkspan::formats
