#!/usr/bin/env bash
# Installs everything Inkspan needs to build and test, idempotently, on Debian 12.
# Debian packages via apt, third-party sources from Debian's source packages (checked by sha256),
# playwright-core from npm (lockfile). Fetched sources land in build/deps (ignored by git).
#   usage: scripts/setup.sh            (all)
#          scripts/setup.sh native     (only what the native build and unit tests need)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}  # all | native | web

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

native_pkgs=(g++ cmake make nlohmann-json3-dev doctest-dev clang-14 libclang-rt-14-dev xz-utils
  libharfbuzz-bin fonts-noto-core unicode-data  # hb-shape, Noto fonts, BidiCharacterTest: test references
  libre2-dev pkg-config  # RE2: the second oracle of the regex tests and fuzz target (never in the app)
  python3 python3-sklearn python3-statsmodels python3-nltk)  # the agreement figures' references (tests/check_agreement.py)
web_pkgs=(emscripten fonts-dejavu-core chromium python3 fonttools xz-utils dpkg-dev
  fonts-noto-core fonts-noto-cjk fonts-symbola)  # fallback fonts for every script (docs/FONTS.md)
pkgs=("${native_pkgs[@]}")
[ "$what" = native ] || pkgs+=("${web_pkgs[@]}")
# Node.js and npm: Debian's, unless the machine already has a node (e.g. a newer one with its own npm).
if [ "$what" != native ] && ! command -v npm >/dev/null; then pkgs+=(nodejs npm); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Third-party sources from Debian's source packages, each checked by sha256 and unpacked into
# build/deps/<dir> (ignored by git). A deb-src entry per suite is added once, copied from the
# machine's own first apt stanza.
add_deb_src() {  # add_deb_src <suite>
  local list=/etc/apt/sources.list.d/inkspan-$1-src.sources
  [ -f "$list" ] && return 0
  echo "setup: adding a deb-src entry for $1 (source packages only)"
  awk 'BEGIN{RS="";ORS="\n\n"} NR==1' /etc/apt/sources.list.d/debian.sources \
    | sed -e 's/^Types:.*/Types: deb-src/' -e "s/^Suites:.*/Suites: $1/" | $SUDO tee "$list" >/dev/null
  $SUDO apt-get update -qq
}
fetch_source() {  # fetch_source <dir> <package> <version> <suite> <orig tarball> <sha256>
  local dir=build/deps/$1 pkg=$2 version=$3 suite=$4 tarball=build/deps/src/$5 sha=$6
  [ -f "$dir/.inkspan-$version" ] && return 0
  add_deb_src "$suite"
  mkdir -p build/deps/src
  if [ ! -f "$tarball" ]; then
    # Some mirrors lack a .dsc while holding the orig tarball: the sha256 check below decides.
    ( cd build/deps/src && apt-get source --download-only -qq "$pkg=$version" >/dev/null 2>&1 ) || true
  fi
  echo "$sha  $tarball" | sha256sum -c --quiet - || { echo "setup: $tarball sha256 mismatch" >&2; exit 1; }
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
  touch "$dir.tmp/.inkspan-$version"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

# Sources the core builds with (natively and in the browser).
# HarfBuzz (MIT): text shaping, built from its amalgamation src/harfbuzz.cc (cmake/harfbuzz.cmake).
fetch_source harfbuzz harfbuzz 10.2.0-1+deb13u1 trixie harfbuzz_10.2.0.orig.tar.xz \
  620e3468faec2ea8685d32c46a58469b850ef63040b3565cde05959825b48227
# FriBidi (LGPL-2.1): the Unicode bidirectional algorithm (cmake/fribidi.cmake).
fetch_source fribidi fribidi 1.0.16-1 trixie fribidi_1.0.16.orig.tar.xz \
  1b1cde5b235d40479e91be2f0e88a309e3214c8ab470ec8a2744d82a5a9ea05c
# libunibreak (zlib): UAX #14 line breaking, UAX #29 grapheme and word breaking (cmake/unibreak.cmake).
fetch_source libunibreak libunibreak 6.1-3 trixie libunibreak_6.1.orig.tar.gz \
  890674996168ef5ba143d80d49ab8b61594a4eb70198dcac76caf6e1bd264a41

[ "$what" = native ] && exit 0

# Dear ImGui 1.92 (dynamic font atlas: glyphs on demand, any size): core, backends, misc/freetype.
fetch_source imgui imgui 1.92.2b+ds-1 sid imgui_1.92.2b+ds.orig.tar.xz \
  e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48

# playwright-core and axe-core (tests; axe-core is loaded into the page by
# tests/e2e/accessibility.test.mjs, never shipped) and fflate (zips exports in the page) from npm,
# pinned by package-lock.json; playwright never downloads a browser.
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/fflate ] || [ ! -d node_modules/axe-core ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent
fi
