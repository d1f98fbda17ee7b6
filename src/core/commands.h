#pragma once
// The edit commands: every change to a corpus is one of these, applied by the Editor (editor.h),
// which validates it, records its inverse for undo and stamps the documents it changes.
// Offsets are code points, start inclusive, end exclusive.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/corpus.h"
#include "core/edit_ops.h"
#include "core/result.h"

namespace inkspan {

namespace cmd {

// ---- document edits (recorded in that document's history)
struct AddSpan {
    std::string doc; std::size_t start = 0, end = 0; std::string label; std::string note; Attributes attributes;
    std::vector<std::string> agreed_by;  // provenance, for a gold layer (Span::agreed_by)
};
struct DeleteSpan { std::string doc, span; };  // its relations go with it, in the same undo step
struct SetSpanLabel { std::string doc, span, label; };
struct SetSpanNote { std::string doc, span, note; };
struct SetSpanAttribute { std::string doc, span, key; std::optional<std::string> value; };  // nullopt removes the key
struct AddRelation { std::string doc, type, head, tail; std::vector<std::string> agreed_by = {}; };
struct DeleteRelation { std::string doc, relation; };
struct SetRelationType { std::string doc, relation, type; };
struct SetDocStatus { std::string doc; DocStatus status = DocStatus::New; };
struct SetDocAnnotator { std::string doc, annotator; };
struct SetDocLanguage { std::string doc, language; };  // a BCP 47 tag ("zh-Hans", "ja"); "" = automatic
struct SetDocDirection { std::string doc; DirectionChoice direction = DirectionChoice::automatic; };
struct SetDocName { std::string doc, name; };  // what the documents panel shows; the id stays
// Name, language and direction apply to a document and all its layers at once.

// ---- corpus edits (recorded in the corpus history)
// A layer (Document::is_layer) always goes after the last member of its document's group, and must
// have that document's text, name, language and direction and an annotator the group lacks.
struct AddDocument {  // default: at the end. The document is moved into the corpus, not copied (document_box.h).
    AddDocument(Document doc, std::optional<std::size_t> at = std::nullopt)
        : document(std::make_shared<DocumentBox>(std::move(doc))), index(at) {}
    SharedDocument document;
    std::optional<std::size_t> index;
};
struct RemoveDocument { std::string doc; };  // a document goes with its layers
struct AddEntityType { EntityType type; };  // an empty color takes the next palette colour
struct RenameEntityType { std::string from, to; };  // every span and relation type list follows
struct RecolorEntityType { std::string name, color; };
struct SetEntityHotkey { std::string name, hotkey; };  // "" removes the hotkey
struct SetEntityDescription { std::string name, description; };
struct DeleteEntityType { std::string name; bool cascade = false; };  // cascade: delete its spans and their relations
struct AddRelationType { RelationType type; };
struct RenameRelationType { std::string from, to; };
struct SetRelationRule { std::string name; std::vector<std::string> head, tail; bool directed = true; };
struct DeleteRelationType { std::string name; bool cascade = false; };  // cascade: delete its relations
struct SetAllowCrossingSpans { bool allow = true; };

}  // namespace cmd

using Command = std::variant<cmd::AddSpan, cmd::DeleteSpan, cmd::SetSpanLabel, cmd::SetSpanNote, cmd::SetSpanAttribute,
                             cmd::AddRelation, cmd::DeleteRelation, cmd::SetRelationType, cmd::SetDocStatus,
                             cmd::SetDocAnnotator, cmd::SetDocLanguage, cmd::SetDocDirection, cmd::SetDocName, cmd::AddDocument, cmd::RemoveDocument,
                             cmd::AddEntityType, cmd::RenameEntityType, cmd::RecolorEntityType, cmd::SetEntityHotkey,
                             cmd::SetEntityDescription, cmd::DeleteEntityType, cmd::AddRelationType,
                             cmd::RenameRelationType, cmd::SetRelationRule, cmd::DeleteRelationType,
                             cmd::SetAllowCrossingSpans>;

// A short description for undo menus and tooltips, e.g. `add span LOC`, `rename entity type PER`.
[[nodiscard]] std::string describe(const Command& command);

// Validates `command` against `corpus` and returns the primitive changes that perform it (an empty
// list when it would change nothing). Documents it changes get `modified = now` unless now is "".
// Refusals carry exact messages, e.g. `unknown label "FOO"` (Invalid) or
// `span [12, 20) "Istanbul" is already labelled LOC` (Refused).
[[nodiscard]] Result<std::vector<edit::Op>> plan(const Corpus& corpus, const Command& command, std::string_view now);

// The parts of plan() for each family of commands (plan_document.cpp, plan_schema.cpp).
[[nodiscard]] Result<std::vector<edit::Op>> plan_document_command(const Corpus& corpus, const Command& command,
                                                                  std::string_view now);
[[nodiscard]] Result<std::vector<edit::Op>> plan_corpus_command(const Corpus& corpus, const Command& command,
                                                                std::string_view now);

// Helpers shared by the planners.
[[nodiscard]] edit::ChangeDocMeta stamp(const Document& doc, std::string_view now);  // modified = now
[[nodiscard]] std::string count_phrase(std::size_t n, std::string_view noun);      // "1 span", "3 spans"

}  // namespace inkspan
