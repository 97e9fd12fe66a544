#!/usr/bin/env bash
# Benchmark of vnmine index (issue 6): extract + index the baomoi archive, then search it.
#
# Reports: extract-only wall time vs extract | index and extract --index wall times (target: indexing slows
# the pipeline by at most 30%), index-only throughput (chars/s) from a saved extract, database size, counts of officials,
# units and directives, and search latency p50/p95 over 1,000 queries drawn from indexed names typed
# without diacritics (target: p95 < 20 ms). Not part of `swift test`.
#
# Usage: scripts/bench-index.sh [ARCHIVE.jsonl.gz]   (default ../shared/data/baomoi-news/baomoi.jsonl.gz)
#   BENCH_DIR=/tmp/vnmine-bench-index  where the databases and the saved extract go (removed first)
#   BENCH_LIMIT=N                      only the first N articles (quick runs)
#   BENCH_BIN=PATH                     use this vnmine binary instead of building one (before/after comparisons)
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHIVE="${1:-../shared/data/baomoi-news/baomoi.jsonl.gz}"
DIR="${BENCH_DIR:-/tmp/vnmine-bench-index}"
[ -f "$ARCHIVE" ] || { echo "bench-index: $ARCHIVE not found (needs ../shared)" >&2; exit 1; }
rm -rf "$DIR" && mkdir -p "$DIR"

if [ -n "${BENCH_BIN:-}" ]; then
  BIN="$BENCH_BIN"
else
  swift build -c release --product vnmine >&2
  BIN="$(swift build -c release --show-bin-path)/vnmine"
fi
INPUT="$ARCHIVE"
if [ -n "${BENCH_LIMIT:-}" ]; then
  INPUT="$DIR/input.jsonl"
  { gzip -dc "$ARCHIVE" || true; } | head -n "$BENCH_LIMIT" > "$INPUT"  # gzip stops on SIGPIPE
fi

now() { date +%s.%N; }
# vnmine extract exits 2 when some documents became error records (the archive has an empty one).
extract() { "$BIN" extract "$@" || { rc=$?; [ "$rc" -eq 2 ] || exit "$rc"; }; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# The machine's speed drifts by ±10–20 % between runs: the three timed runs alternate, BENCH_REPEAT times
# (default 3), and the medians are compared.
REPEAT="${BENCH_REPEAT:-3}"
EXTRACTS=(); PIPES=(); INPROCS=()
for r in $(seq 1 "$REPEAT"); do
  echo "== round $r/$REPEAT: extract only (to /dev/null)" >&2
  t0=$(now); extract "$INPUT" > /dev/null; t1=$(now)
  EXTRACTS+=("$(secs "$t0" "$t1")")

  echo "== round $r/$REPEAT: extract | index" >&2
  rm -f "$DIR/pipe.sqlite"*
  t0=$(now)
  extract "$INPUT" | "$BIN" index --db "$DIR/pipe.sqlite" --quiet --json - > "$DIR/pipe.json"
  t1=$(now)
  PIPES+=("$(secs "$t0" "$t1")")

  echo "== round $r/$REPEAT: extract --index (in process)" >&2
  rm -f "$DIR/inproc.sqlite"*
  t0=$(now)
  extract "$INPUT" --index "$DIR/inproc.sqlite" --quiet > /dev/null
  t1=$(now)
  INPROCS+=("$(secs "$t0" "$t1")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
EXTRACT=$(median "${EXTRACTS[@]}"); PIPE=$(median "${PIPES[@]}"); INPROC=$(median "${INPROCS[@]}")
echo "runs: extract ${EXTRACTS[*]} | pipe ${PIPES[*]} | in process ${INPROCS[*]}" > "$DIR/runs.txt"
for i in "${!EXTRACTS[@]}"; do echo "${EXTRACTS[$i]} ${PIPES[$i]} ${INPROCS[$i]}"; done > "$DIR/rounds.txt"

echo "== extract to a file, then index only" >&2
extract "$INPUT" > "$DIR/annotated.jsonl"
t0=$(now)
"$BIN" index "$DIR/annotated.jsonl" --db "$DIR/index.sqlite" --quiet --json > "$DIR/index.json"
t1=$(now)
INDEX=$(secs "$t0" "$t1")

echo "== search" >&2
python3 scripts/bench-index-queries.py queries "$DIR/index.sqlite" 1000 "$DIR/queries.txt"
"$BIN" search --db "$DIR/index.sqlite" --queries "$DIR/queries.txt" --limit 10 > "$DIR/latency.tsv"
# Cold processes too: what a user typing `vnmine search …` waits for (20 queries).
t0=$(now)
head -n 20 "$DIR/queries.txt" | while IFS= read -r q; do "$BIN" search --db "$DIR/index.sqlite" "$q" > /dev/null; done
t1=$(now)

python3 - "$DIR" "$EXTRACT" "$PIPE" "$INDEX" "$(secs "$t0" "$t1")" "$INPROC" <<'PY'
import json, os, subprocess, sys
d, extract, pipe, index, cold, inproc = sys.argv[1], *map(float, sys.argv[2:])
s = json.load(open(os.path.join(d, "index.json")))
p = json.load(open(os.path.join(d, "pipe.json")))
c = s["index"]
print(f"archive documents        {s['documents']} indexed, {s['error_records']} error records skipped, "
      f"{s['invalid_lines']} invalid lines")
print(f"indexed text             {s['characters']:,} chars")
print(open(os.path.join(d, "runs.txt")).read().strip() + "  (seconds; medians below)")
print(f"extract only             {extract:.2f} s")
print(f"extract | index          {pipe:.2f} s  ({(pipe / extract - 1) * 100:+.1f}% vs extract only; target <= +30%)")
print(f"extract --index DB       {inproc:.2f} s  ({(inproc / extract - 1) * 100:+.1f}% vs extract only; indexing in the same process)")
# Each round's runs follow one another, so a round's ratio is less exposed to the machine's drift than the ratio
# of medians taken over different rounds.
rounds = [tuple(map(float, l.split())) for l in open(os.path.join(d, "rounds.txt")) if l.strip()]
def per_round(k):
    r = sorted(x[k] / x[0] - 1 for x in rounds)
    return f"median {r[(len(r) - 1) // 2] * 100:+.1f}% (lower median), range {r[0] * 100:+.1f}% to {r[-1] * 100:+.1f}%"
print(f"per round, vs that round's extract only: pipe {per_round(1)}; in process {per_round(2)}")
print(f"index only               {index:.2f} s  ({s['characters'] / index:,.0f} chars/s, {s['batches']} batches)")
print(f"database size            {s['database_bytes'] / 2**20:.1f} MiB ({p['database_bytes'] / 2**20:.1f} MiB via the pipe)")
print(f"officials / units / directives   {c['officials']:,} / {c['units']:,} / {c['directives']:,}")
print(f"mentions / documents     {c['mentions']:,} / {c['documents']:,}")
print("search (in process)      " + subprocess.run(
    ["python3", "scripts/bench-index-queries.py", "latency", os.path.join(d, "latency.tsv")],
    capture_output=True, text=True, check=True).stdout.strip() + "  (target p95 < 20 ms)")
print(f"search (cold process)    {cold / 20 * 1000:.0f} ms per `vnmine search` invocation (20 runs)")
PY
