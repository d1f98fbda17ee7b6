#include "core/text_layout.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/utf8.h"

namespace inkspan {
namespace {

// Typical running text, to turn a paragraph's code point count into an estimated width.
constexpr std::string_view kEstimateSample = "the quick brown fox jumps over the lazy dog, Then Some More";

float average_advance(const GlyphAdvances& advances) {
    float sum = 0.0f;
    for (char c : kEstimateSample) sum += advances(static_cast<unsigned char>(c));
    return sum / static_cast<float>(kEstimateSample.size());
}

}  // namespace

TextLayout::TextLayout(std::string text, GlyphAdvances advances, LayoutStyle style, ExtraAboveFn extra_above)
    : text_(std::move(text)), advances_(std::move(advances)), style_(style), extra_above_(std::move(extra_above)) {
    average_advance_ = average_advance(advances_);
    split_paragraphs();
    invalidate_all();
}

void TextLayout::split_paragraphs() {
    const std::size_t n = text_.size();
    auto u32 = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
    std::size_t pos = 0, cp = 0, para_byte = 0, para_cp = 0;
    while (pos < n) {
        const auto b = static_cast<unsigned char>(text_[pos]);
        if (b == '\n' || b == '\r') {
            paragraphs_.push_back({u32(para_byte), u32(pos), u32(para_cp), u32(cp)});
            const std::size_t terminator = (b == '\r' && pos + 1 < n && text_[pos + 1] == '\n') ? 2 : 1;
            pos += terminator;
            cp += terminator;
            para_byte = pos;
            para_cp = cp;
        } else {
            cp += !is_utf8_continuation(b);
            ++pos;
        }
    }
    paragraphs_.push_back({u32(para_byte), u32(n), u32(para_cp), u32(cp)});
    code_points_ = cp;
    cache_.resize(paragraphs_.size());
}

double TextLayout::estimate_height(const Paragraph& p) const {
    double lines = 1.0;
    if (style_.wrap_width > 0.0f) {
        const double width = static_cast<double>(p.cp_end - p.cp_start) * average_advance_;
        lines = std::max(1.0, std::ceil(width / style_.wrap_width));
    }
    return lines * (static_cast<double>(style_.line_height) + style_.estimated_extra_above);
}

void TextLayout::invalidate_all() {
    ++generation_;
    next_unlaid_ = 0;
    std::vector<double> heights;
    heights.reserve(paragraphs_.size());
    for (const Paragraph& p : paragraphs_) heights.push_back(estimate_height(p));
    heights_.assign(std::move(heights));
}

void TextLayout::set_width(float wrap_width) {
    if (wrap_width == style_.wrap_width || (wrap_width <= 0.0f && style_.wrap_width <= 0.0f)) return;
    style_.wrap_width = wrap_width;
    invalidate_all();
}

void TextLayout::set_line_height(float line_height) {
    if (line_height == style_.line_height) return;
    style_.line_height = line_height;
    invalidate_all();
}

void TextLayout::set_advances(GlyphAdvances advances) {
    advances_ = std::move(advances);
    average_advance_ = average_advance(advances_);
    invalidate_all();
}

void TextLayout::set_shaping(ShapingOptions shaping) {
    shaping_ = std::move(shaping);
    invalidate_all();
}

void TextLayout::set_extra_above(ExtraAboveFn extra_above) {
    extra_above_ = std::move(extra_above);
    invalidate_extras(0, code_points_);
}

void TextLayout::invalidate_extras(std::size_t cp_start, std::size_t cp_end) {
    if (cp_start > cp_end) std::swap(cp_start, cp_end);
    cp_start = std::min(cp_start, code_points_);
    cp_end = std::min(cp_end, code_points_);
    const std::size_t first = paragraph_of(cp_start);
    const std::size_t last = cp_end > cp_start ? paragraph_of(cp_end - 1) : first;
    for (std::size_t p = first; p <= last; ++p) {
        if (cache_[p].generation != generation_) continue;  // its estimate stays an estimate
        apply_extras(p);
        ++stats_.paragraphs_reextra;
    }
}

bool TextLayout::lay_out_more(std::size_t max_paragraphs) {
    for (std::size_t done = 0; next_unlaid_ < paragraphs_.size(); ++next_unlaid_) {
        if (cache_[next_unlaid_].generation == generation_) continue;  // a query laid it out
        if (done++ == max_paragraphs) break;
        ensure(next_unlaid_);
    }
    return !fully_laid_out();
}

bool TextLayout::lay_out_for(double budget_ms, const std::function<double()>& now) {
    const double t0 = now();
    std::size_t step = 1;
    for (double before = t0;;) {
        if (!lay_out_more(step)) return false;
        const double after = now();
        if (after - t0 >= budget_ms) return true;
        if (after - before < budget_ms / 8) step *= 2;
        before = after;
    }
}

const std::vector<LineBox>& TextLayout::ensure(std::size_t paragraph) {
    Cache& cache = cache_[paragraph];
    if (cache.generation != generation_) {
        const Paragraph& p = paragraphs_[paragraph];
        cache.shaped.clear();
        cache.rtl = false;
        if (needs_shaping(p)) shape_paragraph(paragraph);
        else cache.lines = break_paragraph(text_, p.byte_start, p.byte_end, p.cp_start, advances_, style_.wrap_width);
        cache.generation = generation_;
        ++stats_.paragraphs_broken;
        apply_extras(paragraph);
    }
    return cache.lines;
}

bool TextLayout::needs_shaping(const Paragraph& p) const {
    if (!shaping_.shaper || shaping_.fonts.empty()) return false;
    if (shaping_.direction == DirectionChoice::rtl) return true;
    return inkspan::needs_shaping(std::string_view(text_).substr(p.byte_start, p.byte_end - p.byte_start));
}

// The paragraph is shaped whole once (with bidi) to measure its clusters for line breaking, then
// each line is shaped again on its own: bidi reorders per line (UAX #9 L1–L2), and a line's edge
// can change a glyph's form.
void TextLayout::shape_paragraph(std::size_t paragraph) {
    const Paragraph& p = paragraphs_[paragraph];
    Cache& cache = cache_[paragraph];
    std::u32string text;
    std::vector<std::uint32_t> byte_of;  // of each code point, from the paragraph's first byte
    text.reserve(p.cp_end - p.cp_start);
    byte_of.reserve(p.cp_end - p.cp_start + 1);
    for (std::size_t pos = p.byte_start; pos < p.byte_end;) {
        byte_of.push_back(static_cast<std::uint32_t>(pos - p.byte_start));
        text.push_back(shaping_code_point(decode_utf8(text_, pos)));
    }
    const BidiParagraph bidi(text, shaping_.direction);
    TextShaper& shaper = *shaping_.shaper;
    auto whole = std::make_shared<const ShapedLine>(shaper, text, bidi, 0, text.size(), shaping_.fonts, shaping_.size_px);
    std::vector<float> advances(p.byte_end - p.byte_start, 0.0f);
    for (const ShapedCluster& c : whole->clusters()) advances[byte_of[c.cp_start]] += c.x1 - c.x0;
    if (advances.empty()) advances.push_back(0.0f);  // an empty paragraph: still "shaped"
    cache.lines = break_paragraph(text_, p.byte_start, p.byte_end, p.cp_start, advances_, style_.wrap_width, advances);
    cache.rtl = bidi.direction() == TextDirection::rtl;
    if (cache.lines.size() == 1) {  // the paragraph is one line: shaped once
        cache.lines[0].width = whole->width();
        cache.lines[0].plain = false;
        cache.shaped.push_back(std::move(whole));
        return;
    }
    for (LineBox& line : cache.lines) {
        const std::size_t a = line.cp_start - p.cp_start, b = line.cp_end - p.cp_start;
        std::optional<ShapedLine> cut = ShapedLine::slice(*whole, bidi, a, b);
        ++(cut ? stats_.lines_cut : stats_.lines_reshaped);
        auto shaped = cut ? std::make_shared<const ShapedLine>(std::move(*cut))
                          : std::make_shared<const ShapedLine>(shaper, text, bidi, a, b, shaping_.fonts, shaping_.size_px);
        line.width = shaped->width();
        line.plain = false;
        cache.shaped.push_back(std::move(shaped));
    }
}

float TextLayout::line_x(std::size_t paragraph, const LineBox& line) const {
    return cache_[paragraph].rtl && style_.wrap_width > 0.0f ? style_.wrap_width - line.width : 0.0f;
}

std::size_t TextLayout::line_of(std::size_t paragraph, std::size_t cp, bool upstream) {
    const std::vector<LineBox>& lines = ensure(paragraph);
    auto it = std::upper_bound(lines.begin(), lines.end(), cp,
                               [](std::size_t c, const LineBox& l) { return c < l.cp_start; });
    std::size_t i = static_cast<std::size_t>(it - lines.begin()) - 1;
    if (upstream && i > 0 && cp == lines[i].cp_start) --i;
    return i;
}

void TextLayout::apply_extras(std::size_t paragraph) {
    float top = 0.0f;
    for (LineBox& line : cache_[paragraph].lines) {
        line.extra_above = extra_above_ ? std::max(0.0f, extra_above_(paragraph, line.cp_start, line.cp_end)) : 0.0f;
        line.top = top;
        top += line.extra_above + style_.line_height;
    }
    heights_.set(paragraph, top);
}

std::size_t TextLayout::paragraph_of(std::size_t cp) const {
    auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), cp,
                               [](std::size_t c, const Paragraph& p) { return c < p.cp_start; });
    return static_cast<std::size_t>(it - paragraphs_.begin()) - 1;  // paragraph 0 starts at 0
}

