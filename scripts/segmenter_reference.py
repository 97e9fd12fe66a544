#!/usr/bin/env python3
"""Reference Vietnamese word segmenter for vnmine (python3, stdlib only).

The Swift segmenter is a port of this file; keep both in step.  Everything
tunable lives in models/lexicon/params.tsv, nothing numeric is hidden here
except the fallbacks in DEFAULT_PARAMS (used only when params.tsv lacks a name).

INPUT
  ``segment(tokens, joinable=None) -> list[int]``
  tokens   : the non-space tokens of a text in order (ICU word-break tokens with
             the whitespace tokens removed), e.g. ["Ông", "Nguyễn", "Văn", "An",
             "nói", ":", "..."].
  joinable : joinable[i] is True when tokens[i] and tokens[i+1] are separated by
             exactly one U+0020 space (no other character).  Default: all True
             (pre-tokenized text such as UD VTB, where tokens are joined by
             single spaces).
  Returns the word lengths in tokens; sum(result) == len(tokens).

TOKEN CLASSES
  syllable : every character is a letter (str.isalpha(); Swift: every
             Character.isLetter).  Only syllables can join into words.
  other    : anything else (numbers, punctuation, symbols, mixed "A5", "m3")
             -> always a one-token word.
  A *run* is a maximal sequence of syllables i..j with joinable[k] for
  i <= k < j.  Runs are segmented independently by the DP below.

KEYS (lookup normalisation)
  key(syllable) = fold_tone(NFC(lowercase(syllable))) where fold_tone moves the
  tone mark of a syllable-final open nucleus "oa", "oe", "uy" from the second
  vowel to the first (hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy), except "uy"
  after "q" (quý stays).  See TONE_FOLD below (15 pairs).  Word keys are the
  syllable keys joined by one space.  The lexicon files are loaded with the
  same key function; counts of entries with equal keys are added.

MODEL (loaded from models/lexicon/)
  words.tsv         word<TAB>count  news counts (see build-lexicon.py)
  ud-vtb-words.tsv  word<TAB>count  UD VTB train+dev gold word counts (optional)
  ud-vtb-splits.tsv word<TAB>count  UD VTB train+dev: times a multi-syllable word's
                    syllables occur contiguously but NOT as one gold word (optional)
  params.tsv        name<TAB>value
  surnames.txt      one surname per line (Title case); compared by key()
  All lines starting with "#" are comments.  Entries with more than max_word_len
  syllables are ignored.
  Merged count:  c(w) = news(w) + vtb_weight * vtb(w)    (missing = 0)
  N = sum of c(w) over all merged entries (words.tsv keys + ud-vtb-words keys).
  Lexicon = keys of words.tsv and ud-vtb-words.tsv.

COST of a candidate span of k tokens with key w (natural log, float64):
  lexicon word (w in lexicon):
      cost = ln(N) - ln(c(w) + alpha) + (k - 1) * len_penalty
             + [k >= 2] * split_weight * ln((splits(w) + split_prior) / (vtb(w) + split_prior))
             + [k >= 2 and all k tokens TitleCase] * cap_bonus
  unknown single syllable (k == 1, not in lexicon):
      cost = ln(N) - ln(alpha) + unk_penalty
  name span (NAME RULE below):      cost = name_cost * k
  capitalised span (CAP RULE below): cost = cap_span_cost
  A span that qualifies several ways takes the minimum of its costs (name rule
  is checked first; a name span is not also a cap span).  A multi-token span
  that is neither a lexicon word, a name span nor a cap span is no candidate.

  TitleCase(t) = first character uppercase and all other characters lowercase
  ("Nguyễn"; not "NGUYỄN", not "nguyễn", not "McCain").

NAME RULE (per start position s inside a run):
  If TitleCase(tokens[s]) and key(tokens[s]) is in surnames.txt, let L be the
  number of consecutive TitleCase tokens starting at s inside the run.  If
  L >= 2, the span [s, s + min(L, max_word_len)) is a name candidate (only that
  one length).

CAP RULE:
  A run is *sentence-initial* if its first token is token 0 of the input or the
  token before it is one of SENTENCE_OPENERS (. ! ? … ... " “ ”).
  capok[t] = TitleCase(tokens[t]) and not (t is the first token of a
  sentence-initial run).  Every span of 2..max_word_len tokens with capok for
  all its tokens is a cap candidate ("Đài Loan", "Hai Địa", "Muay Thái"; the
  sentence-initial "Ông" in "Ông Hải" cannot start one).

DP (per run of n syllables, positions 0..n):
  best[0] = 0
  for end in 1..n:
      best[end] = +inf
      for k in min(max_word_len, end) down to 1:
          if span [end-k, end) is a candidate:
              c = best[end-k] + cost(span)
              if c < best[end]: best[end] = c; back[end] = k
  Strict '<' with k descending => on an exact tie the LONGER last word wins.
  Single tokens are always candidates, so best[end] is finite.
  Backtrack from n using back[].
"""
from __future__ import annotations

