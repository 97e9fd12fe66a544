#!/usr/bin/env python3
"""Print `vnmine eval --json` reports of several tools side by side.

Usage: compare-report.py NAME=REPORT.json [NAME=REPORT.json ...] [--markdown]

For each scheme: precision, recall, F1 and the bootstrap interval of F1 per tool; then strict F1 per label,
and officials F1 when the gold has officials. --markdown prints the same as Markdown tables (for the README).
"""
import json
import sys


def main():
    args = [a for a in sys.argv[1:] if a != "--markdown"]
    markdown = "--markdown" in sys.argv[1:]
    if not args or any("=" not in a for a in args):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    tools = []
    for a in args:
        name, path = a.split("=", 1)
        with open(path, encoding="utf-8") as f:
            tools.append((name, json.load(f)))

    def f3(x):
        return f"{x:.3f}"

    def ci(m):
        return f"{m['f1_ci'][0]:.3f}–{m['f1_ci'][1]:.3f}" if m.get("f1_ci") else "—"

    header = ["scheme"] + [f"{n} {k}" for n, _ in tools for k in ("P", "R", "F1", "F1 95% CI")]
    rows = []
    for scheme in ("strict", "exact", "partial", "ent_type"):
        row = [scheme]
        for _, r in tools:
            m = r["schemes"][scheme]["micro"]
            row += [f3(m["precision"]), f3(m["recall"]), f3(m["f1"]), ci(m)]
        rows.append(row)
    labels = sorted({l for _, r in tools for l in r["schemes"]["strict"]["labels"]})
    header2 = ["strict F1"] + [n for n, _ in tools]
    rows2 = []
    for label in labels:
        rows2.append([label] + [f3(r["schemes"]["strict"]["labels"].get(label, {}).get("f1", 0.0)) for _, r in tools])
    rows2.append(["macro"] + [f3(r["schemes"]["strict"]["macro"]["f1"]) for _, r in tools])
    if all(r.get("officials") for _, r in tools):
        rows2.append(["officials F1"] + [f3(r["officials"]["f1"]) for _, r in tools])

    docs = tools[0][1]["documents"]["gold"]
    gold = ", ".join(tools[0][1]["gold"])
    print(f"gold: {gold} ({docs} documents)")
    for table_header, table_rows in ((header, rows), (header2, rows2)):
        print()
        if markdown:
            print("| " + " | ".join(table_header) + " |")
            print("|" + "|".join("---" for _ in table_header) + "|")
            for row in table_rows:
                print("| " + " | ".join(row) + " |")
        else:
            widths = [max(len(str(x)) for x in col) for col in zip(table_header, *table_rows)]
            for row in [table_header] + table_rows:
                print("  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(row, widths))))


if __name__ == "__main__":
    main()
