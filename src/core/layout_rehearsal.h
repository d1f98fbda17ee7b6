#pragma once
// A rehearsal of laying out text in many scripts, for a JIT: the import rehearsal's twin
// (import_rehearsal.h). A fresh tab runs wasm in V8's baseline code until a function has done
// enough work, so the first frame of a document in Arabic or Chinese broke, ordered and shaped its
// lines there (~40 ms of that frame, docs/BENCHMARKS.md, issue 16). The page lays out a sample
// in many scripts while idle, with the fonts it has, so that line breaking, bidi and HarfBuzz's
// shapers are optimized before a document needs them. Nothing is kept.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/glyph_advances.h"
#include "core/text_shaper.h"

namespace inkspan {

class LayoutRehearsal {
public:
    // `shaper` may be null (no font file: lines are measured with `advances` alone); it is kept
    // alive while the rehearsal runs, and let go after its last round.
    LayoutRehearsal(GlyphAdvances advances, std::shared_ptr<TextShaper> shaper, std::vector<FontId> fonts, float em_px,
                    int rounds);

    // One round: the sample laid out afresh, as a document's first frame lays out its first
    // screen, and a few of the queries a frame makes. False when the rehearsal is over.
    bool step();
    [[nodiscard]] bool done() const { return round_ >= rounds_; }
    [[nodiscard]] std::size_t lines() const { return lines_; }  // laid out so far, all rounds

    // Paragraphs in Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Bengali, Thai, Chinese,
    // Japanese, Korean, mixed directions and emoji.
    [[nodiscard]] static const std::string& sample_text();

private:
    GlyphAdvances advances_;
    std::shared_ptr<TextShaper> shaper_;
    std::vector<FontId> fonts_;
    float em_px_;
    int rounds_;
    int round_ = 0;
    std::size_t lines_ = 0;
};

}  // namespace inkspan
