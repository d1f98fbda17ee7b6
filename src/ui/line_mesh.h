#pragma once
// Retained geometry of one text line: what the text view drew for it (highlights, label chips,
// the text, same-line relation arcs) as the ImGui vertices drawn at one place, plus the hit-test
// shapes relative to the line's origin. Redrawing an unchanged line copies its vertices with an
// offset instead of recomputing them, so a frame costs about as much as the vertices it submits.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace inkspan::ui {

struct ChipHit {
    ImVec2 min, max;
    std::string span_id;
    float line_y = 0;  // set where chips of several lines are gathered (screen px of their line)
};
struct ArcHit {
    std::vector<ImVec2> points;  // the polyline as drawn
    ImVec2 label_min, label_max;
    std::string relation_id;
};

// A relation from a span starting on this line to a span starting on another line.
struct CrossingEnd {
    std::string relation_id;
    std::string span_id;  // the end on this line
    ImVec2 anchor;        // top-centre of its chip, relative to the line origin
    // Where the relation was in the document's list when the line was drawn: a frame looks there
    // first (and checks the id) instead of searching the list. Edits elsewhere may move it.
    std::size_t relation_position = 0;
};

struct LineMesh {
    // The line it was drawn for (the cache's key is its cp_start).
    std::size_t cp_end = 0;
    float extra_above = 0.0f;
    std::uint64_t last_used = 0;  // frame number

    // As drawn at `recorded_at`, the first vertex being the draw list's index `recorded_base`
    // (copied whole; replay moves them).
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    ImVec2 recorded_at{0, 0};
    unsigned int recorded_base = 0;
    std::vector<ChipHit> chips;          // relative to the line origin
    std::vector<ArcHit> arcs;            // relations between spans that start on this line
    std::vector<CrossingEnd> crossing;   // drawn per frame, between lines

    // Empty, for another line; the memory of its lists is kept.
    void clear() {
        cp_end = 0;
        extra_above = 0.0f;
        last_used = 0;
        vertices.clear();
        indices.clear();
        chips.clear();
        arcs.clear();
        crossing.clear();
    }
};

// Records what is drawn into a draw list between begin and end, relative to `origin`.
class MeshRecorder {
public:
    MeshRecorder(ImDrawList* dl, ImVec2 origin);
    // Copies the recorded vertices into `mesh`; false when the draw list started a new command
    // meanwhile (then the recording is unusable and the line is simply not cached).
    bool finish(LineMesh& mesh) const;

private:
    ImDrawList* dl_;
    ImVec2 origin_;
    int vtx_begin_, idx_begin_, cmd_count_;
    unsigned int vtx_current_;
};

// Appends the mesh's vertices to the draw list, moved to `origin`.
void replay(ImDrawList* dl, const LineMesh& mesh, ImVec2 origin);

// Text drawn without ImGui's CPU-side culling against the clip rectangle, so a line recorded while
// partly off screen is complete when it is replayed fully on screen (the GPU scissor clips).
void draw_text_unclipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* begin,
                         const char* end);

}  // namespace inkspan::ui
