#!/usr/bin/env python3
"""Check gold JSONL files against the format of ../shared/annotation-guidelines.md.

Usage: validate-gold.py GOLD.jsonl [GOLD.jsonl ...] [--text-from ARCHIVE.jsonl[.gz] ...]

A gold line is either inline, {"id", "text", "entities"[, "officials"]}, or stand-off,
{"id", "sha256", "entities"[, "officials"]}; the text of a stand-off line is looked up by id in the
--text-from archives (JSONL or JSONL.gz with "id" and "text" fields, as in ../shared/data).

Checks, per line: the line parses as a JSON object; it has a non-empty string id, unique in its file;
it has text or a 64-hex sha256 (both may be present, then they must agree); a stand-off line's id is
found in an archive and the archive text's sha256 matches; the text is NFC; entities is a list of
objects with int start < end inside the text, a known label and a string text equal to
text[start:end] (Python code points, end exclusive); entities are sorted by (start, end) and do not
overlap; officials, when present, are records {name, rank, titles, units} of the right types.

Every problem is printed as `FILE:LINE: message` (LINE is 1-based); the exit status is 1 if there
was any problem, 2 on a usage error, 0 otherwise. Python 3 standard library only.
"""
import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata

LABELS = {"RANK", "TITLE", "OFFICIAL", "UNIT", "DIRECTIVE"}
SHA256 = re.compile(r"[0-9a-f]{64}")


def is_int(value):
    # bool is a subclass of int in Python; true/false are not offsets.
    return isinstance(value, int) and not isinstance(value, bool)


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def load_archives(paths, report):
    """Map id -> list of texts over all archives (a list, so a clash between archives is seen)."""
    texts = {}
    for path in paths:
        try:
            with open_text(path) as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        doc = json.loads(line)
                    except ValueError as e:
                        report(path, n, f"archive line does not parse: {e}")
                        continue
                    if isinstance(doc, dict) and isinstance(doc.get("id"), str) and isinstance(doc.get("text"), str):
                        texts.setdefault(doc["id"], []).append(doc["text"])
        except OSError as e:
            report(path, 0, f"cannot read archive: {e}")
    return texts


def check_officials(officials, where):
    if not isinstance(officials, list):
        where("officials is not a list")
        return
    for i, rec in enumerate(officials):
        tag = f"officials[{i}]"
        if not isinstance(rec, dict):
            where(f"{tag} is not an object")
            continue
        if not isinstance(rec.get("name"), str) or not rec.get("name").strip():
            where(f"{tag}: name missing or not a non-empty string")
        if "rank" not in rec or not (rec["rank"] is None or isinstance(rec["rank"], str)):
            where(f"{tag}: rank missing or not a string/null")
        for key in ("titles", "units"):
            val = rec.get(key)
            if not isinstance(val, list) or not all(isinstance(x, str) for x in val):
                where(f"{tag}: {key} missing or not a list of strings")
        extra = set(rec) - {"name", "rank", "titles", "units"}
        if extra:
            where(f"{tag}: unknown keys {sorted(extra)}")


