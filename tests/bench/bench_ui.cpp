// Headless frames of the real UI: ui::TextView (with the app's body font, DejaVu Sans) against
// plain ImGui text of the same visible lines, then the whole ui::App, and edits through the App.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "bench.h"
#include "core/inkspan_json.h"
#include "headless.h"
#include "platform/native.h"
#include "synthetic.h"
#include "ui/app.h"
#include "ui/item_hooks/imgui_items.h"
#include "ui/text_view.h"
#include "view_geometry.h"

namespace inkspan::bench {
namespace {

// The App reads its font from the browser's virtual file system (/fonts/DejaVuSans.ttf); natively
// it falls back to ImGui's built-in font unless it offers a way to hand it the font.
template <typename A>
bool give_app_font(A& app, const std::vector<char>& ttf) {
    if constexpr (requires { app.set_font_data(ttf); }) {
        app.set_font_data(ttf);
        return true;
    } else {
        return false;
    }
}

struct Region {
    ImVec2 min, max;
};

// The vertex count of the last frame drawn here (how much each frame submits).
int last_vertices = 0;

double view_frame(ui::TextView& view, ui::App& app, Region r) {
    Stopwatch w;
    new_frame();
    begin_reading_window(r.min, r.max, app.theme().page_bg);
    const ui::ViewInput in = app.view_input();
    (void)view.handle_input(in, r.min, r.max);
    view.draw(in);
    end_reading_window();
    last_vertices = render();
    return w.ms();
}

// The baseline: the same lines as plain ImGui text, same font, same places, no annotations.
double baseline_frame(const std::vector<LayoutLine>& lines, TextLayout& layout, const ui::Fonts& fonts,
                      const ViewGeometry& g, ImU32 bg, ImU32 ink, Region r, float scroll) {
    Stopwatch w;
    new_frame();
    begin_reading_window(r.min, r.max, bg);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(r.min, r.max, true);
    const float left = std::floor(r.min.x + (r.max.x - r.min.x - g.column_width) * 0.5f);
    const float top = r.min.y + g.top_margin - scroll;
    for (const LayoutLine& line : lines) {
        const std::string_view text = layout.line_text(line);
        dl->AddText(fonts.body, fonts.body_px, ImVec2(left + line.x, top + line.y + g.text_dy), ink, text.data(),
                    text.data() + text.size());
    }
    dl->PopClipRect();
    end_reading_window();
    last_vertices = render();
    return w.ms();
}

// The line cache must not change a pixel: a frame replayed from it has the same draw data as one
// drawn afresh, at random places, with a span hovered (its lines are drawn afresh) or not.
Status check_line_cache(ui::TextView& view, ui::App& app, const Document& doc, Region r, Rng& rng) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 20; ++i) {
        (void)view.scroll_to(rng.below(static_cast<std::uint32_t>(doc.length())), true);
        const bool hover = i % 2 == 1;
        io.AddMousePosEvent(hover ? (r.min.x + r.max.x) * 0.5f : -FLT_MAX, hover ? (r.min.y + r.max.y) * 0.5f : -FLT_MAX);
        (void)view_frame(view, app, r);
        (void)view_frame(view, app, r);
        const DrawSnapshot cached = snapshot_draw_data("##reading");
        view.set_line_cache(false);
        (void)view_frame(view, app, r);
        const DrawSnapshot fresh = snapshot_draw_data("##reading");
        view.set_line_cache(true);
        if (const std::string diff = compare_draw_data(cached, fresh); !diff.empty())
            return failure("the line cache changed what is drawn at place " + std::to_string(i) + ": " + diff);
    }
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    return Ok{};
}

// After an edit through the App, its view (cache on) draws what a view without cache draws.
Status check_app_cache(ui::App& app, const char* after) {
    (void)app_frame(app);  // applies the requested command (at the end of the frame)
    (void)app_frame(app);
    const DrawSnapshot cached = snapshot_draw_data("##reading");
    app.set_line_cache(false);
    (void)app_frame(app);
    const DrawSnapshot fresh = snapshot_draw_data("##reading");
    app.set_line_cache(true);
    (void)app_frame(app);
    if (const std::string diff = compare_draw_data(cached, fresh); !diff.empty())
        return failure(std::string("after ") + after + ", the text view's line cache showed stale geometry: " + diff);
    return Ok{};
}

const Document* find_doc(const ui::App& app, std::size_t spans) {
    for (const Document& d : app.corpus().documents)
        if (d.span_count() == spans && d.length() > 0) return &d;
    return nullptr;
}

