#!/usr/bin/env python3
"""Score Vietnamese word segmentation against UD VTB gold (python3, stdlib only).

Usage (from the repo root):
  python3 scripts/eval-wordseg.py [GOLD.conllu ...] [--system reference|vnmine|underthesea|pyvi ...]
          [--vnmine-cmd ".build/release/vnmine tokenize --format text"] [--json] [--errors N]
  python3 scripts/eval-wordseg.py --setup     # create .venv-baselines/ with underthesea + pyvi
Default gold: ../shared/data/ud-vietnamese-vtb/vi_vtb-ud-test.conllu; default system: reference.

Raw text: each sentence is its FORMs joined by single spaces (LBKT -> "(", RBKT -> ")").
Systems:
  reference   scripts/segmenter_reference.py in-process (tokens = raw.split(" ")).
  vnmine      runs --vnmine-cmd, all sentences one per line on stdin; expects one output
              line per input line, words separated by spaces, syllables of a word joined by "_".
  underthesea underthesea.word_tokenize(sentence)          } imported if installed, else run
  pyvi        pyvi.ViTokenizer.tokenize(sentence) ("_" joins) } inside .venv-baselines/ if present,
                                                              else a message and the system is skipped.
Metric: a word is the span (start, end) of its characters in the sentence with all spaces
removed (character offsets of non-space characters), so systems that tokenize differently are
aligned by characters.  A "_" in system output that does not match the gold text is treated as a
syllable joiner.  If the system changed characters, difflib aligns the two strings.
P = correct / system words, R = correct / gold words, F1 = 2PR/(P+R), micro-averaged.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import shlex
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))
DEFAULT_GOLD = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "ud-vietnamese-vtb",
                                             "vi_vtb-ud-test.conllu"))
VENV_PY = os.path.join(REPO, ".venv-baselines", "bin", "python")
BRACKETS = {"LBKT": "(", "RBKT": ")"}


def read_conllu(path: str) -> list[list[str]]:
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            cur.append(BRACKETS.get(cols[1], cols[1]))
    if cur:
        sents.append(cur)
    return sents


def spans_from_words(words: list[str], gold_chars: str, joiner: str | None) -> tuple[set, bool]:
    """Map system words to (start, end) spans over gold_chars (the sentence without spaces).
    Returns (spans, aligned_exactly)."""
    spans, p, ok = [], 0, True
    n = len(gold_chars)
    for w in words:
        s = p
        for ch in w:
            if ch.isspace():
                continue
            if p < n and gold_chars[p] == ch:
                p += 1
            elif joiner is not None and ch == joiner:
                continue
            else:
                ok = False
                break
        if not ok:
            break
        if p > s:
            spans.append((s, p))
    if ok and p == n:
        return set(spans), True
    # fallback: character alignment with difflib
    sys_chars, owner = [], []
    for wi, w in enumerate(words):
        for ch in w:
            if ch.isspace() or (joiner is not None and ch == joiner):
                continue
            sys_chars.append(ch)
            owner.append(wi)
    a = unicodedata.normalize("NFC", "".join(sys_chars)).lower()
    b = unicodedata.normalize("NFC", gold_chars).lower()
    if len(a) != len(sys_chars):  # normalisation changed length: plain lower only
        a = "".join(sys_chars).lower()
    m = [None] * len(a)
    for blk in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            m[blk.a + k] = blk.b + k
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, wi in enumerate(owner):
        if m[i] is None:
            continue
        first.setdefault(wi, m[i])
        last[wi] = m[i] + 1
    return {(first[wi], last[wi]) for wi in first}, False


def gold_spans(forms: list[str]) -> set:
    out, p = set(), 0
    for f in forms:
        L = len(f.replace(" ", ""))
        out.add((p, p + L))
        p += L
    return out


# ---------------------------------------------------------------- systems

def run_reference(raws: list[str], vtb_splits: str | None = None) -> list[list[str]]:
    sys.path.insert(0, HERE)
    import segmenter_reference as sr
    if vtb_splits:
        # honest dev scores: rebuild the VTB statistics in memory from the named splits only
        import importlib.util
        spec = importlib.util.spec_from_file_location("build_lexicon", os.path.join(HERE, "build-lexicon.py"))
        bl = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bl)
        data = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
        vs = bl.read_vtb(data, tuple(vtb_splits.split(",")))
        vtb = bl.vtb_word_counts(vs)
        news = sr.read_counts(os.path.join(sr.DEFAULT_MODEL_DIR, "words.tsv"))
        lex = {k for k in news if " " in k} | {k for k in vtb if " " in k}
        seg = sr.Segmenter(news=news, vtb=vtb, splits=bl.vtb_split_counts(vs, lex))
    else:
        seg = sr.Segmenter()
    out = []
    for raw in raws:
        toks = raw.split(" ")
        words, i = [], 0
        for L in seg.segment(toks):
            words.append(" ".join(toks[i:i + L]))
            i += L
        out.append(words)
    return out


def run_lines_cmd(cmd: list[str], raws: list[str], script: str | None = None) -> list[list[str]] | None:
    inp = "\n".join(raws) + "\n"
    try:
        r = subprocess.run(cmd + ([script] if script else []), input=inp, capture_output=True,
                           text=True, encoding="utf-8", cwd=REPO)
    except FileNotFoundError as e:
        print(f"# skip: cannot run {cmd[0]!r}: {e}", file=sys.stderr)
        return None
    if r.returncode != 0:
        print(f"# skip: {' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    lines = r.stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(raws):
        print(f"# warning: {len(lines)} output lines for {len(raws)} sentences", file=sys.stderr)
        lines += [""] * (len(raws) - len(lines))
    return [ln.split() for ln in lines[:len(raws)]]


BASELINE_HELPER = r'''
import sys
which = sys.argv[1]
if which == "underthesea":
    from underthesea import word_tokenize
    f = lambda s: " ".join(w.replace(" ", "_") for w in word_tokenize(s))
else:
    from pyvi import ViTokenizer
    f = ViTokenizer.tokenize
for line in sys.stdin:
    print(f(line.rstrip("\n")))
'''


def run_baseline(name: str, raws: list[str]) -> list[list[str]] | None:
    try:
        if name == "underthesea":
            from underthesea import word_tokenize  # type: ignore
            return [[w.replace(" ", "_") for w in word_tokenize(r)] for r in raws]
        from pyvi import ViTokenizer  # type: ignore
        return [ViTokenizer.tokenize(r).split() for r in raws]
    except ImportError:
        pass
    if os.path.exists(VENV_PY):
        return run_lines_cmd([VENV_PY, "-c", BASELINE_HELPER, name], raws)
    print(f"# skip {name}: not installed (run scripts/eval-wordseg.py --setup "
          f"or scripts/setup-wordseg-baselines.sh)", file=sys.stderr)
    return None


def score(sents: list[list[str]], outputs: list[list[str]], joiner: str | None, errors: int):
    tp = ns = ng = 0
    misaligned = 0
    fp_c: collections.Counter = collections.Counter()
    fn_c: collections.Counter = collections.Counter()
    for forms, words in zip(sents, outputs):
        gchars = "".join(forms).replace(" ", "")
        g = gold_spans(forms)
        s, ok = spans_from_words(words, gchars, joiner)
        misaligned += not ok
        tp += len(g & s)
        ns += len(s)
        ng += len(g)
        if errors:
            # map spans back to strings for error listing
            idx, pos = {}, 0
            for f in forms:
                L = len(f.replace(" ", ""))
                idx[(pos, pos + L)] = f
                pos += L
            for sp in s - g:
                fp_c[gchars[sp[0]:sp[1]]] += 1
            for sp in g - s:
                fn_c[idx[sp]] += 1
    P = tp / ns if ns else 0.0
    R = tp / ng if ng else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"P": P, "R": R, "F1": F, "correct": tp, "system_words": ns, "gold_words": ng,
            "misaligned_sentences": misaligned}, fp_c, fn_c


def main() -> int:
    ap = argparse.ArgumentParser(description="Word-segmentation F1 on UD VTB")
    ap.add_argument("gold", nargs="*", default=[DEFAULT_GOLD])
    ap.add_argument("--system", action="append", choices=["reference", "vnmine", "underthesea", "pyvi"])
    ap.add_argument("--vnmine-cmd", default=".build/release/vnmine tokenize --format text")
    ap.add_argument("--reference-vtb-splits", metavar="SPLITS",
                    help="reference only: learn the UD VTB statistics from these splits (e.g. 'train') "
                         "in memory instead of models/lexicon/ud-vtb-*.tsv (train+dev), for honest dev scores")
    ap.add_argument("--json", action="store_true", help="print one JSON object with all results")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="also list the N most frequent false-positive / missed words (stderr)")
    ap.add_argument("--setup", action="store_true",
                    help="create .venv-baselines/ with pinned underthesea and pyvi, then exit")
    args = ap.parse_args()
    if args.setup:
        return subprocess.call([os.path.join(HERE, "setup-wordseg-baselines.sh")])
    systems = args.system or ["reference"]
    sents = []
    for g in args.gold:
        sents += read_conllu(g)
    raws = [" ".join(f) for f in sents]
    results = []
    for name in systems:
        t0 = time.time()
        joiner = "_"
        if name == "reference":
            outs = run_reference(raws, args.reference_vtb_splits)
            joiner = None
        elif name == "vnmine":
            outs = run_lines_cmd(shlex.split(args.vnmine_cmd), raws)
        else:
            outs = run_baseline(name, raws)
        if outs is None:
            results.append({"system": name, "skipped": True})
            continue
        res, fp_c, fn_c = score(sents, outs, joiner, args.errors)
        res = {"system": name, "gold": [os.path.basename(g) for g in args.gold], "sentences": len(sents),
               **res, "seconds": round(time.time() - t0, 2)}
        results.append(res)
        if not args.json:
            print(f"system={name} P={res['P']:.4f} R={res['R']:.4f} F1={res['F1']:.4f} "
                  f"sentences={len(sents)}" +
                  (f" misaligned={res['misaligned_sentences']}" if res["misaligned_sentences"] else ""))
        if args.errors:
            print(f"# {name}: false positives (system words not in gold)", file=sys.stderr)
            for w, c in fp_c.most_common(args.errors):
                print(f"#   {c}\t{w}", file=sys.stderr)
            print(f"# {name}: missed gold words", file=sys.stderr)
            for w, c in fn_c.most_common(args.errors):
                print(f"#   {c}\t{w}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
