#!/usr/bin/env python3
"""Print nervaluate's counts for a gold and a prediction JSONL file, for the parity test of `vnmine eval`.

Usage: eval-nervaluate-parity.py GOLD.jsonl PRED.jsonl LABEL[,LABEL...]

Both files hold lines {"id", "entities": [{"start", "end", "label"}, ...]} (gold may carry more fields);
documents are taken in gold order and matched by id (no prediction = no entities), entities in file order,
exactly as `vnmine eval` does. Offsets are end-exclusive; nervaluate's are end-inclusive, so it is given
end - 1. Prints one JSON object: {"nervaluate": VERSION, "overall": {SCHEME: COUNTS},
"entities": {LABEL: {SCHEME: COUNTS}}} with COUNTS = {"correct", "incorrect", "partial", "missed",
"spurious", "possible", "actual"}. Exit 3 when nervaluate is not installed.
"""
import json
import sys

try:
    import nervaluate
    from nervaluate import Evaluator
except ImportError:
    print("nervaluate is not installed (pip install nervaluate==1.2.1)", file=sys.stderr)
    sys.exit(3)

FIELDS = ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual")


def read(path):
    docs = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            docs[d["id"]] = [
                {"label": e["label"], "start": e["start"], "end": e["end"] - 1} for e in d.get("entities") or []
            ]
            order.append(d["id"])
    return docs, order


def counts(result):
    return {k: getattr(result, k) for k in FIELDS}


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    gold, order = read(sys.argv[1])
    pred, _ = read(sys.argv[2])
    tags = sys.argv[3].split(",")
    true_docs = [gold[i] for i in order]
    pred_docs = [pred.get(i, []) for i in order]
    results = Evaluator(true_docs, pred_docs, tags=tags, loader="dict").evaluate()
    out = {
        "nervaluate": getattr(nervaluate, "__version__", None) or version(),
        "overall": {s: counts(r) for s, r in results["overall"].items()},
        "entities": {t: {s: counts(r) for s, r in by.items()} for t, by in results["entities"].items()},
    }
    json.dump(out, sys.stdout, sort_keys=True)
    print()


def version():
    from importlib.metadata import version as v
    return v("nervaluate")


if __name__ == "__main__":
    main()
