#!/usr/bin/env bash
# The long fuzz campaign of docs/RELIABILITY.md: every libFuzzer target for SECONDS (default 600),
# JOBS at a time (default 2), from copies of its seeds, then a Markdown table of the results.
# Inputs that crash are left in build/fuzz-long/campaign/<target>-crash-* (exit status 1).
#   scripts/fuzz_campaign.sh [SECONDS] [JOBS]      (after scripts/setup.sh native)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
jobs=${2:-2}
out=build/fuzz-long
CXX=clang++-14 cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINKSPAN_FUZZ=ON >/dev/null
cmake --build "$out" -j2 >/dev/null

run_one() {
  local fuzzer=$1 seconds=$2 out=$3
  local name target work dict=()
  name=$(basename "$fuzzer")
  target=${name#fuzz_}
  work=$out/campaign/$target
  rm -rf "$work" && mkdir -p "$work"
  [ -d "tests/fuzz/corpus/$target" ] && cp -r "tests/fuzz/corpus/$target"/. "$work"/
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
  "$fuzzer" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$out/campaign/$target-" > "$work.log" 2>&1 || true
}
export -f run_one
ls "$out"/fuzz_* | xargs -P "$jobs" -I{} bash -c "run_one {} $seconds $out"

echo "| target | seeds | executions in ${seconds} s | final corpus | coverage (cov / ft) | crashes |"
echo "| --- | ---: | ---: | ---: | --- | ---: |"
status=0
for log in "$out"/campaign/*.log; do
  target=$(basename "$log" .log)
  seeds=$(find "tests/fuzz/corpus/$target" -type f 2>/dev/null | wc -l)
  runs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | cut -d' ' -f2 || true)
  corpus=$(find "$out/campaign/$target" -type f | wc -l)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 | awk '{print $2 " / " $4}' || true)
  # crash-, leak-, oom- and timeout- inputs fail the run; slow-unit- ones (over 10 s) are only noted
  crashes=$(find "$out/campaign" -maxdepth 1 \( -name "$target-crash-*" -o -name "$target-leak-*" -o -name "$target-oom-*" -o -name "$target-timeout-*" \) | wc -l)
  [ "$crashes" -eq 0 ] || status=1
  printf '| fuzz_%s | %s | %s | %s | %s | %s |\n' "$target" "$seeds" "$(printf "%'d" "${runs:-0}")" "$corpus" "$cov" "$crashes"
done
exit $status
