#pragma once
// Retained geometry of one text line: what the text view drew for it (highlights, label chips,
// the text, same-line relation arcs) as the ImGui vertices drawn at one place, plus the hit-test
// shapes relative to the line's origin. An unchanged line is not drawn again: the renderer keeps
// a copy of its vertices (web: WebGL buffers) from the first frame that shows it again, and a
// frame names it and where it goes now (a draw-list callback), so it costs that frame no vertices.
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
    LineMesh() = default;
    LineMesh(const LineMesh&) = delete;  // its name in the mesh store is its own
    LineMesh& operator=(const LineMesh&) = delete;
    ~LineMesh() { release(); }

    // The line it was drawn for (the cache's key is its cp_start).
    std::size_t cp_end = 0;
    float extra_above = 0.0f;
    std::uint64_t last_used = 0;  // frame number

    // As drawn at `recorded_at`; the triangles' indices count from its first vertex.
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    ImVec2 recorded_at{0, 0};
    std::vector<ChipHit> chips;          // relative to the line origin
    std::vector<ArcHit> arcs;            // relations between spans that start on this line
    std::vector<CrossingEnd> crossing;   // drawn per frame, between lines
    // Its name in the mesh store, new with each recording (0: none). The first frame that draws
    // it again hands its vertices and indices to the store (`in_store`), which keeps them until
    // release().
    std::uint64_t id = 0;
    bool in_store = false;

    void release();  // the store's copy may go (after the frame being drawn, which may still show it)
    // Empty, for another line; the memory of its lists is kept.
    void clear() {
        release();
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

// Where kept meshes live between frames: the renderer's (the web host's keeps them in WebGL
// buffers; the native tests' on the heap, to check what a renderer would draw). Kept meshes are
// drawn by the store's draw-list callback, whose user data is an array of KeptDraw.
struct KeptDraw {
    std::uint64_t mesh;  // LineMesh::id
    float dx, dy;        // from where it was recorded (whole px)
};
class MeshStore {
public:
    virtual ~MeshStore() = default;
    [[nodiscard]] virtual bool holds(std::uint64_t id) const = 0;
    // Takes the mesh's vertices and triangles (indices counted from its first vertex) under its
    // id: the mesh holds none of them afterwards.
    virtual void keep(LineMesh& mesh) = 0;
    // The copy may go once the frame being built is drawn.
    virtual void release(std::uint64_t id) = 0;
    [[nodiscard]] virtual ImDrawCallback draw_callback() const = 0;
};
// The process's store (set by the host at start, cleared before it goes); none: no line is kept.
void set_mesh_store(MeshStore* store);
[[nodiscard]] MeshStore* mesh_store();

// Kept meshes drawn one after another in a draw list: one callback for the run, then a reset of
// the renderer's state (the callback binds its own buffers and projection).
class KeptRun {
public:
    // false when no store keeps meshes, or the store lost this one (a lost WebGL context): the
    // caller draws the line afresh.
    bool add(LineMesh& mesh, ImVec2 origin);
    void flush(ImDrawList* dl);  // before anything else is drawn, and at the end

private:
    std::vector<KeptDraw> draws_;
};

// Text drawn without ImGui's CPU-side culling against the clip rectangle, so a line recorded while
// partly off screen is complete when it is replayed fully on screen (the GPU scissor clips).
void draw_text_unclipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* begin,
                         const char* end);

}  // namespace inkspan::ui