import math
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MODEL_DIR = os.path.normpath(os.path.join(HERE, "..", "models", "lexicon"))

# tone on 2nd vowel (new style) -> tone on 1st vowel (old style), syllable-final only
TONE_FOLD = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}

DEFAULT_PARAMS = {
    "max_word_len": 4.0,
    "alpha": 0.5,
    "vtb_weight": 0.0,
    "len_penalty": 0.0,
    "unk_penalty": 0.0,
    "name_cost": 1.0,
    "cap_bonus": 0.0,
    "cap_span_cost": 1000.0,
    "split_weight": 0.0,
    "split_prior": 1.0,
}

# A run whose previous token is one of these is sentence-initial (so is a run at index 0).
SENTENCE_OPENERS = {".", "!", "?", "…", "...", "\"", "“", "”"}


def fold_tone(syl: str) -> str:
    """syl: NFC lowercase syllable."""
    if len(syl) >= 2:
        tail = syl[-2:]
        f = TONE_FOLD.get(tail)
        if f is not None:
            if tail[0] == "u" and len(syl) >= 3 and syl[-3] == "q":
                return syl
            return syl[:-2] + f
    return syl


def syl_key(tok: str) -> str:
    return fold_tone(unicodedata.normalize("NFC", tok.lower()))


def word_key(word: str) -> str:
    return " ".join(syl_key(s) for s in word.split())


def is_syllable(tok: str) -> bool:
    return tok.isalpha()


def is_title(tok: str) -> bool:
    return tok[:1].isupper() and (len(tok) == 1 or tok[1:].islower())


def read_counts(path: str) -> dict[str, int]:
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            w, c = line.rstrip("\n").split("\t")
            k = word_key(w)
            out[k] = out.get(k, 0) + int(c)
    return out


def read_params(path: str) -> dict[str, float]:
    p = dict(DEFAULT_PARAMS)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                n, v = line.rstrip("\n").split("\t")[:2]
                p[n] = float(v)
    return p


