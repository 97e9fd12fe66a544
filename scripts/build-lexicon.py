#!/usr/bin/env python3
"""Build the vnmine word-segmentation lexicon (python3, stdlib only, deterministic).

Usage (from the repo root):
    python3 scripts/build-lexicon.py            # writes models/lexicon/*
    python3 scripts/build-lexicon.py --data ../shared/data --out models/lexicon

Outputs (all UTF-8, NFC, "\\n" line ends, header lines start with "#"):
  words.tsv        word<TAB>count, sorted by Python str order, unique keys.
  ud-vtb-words.tsv word<TAB>count from UD VTB train+dev gold words (CC BY-SA 4.0).
  ud-vtb-splits.tsv word<TAB>count: for multi-syllable words of words.tsv or
                   ud-vtb-words.tsv, how often UD VTB train+dev gold does NOT
                   treat their contiguous syllables as one word (CC BY-SA 4.0).
  surnames.txt     one surname per line (Title case), sorted.
  params.tsv       name<TAB>value, the segmenter constants (PARAMS below).

WORD LIST (words.tsv)
  Sources: underthesea Viet74K.txt (Apache-2.0) and pyvi words.txt (MIT) from
  ../shared/data/lexicon (NOT the GPL uvd lists).  Each entry is lowercased,
  NFC-normalised, whitespace-collapsed, tone-folded with segmenter_reference.
  word_key (tone of a syllable-final open "oa/oe/uy" on the first vowel:
  "hoà" -> "hòa"; entries that differ only in tone placement merge).  Kept
  only if every character is a Latin letter (a-z, đ and Vietnamese vowels with
  diacritics) or a single space, and it has 1..4 syllables (the segmenter never
  forms longer words; hyphenated entries are dropped because the tokenizer
  splits at hyphens).  Added as single syllables: every syllable of a kept
  entry, and every all-letter lowercase token seen >= MIN_SYLLABLE_COUNT times
  in the news text (foreign names, loan words) so unigram costs exist.

COUNTS (news, ../shared/data/baomoi-news/baomoi.jsonl.gz, title + text)
  Tokenisation mimics the Swift side: a *run* is a maximal sequence of
  all-letter tokens separated by exactly one space and not glued to digits
  or other word characters (regex RUN_RE).  Counting is DP based with one
  hard-EM iteration:
    pass 1: overlapping occurrence count of every entry (every n-gram of
            1..4 syllables inside a run whose key is an entry);
    pass 2: each run is segmented by segmenter_reference.Segmenter using the
            pass-1 counts and COUNT_PARAMS (plain unigram costs, name rule on,
            no VTB statistics, no capitalised-span rule) and the resulting
            words are counted.  words.tsv gets the pass-2 counts.
  Multi-syllable entries with pass-2 count < MIN_MULTI_COUNT are dropped
  (MIN_MULTI_COUNT = 0: every entry is kept, count may be 0; a zero-count
  entry still makes its syllable sequence a candidate with cost
  ln N - ln alpha; keeping them scored slightly better on VTB dev and the
  file stays under 2 MB).

UD VTB (ud-vtb-words.tsv)
  FORMs of vi_vtb-ud-train.conllu and vi_vtb-ud-dev.conllu (never test),
  LBKT/RBKT -> "(" / ")", keyed with word_key; only words whose syllables are
  all letters and that have 1..4 syllables are kept (the segmenter cannot
  produce the others).  Count = gold frequency.

SURNAMES (surnames.txt)
  vn-fullname-generator first.name (all 18) plus every surname (first
  syllable of the last_name field) carried by >= SURNAME_MIN_PEOPLE people in
  duyet-namedb uit_member.json.  MIT.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import segmenter_reference as sr  # noqa: E402

MIN_SYLLABLE_COUNT = 3
MIN_MULTI_COUNT = 0
SURNAME_MIN_PEOPLE = 5
# Family names the domain reference lists (../shared/domain/vietnamese-entities.md §3: Lò, Vừ, Lầu, Thào, Kim,
# Hà …) and other well-attested Vietnamese family names that are too rare in the student sample to pass
# SURNAME_MIN_PEOPLE (Chử, Thiệu, Khúc, Doãn …). Hand-written. Words that are mostly something else in running
# text (Ông, Phó, Đường, Viên, Văn) are left out on purpose: a surname starts a person-name candidate.
EXTRA_SURNAMES = [
    "Bế", "Chử", "Cù", "Cầm", "Doãn", "Giáp", "Giàng", "Hà", "Hàn", "Hầu", "Khuất", "Khúc", "Khương", "Khổng",
    "Kim", "Kiều", "Lò", "Lâm", "Lầu", "Lục", "Lường", "Mã", "Mạc", "Mẫn", "Nghiêm", "Ninh", "Nhữ", "Sùng",
    "Sầm", "Thào", "Thân", "Thiều", "Thiệu", "Tiêu", "Ung", "Uông", "Vi", "Vừ", "Đới",
]
MAX_WORD_LEN = 4

# Segmenter constants written to params.tsv (tuned on UD VTB dev, with VTB statistics
# from train only; the shipped statistics use train + dev).
PARAMS = collections.OrderedDict([
    ("max_word_len", 4),
    ("alpha", 0.5),
    ("vtb_weight", 1000),
    ("len_penalty", 1.5),
    ("unk_penalty", 0.0),
    ("name_cost", 1.0),
    ("cap_bonus", 0.0),
    ("cap_span_cost", 10.0),
    ("split_weight", 8.0),
    ("split_prior", 1.0),
])

# Parameters of the pass-2 counting segmentation (fixed, independent of PARAMS so that
# retuning the segmenter does not change words.tsv): plain unigram DP + name rule.
COUNT_PARAMS = {"max_word_len": 4, "alpha": 0.5, "vtb_weight": 0.0, "len_penalty": 0.0,
                "unk_penalty": 0.0, "name_cost": 1.0, "cap_bonus": 0.0,
                "cap_span_cost": 1000.0, "split_weight": 0.0, "split_prior": 1.0}

RUN_RE = re.compile(r"(?<!\w)[^\W\d_]+(?: [^\W\d_]+)*(?!\w)")


def is_viet_letter(ch: str) -> bool:
    if "a" <= ch <= "z" or ch == "đ":
        return True
    if ch.isascii() or not ch.isalpha():
        return False
    base = unicodedata.normalize("NFD", ch)[0]
    return "a" <= base <= "z"


def clean_entry(raw: str) -> str | None:
    w = " ".join(unicodedata.normalize("NFC", raw.strip().lower()).split())
    if not w:
        return None
    if any(not (ch == " " or is_viet_letter(ch)) for ch in w):
        return None
    if w.count(" ") + 1 > MAX_WORD_LEN:
        return None
    return sr.word_key(w)


def load_lexicon(data: str) -> set[str]:
    entries: set[str] = set()
    for rel in ("lexicon/underthesea/Viet74K.txt", "lexicon/pyvi/words.txt"):
        with open(os.path.join(data, rel), encoding="utf-8") as f:
            for line in f:
                k = clean_entry(line)
                if k:
                    entries.add(k)
    return entries


def load_surnames(data: str, syllables: set[str]) -> list[str]:
    """Surnames: the common list, the student sample's (>= SURNAME_MIN_PEOPLE people) and EXTRA_SURNAMES.
    Only names written with the letters of Vietnamese (those of the dictionary entries): the sample holds
    legacy-encoded mojibake (`Buøi`)."""
    names: set[str] = set(unicodedata.normalize("NFC", s) for s in EXTRA_SURNAMES)
    with open(os.path.join(data, "names/vn-fullname-generator/first.name"), encoding="utf-8") as f:
        for line in f:
            s = unicodedata.normalize("NFC", line.strip())
            if s:
                names.add(s)
    with open(os.path.join(data, "names/duyet-namedb/uit_member.json"), encoding="utf-8") as f:
        people = json.load(f)
    cnt: collections.Counter = collections.Counter()
    for p in people:
        ln = unicodedata.normalize("NFC", (p.get("last_name") or "").strip())
        if ln:
            cnt[ln.split()[0]] += 1
    for s, c in cnt.items():
        if c >= SURNAME_MIN_PEOPLE and s.isalpha():
            names.add(s[:1].upper() + s[1:].lower())
    letters = {c for syl in syllables for c in syl}
    return sorted(n for n in names if all(c in letters for c in n.lower()))


def news_runs(data: str):
    """Yield runs (lists of original-case syllable tokens) from the news text."""
    path = os.path.join(data, "baomoi-news/baomoi.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for part in (d.get("title") or "", d.get("text") or ""):
                for m in RUN_RE.finditer(part):
                    yield m.group(0).split(" ")


def count_news(data: str, entries: set[str], surnames: list[str], log) -> dict[str, int]:
    keycache: dict[str, str] = {}

    def keys_of(toks):
        out = []
        for t in toks:
            k = keycache.get(t)
            if k is None:
                k = keycache[t] = sr.syl_key(t)
            out.append(k)
        return out

    # syllable vocabulary from news
    syl_count: collections.Counter = collections.Counter()
    pass1: collections.Counter = collections.Counter()
    prefixes: set[str] = set()
    for e in entries:
        parts = e.split(" ")
        for i in range(1, len(parts)):
            prefixes.add(" ".join(parts[:i]))
    log("pass 1: overlapping counts")
    nruns = 0
    for toks in news_runs(data):
        nruns += 1
        ks = keys_of(toks)
        n = len(ks)
        for i in range(n):
            w = ks[i]
            syl_count[w] += 1
            for j in range(i + 1, min(n, i + MAX_WORD_LEN)):
                if w not in prefixes:
                    break
                w = w + " " + ks[j]
                if w in entries:
                    pass1[w] += 1
    log(f"  runs={nruns} syllable types={len(syl_count)}")
    for k, c in syl_count.items():
        if k in entries or (c >= MIN_SYLLABLE_COUNT and all(is_viet_letter(ch) for ch in k)):
            entries.add(k)
            pass1[k] = c
    counts1 = {k: pass1.get(k, 0) for k in entries}
    seg = sr.Segmenter(params=COUNT_PARAMS, news=counts1, vtb={}, splits={},
                       surnames={sr.syl_key(s) for s in surnames})
    log("pass 2: DP segmentation counts")
    pass2: collections.Counter = collections.Counter()
    for toks in news_runs(data):
        ks = keys_of(toks)
        i = 0
        for L in seg.segment_run(toks):
            w = ks[i] if L == 1 else " ".join(ks[i:i + L])
            pass2[w] += 1
            i += L
    return counts1, {k: pass2.get(k, 0) for k in entries}


def read_vtb(data: str, splits=("train", "dev")) -> list[list[str]]:
    """Sentences (lists of FORMs, LBKT/RBKT -> brackets) of the given UD VTB splits."""
    sents: list[list[str]] = []
    for split in splits:
        path = os.path.join(data, f"ud-vietnamese-vtb/vi_vtb-ud-{split}.conllu")
        cur: list[str] = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    if cur:
                        sents.append(cur)
                    cur = []
                    continue
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or not cols[0].isdigit():
                    continue
                cur.append({"LBKT": "(", "RBKT": ")"}.get(cols[1], cols[1]))
        if cur:
            sents.append(cur)
    return sents


def vtb_word_counts(sents: list[list[str]]) -> dict[str, int]:
    cnt: collections.Counter = collections.Counter()
    for forms in sents:
        for form in forms:
            sy = form.split()
            if not sy or len(sy) > MAX_WORD_LEN or not all(s.isalpha() for s in sy):
                continue
            cnt[sr.word_key(form)] += 1
    return dict(cnt)


def vtb_split_counts(sents: list[list[str]], lexicon: set[str]) -> dict[str, int]:
    """For each multi-syllable key in `lexicon`: how often its syllables occur contiguously
    in the gold text without being exactly one gold word."""
    cnt: collections.Counter = collections.Counter()
    for forms in sents:
        toks: list[str] = []
        bounds = {0}
        for form in forms:
            toks.extend(form.split())
            bounds.add(len(toks))
        keys = [sr.syl_key(t) if t.isalpha() else None for t in toks]
        n = len(keys)
        for i in range(n):
            if keys[i] is None:
                continue
            w = keys[i]
            for j in range(i + 1, min(n, i + MAX_WORD_LEN)):
                if keys[j] is None:
                    break
                w = w + " " + keys[j]
                if w in lexicon:
                    whole = i in bounds and (j + 1) in bounds and not any(
                        b in bounds for b in range(i + 1, j + 1))
                    if not whole:
                        cnt[w] += 1
    return dict(cnt)


def write_counts(path: str, header: list[str], counts: dict[str, int]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for k in sorted(counts):
            f.write(f"{k}\t{counts[k]}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "models", "lexicon"))
    ap.add_argument("--skip-news", action="store_true",
                    help="only rebuild surnames/params/ud-vtb-words (keep words.tsv)")
    ap.add_argument("--dump-counts", metavar="JSON",
                    help="also write pass-1 and pass-2 counts of all entries (for tuning)")
    args = ap.parse_args()
    data, out = os.path.normpath(args.data), os.path.normpath(args.out)
    os.makedirs(out, exist_ok=True)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    # Real syllables: those of the dictionary entries (Viet74K, pyvi), whatever words.tsv keeps.
    surnames = load_surnames(data, {syl for e in load_lexicon(data) for syl in e.split(" ")})
    with open(os.path.join(out, "surnames.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Vietnamese surnames for the segmenter name rule. Built by scripts/build-lexicon.py\n")
        f.write("# from vn-fullname-generator 0.0.2 first.name and duyet/vietnamese-namedb uit_member.json\n")
        f.write(f"# (surnames of >= {SURNAME_MIN_PEOPLE} people; MIT), plus a hand-written list of well-attested family\n")
        f.write("# names (EXTRA_SURNAMES in the script); only Vietnamese letters (drops legacy-encoded mojibake).\n")
        for s in surnames:
            f.write(s + "\n")
    log(f"surnames: {len(surnames)}")

    with open(os.path.join(out, "params.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Segmenter constants (see scripts/segmenter_reference.py). Built by scripts/build-lexicon.py\n")
        for k, v in sorted(PARAMS.items()):
            f.write(f"{k}\t{v}\n")

    vtb_sents = read_vtb(data)
    vtb = vtb_word_counts(vtb_sents)
    write_counts(os.path.join(out, "ud-vtb-words.tsv"), [
        "Word counts from the gold word segmentation of UD Vietnamese VTB, train + dev splits only",
        "(UniversalDependencies/UD_Vietnamese-VTB @ e8fa54835582fb5d0c767f19f0992675726fa084).",
        "licence: CC BY-SA 4.0",
        "Attribution: Nguyễn Thị Lương, Hà Mỹ Linh, Lê Hồng Phương, Nguyễn Thị Minh Huyền;",
        "Nguyen et al. (2009), \"Building a Large Syntactically-Annotated Corpus of Vietnamese\",",
        "LAW III @ ACL-IJCNLP 2009. Derived data: ShareAlike applies if redistributed.",
        "Format: word<TAB>count; word lowercase NFC, syllables separated by one space.",
        "Built by scripts/build-lexicon.py",
    ], vtb)
    log(f"ud-vtb words: {len(vtb)}")

    words_path = os.path.join(out, "words.tsv")
    if args.skip_news:
        counts = sr.read_counts(words_path)
    else:
        counts = build_words(data, surnames, words_path, args.dump_counts, log)

    lex = {k for k in counts if " " in k} | {k for k in vtb if " " in k}
    splits = vtb_split_counts(vtb_sents, lex)
    write_counts(os.path.join(out, "ud-vtb-splits.tsv"), [
        "Split counts from UD Vietnamese VTB gold, train + dev splits only: for each multi-syllable",
        "word of words.tsv / ud-vtb-words.tsv, how often its syllables occur contiguously in the",
        "gold text without forming exactly one gold word (only words with count > 0 listed).",
        "(UniversalDependencies/UD_Vietnamese-VTB @ e8fa54835582fb5d0c767f19f0992675726fa084).",
        "licence: CC BY-SA 4.0",
        "Attribution: Nguyễn Thị Lương, Hà Mỹ Linh, Lê Hồng Phương, Nguyễn Thị Minh Huyền;",
        "Nguyen et al. (2009), \"Building a Large Syntactically-Annotated Corpus of Vietnamese\",",
        "LAW III @ ACL-IJCNLP 2009. Derived data: ShareAlike applies if redistributed.",
        "Format: word<TAB>count. Built by scripts/build-lexicon.py",
    ], splits)
    log(f"ud-vtb splits: {len(splits)}")


def build_words(data, surnames, words_path, dump_counts, log) -> dict[str, int]:
    entries = load_lexicon(data)
    log(f"lexicon entries: {len(entries)}")
    counts1, counts = count_news(data, entries, surnames, log)
    if dump_counts:
        with open(dump_counts, "w", encoding="utf-8") as f:
            json.dump({"pass1": counts1, "pass2": counts}, f, ensure_ascii=False, sort_keys=True)
    counts = {k: c for k, c in counts.items() if " " not in k or c >= MIN_MULTI_COUNT}
    write_counts(words_path, [
        "Vietnamese word list with news frequencies. Built by scripts/build-lexicon.py",
        "Words: underthesea 9.5.0 Viet74K.txt (Apache-2.0) + pyvi 0.1.1 words.txt (MIT),",
        "lowercase NFC, tone-folded (hòa not hoà), 1-4 syllables, letters only;",
        f"plus single syllables seen >= {MIN_SYLLABLE_COUNT} times in the news text.",
        "Counts: DP segmentation counts over baomoi-news (magizbox/scraper @ 3387ada6) title+text;",
        f"multi-syllable words with count < {MIN_MULTI_COUNT} dropped (0 = none dropped).",
        "Format: word<TAB>count",
    ], counts)
    log(f"words.tsv entries: {len(counts)}")
    return counts


if __name__ == "__main__":
    main()
