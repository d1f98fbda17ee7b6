# libunibreak 6.1 (zlib licence): UAX #14 line breaking, UAX #29 grapheme and word breaking.
# scripts/setup.sh unpacks Debian's source package into build/deps/libunibreak; its C sources are
# compiled into inkspan_core (natively with gcc/clang, sanitizers included, and with emcc).
enable_language(C)

set(UNIBREAK_DIR ${CMAKE_SOURCE_DIR}/build/deps/libunibreak/src)
if(NOT EXISTS ${UNIBREAK_DIR}/linebreak.c)
  message(FATAL_ERROR "libunibreak sources missing in ${UNIBREAK_DIR}: run scripts/setup.sh native")
endif()

# The data tables (graphemebreakdata.c, wordbreakdata.c, ...) are #included by these.
set(UNIBREAK_SOURCES
  unibreakbase.c unibreakdef.c linebreak.c linebreakdata.c linebreakdef.c
  eastasianwidthdef.c emojidef.c graphemebreak.c wordbreak.c)
list(TRANSFORM UNIBREAK_SOURCES PREPEND ${UNIBREAK_DIR}/)
target_sources(inkspan_core PRIVATE ${UNIBREAK_SOURCES})
# Third-party code: warnings off for these files (and no UBSan, see CMakeLists.txt).
set_source_files_properties(${UNIBREAK_SOURCES} PROPERTIES COMPILE_OPTIONS "-w;${INKSPAN_THIRD_PARTY_OPTIONS}")
# Its headers, as system headers so that including them from the core stays warning-free.
target_include_directories(inkspan_core SYSTEM PRIVATE ${UNIBREAK_DIR})