class Segmenter:
    def __init__(self, model_dir: str = DEFAULT_MODEL_DIR, params: dict | None = None,
                 news: dict | None = None, vtb: dict | None = None, surnames: set | None = None,
                 splits: dict | None = None):
        self.p = read_params(os.path.join(model_dir, "params.tsv"))
        if params:
            self.p.update(params)
        self.maxlen = int(self.p["max_word_len"])
        if news is None:
            news = read_counts(os.path.join(model_dir, "words.tsv"))
        if vtb is None:
            vp = os.path.join(model_dir, "ud-vtb-words.tsv")
            vtb = read_counts(vp) if os.path.exists(vp) else {}
        if surnames is None:
            surnames = set()
            sp = os.path.join(model_dir, "surnames.txt")
            if os.path.exists(sp):
                with open(sp, encoding="utf-8") as f:
                    for line in f:
                        line = line.strip()
                        if line and not line.startswith("#"):
                            surnames.add(syl_key(line))
        self.surnames = surnames
        if splits is None:
            spp = os.path.join(model_dir, "ud-vtb-splits.tsv")
            splits = read_counts(spp) if os.path.exists(spp) else {}
        self.splits = splits
        self.vtb = vtb
        w = self.p["vtb_weight"]
        merged: dict[str, float] = {}
        for k, c in news.items():
            if len(k.split(" ")) <= self.maxlen:
                merged[k] = float(c)
        for k, c in vtb.items():
            if len(k.split(" ")) <= self.maxlen:
                merged[k] = merged.get(k, 0.0) + w * c
        self.build_costs(merged)

    def build_costs(self, merged: dict[str, float]) -> None:
        p = self.p
        alpha = p["alpha"]
        N = sum(merged.values())
        lnN = math.log(N)
        lp = p["len_penalty"]
        self.cost: dict[str, float] = {}
        sw, sp = p["split_weight"], p["split_prior"]
        for k, c in merged.items():
            n = k.count(" ") + 1
            cost = lnN - math.log(c + alpha) + (n - 1) * lp
            if n > 1 and sw:
                cost += sw * math.log((self.splits.get(k, 0) + sp) / (self.vtb.get(k, 0) + sp))
            self.cost[k] = cost
        self.unk_cost = lnN - math.log(alpha) + p["unk_penalty"]
        self.name_cost = p["name_cost"]
        self.cap_bonus = p["cap_bonus"]
        self.cap_span_cost = p["cap_span_cost"]

    def segment(self, tokens: list[str], joinable: list[bool] | None = None) -> list[int]:
        n = len(tokens)
        out: list[int] = []
        i = 0
        while i < n:
            if not is_syllable(tokens[i]):
                out.append(1)
                i += 1
                continue
            j = i + 1
            while j < n and is_syllable(tokens[j]) and (joinable is None or joinable[j - 1]):
                j += 1
            initial = i == 0 or tokens[i - 1] in SENTENCE_OPENERS
            out.extend(self.segment_run(tokens[i:j], initial))
            i = j
        return out

    def segment_run(self, toks: list[str], initial: bool = False) -> list[int]:
        n = len(toks)
        if n == 1:
            return [1]
        keys = [syl_key(t) for t in toks]
        title = [is_title(t) for t in toks]
        maxlen = self.maxlen
        # name candidates: start -> length
        names: dict[int, int] = {}
        for i in range(n):
            if title[i] and keys[i] in self.surnames:
                L = 1
                while i + L < n and title[i + L]:
                    L += 1
                if L >= 2:
                    names[i] = min(L, maxlen)
        # cap-span eligibility: TitleCase and not the first token of a sentence-initial run
        capok = [title[i] and not (i == 0 and initial) for i in range(n)]
        INF = float("inf")
        best = [0.0] + [INF] * n
        back = [0] * (n + 1)
        cost = self.cost
        for end in range(1, n + 1):
            b = INF
            bk = 0
            for k in range(min(maxlen, end), 0, -1):
                s = end - k
                if k == 1:
                    c = cost.get(keys[s], self.unk_cost)
                else:
                    w = " ".join(keys[s:end])
                    c = cost.get(w)
                    if c is not None and self.cap_bonus and all(title[s:end]):
                        c += self.cap_bonus
                    if names.get(s) == k:
                        nc = self.name_cost * k
                        if c is None or nc < c:
                            c = nc
                    elif all(capok[s:end]):
                        nc = self.cap_span_cost
                        if c is None or nc < c:
                            c = nc
                    if c is None:
                        continue
                t = best[s] + c
                if t < b:
                    b = t
                    bk = k
            best[end] = b
            back[end] = bk
        lens: list[int] = []
        e = n
        while e > 0:
            lens.append(back[e])
            e -= back[e]
        lens.reverse()
        return lens


_TOKEN_RE = re.compile(r"\w+(?:[.,'’]\w+)*|\.\.+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Rough stand-in for the Swift ICU tokenizer (testing only): tokens are maximal
    runs of word characters, also across a single . , ' or ’ between word characters
    (like ICU's MidNumLet: "25.000", "TP.HCM" stay one token), a run of 2+ dots ("...",
    one token as in UD VTB), or single other characters;
    joinable[i] is True when exactly one U+0020 separates tokens i and i+1."""
    toks, gaps, last_end = [], [], None
    for m in _TOKEN_RE.finditer(unicodedata.normalize("NFC", text)):
        if toks:
            gaps.append(text[last_end:m.start()] == " ")
        toks.append(m.group(0))
        last_end = m.end()
    return toks, gaps


def segment_text(text: str, seg: "Segmenter | None" = None) -> list[str]:
    """Tokenize + segment; returns words with syllables joined by "_"."""
    seg = seg or Segmenter()
    toks, gaps = tokenize(text)
    out, i = [], 0
    for L in seg.segment(toks, gaps):
        out.append("_".join(toks[i:i + L]))
        i += L
    return out


def segment(syllables: list[str]) -> list[int]:
    """Module-level convenience: segment with the default model."""
    global _DEFAULT
    try:
        seg = _DEFAULT
    except NameError:
        seg = _DEFAULT = Segmenter()
    return seg.segment(syllables)


if __name__ == "__main__":
    # stdin -> stdout, one line per line, words separated by " ", syllables joined by "_"
    # (same output format as `vnmine tokenize --format text`).
    import sys
    s = Segmenter()
    for line in sys.stdin:
        print(" ".join(segment_text(line.rstrip("\n"), s)))