void TextLayout::locate(double y, std::size_t& paragraph, std::size_t& line) {
    std::size_t p = heights_.find(y);
    ensure(p);
    double top = heights_.prefix(p);  // laying out p never moves its own top
    while (p + 1 < paragraphs_.size() && y >= top + heights_.get(p)) {
        top += heights_.get(p);
        ensure(++p);
    }
    const std::vector<LineBox>& lines = cache_[p].lines;
    const auto rel = static_cast<float>(y - top);
    auto it = std::upper_bound(lines.begin(), lines.end(), rel, [](float v, const LineBox& l) { return v < l.top; });
    paragraph = p;
    line = it == lines.begin() ? 0 : static_cast<std::size_t>(it - lines.begin()) - 1;
}

LayoutLine TextLayout::make_line(std::size_t paragraph, std::size_t line, double paragraph_top) const {
    const std::vector<LineBox>& lines = cache_[paragraph].lines;
    const LineBox& l = lines[line];
    LayoutLine out;
    out.paragraph = paragraph;
    out.line_in_paragraph = line;
    out.byte_start = l.byte_start;
    out.byte_end = l.byte_end;
    out.cp_start = l.cp_start;
    out.cp_end = l.cp_end;
    out.top = static_cast<float>(paragraph_top + l.top);
    out.extra_above = l.extra_above;
    out.y = out.top + l.extra_above;
    out.height = style_.line_height;
    out.width = l.width;
    out.x = line_x(paragraph, l);
    out.rtl = cache_[paragraph].rtl;
    if (!cache_[paragraph].shaped.empty()) out.shaped = cache_[paragraph].shaped[line];
    out.ends_paragraph = line + 1 == lines.size();
    out.plain = l.plain;
    return out;
}

