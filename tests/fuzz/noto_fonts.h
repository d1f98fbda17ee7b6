#pragma once
// Noto Sans, Arabic and Devanagari (Debian's fonts-noto-core) for the shaping fuzz targets, read
// once at start-up and kept alive with the shaper that reads them.
#include <fstream>
#include <iterator>
#include <vector>

#include "core/text_shaper.h"

namespace inkspan::fuzz {

struct NotoFonts {
    std::vector<std::vector<unsigned char>> files;  // the bytes the shaper reads
    TextShaper shaper;
    std::vector<FontId> chain;  // in the order given
};

inline NotoFonts& noto_fonts() {
    static NotoFonts* f = [] {
        auto* made = new NotoFonts;
        for (const char* path : {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                 "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
                                 "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"}) {
            std::ifstream in(path, std::ios::binary);
            made->files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        for (const std::vector<unsigned char>& bytes : made->files)
            if (const std::optional<FontId> id = made->shaper.add_font(bytes)) made->chain.push_back(*id);
        return made;
    }();
    return *f;
}

}  // namespace inkspan::fuzz
