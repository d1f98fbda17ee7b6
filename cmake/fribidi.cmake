# GNU FriBidi (LGPL-2.1) for the Unicode bidirectional algorithm (UAX #9): Debian's source
# package (build/deps/fribidi, fetched by scripts/setup.sh), only the files the algorithm needs
# (embedding levels, reordering, bracket pairs, mirroring), as a static library that inkspan_core
# links privately. Its Unicode tables (*.tab.i) come generated in the release tarball; the one
# header its configure step would write, fribidi-config.h, is written here.
set(INKSPAN_FRIBIDI_DIR ${CMAKE_SOURCE_DIR}/build/deps/fribidi)
if(NOT EXISTS ${INKSPAN_FRIBIDI_DIR}/lib/fribidi-bidi.c)
  message(FATAL_ERROR "FriBidi not found in ${INKSPAN_FRIBIDI_DIR}: run scripts/setup.sh native")
endif()
enable_language(C)

set(INKSPAN_FRIBIDI_CONFIG_DIR ${CMAKE_BINARY_DIR}/fribidi_config)
# Rewritten only when its content changes, so a re-configure does not rebuild FriBidi.
file(CONFIGURE OUTPUT ${INKSPAN_FRIBIDI_CONFIG_DIR}/fribidi-config.h @ONLY CONTENT [[
/* Written by cmake/fribidi.cmake in place of FriBidi's configure step. */
#ifndef FRIBIDI_CONFIG_H
#define FRIBIDI_CONFIG_H
#define FRIBIDI "fribidi"
#define FRIBIDI_NAME "GNU FriBidi"
#define FRIBIDI_BUGREPORT ""
#define FRIBIDI_VERSION "1.0.16"
#define FRIBIDI_MAJOR_VERSION 1
#define FRIBIDI_MINOR_VERSION 0
#define FRIBIDI_MICRO_VERSION 16
#define FRIBIDI_INTERFACE_VERSION 4
#define FRIBIDI_INTERFACE_VERSION_STRING "4"
#define FRIBIDI_SIZEOF_INT 4
#endif
]])

set(INKSPAN_FRIBIDI_LIB ${INKSPAN_FRIBIDI_DIR}/lib)
add_library(inkspan_fribidi STATIC
  ${INKSPAN_FRIBIDI_LIB}/fribidi-bidi.c ${INKSPAN_FRIBIDI_LIB}/fribidi-bidi-types.c
  ${INKSPAN_FRIBIDI_LIB}/fribidi-brackets.c ${INKSPAN_FRIBIDI_LIB}/fribidi-mirroring.c
  ${INKSPAN_FRIBIDI_LIB}/fribidi-run.c)
target_include_directories(inkspan_fribidi SYSTEM PUBLIC ${INKSPAN_FRIBIDI_LIB} ${INKSPAN_FRIBIDI_CONFIG_DIR})
# What configure would find on any hosted C platform (common.h reads these); a static library.
target_compile_definitions(inkspan_fribidi PRIVATE HAVE_STDLIB_H=1 HAVE_STRING_H=1 HAVE_STRINGIZE=1)
target_compile_definitions(inkspan_fribidi PUBLIC FRIBIDI_LIB_STATIC)
target_compile_options(inkspan_fribidi PRIVATE -w ${INKSPAN_THIRD_PARTY_OPTIONS})
target_link_libraries(inkspan_core PRIVATE inkspan_fribidi)