float TextLayout::x_in_line(const LineBox& line, std::size_t cp, bool round_up) const {
    std::size_t pos = line.byte_start, at = line.cp_start;
    float x = 0.0f;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end && at < cp) {
        const Cluster c = scanner.next(pos);
        if (at + c.code_points > cp) return round_up ? x + c.advance : x;
        x += c.advance;
        at += c.code_points;
        pos = c.byte_end;
    }
    return x;
}

std::vector<LayoutLine> TextLayout::visible_lines(float y0, float y1) {
    std::vector<LayoutLine> out;
    if (!(y1 > y0)) return out;
    std::size_t p = heights_.find(y0);
    double top = heights_.prefix(p);
    for (; p < paragraphs_.size() && top < y1; ++p) {
        const std::vector<LineBox>& lines = ensure(p);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double slot_top = top + lines[i].top;
            if (slot_top >= y1) break;
            if (slot_top + lines[i].extra_above + style_.line_height <= y0) continue;
            out.push_back(make_line(p, i, top));
        }
        top += heights_.get(p);
    }
    return out;
}

std::size_t TextLayout::lay_out_between(float y0, float y1) {
    std::size_t laid_out = 0;
    if (!(y1 > y0)) return laid_out;
    std::size_t p = heights_.find(y0);
    double top = heights_.prefix(p);
    for (; p < paragraphs_.size() && top < y1; ++p) {
        if (cache_[p].generation != generation_) {
            (void)ensure(p);
            ++laid_out;
        }
        top += heights_.get(p);
    }
    return laid_out;
}

