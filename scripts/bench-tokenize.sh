#!/usr/bin/env bash
# Normalise/tokenize/extract throughput on the first 5 MB of ../shared/data/baomoi-news/baomoi.jsonl.gz
# (release build, one core), each stage with its ratio to a floor measured in the same run.
# Usage: scripts/bench-tokenize.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${ARCHIVE:-../shared/data/baomoi-news/baomoi.jsonl.gz}
[ -f "$archive" ] || { echo "bench-tokenize: $archive not found (needs ../shared)"; exit 1; }
VNMINE_BENCH=1 swift build -c release --product vnbench --scratch-path .build-bench >/dev/null
taskset -c 0 .build-bench/release/vnbench "$archive" models "${1:-5}" 2>/dev/null || .build-bench/release/vnbench "$archive" models "${1:-5}"
