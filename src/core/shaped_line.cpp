#include "core/shaped_line.h"

#include <algorithm>

namespace inkspan {

namespace {

bool is_neutral_script(std::uint32_t script) {
    return script == kScriptCommon || script == kScriptInherited || script == kScriptUnknown;
}

// A logical piece of a bidi run with one script and one font.
struct Item {
    std::size_t cp_start = 0, cp_end = 0;
    std::uint32_t script = 0;
    FontId font;
};

FontId first_font_with(const TextShaper& shaper, std::span<const FontId> fonts, char32_t cp) {
    for (FontId font : fonts)
        if (shaper.has_glyph(font, cp)) return font;
    return fonts.front();
}

// Splits the logical range of one bidi run where the script or the font changes. Spaces, digits
// and punctuation take the script before them (the one after at the start); marks and joiners
// stay with their base's font, neutrals too when that font has them.
std::vector<Item> itemize(const TextShaper& shaper, std::u32string_view text, const BidiRun& run,
                          std::span<const FontId> fonts) {
    std::uint32_t script = kScriptCommon;
    for (std::size_t i = run.cp_start; i < run.cp_end; ++i) {
        const std::uint32_t s = script_of(text[i]);
        if (!is_neutral_script(s)) {
            script = s;
            break;
        }
    }
    std::vector<Item> items;
    for (std::size_t i = run.cp_start; i < run.cp_end; ++i) {
        const char32_t cp = text[i];
        const std::uint32_t s = script_of(cp);
        if (!is_neutral_script(s)) script = s;
        FontId font;
        if (!items.empty() && (continues_cluster(cp) || (is_neutral_script(s) && shaper.has_glyph(items.back().font, cp))))
            font = items.back().font;
        else
            font = first_font_with(shaper, fonts, cp);
        if (!items.empty() && items.back().script == script && items.back().font == font) {
            items.back().cp_end = i + 1;
        } else {
            items.push_back(Item{i, i + 1, script, font});
        }
    }
    return items;
}

// The clusters of a shaped run, left to right: glyphs sharing a cluster value are adjacent, and a
// cluster draws the code points from its value up to the next larger value in the run. Returns
// the run's right edge, summed glyph by glyph like every cluster edge, so edges meet exactly.
float append_clusters(const ShapedRun& run, std::vector<ShapedCluster>& out) {
    std::vector<std::size_t> starts;
    for (const ShapedGlyph& g : run.glyphs) starts.push_back(g.cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    const TextDirection direction = run.level % 2 ? TextDirection::rtl : TextDirection::ltr;
    float x = run.x;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const ShapedGlyph& g = run.glyphs[i];
        if (i == 0 || run.glyphs[i - 1].cluster != g.cluster) {
            const auto next = std::upper_bound(starts.begin(), starts.end(), g.cluster);
            out.push_back(ShapedCluster{g.cluster, next == starts.end() ? run.cp_end : *next, x, x, direction});
        }
        x += g.x_advance;
        out.back().x1 = x;
    }
    return x;
}

}  // namespace

ShapedLine::ShapedLine(TextShaper& shaper, std::u32string_view paragraph, const BidiParagraph& bidi, std::size_t cp_start,
                       std::size_t cp_end, std::span<const FontId> fonts, float size_px)
    : cp_start_(std::min(cp_start, paragraph.size())), cp_end_(std::clamp(cp_end, cp_start_, paragraph.size())) {
    if (fonts.empty() || cp_start_ == cp_end_) return;
    for (const BidiRun& bidi_run : bidi.visual_runs(cp_start_, cp_end_)) {
        std::vector<Item> items = itemize(shaper, paragraph, bidi_run, fonts);
        if (bidi_run.direction() == TextDirection::rtl) std::reverse(items.begin(), items.end());
        for (const Item& item : items) {
            ShapedRun run;
            run.cp_start = item.cp_start;
            run.cp_end = item.cp_end;
            run.level = bidi_run.level;
            run.script = item.script;
            run.font = item.font;
            run.x = width_;
            run.glyphs = shaper.shape(
                {paragraph, item.cp_start, item.cp_end, bidi_run.direction(), item.script, {}, item.font, size_px});
            width_ = append_clusters(run, clusters_);
            run.width = width_ - run.x;
            runs_.push_back(std::move(run));
        }
    }
}

std::optional<ShapedLine> ShapedLine::slice(const ShapedLine& whole, const BidiParagraph& bidi, std::size_t cp_start,
                                            std::size_t cp_end) {
    if (!bidi.is_uniform() || cp_start < whole.cp_start_ || cp_end > whole.cp_end_ || cp_start > cp_end) return std::nullopt;
    // Each end must start a cluster whose glyphs are safe to break before.
    auto safe_cut = [&](std::size_t cp) {
        if (cp == whole.cp_start_ || cp == whole.cp_end_) return true;
        bool starts_cluster = false;
        for (const ShapedRun& run : whole.runs_)
            for (const ShapedGlyph& g : run.glyphs)
                if (g.cluster == cp) {
                    if (g.unsafe_to_break) return false;
                    starts_cluster = true;
                }
        return starts_cluster;
    };
    if (!safe_cut(cp_start) || !safe_cut(cp_end)) return std::nullopt;
    ShapedLine line;
    line.cp_start_ = cp_start;
    line.cp_end_ = cp_end;
    for (const ShapedRun& run : whole.runs_) {  // visual order, kept: one direction throughout
        if (run.cp_end <= cp_start || run.cp_start >= cp_end) continue;
        ShapedRun piece = run;
        piece.cp_start = std::max(run.cp_start, cp_start);
        piece.cp_end = std::min(run.cp_end, cp_end);
        piece.glyphs.clear();
        for (const ShapedGlyph& g : run.glyphs)
            if (g.cluster >= cp_start && g.cluster < cp_end) piece.glyphs.push_back(g);
        piece.x = line.width_;
        line.width_ = append_clusters(piece, line.clusters_);
        piece.width = line.width_ - piece.x;
        line.runs_.push_back(std::move(piece));
    }
    return line;
}

std::optional<ShapedCluster> ShapedLine::box_of(std::size_t cp) const {
    for (const ShapedCluster& c : clusters_)
        if (c.cp_start <= cp && cp < c.cp_end) return c;
    return std::nullopt;
}

float ShapedLine::caret_x(std::size_t cp) const {
    if (clusters_.empty()) return 0.0f;
    if (cp >= cp_end_) {
        const auto last = std::find_if(clusters_.begin(), clusters_.end(), [&](const ShapedCluster& c) { return c.cp_end == cp_end_; });
        return last->direction == TextDirection::ltr ? last->x1 : last->x0;
    }
    const std::optional<ShapedCluster> box = box_of(std::max(cp, cp_start_));
    return box->direction == TextDirection::ltr ? box->x0 : box->x1;
}

std::optional<ShapedCluster> ShapedLine::cluster_at(float x) const {
    if (clusters_.empty()) return std::nullopt;
    // The first cluster whose right edge is past x; zero-width clusters (x0 == x1) are never hit.
    const auto hit = std::upper_bound(clusters_.begin(), clusters_.end(), x,
                                      [](float value, const ShapedCluster& c) { return value < c.x1; });
    if (hit != clusters_.end()) return *hit;
    for (auto c = clusters_.rbegin(); c != clusters_.rend(); ++c)
        if (c->x1 > c->x0) return *c;
    return clusters_.back();
}

std::vector<LineSpan> ShapedLine::range_spans(std::size_t cp_start, std::size_t cp_end) const {
    std::vector<LineSpan> spans;
    bool open = false;  // the last span reaches the current cluster
    for (const ShapedCluster& c : clusters_) {
        const bool inside = c.cp_start < cp_end && c.cp_end > cp_start;
        if (!inside) {
            if (c.x1 > c.x0) open = false;  // a zero-width cluster outside the range splits nothing
            continue;
        }
        if (open) spans.back().x1 = c.x1;
        else spans.push_back(LineSpan{c.x0, c.x1});
        open = true;
    }
    return spans;
}

}  // namespace inkspan