bool TextLayout::laid_out_between(float y0, float y1) const {
    if (!(y1 > y0)) return true;
    std::size_t p = heights_.find(y0);
    for (double top = heights_.prefix(p); p < paragraphs_.size() && top < y1; ++p) {
        if (cache_[p].generation != generation_) return false;
        top += heights_.get(p);
    }
    return true;
}

TextHit TextLayout::hit_test(float x, float y) {
    std::size_t p = 0, i = 0;
    locate(y, p, i);
    const std::vector<LineBox>& lines = cache_[p].lines;
    const LineBox& line = lines[i];
    if (const ShapedLine* s = shaped(p, i)) {
        const std::size_t base = paragraphs_[p].cp_start;
        const auto c = s->cluster_at(x - line_x(p, line));
        if (!c) return {line.cp_start, false};
        const bool left_half = x - line_x(p, line) < (c->x0 + c->x1) * 0.5f;
        const bool before = left_half == (c->direction == TextDirection::ltr);
        const std::size_t cp = base + (before ? c->cp_start : c->cp_end);
        return {cp, cp == line.cp_end && i + 1 < lines.size()};
    }
    std::size_t pos = line.byte_start, at = line.cp_start;
    float cx = 0.0f;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end) {
        const Cluster c = scanner.next(pos);
        if (x < cx + c.advance * 0.5f) return {at, false};
        cx += c.advance;
        at += c.code_points;
        pos = c.byte_end;
    }
    return {line.cp_end, i + 1 < lines.size()};
}

std::optional<CharHit> TextLayout::char_at(float x, float y) {
    if (y < 0.0f) return std::nullopt;
    std::size_t p = 0, i = 0;
    locate(y, p, i);
    const LineBox& line = cache_[p].lines[i];
    const double text_top = heights_.prefix(p) + line.top + line.extra_above;
    if (y < text_top || y >= text_top + style_.line_height) return std::nullopt;
    if (const ShapedLine* s = shaped(p, i)) {
        const float lx = x - line_x(p, line);
        for (const ShapedCluster& c : s->clusters())
            if (lx >= c.x0 && lx < c.x1) return CharHit{paragraphs_[p].cp_start + c.cp_start, paragraphs_[p].cp_start + c.cp_end};
        return std::nullopt;
    }
    std::size_t pos = line.byte_start, at = line.cp_start;
    float cx = 0.0f;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end) {
        const Cluster c = scanner.next(pos);
        if (x >= cx && x < cx + c.advance) return CharHit{at, at + c.code_points};
        cx += c.advance;
        at += c.code_points;
        pos = c.byte_end;
    }
    return std::nullopt;
}

