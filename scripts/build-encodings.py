#!/usr/bin/env python3
"""Build the legacy-encoding tables in models/encodings/ and the test fixture
Tests/VNTextTests/Fixtures/legacy-samples.tsv.

Usage (from the repository root):  python3 scripts/build-encodings.py

Needs python3 (stdlib only) and the system `iconv` command (glibc). The output is
deterministic: same glibc tables in, same bytes out. Every table is checked
against the mojibake samples of ../shared/domain/vietnamese-entities.md §6 before
anything is written; a failed check aborts with a message and writes nothing.

Sources of facts (no code copied):
  * TCVN3 / VN1: glibc iconv charset TCVN5712-1, one byte at a time.
  * VNI-Windows: mark bytes cross-checked between two public tables,
    github.com/myguidingstar-zz/B2Uconverter include/encodings/vni.py and
    github.com/lamdao/xvnkb vni.h; they agree on every byte used here.
  * Windows-1258: Python's cp1258 codec, cross-checked with iconv WINDOWS-1258.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_TCVN3 = REPO / "models/encodings/tcvn3.tsv"
OUT_VNI = REPO / "models/encodings/vni.tsv"
OUT_CP1258 = REPO / "models/encodings/windows-1258.tsv"
OUT_FIXTURE = REPO / "Tests/VNTextTests/Fixtures/legacy-samples.tsv"
REBUILD = "python3 scripts/build-encodings.py"

# Bytes that Windows-1252 leaves undefined; Python's cp1252 raises on them, so the
# "as seen" reading falls back to Latin-1 (a C1 control character), which is what
# browsers and most decoders that do not fail produce.
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def iconv(data: bytes, source: str, target: str) -> bytes:
    result = subprocess.run(
        ["iconv", "-f", source, "-t", target], input=data, capture_output=True
    )
    if result.returncode != 0:
        raise SystemExit(
            f"iconv -f {source} -t {target} failed on {data!r}: "
            f"{result.stderr.decode(errors='replace').strip()}"
        )
    return result.stdout


def seen_as_cp1252(data: bytes) -> str:
    """What a byte string looks like after being decoded as Windows-1252."""
    return "".join(
        bytes([b]).decode("latin-1") if b in CP1252_UNDEFINED else bytes([b]).decode("cp1252")
        for b in data
    )


def codepoints(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def byte_ranges(values: list[int]) -> str:
    """0x80-0x9F style summary of a sorted byte list."""
    parts, start, prev = [], None, None
    for v in values + [None]:
        if start is None:
            start = prev = v
        elif v is not None and v == prev + 1:
            prev = v
        else:
            parts.append(f"0x{start:02X}" if start == prev else f"0x{start:02X}-0x{prev:02X}")
            start = prev = v
    return ", ".join(parts)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"build-encodings: check failed: {message}")


# --------------------------------------------------------------------------- TCVN3

VN3_CAPITALS = set("ĂÂÊÔƠƯĐ")


def tcvn_rows() -> tuple[dict[int, str], list[int], list[int]]:
    """Decode every byte with glibc TCVN5712-1 (= VN1).

    Returns the byte -> NFC text map for bytes whose reading differs from the
    CP1252 reading, plus the bytes in TCVN3 (VN3, the .VnTime/ABC subset) and the
    VN1-only bytes.
    """
    differing: dict[int, str] = {}
    for b in range(256):
        text = nfc(iconv(bytes([b]), "TCVN5712-1", "UTF-8").decode("utf-8"))
        if text != seen_as_cp1252(bytes([b])):
            differing[b] = text
    # VN3 keeps the lower-case letters and seven bare capitals in 0xA1-0xFF; the
    # toned capitals, the combining tone marks 0xB0-0xB4 and everything below
    # 0xA0 exist only in VN1. .VnTime fonts keep the CP1252 punctuation
    # (“ ” ‘ ’ – — … •) at 0x80-0x9F, so mapping those would damage real text.
    vn3, vn1_only = [], []
    for b, text in sorted(differing.items()):
        is_vn3_letter = (
            b >= 0xA1
            and len(text) == 1
            and unicodedata.category(text) in ("Ll", "Lu")
            and (text.islower() or text in VN3_CAPITALS)
        )
        (vn3 if is_vn3_letter else vn1_only).append(b)
    # VN3 has 74 letters (12 vowels x 5 tones + ă â ê ô ơ ư đ + 7 bare capitals);
    # 0xFD ý reads the same in CP1252, so 73 of them differ.
    check(len(vn3) == 73, f"expected 73 differing TCVN3 (VN3) letters, found {len(vn3)}")
    check(nfc(iconv(b"\xfd", "TCVN5712-1", "UTF-8").decode("utf-8")) == "ý", "TCVN3 0xFD must be ý")
    check(differing.get(0xAD) == "ư", "TCVN3 byte 0xAD must be ư")
    return differing, vn3, vn1_only


def tcvn_decoder(differing: dict[int, str], vn3: list[int]):
    table = {seen_as_cp1252(bytes([b])): differing[b] for b in vn3}
    return lambda text: "".join(table.get(c, c) for c in text)


def write_tcvn3(differing: dict[int, str], vn3: list[int], vn1_only: list[int]) -> list[str]:
    active, excluded_c0, vn1_lines = [], [], []
    for b in sorted(differing):
        seen = seen_as_cp1252(bytes([b]))
        line = f"U+{ord(seen):04X}\t{seen}\t{codepoints(differing[b])}\t{differing[b]}"
        if b in vn3:
            active.append((ord(seen), line))
        elif b < 0x20:
            excluded_c0.append(b)
        else:
            vn1_lines.append((ord(seen), "#vn1\t" + line))
    header = [
        "# TCVN3 (ABC, .VnTime fonts) text decoded as Windows-1252 -> Unicode.",
        f"# Generated by {REBUILD}; do not edit by hand.",
        "# Columns: U+XXXX of the character as seen <TAB> that character <TAB>",
        "#          code points of the meant text <TAB> meant text (NFC).",
        "# Source: glibc iconv -f TCVN5712-1 -t UTF-8, one byte at a time, NFC;",
        "# a row exists only where that reading differs from the CP1252 reading.",
        "# CP1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined; for those the seen",
        "# character is the Latin-1 reading (a C1 control, U+0081 ...).",
        "#",
        "# Data rows = TCVN3 proper (VN3 subset, shared with VN1), 73 bytes:",
        f"#   {byte_ranges(vn3)}",
        "#   lower-case Vietnamese letters plus the bare capitals Ă Â Ê Ô Ơ Ư Đ;",
        "#   the 74th VN3 letter, 0xFD ý, reads as ý in CP1252 too, so has no row.",
        "# Note 0xAD: TCVN3 ư is seen as U+00AD SOFT HYPHEN (invisible; \"Th\\u00ADîng\"",
        "# = Thượng). Decode before any cleanup that drops U+00AD.",
        "#",
        "# VN1-only bytes (TCVN 5712:1993 VN1 toned capitals and combining marks) are",
        "# listed below as '#vn1' comment lines, not data: .VnTime/ABC fonts never",
        "# used them; in real TCVN3 documents 0x80-0x9F are the CP1252 quotes, dashes",
        "# and ellipsis, so applying them by default would corrupt “ ” – —.",
        f"#   VN1-only, 0x80-0xFF: {byte_ranges([b for b in vn1_only if b >= 0x80])}",
        f"#   VN1-only, C0 controls (omitted entirely, they would put raw control",
        f"#   characters into this file): {byte_ranges(excluded_c0)}",
        "# TCVN3 has no toned capitals: upper-case text was typed in the separate",
        "# .VnTimeH fonts using the lower-case codes, so case cannot be recovered.",
    ]
    lines = header + [l for _, l in sorted(active)]
    lines += ["#", "# VN1-only rows (opt-in, not TCVN3):"] + [l for _, l in sorted(vn1_lines)]
    return lines


# ----------------------------------------------------------------------------- VNI

# VNI-Windows mark bytes as seen in CP1252. Each tuple lists the marks for
# (acute, grave, hook above, tilde, dot below). Lower-case letters take the
# lower-case mark bytes (0xE0-0xFC), capitals the upper-case ones (0xC0-0xDC).
TONES = ("sac", "huyen", "hoi", "nga", "nang")
TONE_COMBINING = {"sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
VNI_MARKS = {
    "lower": {
        "tone": dict(zip(TONES, "ùøûõï")),
        "circumflex": "â",
        "circumflex+tone": dict(zip(TONES, "áàåãä")),
        "breve": "ê",
        "breve+tone": dict(zip(TONES, "éèúüë")),
    },
    "upper": {
        "tone": dict(zip(TONES, "ÙØÛÕÏ")),
        "circumflex": "Â",
        "circumflex+tone": dict(zip(TONES, "ÁÀÅÃÄ")),
        "breve": "Ê",
        "breve+tone": dict(zip(TONES, "ÉÈÚÜË")),
    },
}
# Single bytes that are a whole letter (VNI writes i with tones, ỵ, ơ, ư, đ this way).
VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "ò": "ị", "æ": "ỉ", "ó": "ĩ", "í": "í", "ì": "ì", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Ò": "Ị", "Æ": "Ỉ", "Ó": "Ĩ", "Í": "Í", "Ì": "Ì", "Î": "Ỵ",
}
VNI_NO_MARK = "NONE"


def vni_rules() -> dict[tuple[str, str], str]:
    """(base as seen, mark as seen or NONE) -> NFC result."""
    rules: dict[tuple[str, str], str] = {}

    def add(base: str, mark: str, result: str) -> None:
        key = (base, mark)
        check(rules.get(key, result) == result, f"conflicting VNI rule {key}")
        rules[key] = nfc(result)

    for case in ("lower", "upper"):
        cased = str.lower if case == "lower" else str.upper
        marks = VNI_MARKS[case]
        # base as seen -> meant base letter
        bases = {cased(v): cased(v) for v in "aeiouy"}
        bases[cased("ô")] = cased("ơ")
        bases[cased("ö")] = cased("ư")
        for seen, letter in bases.items():
            for tone in TONES:
                add(seen, marks["tone"][tone], letter + TONE_COMBINING[tone])
        for seen in (cased("a"), cased("e"), cased("o")):
            add(seen, marks["circumflex"], seen + "\u0302")
            for tone in TONES:
                add(seen, marks["circumflex+tone"][tone], seen + "\u0302" + TONE_COMBINING[tone])
        add(cased("a"), marks["breve"], cased("a") + "\u0306")
        for tone in TONES:
            add(cased("a"), marks["breve+tone"][tone], cased("a") + "\u0306" + TONE_COMBINING[tone])
    # Lower-case mark bytes after a capital base: noted as "seen in use" by
    # B2Uconverter; the result keeps the case of the base.
    for (base, mark), result in list(rules.items()):
        if base.islower() and (base.upper(), mark) not in rules:
            add(base.upper(), mark, result.upper())
    for seen, result in VNI_SINGLE.items():
        add(seen, VNI_NO_MARK, result)
    return rules


def vni_decoder(rules: dict[tuple[str, str], str]):
    def decode(text: str) -> str:
        out, i = [], 0
        while i < len(text):
            pair = (text[i], text[i + 1]) if i + 1 < len(text) else None
            if pair in rules:
                out.append(rules[pair])
                i += 2
            else:
                out.append(rules.get((text[i], VNI_NO_MARK), text[i]))
                i += 1
        return nfc("".join(out))

    return decode


def vni_encoder(rules: dict[tuple[str, str], str]):
    """Unicode -> VNI as seen in CP1252, preferring single bytes and case-matched marks."""
    table: dict[str, str] = {}
    for (base, mark), result in sorted(rules.items()):
        if mark == VNI_NO_MARK:
            table[result] = base
    for (base, mark), result in sorted(rules.items()):
        if mark == VNI_NO_MARK or result in table:
            continue
        if base.isupper() != mark.isupper():
            continue  # mixed-case rules are for decoding only
        table[result] = base + mark
    # í and ì are single bytes in VNI; the base+mark forms are decode-only.
    return lambda text: "".join(table.get(c, c) for c in nfc(text))


def write_vni(rules: dict[tuple[str, str], str]) -> list[str]:
    header = [
        "# VNI-Windows text decoded as Windows-1252 -> Unicode, as composition rules.",
        f"# Generated by {REBUILD}; do not edit by hand.",
        "# Columns: base as seen <TAB> mark byte as seen (CP1252) <TAB> result (NFC).",
        f"# A mark column of {VNI_NO_MARK} means the base byte alone is a whole letter",
        "# (ô ơ, ö ư, ñ đ, ò ị, æ ỉ, ó ĩ, í í, ì ì, î ỵ and capitals); it never",
        "# stands for a literal mark. Key = (base, mark); a base repeats across rows.",
        "# Decode: at each position try (char, next char) as a rule, else",
        "# (char, NONE), else keep the char. Then NFC.",
        "# VNI writes ơ/ư as single bytes ô/ö that take the tone marks themselves",
        "# (\"Thöôïng töôùng\" = Thượng tướng); â ê ô ă are a/e/o + one mark byte that",
        "# also carries the tone. Capitals use mark bytes 0xC0-0xDC (\"VIEÄT NAM\",",
        "# \"COÂNG AN\", \"ÑAÏI UÙY\"), lower case 0xE0-0xFC.",
        "# Marks (lower/upper): acute ù/Ù grave ø/Ø hook û/Û tilde õ/Õ dot ï/Ï;",
        "#   circumflex â/Â, +acute á/Á +grave à/À +hook å/Å +tilde ã/Ã +dot ä/Ä;",
        "#   breve ê/Ê, +acute é/É +grave è/È +hook ú/Ú +tilde ü/Ü +dot ë/Ë.",
        "# Decode-only rows: i/I/y/Y + tone marks (VNI normally uses the single",
        "# bytes í ì æ ó ò / î for these) and capital base + lower-case mark",
        "# (\"seen in use\" per B2Uconverter); the fixture encoder never emits them.",
        "# Sources (facts only, no code): github.com/myguidingstar-zz/B2Uconverter",
        "#   include/encodings/vni.py (after vnisoft.com/english/vnichar.htm) and",
        "#   github.com/lamdao/xvnkb vni.h; both agree on every byte listed here.",
        "#   Not included: B2Uconverter's unconfirmed extra bytes (0xFF, 0x9F for Ỵ/ỵ).",
    ]
    rows = [f"{b}\t{m}\t{r}" for (b, m), r in sorted(rules.items())]
    return header + rows


# -------------------------------------------------------------------- Windows-1258

def write_cp1258() -> list[str]:
    header = [
        "# Windows-1258 (Vietnamese) bytes 0x80-0xFF -> Unicode.",
        f"# Generated by {REBUILD}; do not edit by hand.",
        "# Columns: byte <TAB> code point or 'undefined' <TAB> character ('-' if",
        "#          undefined). Bytes 0x00-0x7F are ASCII.",
        "# Source: Python's cp1258 codec; cross-checked byte by byte against glibc",
        "# iconv -f WINDOWS-1258.",
        "# CP1258 writes toned vowels as base letter + combining tone mark:",
        "#   0xCC U+0300 grave, 0xD2 U+0309 hook above, 0xDE U+0303 tilde,",
        "#   0xEC U+0301 acute, 0xF2 U+0323 dot below.",
        "# Decode byte by byte, then NFC-compose (\"Vi\\xEA\\xF2t\" -> Việt). The",
        "# combining marks below are single code points shown bare.",
    ]
    rows = []
    for b in range(0x80, 0x100):
        try:
            char = bytes([b]).decode("cp1258")
        except UnicodeDecodeError:
            rows.append(f"0x{b:02X}\tundefined\t-")
            continue
        via_iconv = iconv(bytes([b]), "WINDOWS-1258", "UTF-8").decode("utf-8")
        check(via_iconv == char, f"cp1258 0x{b:02X}: Python {char!r} vs iconv {via_iconv!r}")
        rows.append(f"0x{b:02X}\tU+{ord(char):04X}\t{char}")
    for b, mark in ((0xCC, "\u0300"), (0xD2, "\u0309"), (0xDE, "\u0303"), (0xEC, "\u0301"), (0xF2, "\u0323")):
        check(bytes([b]).decode("cp1258") == mark, f"cp1258 0x{b:02X} should be U+{ord(mark):04X}")
    return header + rows


# ------------------------------------------------------------------------ fixture

# Real government and police vocabulary. TCVN3 phrases keep the spelling a
# .VnTime typist could produce: no toned capitals, so "Uỷ ban" (tone on y).
TCVN3_PHRASES = [
    "Bộ Công an",
    "Bộ trưởng Bộ Công an",
    "Chỉ thị",
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Công an tỉnh Nghệ An",
    "Cục Cảnh sát hình sự",
    "Đại úy",
    "Độc lập - Tự do - Hạnh phúc",
    "Giám đốc Công an thành phố Hà Nội",
    "Nghị định số 30/2020/NĐ-CP",
    "Quyết định",
    "Thượng tướng",
    "Thủ tướng Chính phủ",
    "Trung ương Đảng",
    "Uỷ ban nhân dân",
    "Uỷ viên Bộ Chính trị",
    # upper case that VN3 can spell: only bare capitals Ă Â Ê Ô Ơ Ư Đ
    "CÔNG AN NHÂN DÂN",
    "TRUNG ƯƠNG",
]
# Typed in .VnTimeH (upper-case glyphs on the lower-case codes): the bytes are
# those of the lower-case text, so the decoded text is lower case.
TCVN3_CASE_LOST = [
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "QUYẾT ĐỊNH",
]
UNICODE_PHRASES = [
    "Bộ Công an",
    "Chỉ thị",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Công an tỉnh Nghệ An",
    "Cục Cảnh sát hình sự",
    "Đại úy",
    "Độc lập - Tự do - Hạnh phúc",
    "Giám đốc Công an thành phố Hà Nội",
    "Nghị định số 30/2020/NĐ-CP",
    "Quyết định",
    "Thượng tướng",
    "Thủ tướng Chính phủ",
    "Ủy ban nhân dân",
    "Ủy viên Bộ Chính trị",
    "Trung ương Đảng",
]
VNI_UPPER = [
    "BỘ CÔNG AN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐẠI ÚY",
    "QUYẾT ĐỊNH",
    "ỦY BAN NHÂN DÂN",
    "VIỆT NAM",
]
CP1258_UPPER = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "QUYẾT ĐỊNH",
]

# Samples quoted in ../shared/domain/vietnamese-entities.md §6 and the task brief.
TCVN3_SAMPLES = {
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam": "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Uû ban nh©n d©n": "Uỷ ban nhân dân",
    "Bé C«ng an": "Bộ Công an",
    "QuyÕt ®Þnh": "Quyết định",
    "Th\u00ADîng": "Thượng",
}
VNI_SAMPLES = {
    "Boä Coâng an": "Bộ Công an",
    "Thöôïng töôùng": "Thượng tướng",
    "Ñaïi uùy": "Đại úy",
    "Vieät Nam": "Việt Nam",
    "Chæ thò": "Chỉ thị",
    "VIEÄT NAM": "VIỆT NAM",
    "COÂNG AN": "CÔNG AN",
    "ÑAÏI UÙY": "ĐẠI ÚY",
}


def fixture_lines(differing, vn3, rules) -> list[str]:
    tcvn_decode = tcvn_decoder(differing, vn3)
    vni_decode, vni_encode = vni_decoder(rules), vni_encoder(rules)
    vn3_bytes = set(vn3)
    rows: list[str] = []

    for phrase in TCVN3_PHRASES + [p.lower() for p in TCVN3_CASE_LOST]:
        phrase = nfc(phrase)
        encoded = iconv(phrase.encode("utf-8"), "UTF-8", "TCVN5712-1")
        outside = [f"0x{b:02X}" for b in encoded if b >= 0x80 and b not in vn3_bytes]
        check(not outside, f"{phrase!r} needs VN1-only bytes {outside}")
        check(all(b >= 0x20 or b in (0x09,) for b in encoded), f"{phrase!r} uses C0 bytes")
        mojibake = seen_as_cp1252(encoded)
        check(tcvn_decode(mojibake) == phrase, f"TCVN3 round trip of {phrase!r}")
        rows.append(f"tcvn3\t{mojibake}\t{phrase}")
    check(any("\u00AD" in r for r in rows), "fixture needs a TCVN3 soft-hyphen ư line")

    for phrase in UNICODE_PHRASES + VNI_UPPER:
        phrase = nfc(phrase)
        mojibake = vni_encode(phrase)
        check(vni_decode(mojibake) == phrase, f"VNI round trip of {phrase!r}: {mojibake!r}")
        mojibake.encode("cp1252")  # every VNI byte must be a real CP1252 character
        rows.append(f"vni\t{mojibake}\t{phrase}")

    for phrase in UNICODE_PHRASES + CP1258_UPPER:
        phrase = nfc(phrase)
        encoded = iconv(phrase.encode("utf-8"), "UTF-8", "WINDOWS-1258")
        check(nfc(encoded.decode("cp1258")) == phrase, f"cp1258 round trip of {phrase!r}")
        rows.append(f"windows-1258\t{encoded.decode('cp1252')}\t{phrase}")

    for mojibake, expected in TCVN3_SAMPLES.items():
        check(tcvn_decode(mojibake) == nfc(expected), f"TCVN3 sample {mojibake!r} -> {tcvn_decode(mojibake)!r}")
    for mojibake, expected in VNI_SAMPLES.items():
        check(vni_decode(mojibake) == nfc(expected), f"VNI sample {mojibake!r} -> {vni_decode(mojibake)!r}")
        check(vni_encode(expected) == mojibake, f"VNI encoder disagrees with sample {mojibake!r}")

    case_lost = ", ".join(p.lower() for p in TCVN3_CASE_LOST)
    header = [
        "# Legacy-encoding mojibake samples for the VNText decoders.",
        f"# Generated by {REBUILD}; do not edit by hand.",
        "# Columns: encoding (tcvn3 | vni | windows-1258) <TAB> mojibake <TAB> expected (NFC).",
        "# Mojibake = the expected text ENCODED with an independent encoder, then the",
        "# bytes decoded as Windows-1252 (undefined bytes as Latin-1):",
        "#   tcvn3:        glibc iconv -t TCVN5712-1, only VN3 (.VnTime) bytes allowed;",
        "#   vni:          the project's VNI encoder (models/encodings/vni.tsv facts),",
        "#                 also checked against VNI samples seen in real data;",
        "#   windows-1258: glibc iconv -t WINDOWS-1258 (base letter + combining tone),",
        "#                 so the decoder must NFC-compose.",
        "# TCVN3 spelling follows what a .VnTime typist could type: no toned capitals,",
        "# hence \"Uỷ ban\"/\"Uỷ viên\"; \"Thượng tướng\" and \"Trung ương\" carry the",
        "# invisible U+00AD soft hyphen that TCVN3 uses for ư.",
        "# Case recovery impossible in TCVN3: upper-case headings were typed in .VnTimeH",
        "# fonts on the lower-case codes; those lines expect lower case:",
        f"#   {case_lost}",
        "# TCVN3 upper-case lines kept are those VN3 can spell with its bare capitals",
        "# (CÔNG AN NHÂN DÂN, TRUNG ƯƠNG). VNI and Windows-1258 keep case.",
    ]
    return header + sorted(set(rows))


# --------------------------------------------------------------------------- main

def write(path: Path, lines: list[str]) -> None:
    for n, line in enumerate(lines, 1):
        check(nfc(line) == line, f"{path.name}:{n}: not NFC")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"wrote {path.relative_to(REPO)} ({sum(not l.startswith('#') for l in lines)} rows)")


def main() -> None:
    differing, vn3, vn1_only = tcvn_rows()
    rules = vni_rules()
    outputs = {
        OUT_TCVN3: write_tcvn3(differing, vn3, vn1_only),
        OUT_VNI: write_vni(rules),
        OUT_CP1258: write_cp1258(),
        OUT_FIXTURE: fixture_lines(differing, vn3, rules),
    }
    for path, lines in outputs.items():
        data = [l for l in lines if not l.startswith("#")]
        check(data == sorted(data), f"{path.name}: rows not sorted")
        check(len(data) == len(set(data)), f"{path.name}: duplicate rows")
        write(path, lines)


if __name__ == "__main__":
    sys.exit(main())
