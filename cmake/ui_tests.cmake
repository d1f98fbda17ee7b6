# Native tests of the UI's gesture → command path (tests/ui/): the real ui::App driven by real
# Dear ImGui input events through headless frames (tests/bench/headless.cpp), asserting on the
# model. Included from CMakeLists.txt in native builds, after cmake/bench.cmake, whose targets
# (imgui_native, inkspan_ui_native) it reuses; skipped when they were not made (no Dear ImGui).
if(NOT TARGET inkspan_ui_native)
  message(STATUS "inkspan_ui_native not built (no Dear ImGui, see cmake/bench.cmake): inkspan_ui_tests is not built")
  return()
endif()
if(NOT INKSPAN_IMGUI_ITEM_HOOKS)
  message(STATUS "INKSPAN_IMGUI_ITEM_HOOKS is OFF (the UI tests click widgets found by them): inkspan_ui_tests is not built")
  return()
endif()

file(GLOB INKSPAN_UI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/ui/*.cpp)
add_executable(inkspan_ui_tests ${INKSPAN_UI_TEST_SOURCES} ${CMAKE_SOURCE_DIR}/tests/bench/headless.cpp)
target_include_directories(inkspan_ui_tests PRIVATE ${DOCTEST_INCLUDE_DIR} ${CMAKE_SOURCE_DIR}/tests/ui
  ${CMAKE_SOURCE_DIR}/tests/bench)
target_link_libraries(inkspan_ui_tests PRIVATE inkspan_ui_native)
target_compile_options(inkspan_ui_tests PRIVATE ${INKSPAN_WARNINGS})
# The body font the web app ships (the full Debian file here: same advances; never committed),
# and the sample article the app shows on a first visit.
target_compile_definitions(inkspan_ui_tests PRIVATE
  INKSPAN_UI_TEST_FONT="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
  INKSPAN_UI_TEST_SAMPLE="${CMAKE_SOURCE_DIR}/assets/istanbul-talks.fr.txt")
add_test(NAME ui COMMAND inkspan_ui_tests --no-intro --force-colors=0)
