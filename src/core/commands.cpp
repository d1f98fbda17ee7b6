#include "core/commands.h"

namespace inkspan {

namespace {

template <class... Fs>
struct Overloaded : Fs... { using Fs::operator()...; };
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

bool is_document_command(const Command& command) { return command.index() <= 12; }  // AddSpan .. SetDocName

}  // namespace

static_assert(std::is_same_v<std::variant_alternative_t<12, Command>, cmd::SetDocName>,
              "is_document_command relies on the document commands coming first");

Result<std::vector<edit::Op>> plan(const Corpus& corpus, const Command& command, std::string_view now) {
    return is_document_command(command) ? plan_document_command(corpus, command, now)
                                        : plan_corpus_command(corpus, command, now);
}

std::string describe(const Command& command) {
    return std::visit(
        Overloaded{
            [](const cmd::AddSpan& c) { return "add span " + c.label; },
            [](const cmd::DeleteSpan& c) { return "delete span " + c.span; },
            [](const cmd::SetSpanLabel& c) { return "label " + c.span + " as " + c.label; },
            [](const cmd::SetSpanNote& c) { return "edit the note of " + c.span; },
            [](const cmd::SetSpanAttribute& c) { return "set attribute " + c.key + " of " + c.span; },
            [](const cmd::AddRelation& c) { return "add relation " + c.type; },
            [](const cmd::DeleteRelation& c) { return "delete relation " + c.relation; },
            [](const cmd::SetRelationType& c) { return "change " + c.relation + " to " + c.type; },
            [](const cmd::SetDocStatus& c) { return "mark the document " + std::string(doc_status_name(c.status)); },
            [](const cmd::SetDocAnnotator&) { return std::string("set the annotator"); },
            [](const cmd::SetDocLanguage& c) {
                return "set the language to " + (c.language.empty() ? std::string("automatic") : c.language);
            },
            [](const cmd::SetDocDirection& c) {
                return "set the direction to " + std::string(direction_choice_name(c.direction));
            },
            [](const cmd::SetDocName& c) { return "rename the document to " + c.name; },
            [](const cmd::AddDocument& c) { return "add document " + c.document->name(); },
            [](const cmd::RemoveDocument& c) { return "remove document " + c.doc; },
            [](const cmd::AddEntityType& c) { return "add entity type " + c.type.name; },
            [](const cmd::RenameEntityType& c) { return "rename entity type " + c.from + " to " + c.to; },
            [](const cmd::RecolorEntityType& c) { return "recolor entity type " + c.name; },
            [](const cmd::SetEntityHotkey& c) { return "set the hotkey of " + c.name; },
            [](const cmd::SetEntityDescription& c) { return "describe entity type " + c.name; },
            [](const cmd::DeleteEntityType& c) { return "delete entity type " + c.name; },
            [](const cmd::AddRelationType& c) { return "add relation type " + c.type.name; },
            [](const cmd::RenameRelationType& c) { return "rename relation type " + c.from + " to " + c.to; },
            [](const cmd::SetRelationRule& c) { return "change the rule of " + c.name; },
            [](const cmd::DeleteRelationType& c) { return "delete relation type " + c.name; },
            [](const cmd::SetAllowCrossingSpans& c) {
                return std::string(c.allow ? "allow crossing spans" : "forbid crossing spans");
            },
        },
        command);
}

}  // namespace inkspan
