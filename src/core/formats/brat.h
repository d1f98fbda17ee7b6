#pragma once
// brat standoff: per document <name>.txt (the exact text) and <name>.ann (T, R, #, A lines), plus
// one annotation.conf written from the schema (and a visual.conf when type names need it).
// Offsets are code points (brat is Python). Spans that contain line breaks are written as
// fragments "0 5;6 10" (an .ann line cannot hold a line break) and read back as their covering
// range. Details and losses: docs/FORMATS.md.
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
#include "core/limits.h"

namespace inkspan::formats {

[[nodiscard]] ExportedFiles export_brat(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes);
// The files were checked as UTF-8 (import_files); each .txt becomes a document without another check.
[[nodiscard]] Result<ImportedCorpus> import_brat(const Utf8Files& files, const Schema& current);

// brat type names are [A-Za-z0-9_-]+: such a name is kept; in any other, every character but
// A-Z a-z 0-9 and '-' becomes _<hex code point>_ ("颜色" → "_989C__8272_", "A<" → "A_3C_"), so
// two names never meet and the original is known again from visual.conf.
[[nodiscard]] std::string brat_safe_name(std::string_view name);

// The names an export writes: brat_safe_name, the originals kept for visual.conf's [labels]; a
// name that cannot be a visual.conf label, or whose safe form another name took, goes to `losses`.
class BratNames {
public:
    explicit BratNames(Tally& losses) : losses_(losses) {}
    // How `name` is written. A name brat cannot restore is read back as written, so its safe form
    // is cut to `max_bytes` (the limit of its kind: kMaxNameBytes for types, kMaxAttributeBytes
    // for attribute names), which is noted as a loss. The first call for a name decides.
    [[nodiscard]] const std::string& operator()(const std::string& name, std::size_t max_bytes = kMaxNameBytes);
    // The [labels] line that restores `name` ("" when it needs none or cannot have one).
    [[nodiscard]] std::string label_line(const std::string& name);

private:
    Tally& losses_;
    std::map<std::string, std::string> safe_;   // name → written name
    std::map<std::string, std::string> owner_;  // written name → name
    std::set<std::string> labelled_;            // names a label line restores
};

// The .ann of one document; what brat cannot hold goes to `losses`. `attributes` collects the
// attribute names and values written, for annotation.conf ("true" = a binary attribute). Span
// attributes named "#<type>" are written as `#` notes of that type (how such notes are read).
[[nodiscard]] std::string brat_ann(const Document& doc, Tally& losses, std::map<std::string, std::set<std::string>>& attributes,
                                   BratNames& names);

// annotation.conf ([entities], [relations] with argument types — <ENTITY> = any label —, `<REL-TYPE>:`
// symmetric and/or transitive, an <OVERLAP> rule saying how spans may overlap, [events] (empty),
// [attributes]) and visual.conf (the [labels] that restore renamed types; "" when none is needed).
struct BratConf {
    std::string annotation, visual;
};
[[nodiscard]] BratConf brat_confs(const Schema& schema, const std::set<std::string>& extra_labels,
                                  const std::set<std::string>& extra_relation_types,
                                  const std::map<std::string, std::set<std::string>>& attributes, BratNames& names);

// Original names from visual.conf's [labels]: written name → original, for the lines Inkspan
// writes (the written name is brat_safe_name of the label); other labels are brat's display forms
// ("A_lt_ | A<") and leave the type's name alone.
[[nodiscard]] std::map<std::string, std::string> read_brat_visual_names(std::string_view visual_conf);

// Declares the entity and relation types of an annotation.conf to `builder` as brat reads them:
// [spans] = [entities], macros (<ANY>, <ENTITY>, and <NAME>=... defined in the section), one rule
// per line (a type on several lines allows what any line allows), `!` abstract types skipped,
// indented (child) types flattened. `original` maps written names back (read_brat_visual_names).
// Lines it does not understand are reported as skipped.
void read_brat_conf(std::string_view conf, std::string_view file_name, ImportBuilder& builder,
                    const std::map<std::string, std::string>& original);

}  // namespace inkspan::formats
