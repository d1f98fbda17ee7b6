#pragma once
// What an edit did, in the words of the text ("Labelled Istanbul as LOC"): the status bar shows
// it and the accessible mirror's live region announces it. Taken before the command applies
// (a deleted span's text is still there).
#include <string>

#include "core/commands.h"
#include "core/document.h"

namespace inkspan {

[[nodiscard]] std::string announce_edit(const Document& doc, const Command& command);
// "in progress" for DocStatus::InProgress.
[[nodiscard]] std::string doc_status_words(DocStatus status);

}  // namespace inkspan
