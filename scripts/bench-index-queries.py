#!/usr/bin/env python3
"""Helpers for scripts/bench-index.sh (standard library only).

  bench-index-queries.py queries DB N OUT   write N queries drawn from the index's entity names, typed
                                            without diacritics (lower case, no marks, đ → d), seed 6
  bench-index-queries.py latency TSV        p50/p95/mean of 'milliseconds<TAB>hits<TAB>query' lines
"""
import random
import sqlite3
import statistics
import sys
import unicodedata


def fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return s.lower()


def queries(db: str, n: int, out: str) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    # Officials weigh most (the use case); units and directives too. Names mentioned more often
    # are drawn more often (users look up who is in the news), by sampling mentions rather than rows.
    pools = {
        "official": [r[0] for r in con.execute("SELECT name FROM officials, (SELECT 1 UNION ALL SELECT 2) WHERE mentions > 0")],
        "unit": [r[0] for r in con.execute("SELECT name FROM units")],
        "directive": [r[0] for r in con.execute("SELECT name FROM directives")],
    }
    weights = {"official": 0.6, "unit": 0.25, "directive": 0.15}
    rng = random.Random(6)
    lines = []
    for _ in range(n):
        kinds = [k for k in pools if pools[k]]
        k = rng.choices(kinds, [weights[x] for x in kinds])[0]
        name = fold(rng.choice(pools[k]))
        lines.append(" ".join(name.split()))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def latency(tsv: str) -> None:
    ms, hits = [], []
    for line in open(tsv, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            ms.append(float(parts[0]))
            hits.append(int(parts[1]))
    ms.sort()
    q = lambda p: ms[min(len(ms) - 1, int(round(p * (len(ms) - 1))))]
    found = sum(1 for h in hits if h > 0)
    print(f"queries {len(ms)}  p50 {q(0.5):.2f} ms  p95 {q(0.95):.2f} ms  p99 {q(0.99):.2f} ms  "
          f"mean {statistics.mean(ms):.2f} ms  max {ms[-1]:.2f} ms  with hits {found}/{len(ms)}")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "queries" and len(sys.argv) == 5:
        queries(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 3 and sys.argv[1] == "latency":
        latency(sys.argv[2])
    else:
        sys.exit(__doc__)