// Random positions: the real text view against the baseline, measured alternately in one run.
Status bench_view(const Config& config, ui::App& app, ui::App& plain_app, const Document& doc, const ui::Fonts& fonts,
                  Region region, Report& report) {
    const ViewGeometry g = view_geometry(fonts, region.max.x - region.min.x);
    const float view_h = region.max.y - region.min.y;
    ui::TextView view;
    Stopwatch open;
    view.reset(doc, app.corpus().schema, fonts);
    (void)view_frame(view, app, region);
    report.add("TextView reset + first frame", Samples{{open.ms()}}, "the view's part of opening the document");

    TextLayout mirror(doc.text(), fonts.body_advances(), view_style(g), view_extra_above(doc, g));
    const ImU32 ink = app.theme().text, bg = app.theme().page_bg;
    Rng rng(3);
    Samples with, base, ahead;
    std::size_t ahead_lines = 0;
    float max_dy = 0;
    std::size_t lines_drawn = 0, checks = 0;
    double vertices_with = 0, vertices_base = 0;
    for (int i = 0; i < config.frames; ++i) {
        const std::size_t cp = rng.below(static_cast<std::uint32_t>(doc.length()));
        (void)view.scroll_to(cp, true);
        (void)view_frame(view, app, region);  // lays out what the place shows; not timed
        const float y = mirror.caret_position(cp).y;
        const float scroll = std::clamp(y - view_h * 0.4f, 0.0f, std::max(0.0f, mirror.total_height() - view_h * 0.5f));
        const auto lines = mirror.visible_lines(scroll, scroll + view_h);
        lines_drawn += lines.size();
        for (int k = 0; k < 2; ++k) {  // alternate the order, so neither always runs on a warm cache
            if ((i + k) % 2 == 0) {
                with.add(view_frame(view, app, region));
                vertices_with += last_vertices;
            } else {
                base.add(baseline_frame(lines, mirror, fonts, g, bg, ink, region, scroll));
                vertices_base += last_vertices;
            }
        }
        // The frame after: like the timed one, but it draws the next notch's lines ahead (the
        // frame after a jump yields).
        ahead.add(view_frame(view, app, region));
        ahead_lines += view.lines_drawn_ahead();
        // The two layouts must agree: the distance between two lines near the middle of the screen
        // (in layout coordinates, so a scroll that scroll_to makes does not count).
        if (i % 10 == 0 && lines.size() > 4) {
            const std::size_t a = lines[lines.size() / 2 - 2].cp_start, b = lines[lines.size() / 2 + 2].cp_start;
            auto layout_y = [&](std::size_t c) -> std::optional<float> {
                const auto box = view.scroll_to(c, false);
                if (!box) return std::nullopt;
                return box->y - (region.min.y + g.top_margin) + view.scroll_y();
            };
            const auto ya = layout_y(a), yb = layout_y(b);
            if (ya && yb) {
                const float dm = mirror.caret_position(b).y - mirror.caret_position(a).y;
                max_dy = std::max(max_dy, std::fabs((*yb - *ya) - dm));
                ++checks;
            }
        }
    }
    const double frames = std::max(1, config.frames);
    report.add("TextView frame, random places (50k spans, 10k rel.)", with,
               format("%.0f vertices per frame", vertices_with / frames));
    report.add("baseline: plain ImGui text of the same lines", base,
               format("%.0f vertices, %.1f lines per screen; layouts agree within %.1f px (%zu checks)",
                      vertices_base / frames, static_cast<double>(lines_drawn) / frames, max_dy, checks));
    report.add("TextView frame, the next at that place", ahead,
               format("%.2fx the baseline; draws %.1f lines ahead (the next wheel notch's)",
                      ahead.median() / std::max(1e-9, base.median()), static_cast<double>(ahead_lines) / frames));
    const double ratio = with.median() / std::max(1e-9, base.median());
    report.info("ratio TextView / baseline (median)",
                format("%.2fx (target <= 1.5x): %s; absolute %.2f ms (target < 4 ms): %s", ratio,
                       ratio <= 1.5 ? "met" : "MISSED", with.median(), with.median() < 4.0 ? "met" : "MISSED"));

    // The same places with the line cache off: every line's geometry computed afresh (what a
    // frame costs when it shows lines it has not drawn before, e.g. right after a jump).
    Rng rng_off(3);
    Samples uncached;
    view.set_line_cache(false);
    for (int i = 0; i < config.frames; ++i) {
        (void)view.scroll_to(rng_off.below(static_cast<std::uint32_t>(doc.length())), true);
        (void)view_frame(view, app, region);
        uncached.add(view_frame(view, app, region));
    }
    view.set_line_cache(true);
    report.add("TextView frame, line cache off (all lines afresh)", uncached,
               format("%.2fx the baseline", uncached.median() / std::max(1e-9, base.median())));
    if (Status st = check_line_cache(view, app, doc, region, rng); !st.ok()) return st;
    report.info("line cache: cached frames = frames drawn afresh", "the same triangles (kept meshes drawn from the "
                "store) at 20 places, with and without a hovered span");

    // The same text without annotations, in the same view code.
    const Document* plain = plain_app.current_document();
    if (!plain || plain->text() != doc.text()) return failure("the plain-text copy of the document did not open");
    ui::TextView plain_view;
    plain_view.reset(*plain, plain_app.corpus().schema, fonts);
    (void)view_frame(plain_view, plain_app, region);
    Rng rng2(3);
    Samples no_ann;
    for (int i = 0; i < config.frames; ++i) {
        (void)plain_view.scroll_to(rng2.below(static_cast<std::uint32_t>(plain->length())), true);
        (void)view_frame(plain_view, plain_app, region);
        no_ann.add(view_frame(plain_view, plain_app, region));
    }
    report.add("TextView frame, same text without annotations", no_ann, "more lines fit: no bands");

    // Wheel scrolling through the real input path (3 lines per notch), paragraphs laid out lazily.
    // ImGui trickles input: a wheel event queued behind a pointer move waits a frame, so frames
    // alternate between one that scrolls (three lines afresh) and one that only moves the pointer.
    // The median of all falls where the two kinds meet: each kind is reported too.
    Samples wheel, wheel_scrolled, wheel_pointer;
    (void)view.scroll_to(rng.below(static_cast<std::uint32_t>(doc.length() / 2)), false);
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse((region.min.x + region.max.x) * 0.5f, (region.min.y + region.max.y) * 0.5f);
    (void)view_frame(view, app, region);
    const float scroll_before = view.scroll_y();
    for (int i = 0; i < config.frames; ++i) {
        io.AddMousePosEvent(mouse.x + static_cast<float>(i % 7), mouse.y);
        io.AddMouseWheelEvent(0.0f, -1.0f);
        const float before = view.scroll_y();
        const double ms = view_frame(view, app, region);
        wheel.add(ms);
        (view.scroll_y() != before ? wheel_scrolled : wheel_pointer).add(ms);
    }
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    // ImGui trickles input: a wheel event queued behind a mouse move waits a frame, so half of the
    // events above are still queued. Let them through (untimed) before measuring anything else.
    for (int i = 0; i < config.frames + 2; ++i) (void)view_frame(view, app, region);
    if (view.scroll_y() <= scroll_before) return failure("the wheel did not scroll the text view");

    // Smooth scrolling (a trackpad, or dragging the scroll bar): 8 px per frame, so a new line
    // comes into view every few frames.
    Samples smooth;
    const float smooth_before = view.scroll_y();
    for (int i = 0; i < config.frames; ++i) {
        view.scroll_by(8.0f);
        smooth.add(view_frame(view, app, region));
    }
    if (view.scroll_y() <= smooth_before) return failure("scroll_by did not scroll the text view");
    report.add("TextView frame, wheel-scrolling (mouse over text)", wheel,
               format("%.2fx the baseline; 3 lines a notch, drawn ahead by the frames between; %.0f px scrolled",
                      wheel.median() / std::max(1e-9, base.median()), smooth_before - scroll_before));
    report.add("  of which frames that scroll a notch", wheel_scrolled,
               format("%.2fx the baseline", wheel_scrolled.median() / std::max(1e-9, base.median())));
    report.add("  of which frames that only move the pointer", wheel_pointer,
               format("%.2fx the baseline", wheel_pointer.median() / std::max(1e-9, base.median())));
    report.add("TextView frame, smooth scrolling (8 px per frame)", smooth,
               format("%.2fx the baseline (mean %.2fx); %.0f px scrolled", smooth.median() / std::max(1e-9, base.median()),
                      smooth.mean() / std::max(1e-9, base.median()), view.scroll_y() - smooth_before));
    return Ok{};
}

