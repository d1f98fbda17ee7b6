#pragma once
// CoNLL 2003-style IOB2: one token per line (`token<TAB>tag`), a blank line between sentences,
// `-DOCSTART-<TAB>O` and a blank line before each document. Tokens and sentences come from
// tokenizer.h and sentences.h. One tag per token cannot hold nested or overlapping spans (the
// outermost is kept: longest, then earliest), relations, notes or attributes; every such loss is
// counted. Reading rebuilds the text from the tokens: single spaces, a blank line between sentences.
// Reading takes the layouts people have: the tag column found by its values (all tags), `#` comment
// lines, GermEval's index column and nested tag column, spaCy's `token|POS|tag` sentence lines,
// and IOB1, IOB2, BIOES and BILOU tags; the import message says which layout and scheme it found.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_conll(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
// When several columns are made only of tags, the last is read unless `options` names another for
// files of that many columns; each such file is listed in ImportedCorpus::tag_columns.
[[nodiscard]] Result<ImportedCorpus> import_conll(const std::map<std::string, std::string>& files, const Schema& current,
                                                  const ImportOptions& options = {});
// Whether a text file's first lines read as one of those layouts (sniffing a .txt or .tsv).
[[nodiscard]] bool looks_like_conll(std::string_view content);

}  // namespace inkspan::formats
