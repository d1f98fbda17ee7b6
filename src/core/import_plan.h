#pragma once
// An import between reading its files and changing the corpus: what it brings against the corpus
// it goes into (documents whose text is here, types the schema lacks, rules it widens, broken
// rules), then, once the clashes are decided, the one undoable batch that adds it and what to say
// about it. The app (ui/app_io.cpp) and the import rehearsal (core/import_rehearsal.h) run this
// same code, so a fresh tab's first import finds it compiled and optimized.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/corpus.h"
#include "core/schema_fit.h"

namespace inkspan {

struct ImportPlan {
    std::string file_name;
    Corpus incoming;
    std::vector<std::size_t> clashes;  // incoming documents whose text is already here
    // Another annotator's copy of a text here (or earlier in the same file), by incoming index:
    // added as that annotator's layer of the document, without asking.
    std::map<std::size_t, std::string> layers;
    std::string layer_name;                   // whose layer the clashes become ("Add as a layer")
    std::vector<std::string> new_types;       // labels and relation types the schema lacks
    std::vector<std::string> notes;
    std::vector<std::string> widened;         // relation types whose rules the import widens
    std::vector<SchemaViolation> violations;  // annotations kept that the rules did not allow

    // Nothing to ask the user: no clash, no new or widened type, no broken rule.
    [[nodiscard]] bool needs_no_answer() const;
};

[[nodiscard]] ImportPlan plan_import(const Corpus& here, std::string file_name, Corpus incoming,
                                     std::vector<std::string> notes, std::vector<SchemaViolation> violations);

// What becomes of the documents whose text is already here.
enum class ClashChoice { Replace, KeepBoth, Merge, AddLayer };

struct ImportBatch {
    std::vector<Command> group;  // one undoable batch
    std::vector<std::string> added_types;  // "PER", "meets (widened)"
    std::size_t added_docs = 0, replaced_docs = 0, merged_spans = 0, dup_spans = 0;
    std::vector<std::string> layer_names;  // "bob on istanbul.txt"
    // Where each incoming document is stored (a renamed copy, a merge target), by its id in the file.
    std::map<std::string, std::string> stored_doc_id;
    // Merged spans, to find their new ids once the batch is applied.
    struct MergedSpan {
        std::string doc, old_id;
        std::size_t start = 0, end = 0;
        std::string label;
    };
    std::vector<MergedSpan> merged_span_ids;
};

// The batch that adds the plan's documents (moved out of it) to `here`.
[[nodiscard]] ImportBatch import_batch(const Corpus& here, ImportPlan& plan, ClashChoice choice);
// Once the batch is applied: the broken rules kept, under the ids they are stored with now.
[[nodiscard]] std::vector<SchemaViolation> stored_violations(const Corpus& now, const ImportPlan& plan, const ImportBatch& batch);
// "name.ann: added 1 document; added to the schema: PER; …"
[[nodiscard]] std::string import_summary(const ImportPlan& plan, const ImportBatch& batch);

// "d<n>" not used in `corpus` nor in `also_taken`, from the number of documents + 1 up.
[[nodiscard]] std::string fresh_document_id(const Corpus& corpus, const std::set<std::string>& also_taken = {});
// "A, B, C" (at most 12, then "and N more").
[[nodiscard]] std::string join_names(const std::vector<std::string>& names);

}  // namespace inkspan
