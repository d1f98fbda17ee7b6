#pragma once
// The document view: draws the text from TextLayout (only the visible lines), span highlights
// with their label chips in bands above the lines, relation arcs, the selection; turns mouse
// gestures into ViewEvents for its owner. Scrolling is its own (the layout's heights are virtual).
#include <imgui.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/caret_motion.h"
#include "core/document.h"
#include "core/schema.h"
#include "core/text_layout.h"
#include "ui/fonts.h"
#include "ui/line_mesh.h"
#include "ui/text_view_scratch.h"
#include "ui/theme.h"
#include "ui/view_events.h"

namespace inkspan::ui {
inline constexpr float kScrollbarWidth = 8.0f;
inline constexpr int kWheelLines = 3;  // lines a wheel notch scrolls
}

namespace inkspan::ui {

class TextView {
public:
    // Rebuilds the layout for `doc` (new document, font or zoom change).
    void reset(const Document& doc, const Schema& schema, const Fonts& fonts);
    [[nodiscard]] bool has_layout() const { return layout_ != nullptr; }
    [[nodiscard]] const std::string& doc_id() const { return doc_id_; }
    [[nodiscard]] DirectionChoice direction() const { return direction_; }  // the document's, when laid out

    // Takes the region [min, max) of the current ImGui window and turns this frame's mouse input
    // into events (hit-testing what the last frame drew). Then, after the owner applied them,
    // draw() draws `in` there.
    [[nodiscard]] ViewEvents handle_input(const ViewInput& in, ImVec2 min, ImVec2 max);
    void draw(const ViewInput& in);

    // Where a palette for [start, end) opens: below the range's last line, in screen px.
    [[nodiscard]] std::optional<ImVec2> below_range(std::size_t start, std::size_t end) const;
    // The screen y just above the first line of the range (where a popup ends when it opens above).
    [[nodiscard]] std::optional<float> above_range(std::size_t start, std::size_t end) const;

    // Idle work: lays out paragraphs no frame has shown yet for about `budget_ms`, keeping the top
    // line in place, so heights settle; true while some remain (the owner asks for another frame).
    // Call it during a frame (it asks the document for band heights). A budget of 0 only says
    // whether some remain.
    bool settle_layout(double budget_ms);
    [[nodiscard]] const LayoutStats* layout_stats() const { return layout_ ? &layout_->stats() : nullptr; }

    // Spans in [start, end) changed: their lines may need other band heights.
    void spans_changed(std::size_t start, std::size_t end);

    // Scrolls so code point `cp` is visible (centred when it was off screen); returns its box in
    // page CSS px (the box of the character at cp, or the caret box at the end of the text).
    std::optional<ImVec4> scroll_to(std::size_t cp, bool center);
    [[nodiscard]] float scroll_y() const { return scroll_y_; }
    // Where the reader is: the first line on screen and how far into it the view is scrolled —
    // kept when switching documents and given back to restore() (robust to lines laid out later).
    struct Place { std::size_t cp = 0; float offset = 0; };
    [[nodiscard]] Place place() const;
    void restore(Place place);
    void scroll_by(float dy);

    // The flash highlight (after jumping from the annotation list); steady, not fading, when the
    // page prefers reduced motion.
    void flash(std::size_t start, std::size_t end, double now);
    void set_reduced_motion(bool on) { reduced_motion_ = on; }
    // [first, last) code points of the lines the last frame drew (the accessible mirror's range).
    [[nodiscard]] std::pair<std::size_t, std::size_t> visible_range() const;
    // What the last frame drew, in screen px (tests): label chips and relation paths.
    struct DrawnChip { ImVec2 min, max; std::string span_id; };
    struct DrawnArc { std::vector<ImVec2> points; ImVec2 label_min, label_max; std::string relation_id; };
    [[nodiscard]] std::vector<DrawnChip> drawn_chips() const;
    [[nodiscard]] std::vector<DrawnArc> drawn_arcs() const;
    // The relation whose path the last frame drew again on top (hovered, else selected), or "".
    [[nodiscard]] const std::string& emphasised_on_top() const { return emphasised_on_top_; }
    // The compare view's markers the last frame drew (tests): one per line piece, in screen px.
    struct DrawnMark { ImVec2 min, max; ImU32 color; };
    [[nodiscard]] const std::vector<DrawnMark>& drawn_marks() const { return drawn_marks_; }
    // How many of the find bar's matches the last frame highlighted (tests).
    [[nodiscard]] std::size_t matches_drawn() const { return matches_drawn_; }

