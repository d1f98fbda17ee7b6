#pragma once
// The primitive changes behind every command, as recorded in the undo history. Each one carries
// what it removes or replaces, so its inverse is exact (ids included) and no snapshot of a whole
// document is ever taken. `apply_op` first checks that the corpus is in the state the change was
// recorded against, then applies all of it or nothing.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/corpus.h"
#include "core/document_box.h"
#include "core/result.h"

namespace inkspan::edit {

struct InsertSpans { std::string doc; std::vector<Span> spans; };
struct RemoveSpans { std::string doc; std::vector<Span> spans; };  // their relations are gone first
struct ReplaceSpan { std::string doc; Span before, after; };       // same id
struct InsertRelations { std::string doc; std::vector<Relation> relations; };
struct RemoveRelations { std::string doc; std::vector<Relation> relations; };
struct ReplaceRelation { std::string doc; Relation before, after; };  // same id

struct DocMeta {
    DocStatus status = DocStatus::New;
    std::string annotator, modified;
    std::string language;  // "" = automatic
    DirectionChoice direction = DirectionChoice::automatic;
    std::string name;
    bool operator==(const DocMeta&) const = default;
};
// Status, annotator and language must match `before`; `modified` is only restored if nothing else
// has changed it since (a later schema edit may have stamped the document too).
struct ChangeDocMeta { std::string doc; DocMeta before, after; };

// The box holds the document while it is outside the corpus; the op moves it in or out (document_box.h).
struct InsertDocument { std::size_t index; SharedDocument document; };
struct RemoveDocument { std::size_t index; SharedDocument document; };

struct InsertEntityType { std::size_t index; EntityType type; };
struct RemoveEntityType { std::size_t index; EntityType type; };   // no span or relation type uses it
struct ReplaceEntityType { std::size_t index; EntityType before, after; };  // same name
struct RenameEntityType { std::string from, to; };  // the type, every span and every relation type list

struct InsertRelationType { std::size_t index; RelationType type; };
struct RemoveRelationType { std::size_t index; RelationType type; };  // no relation uses it
struct ReplaceRelationType { std::size_t index; RelationType before, after; };  // same name
struct RenameRelationType { std::string from, to; };  // the type and every relation

struct SetAllowCrossing { bool before, after; };

using Op = std::variant<InsertSpans, RemoveSpans, ReplaceSpan, InsertRelations, RemoveRelations, ReplaceRelation,
                        ChangeDocMeta, InsertDocument, RemoveDocument, InsertEntityType, RemoveEntityType,
                        ReplaceEntityType, RenameEntityType, InsertRelationType, RemoveRelationType,
                        ReplaceRelationType, RenameRelationType, SetAllowCrossing>;

[[nodiscard]] Op inverse(const Op& op);
// The document an op changes, or nullopt for ops on the schema or the document list.
[[nodiscard]] std::optional<std::string> document_of(const Op& op);
// What a list of ops touched, for saving and redrawing: documents whose records change, documents
// that appear or disappear, and whether the schema or the document order changed.
struct Effect {
    std::vector<std::string> documents;  // changed in place (spans, relations, meta; renames reach all)
    std::vector<std::string> inserted;   // added to the corpus (InsertDocument)
    std::vector<std::string> removed;    // taken out of the corpus (RemoveDocument)
    bool schema = false;                 // a type was added, changed, renamed or removed
    bool renames_everywhere = false;     // a type rename: every document's spans or relations follow
    [[nodiscard]] bool empty() const { return documents.empty() && inserted.empty() && removed.empty() && !schema; }
};
// `reversed`: the ops were reverted (undo), so an InsertDocument removed its document.
[[nodiscard]] Effect effect_of(const std::vector<Op>& ops, bool reversed);
// Checks the op's preconditions and applies it whole, or returns Refused and changes nothing.
[[nodiscard]] Status apply_op(Corpus& corpus, const Op& op);
// Applies ops in order; on a failure, rolls back the ones already applied and returns the error.
[[nodiscard]] Status apply_ops(Corpus& corpus, const std::vector<Op>& ops);
// Undoes ops (inverses in reverse order), all or nothing.
[[nodiscard]] Status revert_ops(Corpus& corpus, const std::vector<Op>& ops);

}  // namespace inkspan::edit
