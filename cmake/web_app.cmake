# The web app: Dear ImGui (from build/deps, fetched by scripts/setup.sh) + our UI + the browser
# platform layer, linked by Emscripten into dist/ next to our own index.html and the font.
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/build/deps/imgui CACHE PATH "Dear ImGui 1.92 sources")
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui not found in ${IMGUI_DIR}: run scripts/setup.sh first")
endif()
set(INKSPAN_DIST_DIR ${CMAKE_SOURCE_DIR}/dist CACHE PATH "where the static web app is written")

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/item_hooks/imgui_items.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_options(imgui PRIVATE ${INKSPAN_THIRD_PARTY_OPTIONS})
target_include_directories(imgui PRIVATE ${CMAKE_SOURCE_DIR}/src)
# Each frame's items by label and rectangle for window.inkspan.items() (src/ui/item_hooks).
if(INKSPAN_IMGUI_ITEM_HOOKS)
  target_compile_definitions(imgui PRIVATE IMGUI_ENABLE_TEST_ENGINE)
endif()
# 32-bit ImWchar (emoji, CJK Extension B); no demo window, no default font file I/O; WebGL2 = OpenGL ES 3.
target_compile_definitions(imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS)

file(GLOB INKSPAN_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
# The browser services (src/platform/*_web.cpp) and the host that owns the app (src/host_web/).
file(GLOB INKSPAN_WEB_SOURCES CONFIGURE_DEPENDS src/platform/*_web.cpp src/host_web/*.cpp)
add_executable(inkspan ${INKSPAN_UI_SOURCES} ${INKSPAN_WEB_SOURCES})
target_link_libraries(inkspan PRIVATE inkspan_core imgui)
target_compile_options(inkspan PRIVATE ${INKSPAN_WARNINGS})
set_target_properties(inkspan PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${INKSPAN_DIST_DIR})
target_link_options(inkspan PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMAXIMUM_MEMORY=1073741824
  -sENVIRONMENT=web -sDYNAMIC_EXECUTION=0 -sEXIT_RUNTIME=0 -sABORTING_MALLOC=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS,addRunDependency,removeRunDependency
  --embed-file ${CMAKE_SOURCE_DIR}/assets@/assets)

# The font: DejaVu Sans (Debian's fonts-dejavu-core) subset at build time to the scripts we
# support, so the download stays small. Never committed.
set(INKSPAN_FONT_SRC /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
set(INKSPAN_FONT_OUT ${INKSPAN_DIST_DIR}/DejaVuSans.ttf)
# Latin, Latin-1, Latin Extended A/B, IPA, combining marks, Greek, Cyrillic, general punctuation,
# currency, letterlike, arrows, math operators, box drawing, geometric shapes.
set(INKSPAN_FONT_UNICODES "U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2500-257F,U+25A0-25FF,U+2713-2717,U+FFFD")
add_custom_command(OUTPUT ${INKSPAN_FONT_OUT}
  COMMAND pyftsubset ${INKSPAN_FONT_SRC} --unicodes=${INKSPAN_FONT_UNICODES}
          --layout-features= --no-hinting --desubroutinize --output-file=${INKSPAN_FONT_OUT}
  DEPENDS ${INKSPAN_FONT_SRC} VERBATIM)
add_custom_target(inkspan_font ALL DEPENDS ${INKSPAN_FONT_OUT})

# Fallback fonts for every other script (Noto, Symbola; Debian packages) and fonts/manifest.json,
# fetched by the page only when a text needs them (scripts/build_fonts.py, docs/FONTS.md).
set(INKSPAN_FONTS_DIR ${INKSPAN_DIST_DIR}/fonts)
add_custom_command(OUTPUT ${INKSPAN_FONTS_DIR}/manifest.json
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/build_fonts.py ${INKSPAN_FONTS_DIR}
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/build_fonts.py ${CMAKE_SOURCE_DIR}/cmake/web_app.cmake VERBATIM)
add_custom_target(inkspan_fallback_fonts ALL DEPENDS ${INKSPAN_FONTS_DIR}/manifest.json)

file(GLOB INKSPAN_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_target(inkspan_web_files ALL
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${INKSPAN_WEB_FILES} ${INKSPAN_DIST_DIR}
  DEPENDS ${INKSPAN_WEB_FILES})
# fflate (npm, installed by scripts/setup.sh) zips multi-file exports in the page.
set(INKSPAN_FFLATE ${CMAKE_SOURCE_DIR}/node_modules/fflate/umd/index.js)
add_custom_command(OUTPUT ${INKSPAN_DIST_DIR}/fflate.js
  COMMAND ${CMAKE_COMMAND} -E copy ${INKSPAN_FFLATE} ${INKSPAN_DIST_DIR}/fflate.js DEPENDS ${INKSPAN_FFLATE})
add_custom_target(inkspan_fflate ALL DEPENDS ${INKSPAN_DIST_DIR}/fflate.js)
add_dependencies(inkspan inkspan_font inkspan_fallback_fonts inkspan_web_files inkspan_fflate)
