#!/usr/bin/env python3
"""Validate the text data files under models/ (every *.tsv and *.txt, recursively).

Rules (../shared/STYLE.md §3): UTF-8 without BOM, NFC, LF line ends with a final newline, a "#" comment
header before the data, no blank lines, no trailing ASCII space or TAB on a line, no leading or
trailing space in a TAB field, no empty
TAB field, the same number of columns on every data line, data lines sorted in Python's default string order
(code points of the whole line), no duplicate lines. Comment lines ("#" first) are skipped by the sort,
duplicate and column checks.

Prints one "path:line: message" per problem (compiler style) and exits 1 if there is any, 0 otherwise.

Usage:
  python3 scripts/check-models.py                 # all of models/
  python3 scripts/check-models.py FILE_OR_DIR...  # only these
"""

import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUFFIXES = {".tsv", ".txt"}


def display(path):
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def check_file(path):
    """Return a list of (line number, message) for one file; line 0 is not used."""
    problems = []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append((1, "byte order mark at start of file"))
        raw = raw[3:]
    if not raw:
        return [(1, "empty file")]
    if not raw.endswith(b"\n"):
        problems.append((raw.count(b"\n") + 1, "no newline at end of file"))

    raw_lines = raw.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()

    seen = {}
    previous = None
    columns = None
    saw_comment = False
    for number, raw_line in enumerate(raw_lines, start=1):
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append((number, f"not valid UTF-8 ({error.reason} at byte {error.start})"))
            continue
        if line.endswith("\r"):
            problems.append((number, "CRLF line end"))
            line = line[:-1]
        if unicodedata.normalize("NFC", line) != line:
            problems.append((number, "not NFC"))
        # Only ASCII space and TAB count: a field may legitimately hold U+00A0 (encodings tables).
        if line != line.rstrip(" \t"):
            problems.append((number, "trailing whitespace"))
        if not line.strip():
            problems.append((number, "blank line"))
            continue
        if line.startswith("#"):
            saw_comment = True
            continue
        if previous is None and not saw_comment:
            problems.append((number, "data before any '#' comment header"))

        fields = line.split("\t")
        if columns is None:
            columns = len(fields)
        elif len(fields) != columns:
            problems.append((number, f"{len(fields)} columns, expected {columns} as on the first data line"))
        for index, field in enumerate(fields, start=1):
            if field == "":
                problems.append((number, f"column {index} is empty"))
            elif field != field.strip(" "):
                problems.append((number, f"column {index} has leading or trailing whitespace"))

        if line in seen:
            problems.append((number, f"duplicate of line {seen[line]}"))
        else:
            seen[line] = number
        if previous is not None and line < previous[1]:
            problems.append((number, f"not sorted: sorts before line {previous[0]}"))
        previous = (number, line)

    if not seen and not problems:
        problems.append((1, "no data lines"))
    return problems


def collect(arguments):
    roots = [Path(a) for a in arguments] or [REPO / "models"]
    files = []
    for root in roots:
        if root.is_dir():
            files.extend(p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif root.is_file():
            files.append(root)
        else:
            print(f"{root}: no such file or directory", file=sys.stderr)
            files.append(root)
    return sorted(set(files))


def main():
    files = collect(sys.argv[1:])
    failures = 0
    for path in files:
        if not path.exists():
            failures += 1
            continue
        for number, message in check_file(path):
            print(f"{display(path)}:{number}: {message}")
            failures += 1
    checked = sum(1 for p in files if p.exists())
    print(f"check-models: {checked} files, {failures} problems", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