    // Off: every line is drawn from scratch each frame (the benchmark compares both ways).
    void set_line_cache(bool on) {
        line_cache_ = on;
        forget_drawn();
    }
    [[nodiscard]] std::size_t cached_lines() const { return meshes_.size(); }
    [[nodiscard]] std::size_t lines_on_screen() const { return visible_.size(); }  // the last frame's
    // Lines the last frame copied from the cache instead of drawing them.
    [[nodiscard]] std::size_t lines_replayed() const { return lines_replayed_; }
    // Lines the last frame drew ahead, off screen (draw_ahead).
    [[nodiscard]] std::size_t lines_drawn_ahead() const { return lines_drawn_ahead_; }
    // Whether the last frame copied the relations across lines from the frame before.
    [[nodiscard]] bool crossing_replayed() const { return crossing_replayed_; }

private:
    struct VisibleLine {
        LayoutLine line;
        ImVec2 at;  // screen position of the line's origin (its text box's top-left), whole px
        std::shared_ptr<const LineMesh> mesh;
    };
    struct Anchor {
        ImVec2 pos;
        float line_y;
    };

    float band_height() const;
    float arc_row_height() const;
    [[nodiscard]] float extra_above(std::size_t cp_start, std::size_t cp_end) const;
    void drop_stale_meshes(const Theme& theme);
    void forget_drawn();  // every kept line and the relations across lines
    // The spans drawn emphasised this frame: the selected and the hovered one, the ends of the
    // selected and of the hovered relation. Lines showing one are drawn afresh, not from the cache.
    void find_emphasised(const ViewInput& app);
    [[nodiscard]] bool is_emphasised(const Span& s) const;
    [[nodiscard]] bool shows_emphasis(const LayoutLine& line) const;  // an emphasised span on the line
    [[nodiscard]] ImVec2 line_origin(const LayoutLine& line) const;  // on screen, whole px
    // The line's kept mesh when it was drawn for the line as it is laid out now.
    [[nodiscard]] const std::shared_ptr<LineMesh>* kept_mesh(const LayoutLine& line) const;
    std::shared_ptr<const LineMesh> draw_line(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at, bool cacheable);
    // In a frame that drew nothing new (after one that drew at most a notch's lines afresh): the
    // next lines the scroll shows (up to a wheel notch's, in the direction it last went) drawn into
    // the cache, off screen, so the frame that scrolls there replays them. Into a draw list of its
    // own, which no frame submits.
    void draw_ahead(const ViewInput& app, const ImDrawList& window);
    // A mesh for a line drawn afresh: an empty one from spare_meshes_ (its memory kept), else new.
    std::shared_ptr<LineMesh> empty_mesh();
    void keep_spare(std::shared_ptr<LineMesh> mesh);  // a mesh no longer drawn, for empty_mesh()
    // `clusters`: the line's, when it is neither shaped nor empty of spans.
    void draw_spans(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at, const std::vector<const Span*>& spans,
                    const std::vector<ClusterBox>& clusters, LineMesh& mesh);
    void draw_line_relations(const ViewInput& app, ImDrawList* dl, const LayoutLine& line, ImVec2 at,
                             const std::vector<const Span*>& spans, LineMesh& mesh);
    // `between`: the chips of the line (screen px, ids unset) an arc on one line passes above. The type's
    // label goes at the path's middle, unless `labelled` is false (the caller places it later).
    void draw_relation(const ViewInput& app, ImDrawList* dl, const Relation& r, Anchor head, Anchor tail, int lane, ArcHit& hit,
                       const std::vector<ChipHit>& between = {}, bool labelled = true);
    // The box of the type's label chip centred at `mid`, in the coordinates of `mid`.
    [[nodiscard]] std::pair<ImVec2, ImVec2> label_box(const Relation& r, ImVec2 mid);
    // The type's label on a small chip centred at `mid` (sets hit.label_min/max).
    void draw_relation_label(const ViewInput& app, ImDrawList* dl, const Relation& r, ImVec2 mid, ArcHit& hit);
    // Where on arcs_[arc], a relation to another line, its label sits on no other drawn path nor
    // placed label (crossing_scratch_'s paths and placed): along its stretches across (the last one
    // first, from its middle out), then its lane, inside the view; else that middle.
    [[nodiscard]] ImVec2 free_label_place(const Relation& r, std::size_t arc);
    // Where the label of mesh.arcs[arc], a relation within the line drawn at `at`, sits on no
    // other arc of the line nor an earlier label of it: at the arc's middle, else along its top
    // from the middle out, else stacked above the middle; else that middle. In screen px.
    [[nodiscard]] ImVec2 line_label_place(const Relation& r, const LineMesh& mesh, std::size_t arc, ImVec2 at);
    // The label places of this frame's arcs across lines, into crossing_scratch_.label_places.
    void place_crossing_labels();
    void draw_crossing_relations(const ViewInput& app, ImDrawList* dl);  // the last frame's, when nothing changed
    void redraw_crossing_relations(const ViewInput& app, ImDrawList* dl);
    // The relation of an end kept with a line: at its remembered place in the list, else found by id.
    [[nodiscard]] const Relation* relation_of(const CrossingEnd& end) const;
    [[nodiscard]] static std::optional<Anchor> chip_anchor(const LineMesh& mesh, ImVec2 at, const std::string& span_id);
    [[nodiscard]] std::optional<Anchor> chip_anchor(const std::string& span_id) const;  // first visible chip
    void draw_selection(const ViewInput& app, ImDrawList* dl, ImVec2 origin);
    void draw_compare_marks(const ViewInput& app, ImDrawList* dl);  // under the lines' text, over highlights
    void draw_scrollbar(ImDrawList* dl, const Theme& theme, ImVec2 min, ImVec2 max);
    void handle_mouse(const ViewInput& in, ImVec2 origin, ViewEvents& out);
    void handle_keys(const ViewInput& in, ViewEvents& out);  // text_view_keys.cpp
    void follow_caret();  // scrolls the least that shows the caret with the chips above its line
    void draw_caret(const ViewInput& in, ImDrawList* dl);
    void draw_relation_focus(const ViewInput& in, ImDrawList* dl);
    [[nodiscard]] const Span* span_under(ImVec2 local) const;
    [[nodiscard]] std::string chip_under(ImVec2 screen) const;
    [[nodiscard]] std::string arc_under(ImVec2 screen) const;
    void clamp_scroll();
    struct LabelStyle {
        ImU32 color;
        float text_width;
        ImU32 chip_ink;  // black or white on the opaque chip (worked out once: it costs six pow())
    };
    const LabelStyle& label_style(const std::string& label);

