# HarfBuzz (MIT) for text shaping: Debian's source package (build/deps/harfbuzz, fetched by
# scripts/setup.sh), compiled from its single-file amalgamation into a static library that
# inkspan_core links privately (no HarfBuzz type appears in a core header). Included from
# CMakeLists.txt right after inkspan_core is declared; same sources natively and with Emscripten.
set(INKSPAN_HARFBUZZ_DIR ${CMAKE_SOURCE_DIR}/build/deps/harfbuzz)
if(NOT EXISTS ${INKSPAN_HARFBUZZ_DIR}/src/harfbuzz.cc)
  message(FATAL_ERROR "HarfBuzz not found in ${INKSPAN_HARFBUZZ_DIR}: run scripts/setup.sh native")
endif()

add_library(inkspan_harfbuzz STATIC ${INKSPAN_HARFBUZZ_DIR}/src/harfbuzz.cc)
target_include_directories(inkspan_harfbuzz SYSTEM INTERFACE ${INKSPAN_HARFBUZZ_DIR}/src)
# Size configuration: everything OpenType shaping needs stays — GSUB/GPOS with every complex-script
# shaper (Arabic, Indic, USE, Khmer, Myanmar, Thai, Hangul, Hebrew), the legacy 'kern' table and
# the fallback shaping/mark positioning for fonts without GSUB/GPOS, fraction shaping, and CFF
# (Noto CJK has CFF outlines; HarfBuzz reads them for glyph extents). Dropped: what a shaper for a
# single-threaded program that draws glyphs with its own rasterizer never calls.
target_compile_definitions(inkspan_harfbuzz PRIVATE
  HB_NO_MT                 # one thread (the browser's main thread; the native tests)
  HB_NO_ATEXIT HB_NO_ERRNO HB_NO_GETENV HB_NO_SETLOCALE HB_DISABLE_DEPRECATED
  HB_NO_BUFFER_MESSAGE HB_NO_BUFFER_SERIALIZE HB_NO_BUFFER_VERIFY  # debugging aids
  HB_NO_DRAW HB_NO_PAINT HB_NO_COLOR HB_NO_BITMAP  # outlines, COLR/CPAL/SVG, bitmap strikes
  HB_NO_HINTING HB_NO_VAR HB_NO_VERTICAL HB_NO_AAT  # no variation axes, no vertical text, no morx
  HB_NO_MATH HB_NO_META HB_NO_NAME HB_NO_STYLE HB_NO_METRICS HB_NO_OT_FONT_GLYPH_NAMES
  HB_NO_FACE_COLLECT_UNICODES HB_NO_LAYOUT_COLLECT_GLYPHS HB_NO_LAYOUT_FEATURE_PARAMS
  HB_NO_LAYOUT_RARELY_USED HB_NO_LAYOUT_UNUSED)
# Not HB_NO_OPEN/HB_NO_MMAP: 10.2.0 has no switch for hb_face_create_from_file_or_fail, which
# then calls an undefined hb_blob_create_from_file_or_fail. Unused, the linker drops both (the core
# never opens files: fonts come in as bytes). No exceptions or RTTI inside: HarfBuzz's API is C.
target_compile_options(inkspan_harfbuzz PRIVATE -w -fno-exceptions -fno-rtti -fno-threadsafe-statics ${INKSPAN_THIRD_PARTY_OPTIONS})
target_link_libraries(inkspan_core PRIVATE inkspan_harfbuzz)
