#pragma once
// What the accessible mirror shows (issue 19): a compact description of what the canvas shows —
// the document list, the toolbar and panel controls, the visible paragraphs as real text with
// each span as a named element ("PER: Alexandre Darchiev"), the relations by their ends, the
// selection, the last status message — built by the App when it changed, serialised to JSON and
// diffed into a hidden DOM tree beside the canvas by web/inkspan-a11y.js.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/schema.h"

namespace inkspan {

struct MirrorPiece {
    std::string text;     // the text it covers (empty: a span inside or across the span before it)
    std::string span_id;  // empty: plain text
    std::string name;     // a span's accessible name, "PER: Alexandre Darchiev"
    bool operator==(const MirrorPiece&) const = default;
};

struct MirrorParagraph {
    std::size_t start = 0, end = 0;  // code points
    std::vector<MirrorPiece> pieces;
    bool operator==(const MirrorParagraph&) const = default;
};

struct MirrorRelation {
    std::string id, name;  // "meets, from Alexandre Darchiev (PER) to Sonata Coulter (PER)"
    bool operator==(const MirrorRelation&) const = default;
};

// A button (or a toggle, when `toggle`) that does what its twin on the canvas does; `action`
// is what the page sends back when it is activated ("undo", "doc:2", "label:PER").
struct MirrorControl {
    std::string action, name;
    std::string shortcut;  // aria-keyshortcuts, e.g. "Control+Z"
    bool disabled = false, toggle = false, pressed = false, current = false;
    bool operator==(const MirrorControl&) const = default;
};

struct AccessibleView {
    std::vector<MirrorControl> toolbar, documents, panel, labels;
    std::string document_name;  // the open document, "" when none
    std::vector<MirrorParagraph> paragraphs;
    std::vector<MirrorRelation> relations;
    std::string selected_span, selected_relation;
    std::string note;  // the selected span's note (the note field is enabled only with a span selected)
    std::size_t selection_start = 0, selection_end = 0;  // a text selection (empty when equal)
    std::string selection_text;
    std::string status;          // what the status bar counts: "name, 3 spans, 1 relations"
    std::string save;            // what it says of saving: "All changes saved", "Saving…", a failure
    bool save_failed = false;
    std::string message;         // the last message (an action's result, an error)
    bool message_error = false;
    std::uint64_t message_serial = 0;  // a new message (the same text twice is announced twice)
    bool operator==(const AccessibleView&) const = default;
};

// "PER: Alexandre Darchiev" (the span's text shortened past 120 code points).
[[nodiscard]] std::string span_accessible_name(const Document& doc, const Span& span);
// The paragraphs that hold [cp_start, cp_end), whole when short, else cut about 2,000 code points
// around the range, split into plain text and spans. A span inside (or across) an earlier one
// comes right after it with no text of its own, so every piece of text appears once.
[[nodiscard]] std::vector<MirrorParagraph> mirror_paragraphs(const Document& doc, std::size_t cp_start, std::size_t cp_end);
// The relations with an end in one of `paragraphs`, in the document's order.
[[nodiscard]] std::vector<MirrorRelation> mirror_relations(const Document& doc, const Schema& schema,
                                                           const std::vector<MirrorParagraph>& paragraphs);
[[nodiscard]] std::string accessible_view_json(const AccessibleView& view, std::uint64_t version);

}  // namespace inkspan