CaretBox TextLayout::caret_position(std::size_t cp, bool upstream) {
    cp = std::min(cp, code_points_);
    const std::size_t p = paragraph_of(cp);
    cp = std::min<std::size_t>(cp, paragraphs_[p].cp_end);
    const std::size_t i = line_of(p, cp, upstream);
    const LineBox& line = cache_[p].lines[i];
    const double y = heights_.prefix(p) + line.top + line.extra_above;
    const ShapedLine* s = shaped(p, i);
    const float x = s ? line_x(p, line) + s->caret_x(cp - paragraphs_[p].cp_start) : x_in_line(line, cp, false);
    return {x, static_cast<float>(y), style_.line_height};
}

std::vector<LayoutRect> TextLayout::range_rects(std::size_t cp_start, std::size_t cp_end, float clip_y0,
                                                float clip_y1) {
    std::vector<LayoutRect> out;
    if (cp_start > cp_end) std::swap(cp_start, cp_end);
    cp_start = std::min(cp_start, code_points_);
    cp_end = std::min(cp_end, code_points_);
    if (cp_start == cp_end) return out;
    const std::size_t first = paragraph_of(cp_start), last = paragraph_of(cp_end - 1);
    const float newline_width = advances_(' ');
    double top = heights_.prefix(first);
    for (std::size_t p = first; p <= last && top < clip_y1; ++p) {
        if (cache_[p].generation != generation_ && top + heights_.get(p) <= clip_y0) {
            top += heights_.get(p);  // off-screen and not laid out: leave it so
            continue;
        }
        const std::vector<LineBox>& lines = ensure(p);
        const bool covers_terminator = cp_end > paragraphs_[p].cp_end;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const LineBox& l = lines[i];
            const double y = top + l.top + l.extra_above;
            if (y >= clip_y1) break;
            if (y + style_.line_height <= clip_y0) continue;
            const std::size_t a = std::max<std::size_t>(cp_start, l.cp_start);
            const std::size_t b = std::min<std::size_t>(cp_end, l.cp_end);
            const bool newline = covers_terminator && i + 1 == lines.size();
            if (a >= b && !newline) continue;
            if (const ShapedLine* s = shaped(p, i)) {
                const float lx = line_x(p, l);
                const std::size_t base = paragraphs_[p].cp_start;
                std::vector<LineSpan> pieces = a < b ? s->range_spans(a - base, b - base) : std::vector<LineSpan>{};
                if (newline) {  // the line end: right of an ltr line, left of an rtl one
                    if (cache_[p].rtl) pieces.insert(pieces.begin(), LineSpan{-newline_width, 0.0f});
                    else pieces.push_back(LineSpan{l.width, l.width + newline_width});
                }
                for (const LineSpan& piece : pieces)
                    out.push_back({lx + piece.x0, static_cast<float>(y), lx + piece.x1, static_cast<float>(y) + style_.line_height});
                continue;
            }
            LayoutRect r;
            r.x0 = a < b ? x_in_line(l, a, false) : l.width;
            r.x1 = a < b ? x_in_line(l, b, true) : l.width;
            if (newline) r.x1 += newline_width;
            r.y0 = static_cast<float>(y);
            r.y1 = r.y0 + style_.line_height;
            out.push_back(r);
        }
        top += heights_.get(p);
    }
    return out;
}

