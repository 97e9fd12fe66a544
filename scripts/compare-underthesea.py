#!/usr/bin/env python3
"""Run underthesea's NER over documents and write predictions JSONL for `vnmine eval`.

Usage: compare-underthesea.py TEXTS.jsonl > PREDICTIONS.jsonl

TEXTS.jsonl has lines {"id", "text"} (as written by `vnmine eval --write-texts`). Each output line is
{"id", "text", "tool", "entities": [{"start", "end", "label", "text"}]} with underthesea's labels
(PER, ORG, LOC, ...) and offsets in Unicode code points of the text, end exclusive.

underthesea returns tokens, not offsets, and may normalise them, so each token is located in the text
from a cursor: exactly first, then on a folded copy of the text (lower case, marks removed, đ -> d, one
character for one, so positions are kept). Tokens that cannot be found are skipped and counted on stderr.
Texts are tagged one line (paragraph) at a time.
"""
import json
import sys
import unicodedata

from underthesea import ner


def fold_char(c):
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower() if len(base.lower()) == 1 else base


def fold(s):
    return "".join(fold_char(c) for c in s)


def locate(text, folded, token, cursor, window=200):
    """Start and end of token (syllables separated by spaces) in text at or after cursor, or None."""
    syllables = token.split()
    if not syllables:
        return None
    start = None
    pos = cursor
    for k, syl in enumerate(syllables):
        for hay, needle in ((text, syl), (folded, fold(syl))):
            i = hay.find(needle, pos, pos + window + len(needle))
            if i >= 0:
                break
        else:
            return None
        if k == 0:
            start = i
        pos = i + len(syl)
    return start, pos


def spans(text):
    folded = fold(text)
    out = []
    missed = 0
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            cursor = offset
            current = None  # [label, start, end]
            for token, _pos, _chunk, tag in ner(line):
                where = locate(text, folded, token, cursor)
                if where is None:
                    missed += 1
                    continue
                cursor = where[1]
                if tag == "O" or "-" not in tag:
                    if current:
                        out.append(current)
                    current = None
                    continue
                prefix, label = tag.split("-", 1)
                if prefix == "B" or current is None or current[0] != label:
                    if current:
                        out.append(current)
                    current = [label, where[0], where[1]]
                else:
                    current[2] = where[1]
            if current:
                out.append(current)
        offset += len(line) + 1
    return out, missed


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    total_missed = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            found, missed = spans(text)
            total_missed += missed
            entities = [{"start": s, "end": e, "label": label, "text": text[s:e]} for label, s, e in found]
            print(json.dumps({"id": doc["id"], "text": text, "tool": "underthesea", "entities": entities}, ensure_ascii=False))
    if total_missed:
        print(f"compare-underthesea: {total_missed} token(s) could not be located in their text and were skipped",
              file=sys.stderr)


if __name__ == "__main__":
    main()
