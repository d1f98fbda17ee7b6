#!/usr/bin/env bash
# Sets up what is missing and builds the web app into dist/ (index.html, inkspan.js, inkspan.wasm,
# DejaVuSans.ttf), a static folder for any static server.
#   ./build-wasm.sh            build
#   ./build-wasm.sh --serve    build, then serve dist/ on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh web
export NODE_PATH=/usr/share/nodejs  # Debian's emcc runs its JS optimizer with node; it needs acorn from here
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j"$(nproc)"
echo "build-wasm: dist/ is ready ($(du -sh dist | cut -f1))"
if [ "${1:-}" = "--serve" ]; then
  port=${PORT:-8080}
  echo "Serving Inkspan on http://127.0.0.1:${port}/  (Ctrl+C stops)"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
fi