    std::unique_ptr<TextLayout> layout_;
    const Document* doc_ = nullptr;  // valid during a frame; refreshed from ViewInput each frame
    const Schema* schema_ = nullptr;
    Fonts fonts_;
    std::string doc_id_;
    DirectionChoice direction_ = DirectionChoice::automatic;
    float column_width_ = 0, view_height_ = 0, scroll_y_ = 0;
    ImVec2 origin_{0, 0};  // screen position of layout (0, 0) in the last frame, scroll applied
    ImVec2 region_min_{0, 0}, region_max_{0, 0};

    // Line geometry drawn in earlier frames, by the line's first code point. Dropped when the
    // spans of its range change (spans_changed), with the theme, font, zoom or column width.
    bool line_cache_ = true;
    std::size_t matches_drawn_ = 0;
    std::vector<DrawnMark> drawn_marks_;
    std::string emphasised_on_top_;
    void draw_emphasised_arc_on_top(const ViewInput& app, ImDrawList* dl);
    std::size_t lines_replayed_ = 0;
    std::size_t lines_drawn_ahead_ = 0;
    std::size_t lines_fresh_ = 0;  // lines the last frame drew afresh on screen (draw_ahead)
    bool crossing_replayed_ = false;
    std::map<std::size_t, std::shared_ptr<LineMesh>> meshes_;
    std::vector<std::shared_ptr<LineMesh>> spare_meshes_;  // dropped from the cache, for empty_mesh()
    std::vector<std::shared_ptr<LineMesh>> uncached_meshes_;  // drawn last frame, not kept: spares next frame
    KeptRun kept_run_;  // this frame's kept lines in a row, drawn by the mesh store
    std::unique_ptr<ImDrawList> ahead_list_;  // draw_ahead's
    float last_scroll_y_ = 0;
    bool scrolled_up_ = false;  // the last scroll went up: draw_ahead draws the lines above
    LineScratch line_scratch_;
    mutable BandScratch band_scratch_;  // extra_above's, asked by the layout line after line
    CrossingScratch crossing_scratch_;
    std::uint64_t frame_ = 0;
    std::uint64_t first_frame_ = 0;  // the frame that first draws the layout made by reset()
    Theme mesh_theme_{};
    float mesh_column_ = 0;
    int mesh_atlas_ = 0;  // the font atlas texture the kept vertices' UVs belong to
    static int atlas_texture_id();
    std::map<std::string, LabelStyle, std::less<>> label_styles_;

    std::vector<const Span*> emphasised_;  // this frame's (find_emphasised)
    std::vector<VisibleLine> visible_;  // this frame's lines, with what they drew (hit-testing)
    std::vector<ArcHit> arcs_;          // relations across lines, drawn this frame
    float hits_scroll_y_ = -1;  // the scroll visible_ and arcs_ were drawn at; stale after a scroll

    Caret caret_;  // the keyboard caret: the selection's caret end, with its kept x

    // Gestures.
    enum class Drag { None, Select, Relation, Scrollbar };
    Drag drag_ = Drag::None;
    std::size_t press_cp_ = 0;
    std::string press_span_;  // span under the press (chip or text)
    bool press_on_chip_ = false;
    ImVec2 press_pos_{0, 0};
    float scrollbar_grab_ = 0;
    std::string tooltip_span_;   // the span under the resting pointer, and since when (ImGui time)
    double tooltip_since_ = 0;
    std::size_t flash_start_ = 0, flash_end_ = 0;
    double flash_until_ = 0;
    bool reduced_motion_ = false;
};

}  // namespace inkspan::ui
