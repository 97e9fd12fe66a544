#!/usr/bin/env bash
# Pipeline throughput and memory (issue 4): `vnmine extract` over all of
# ../shared/data/baomoi-news/baomoi.jsonl.gz with --jobs 1 and --jobs 2 (chars/s, speed-up, peak RSS
# from /usr/bin/time -v), then the same corpus five times over (five inputs) to show that memory does
# not grow with input size. Release build; not part of the tests.
# Usage: scripts/bench-pipeline.sh   (env ARCHIVE=… to use another archive)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${ARCHIVE:-../shared/data/baomoi-news/baomoi.jsonl.gz}
[ -f "$archive" ] || { echo "bench-pipeline: $archive not found (needs ../shared)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-pipeline: /usr/bin/time missing (apt-get install time)"; exit 1; }
swift build -c release --product vnmine >/dev/null
bin=.build/release/vnmine
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run() { # label jobs inputs...
  local label=$1 jobs=$2; shift 2
  /usr/bin/time -v "$bin" extract "$@" --jobs "$jobs" >"$tmp/out.jsonl" 2>"$tmp/err" || [ $? -eq 2 ]
  local summary rss wall chars secs
  summary=$(grep '^vnmine:' "$tmp/err" | head -1)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tmp/err")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$tmp/err")
  chars=$(echo "$summary" | sed -E 's/.* ([0-9]+) chars,.*/\1/')
  secs=$(echo "$summary" | sed -E 's/.* ([0-9.]+) s,.*/\1/')
  printf '%-28s jobs=%s  %s\n' "$label" "$jobs" "$summary"
  printf '%-28s        wall %s  peak RSS %.1f MB  records %s\n' "" "$wall" "$(awk -v r="$rss" 'BEGIN{print r/1024}')" "$(wc -l <"$tmp/out.jsonl")"
  echo "$secs" > "$tmp/secs-$label-$jobs"
}

run baomoi 1 "$archive"
run baomoi 2 "$archive"
awk -v a="$(cat "$tmp/secs-baomoi-1")" -v b="$(cat "$tmp/secs-baomoi-2")" 'BEGIN{printf "speed-up jobs 2 / jobs 1: %.2fx\n", a/b}'
run baomoi-x5 2 "$archive" "$archive" "$archive" "$archive" "$archive"
