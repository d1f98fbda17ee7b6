#pragma once
// Working memory of the text view, kept from line to line and frame to frame (cleared, never
// freed): a line that scrolls into view allocates only what its cached mesh keeps, and a frame
// places the labels of the relations across lines without building lists.
#include <imgui.h>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/span_stacking.h"
#include "core/text_layout.h"
#include "ui/line_mesh.h"

namespace inkspan::ui {

// A line drawn afresh.
struct LineScratch {
    std::vector<const Span*> spans;    // overlapping the line
    std::vector<ClusterBox> clusters;  // of a line neither shaped nor empty of spans: measured once
    std::vector<StackItem> stack_items;
    std::vector<int> levels;
    StackScratch stacking;
    std::vector<LineSpan> pieces;    // of a span on a shaped line
    std::vector<ChipHit> between;    // the chips an arc on the line passes above (screen px)
    std::vector<const Relation*> arc_relations;  // of the line's arcs (mesh.arcs), to label them
};

// The relations across lines of one frame.
struct CrossingScratch {
    struct End {
        const CrossingEnd* end;
        ImVec2 at;  // its line's origin
        const LineMesh* mesh;
        const Relation* relation;  // end->relation_id's, or null when the document has none
    };
    std::vector<End> ends;
    std::vector<ChipHit> between;
    std::vector<const Relation*> drawn;  // by index into the view's arcs_
    // The paths a label must not sit on: the same-line arcs of the visible lines (screen px), then
    // the arcs across lines; each a run of `points` with its bounding box.
    struct Path {
        std::size_t first = 0, count = 0;
        ImVec2 min, max;
    };
    std::vector<ImVec2> points;
    std::vector<Path> paths;
    std::size_t line_paths = 0;  // how many of `paths` are same-line arcs
    std::vector<ImVec4> placed;  // label boxes placed so far
    std::vector<std::size_t> near;  // segments (index of their end in `points`) near a label's search
    std::vector<ImVec2> label_places;
    // What the relations across lines were drawn from (numbers, then the ids drawn emphasised) and
    // what they drew, in screen px: a frame with the same inputs copies it.
    std::vector<double> key, last_key;
    std::array<std::string, 4> last_ids;
    LineMesh mesh;
    bool kept = false;  // mesh, last_key and the view's arcs_ are the last frame's
};

}  // namespace inkspan::ui
