#!/usr/bin/env bash
# Sets up what is missing and runs every test: the native doctest suite (CTest), the same suite
# under ASan+UBSan, bounded fuzz runs, then the browser end-to-end suite in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh all
jobs=$(nproc)

echo "== native unit tests"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native -j"$jobs"
ctest --test-dir build/native --output-on-failure

echo "== web app"
./build-wasm.sh

echo "== browser end-to-end tests"
# One browser at a time (2-core machines); older Node (Debian's 18) has no --test-concurrency.
concurrency=""
node --help | grep -q -- --test-concurrency && concurrency="--test-concurrency=1"
node --test $concurrency tests/e2e/