// The whole App: toolbar, document list, side panel (labels, annotation list), status bar, text.
Status bench_app_frames(const Config& config, ui::App& app, const Document& doc, const char* what, Report& report) {
    (void)app_frame(app);
    Rng rng(5);
    Samples s;
    for (int i = 0; i < std::max(10, config.frames / 2); ++i) {
        if (!app.locate(doc.id(), rng.below(static_cast<std::uint32_t>(doc.length())))) return failure("locate failed");
        (void)app_frame(app);
        s.add(app_frame(app));
    }
    report.add(what, s);
    // In headless Chromium without a GPU, filling these pixels (SwiftShader) is what paces the
    // frames, not the app's CPU time.
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    report.info(std::string(what) + ": pixels filled",
                format("%.2f screens (%.0f x %.0f)", filled_pixels() / std::max(1.0f, screen.x * screen.y), screen.x, screen.y));
    std::string by_window;
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists)
        if (const char* name = list->_OwnerName; name && filled_pixels(name) >= 0.01 * screen.x * screen.y)
            by_window += format("%s%s %.2f", by_window.empty() ? "" : ", ", name, filled_pixels(name) / (screen.x * screen.y));
    report.info("  by window", by_window);
    return Ok{};
}

// Creating and deleting one span through the App (the gesture's requests, then the frame that
// applies the command and the next one), and autosave after that edit.
Status bench_app_edits(const Config& config, ui::App& app, Report& report) {
    Rng rng(9);
    Samples add_apply, add_next, del_apply, del_next;
    const int n = std::max(5, config.frames / 4);
    for (int i = 0; i < n; ++i) {
        const Document* doc = app.current_document();
        const Span pick = doc->span_at(rng.below(static_cast<std::uint32_t>(doc->span_count())));
        if (pick.label == "MISC" || doc->find_span(pick.start, pick.end, "MISC")) continue;
        (void)app.locate(doc->id(), pick.start);
        (void)app_frame(app);
        const std::size_t before = doc->span_count();
        app.set_text_selection(pick.start, pick.end, false);
        app.request_label("MISC");
        add_apply.add(app_frame(app));
        add_next.add(app_frame(app));
        doc = app.current_document();
        if (doc->span_count() != before + 1) return failure("the App did not add the span");

        const Span* added = doc->find_span(pick.start, pick.end, "MISC");
        if (!added) return failure("the added span is missing");
        app.select_span(added->id);
        app.request_delete_selected();
        del_apply.add(app_frame(app));
        del_next.add(app_frame(app));
        if (app.current_document()->span_count() != before) return failure("the App did not delete the span");
        if (i < 5) {  // the cache after edits: an added span, a relabel, a relation, an undo
            const Document* d = app.current_document();
            app.set_text_selection(pick.start, pick.end, false);
            app.request_label("MISC");
            if (Status st = check_app_cache(app, "adding a span"); !st.ok()) return st;
            const Span* misc = d->find_span(pick.start, pick.end, "MISC");
            if (!misc) return failure("the App did not add the span");
            const std::string misc_id = misc->id;
            const std::size_t relations = d->relations().size();
            app.request_relation(misc_id, pick.id);  // applied when one relation type allows it
            if (Status st = check_app_cache(app, "adding a relation"); !st.ok()) return st;
            if (app.current_document()->relations().size() > relations) app.undo();
            app.undo();
            if (Status st = check_app_cache(app, "undoing both"); !st.ok()) return st;
            if (app.current_document()->span_count() != before) return failure("undo did not remove the span");
        }
    }
    auto sum = [](const Samples& a, const Samples& b) {
        Samples s;
        for (std::size_t i = 0; i < a.ms.size(); ++i) s.add(a.ms[i] + b.ms[i]);
        return s;
    };
    report.add("add span: frame that applies it", add_apply);
    report.add("add span: the next frame", add_next);
    report.add("add span + next frame (target < 16 ms in browser)", sum(add_apply, add_next));
    report.add("delete span: frame that applies it", del_apply);
    report.add("delete span + next frame", sum(del_apply, del_next));

    // Autosave after one edit: only the edited document is serialised (in slices of a few ms,
    // one per timer tick) and handed to storage.
    app.save_now();
    app.on_storage_result(inkspan::SaveResult::Saved);
    platform::native::clear_saved_batches();
    const Document* doc = app.current_document();
    const Span pick = doc->span_at(doc->span_count() / 2);
    app.set_text_selection(pick.start, pick.end, false);
    app.request_label(pick.label == "DATE" ? "MISC" : "DATE");
    (void)app_frame(app);
    Samples slices;
    double total = 0;
    for (int tick = 0; platform::native::saved_batches().empty(); ++tick) {
        if (tick > 10000) return failure("autosave never handed the batch over");
        Stopwatch w;
        app.autosave();  // one timer tick
        slices.add(w.ms());
        total += slices.ms.back();
    }
    app.on_storage_result(inkspan::SaveResult::Saved);
    const auto& batches = platform::native::saved_batches();
    if (batches.size() != 1 || batches[0].changed.size() != 1) return failure("autosave did not write exactly one document");
    report.add("autosave after one edit: one timer tick (main thread)", slices,
               format("%zu ticks, %.1f ms in all; %zu document, %s handed to storage", slices.ms.size(), total,
                      batches[0].changed.size(), human_bytes(static_cast<double>(batches[0].bytes())).c_str()));
    return Ok{};
}

}  // namespace