std::size_t TextLayout::next_caret_stop(std::size_t cp) {
    if (cp >= code_points_) return code_points_;
    const std::size_t p = paragraph_of(cp);
    if (cp >= paragraphs_[p].cp_end) return p + 1 < paragraphs_.size() ? paragraphs_[p + 1].cp_start : code_points_;
    const std::vector<LineBox>& lines = ensure(p);
    auto it = std::upper_bound(lines.begin(), lines.end(), cp,
                               [](std::size_t c, const LineBox& l) { return c < l.cp_start; });
    const LineBox& line = *(it - 1);
    if (const ShapedLine* s = shaped(p, static_cast<std::size_t>(it - 1 - lines.begin()))) {
        std::size_t next = line.cp_end;  // the smallest cluster start after cp
        for (const ShapedCluster& c : s->clusters()) {
            const std::size_t start = paragraphs_[p].cp_start + c.cp_start;
            if (start > cp && start < next) next = start;
        }
        return next;
    }
    std::size_t pos = line.byte_start, at = line.cp_start;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end) {
        const Cluster c = scanner.next(pos);
        at += c.code_points;
        if (at > cp) return at;
        pos = c.byte_end;
    }
    return line.cp_end;
}

std::size_t TextLayout::prev_caret_stop(std::size_t cp) {
    cp = std::min(cp, code_points_);
    if (cp == 0) return 0;
    const std::size_t p = paragraph_of(cp);
    const Paragraph& para = paragraphs_[p];
    if (cp > para.cp_end) return para.cp_end;  // inside a CRLF
    if (cp == para.cp_start) return paragraphs_[p - 1].cp_end;
    const std::vector<LineBox>& lines = ensure(p);
    auto it = std::lower_bound(lines.begin(), lines.end(), cp,
                               [](const LineBox& l, std::size_t c) { return l.cp_start < c; });
    const LineBox& line = *(it - 1);  // the last line starting before cp
    if (const ShapedLine* s = shaped(p, static_cast<std::size_t>(it - 1 - lines.begin()))) {
        std::size_t prev = line.cp_start;  // the largest cluster start before cp
        for (const ShapedCluster& c : s->clusters()) {
            const std::size_t start = paragraphs_[p].cp_start + c.cp_start;
            if (start < cp && start > prev) prev = start;
        }
        return prev;
    }
    std::size_t pos = line.byte_start, at = line.cp_start;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end) {
        const Cluster c = scanner.next(pos);
        if (at + c.code_points >= cp) return at;
        at += c.code_points;
        pos = c.byte_end;
    }
    return at;
}

std::vector<LineSpan> TextLayout::line_range(const LayoutLine& line, std::size_t cp_start, std::size_t cp_end) const {
    cp_start = std::max<std::size_t>(cp_start, line.cp_start);
    cp_end = std::min<std::size_t>(cp_end, line.cp_end);
    if (cp_start >= cp_end) return {};
    if (line.shaped) {
        const std::size_t base = paragraphs_[line.paragraph].cp_start;
        std::vector<LineSpan> pieces = line.shaped->range_spans(cp_start - base, cp_end - base);
        for (LineSpan& piece : pieces) {
            piece.x0 += line.x;
            piece.x1 += line.x;
        }
        return pieces;
    }
    const LineBox& box = cache_[line.paragraph].lines[line.line_in_paragraph];
    return {LineSpan{line.x + x_in_line(box, cp_start, false), line.x + x_in_line(box, cp_end, true)}};
}

std::vector<ClusterBox> TextLayout::clusters(const LayoutLine& line) const {
    std::vector<ClusterBox> out;
    clusters(line, out);
    return out;
}

void TextLayout::clusters(const LayoutLine& line, std::vector<ClusterBox>& out) const {
    out.clear();
    std::size_t pos = line.byte_start, at = line.cp_start;
    float x = line.x;
    ClusterScanner scanner(text_, line.byte_end, advances_);
    while (pos < line.byte_end) {
        const Cluster c = scanner.next(pos);
        out.push_back({pos, c.byte_end, at, at + c.code_points, x, c.advance});
        x += c.advance;
        at += c.code_points;
        pos = c.byte_end;
    }
}

}  // namespace inkspan
