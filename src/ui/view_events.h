#pragma once
// What the text view reads (ViewInput) and what it reports (ViewEvents): the view never writes
// into its owner; the App applies the events, then the view draws the resulting state.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/text_range.h"
#include <variant>
#include <vector>

#include "core/document.h"
#include "core/schema.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct TextSelection {
    std::size_t anchor = 0, caret = 0;  // code points
    [[nodiscard]] std::size_t start() const { return anchor < caret ? anchor : caret; }
    [[nodiscard]] std::size_t end() const { return anchor < caret ? caret : anchor; }
    [[nodiscard]] bool empty() const { return anchor == caret; }
};

// A marker of the compare view (ui/compare_view.h): an underline under [start, end) in a colour
// per kind of difference; a relation difference is a thinner, dashed line.
struct CompareMark {
    std::size_t start = 0, end = 0;  // code points
    ImU32 color = 0;
    bool relation = false;
};

// The state the view shows this frame (a copy: ids are short).
struct ViewInput {
    const Document* doc = nullptr;
    const Theme* colors = nullptr;
    TextSelection text_selection;
    std::string selected_span_id, selected_relation_id, hovered_span_id, hovered_relation_id;
    std::string relation_source_id;  // span id while choosing a relation target ("R" mode)
    bool snap_words = true;
    bool has_keyboard = false;       // the keys are the text's this frame (caret moves, Enter)
    std::string relation_focus_id;   // the candidate other end in keyboard relate mode
    const std::vector<TextRange>* matches = nullptr;  // the find bar's matches, highlighted (sorted)
    const std::vector<CompareMark>* compare_marks = nullptr;  // the compare view's markers, if open

    [[nodiscard]] const Theme& theme() const { return *colors; }
    [[nodiscard]] const TextSelection& selection() const { return text_selection; }
    [[nodiscard]] const std::string& selected_span() const { return selected_span_id; }
    [[nodiscard]] const std::string& selected_relation() const { return selected_relation_id; }
    [[nodiscard]] const std::string& hovered_span() const { return hovered_span_id; }
    [[nodiscard]] const std::string& hovered_relation() const { return hovered_relation_id; }
    [[nodiscard]] const std::string& relation_source() const { return relation_source_id; }
    [[nodiscard]] const std::string& relation_focus() const { return relation_focus_id; }
};

namespace view_request {
struct SelectText { std::size_t anchor = 0, caret = 0; bool open_palette = false; };
struct SelectSpan { std::string id; };
struct SelectRelation { std::string id; };
struct ClearSelection {};
struct Relate { std::string head, tail; };  // a drag from a chip, or "R" then a click
}  // namespace view_request
using ViewRequest = std::variant<view_request::SelectText, view_request::SelectSpan, view_request::SelectRelation,
                                 view_request::ClearSelection, view_request::Relate>;

struct ViewEvents {
    struct Hover { std::string span, relation; };  // both empty: nothing under the pointer
    std::optional<Hover> hover;        // set when the view decided what is hovered this frame
    const char* cursor = nullptr;      // the CSS cursor the pointer wants over the text, if any
    std::vector<ViewRequest> requests;  // in the order the gestures made them
};

}  // namespace inkspan::ui
