#pragma once
// The question an import may ask before anything changes: documents whose text is already here
// (replace, keep both or merge), types the schema lacks, annotations that break its rules. Owns
// the staged import until the user answers.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/formats/format.h"
#include "core/import_plan.h"
#include "core/schema_fit.h"

namespace inkspan::ui {

// Which column of a CoNLL file holds the tags, when several could: the files are kept so they can
// be read again with the user's pick.
struct TagColumnQuestion {
    formats::TagColumnChoice choice;
    std::map<std::string, std::string> files;
    std::size_t pick = 0;  // 0-based column, starts at choice.chosen
};

// An import waiting for the user's choice: what it brings (core/import_plan.h) and, for a CoNLL
// file, which column holds its tags.
struct PendingImport : ImportPlan {
    std::optional<TagColumnQuestion> tag_column;
};

// Files that cannot be read without another one (a W3C collection about an external page needs
// that page's text): kept until the user picks it, then read together with it.
struct WaitingImport {
    std::map<std::string, std::string> files;
    std::string format;
    std::string needs;  // what is missing, as the reader said it
};

enum class ImportChoice { Replace, KeepBoth, Merge, AddLayer, Cancel, ChooseFile };

struct ImportQuestion {
    std::optional<PendingImport> pending;
    std::optional<WaitingImport> waiting;

    // The user's answer this frame, if any (the caller then takes `pending`).
    [[nodiscard]] std::optional<ImportChoice> draw();
};

}  // namespace inkspan::ui
