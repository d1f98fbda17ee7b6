# The native benchmark (tests/bench/, see docs/BENCHMARKS.md): the core paths at scale, and
# headless Dear ImGui frames of the real UI (no GPU: the font atlas is built in memory, frames go
# through NewFrame/Render and the draw data is dropped). Included from CMakeLists.txt in native
# builds. Needs Dear ImGui in build/deps/imgui (scripts/setup.sh); skipped without it.
set(INKSPAN_IMGUI_DIR ${CMAKE_SOURCE_DIR}/build/deps/imgui)
if(NOT EXISTS ${INKSPAN_IMGUI_DIR}/imgui.cpp)
  message(STATUS "Dear ImGui not found in ${INKSPAN_IMGUI_DIR} (run scripts/setup.sh): inkspan_bench is not built")
  return()
endif()

# Dear ImGui's core, natively: no backend (nothing is rendered), no demo, no debug tools.
add_library(imgui_native STATIC
  ${INKSPAN_IMGUI_DIR}/imgui.cpp ${INKSPAN_IMGUI_DIR}/imgui_draw.cpp
  ${INKSPAN_IMGUI_DIR}/imgui_tables.cpp ${INKSPAN_IMGUI_DIR}/imgui_widgets.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/item_hooks/imgui_items.cpp)
target_include_directories(imgui_native SYSTEM PUBLIC ${INKSPAN_IMGUI_DIR})
target_compile_options(imgui_native PRIVATE ${INKSPAN_THIRD_PARTY_OPTIONS})
target_include_directories(imgui_native PRIVATE ${CMAKE_SOURCE_DIR}/src)
# Item hooks for the native UI tests' clicks on widgets (src/ui/item_hooks); idle unless recording.
if(INKSPAN_IMGUI_ITEM_HOOKS)
  target_compile_definitions(imgui_native PRIVATE IMGUI_ENABLE_TEST_ENGINE)
endif()
target_compile_definitions(imgui_native PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS)

# The UI, natively, on the native stand-ins of the browser services (src/platform/*_native.cpp).
file(GLOB INKSPAN_UI_NATIVE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(inkspan_ui_native STATIC ${INKSPAN_UI_NATIVE_SOURCES}
  ${CMAKE_SOURCE_DIR}/src/platform/browser_native.cpp ${CMAKE_SOURCE_DIR}/src/platform/storage_native.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/static_files_native.cpp ${CMAKE_SOURCE_DIR}/src/platform/preferences_native.cpp)
target_link_libraries(inkspan_ui_native PUBLIC inkspan_core imgui_native)
target_compile_options(inkspan_ui_native PRIVATE ${INKSPAN_WARNINGS})
# GCC 12 warns about `"d" + std::to_string(n)` (app_io.cpp) inside libstdc++: a known false
# positive (GCC bug 105329), not our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(inkspan_ui_native PRIVATE -Wno-restrict)
endif()

file(GLOB INKSPAN_BENCH_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/bench/*.cpp)
add_executable(inkspan_bench ${INKSPAN_BENCH_SOURCES})
target_include_directories(inkspan_bench PRIVATE ${CMAKE_SOURCE_DIR}/tests/bench)
target_link_libraries(inkspan_bench PRIVATE inkspan_ui_native)
target_compile_options(inkspan_bench PRIVATE ${INKSPAN_WARNINGS})
# The body font the web app ships (subset there; the full file here: same advances), and the word
# pools of the synthetic corpus.
target_compile_definitions(inkspan_bench PRIVATE
  INKSPAN_BENCH_FONT="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
  INKSPAN_BENCH_WORDS="${CMAKE_SOURCE_DIR}/tests/bench/synthetic_words.json")