Status bench_frames(const Config& config, const Corpus& big, const std::string& big_json, const std::vector<char>& ttf,
                    Report& report) {
    report.section("1 MB document: frames (headless ImGui, real ui::TextView / ui::App)");
    const ReadingArea a = reading_area(config);
    const Region region{ImVec2(a.x0, a.y0), ImVec2(a.x1, a.y1)};
    const std::size_t spans = big.documents.front().span_count();

    auto app = std::make_unique<ui::App>();
    const bool dejavu_in_app = give_app_font(*app, ttf);
    platform::native::set_run_frame_hook([&app] { (void)app_frame(*app); });
    Stopwatch import_time;
    const ui::ImportOutcome out = app->import_file("big.inkspan.json", big_json);
    const double import_ms = import_time.ms();
    if (!out.ok) return failure("the App refused the synthetic file: " + out.message);
    const Document* doc = find_doc(*app, spans);
    if (!doc || app->current_document() != doc) return failure("the imported document is not open");
    report.add("App: import the file (parse + validate + add)", Samples{{import_ms}}, human_bytes(static_cast<double>(big_json.size())));

    // The same text as a plain .txt document, in a second App (for the no-annotation comparisons).
    auto plain_app = std::make_unique<ui::App>();
    (void)give_app_font(*plain_app, ttf);
    if (!plain_app->import_file("big.txt", doc->text()).ok) return failure("the App refused the text file");

    {
        Stopwatch fonts_time;
        const ui::Fonts fonts = ui::build_fonts({&ttf}, 1.0f);
        report.add("build the font atlas (DejaVu Sans + document glyphs)", Samples{{fonts_time.ms()}});
        if (Status st = bench_view(config, *app, *plain_app, *doc, fonts, region, report); !st.ok()) return st;
    }

    report.section("1 MB document: whole App frames");
    if (!dejavu_in_app)
        report.info("note", "App frames use ImGui's built-in font: App reads /fonts/DejaVuSans.ttf (browser file system)");
    if (Status st = bench_app_frames(config, *app, *doc, "App frame, random places (50k spans, 10k rel.)", report); !st.ok())
        return st;
    // The same frames with the item hooks recording, as the web app does for window.inkspan.items().
    item_hooks::record_items(true);
    if (Status st = bench_app_frames(config, *app, *doc, "App frame, item hooks recording", report); !st.ok()) return st;
    report.info("items recorded per App frame", format("%zu", item_hooks::recorded_items().size()));
    item_hooks::record_items(false);
    if (const Row* off = report.find("App frame, random places (50k spans, 10k rel.)"), *on = report.find("App frame, item hooks recording");
        off && on)
        report.info("ratio App frame with / without item hooks",
                    format("%.2fx", on->samples.median() / std::max(1e-9, off->samples.median())));
    if (Status st = bench_app_edits(config, *app, report); !st.ok()) return st;
    platform::native::set_run_frame_hook([&plain_app] { (void)app_frame(*plain_app); });
    plain_app->load_fonts(1.0f);  // the atlas is shared: the other App rebuilt it
    if (Status st = bench_app_frames(config, *plain_app, *plain_app->current_document(),
                                     "App frame, same text without annotations", report); !st.ok())
        return st;
    const Row* with = report.find("App frame, random places (50k spans, 10k rel.)");
    const Row* without = report.find("App frame, same text without annotations");
    if (with && without)
        report.info("ratio App frame with / without annotations",
                    format("%.2fx", with->samples.median() / std::max(1e-9, without->samples.median())));
    platform::native::set_run_frame_hook({});
    return Ok{};
}

}  // namespace inkspan::bench