def check_entities(entities, text, where):
    if not isinstance(entities, list):
        where("entities is not a list")
        return
    spans = []  # (start, end, index) of entities with valid offsets, in file order
    for i, ent in enumerate(entities):
        tag = f"entities[{i}]"
        if not isinstance(ent, dict):
            where(f"{tag} is not an object")
            continue
        start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
        ok = True
        if not is_int(start) or not is_int(end):
            where(f"{tag}: start/end missing or not integers ({start!r}, {end!r})")
            ok = False
        elif not 0 <= start < end:
            where(f"{tag}: need 0 <= start < end, got {start}..{end}")
            ok = False
        elif text is not None and end > len(text):
            where(f"{tag}: end {end} beyond text length {len(text)}")
            ok = False
        if label not in LABELS:
            where(f"{tag}: unknown label {label!r}")
        if "text" not in ent or not isinstance(ent["text"], str):
            where(f"{tag}: text missing or not a string")
        elif ok and text is not None and text[start:end] != ent["text"]:
            where(f"{tag}: text {ent['text']!r} != slice {text[start:end]!r} at {start}..{end}")
        elif ok and len(ent["text"]) != end - start:
            where(f"{tag}: text length {len(ent['text'])} != end - start {end - start}")
        if not ok:
            continue
        if spans and (start, end) < spans[-1][:2]:
            p = spans[-1]
            where(f"{tag}: not sorted ({start}..{end} after entities[{p[2]}] {p[0]}..{p[1]})")
        spans.append((start, end, i))
    # Overlaps are checked in sorted order, so an unsorted file is not also reported as overlapping.
    reach = None  # the span reaching furthest right so far
    for start, end, i in sorted(spans):
        if reach is not None and start < reach[1]:
            where(f"entities[{i}]: {start}..{end} overlaps entities[{reach[2]}] {reach[0]}..{reach[1]}")
        if reach is None or end > reach[1]:
            reach = (start, end, i)


def validate(path, archive, have_archives, report):
    seen = {}
    try:
        f = open_text(path)
    except OSError as e:
        report(path, 0, f"cannot read: {e}")
        return
    with f:
        for n, line in enumerate(f, 1):
            def where(msg, n=n):
                report(path, n, msg)
            if not line.strip():
                where("empty line")
                continue
            try:
                doc = json.loads(line)
            except ValueError as e:
                where(f"does not parse: {e}")
                continue
            if not isinstance(doc, dict):
                where("line is not a JSON object")
                continue
            doc_id = doc.get("id")
            if not isinstance(doc_id, str) or not doc_id:
                where("id missing or not a non-empty string")
            elif doc_id in seen:
                where(f"duplicate id {doc_id!r} (first on line {seen[doc_id]})")
            else:
                seen[doc_id] = n
            text = doc.get("text")
            sha = doc.get("sha256")
            if text is not None and not isinstance(text, str):
                where("text is not a string")
                text = None
            if sha is not None and (not isinstance(sha, str) or not SHA256.fullmatch(sha)):
                where(f"sha256 is not 64 lower-case hex digits: {sha!r}")
                sha = None
            if "text" not in doc and "sha256" not in doc:
                where("neither text (inline) nor sha256 (stand-off)")
            if text is not None:
                if sha is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
                    where("sha256 does not match the inline text")
            elif sha is not None and isinstance(doc_id, str):
                candidates = archive.get(doc_id, [])
                if not candidates:
                    where(f"no --text-from archive holds id {doc_id!r}" if have_archives
                          else "stand-off line: pass --text-from ARCHIVE to check offsets and sha256")
                else:
                    matching = [t for t in candidates if hashlib.sha256(t.encode("utf-8")).hexdigest() == sha]
                    if matching:
                        text = matching[0]
                    else:
                        where(f"sha256 does not match the archive text of {doc_id!r} (another version?)")
            if text is not None and unicodedata.normalize("NFC", text) != text:
                where("text is not NFC")
            if "entities" not in doc:
                where("entities missing")
            else:
                check_entities(doc["entities"], text, where)
            if "officials" in doc:
                check_officials(doc["officials"], where)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", help="gold JSONL file(s)")
    ap.add_argument("--text-from", nargs="+", action="extend", default=[], metavar="ARCHIVE",
                    help="JSONL[.gz] archive(s) with id and text, for stand-off lines")
    args = ap.parse_args(argv)
    problems = 0

    def report(path, line, msg):
        nonlocal problems
        problems += 1
        print(f"{path}:{line}: {msg}")

    archive = load_archives(args.text_from, report)
    for path in args.gold:
        validate(path, archive, bool(args.text_from), report)
    print(f"{problems} problem(s) in {len(args.gold)} file(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
