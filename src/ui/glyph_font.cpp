#include "ui/glyph_font.h"

#include <imgui_internal.h>

#include <cstring>

// stb_truetype comes with Dear ImGui (fetched by scripts/setup.sh); ImGui compiles its own copy
// with static linkage, this file another one for glyph-id access, in a namespace of its own (its
// rect-packing types would clash with the ones imgui_internal.h declares).
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
namespace inkspan_stb {
#include "imstb_truetype.h"
}  // namespace inkspan_stb
#pragma GCC diagnostic pop
using namespace inkspan_stb;

namespace inkspan::ui {
namespace {

// Glyph id g is ImGui "code point" g + kGlyphBase: ImGui treats a few code points below it as its
// own (it hides ' ', makes '\t' a wide blank, falls back to '?'), which would clash with glyphs.
constexpr unsigned kGlyphBase = 0x100;

struct GlyphFontSource {
    stbtt_fontinfo info{};
    int glyph_count = 0;
    float scale_per_em_px = 0.0f;  // font units → px, per px of em
};

GlyphFontSource* source_of(ImFontConfig* src) { return static_cast<GlyphFontSource*>(src->FontLoaderData); }

bool source_init(ImFontAtlas*, ImFontConfig* src) {
    auto* data = IM_NEW(GlyphFontSource)();
    const auto* bytes = static_cast<const unsigned char*>(src->FontData);
    const int offset = stbtt_GetFontOffsetForIndex(bytes, src->FontNo);
    if (offset < 0 || !stbtt_InitFont(&data->info, bytes, offset)) {
        IM_DELETE(data);
        return false;
    }
    data->glyph_count = data->info.numGlyphs;
    data->scale_per_em_px = stbtt_ScaleForMappingEmToPixels(&data->info, 1.0f);
    src->FontLoaderData = data;
    return true;
}

void source_destroy(ImFontAtlas*, ImFontConfig* src) {
    IM_DELETE(source_of(src));
    src->FontLoaderData = nullptr;
}

bool contains(ImFontAtlas*, ImFontConfig* src, ImWchar c) {
    return c >= kGlyphBase && static_cast<int>(c - kGlyphBase) < source_of(src)->glyph_count;
}

bool baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&source_of(src)->info, &ascent, &descent, &gap);
    const float scale = source_of(src)->scale_per_em_px * baked->Size;
    baked->Ascent = ImCeil(static_cast<float>(ascent) * scale);
    baked->Descent = ImFloor(static_cast<float>(descent) * scale);
    return true;
}

// One glyph by id: metrics, and unless only the advance is asked, its bitmap in the atlas, placed
// relative to the pen position on the baseline.
bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar glyph, ImFontGlyph* out,
                float* out_advance) {
    GlyphFontSource& data = *source_of(src);
    if (!contains(atlas, src, glyph)) return false;
    const int id = static_cast<int>(glyph - kGlyphBase);
    const float scale = data.scale_per_em_px * baked->Size;
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&data.info, id, &advance, &lsb);
    if (out_advance) {
        *out_advance = static_cast<float>(advance) * scale;
        return true;
    }
    out->Codepoint = glyph;
    out->AdvanceX = static_cast<float>(advance) * scale;
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float raster = scale * density;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&data.info, id, raster, raster, &x0, &y0, &x1, &y1);
    if (x0 == x1 || y0 == y1) return true;  // a space: an advance, nothing to draw
    const int w = x1 - x0, h = y1 - y0;
    const ImFontAtlasRectId rect_id = ImFontAtlasPackAddRect(atlas, w, h);
    if (rect_id == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, rect_id);
    ImVector<unsigned char>& pixels = atlas->Builder->TempBuffer;
    pixels.resize(w * h);
    std::memset(pixels.Data, 0, static_cast<std::size_t>(w * h));
    stbtt_MakeGlyphBitmap(&data.info, pixels.Data, w, h, w, raster, raster, id);
    out->X0 = static_cast<float>(x0) / density;
    out->Y0 = static_cast<float>(y0) / density;
    out->X1 = static_cast<float>(x0 + static_cast<int>(rect->w)) / density;
    out->Y1 = static_cast<float>(y0 + static_cast<int>(rect->h)) / density;
    out->Visible = true;
    out->PackId = rect_id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, rect, pixels.Data, ImTextureFormat_Alpha8, w);
    return true;
}

const ImFontLoader* glyph_id_loader() {
    static const ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "inkspan glyph ids (stb_truetype)";
        l.FontSrcInit = source_init;
        l.FontSrcDestroy = source_destroy;
        l.FontSrcContainsGlyph = contains;
        l.FontBakedInit = baked_init;
        l.FontBakedLoadGlyph = load_glyph;
        return l;
    }();
    return &loader;
}

}  // namespace

ImFont* add_glyph_id_font(const std::vector<char>& file) {
    if (file.empty()) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // ImGui 1.92 keeps its own copy
    cfg.FontLoader = glyph_id_loader();
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.Flags = ImFontFlags_NoLoadError;
    cfg.EllipsisChar = 0xFFFF;  // never auto-baked over a real glyph id (ImGui bakes 0x85 otherwise)
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(file.data()),
                                                             static_cast<int>(file.size()), 16.0f, &cfg);
    if (font) {
        font->EllipsisChar = 0xFFFF;
        font->EllipsisAutoBake = false;
    }
    return font;
}

bool draw_glyph(ImDrawList* dl, ImFont* font, float em_px, unsigned glyph_id, ImVec2 origin, ImU32 color) {
    ImFontBaked* baked = font->GetFontBaked(em_px);
    ImFontGlyph* g = baked ? baked->FindGlyphNoFallback(static_cast<ImWchar>(glyph_id + kGlyphBase)) : nullptr;
    if (!g) return false;
    if (!g->Visible) return true;
    dl->PrimReserve(6, 4);
    dl->PrimRectUV(ImVec2(origin.x + g->X0, origin.y + g->Y0), ImVec2(origin.x + g->X1, origin.y + g->Y1),
                   ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1), color);
    return true;
}

}  // namespace inkspan::ui
