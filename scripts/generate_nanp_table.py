#!/usr/bin/env python3
"""Derive PortIn's NANP area-code table from Python `phonenumbers` (libphonenumber) metadata.

Writes Sources/PortInCore/Numbers/NANPTable+Data.swift: a compact text table (parsed once at run time
into lookup arrays) saying, for every NPA 200-999, and where libphonenumber is finer, for every NXX
200-999 and every first line digit, which NANP country the number belongs to and its type, or that
libphonenumber considers it invalid.

How: libphonenumber's own algorithm (region = first region of +1 whose leading digits match, or whose
patterns give a type; valid = that region's patterns give a type) is evaluated with its regexes over
all 6.4 million 7-digit prefixes NPA-NXX-D (200-999 x 200-999 x 0-9) at once by scanning one big text
with each pattern, because calling phonenumbers per number takes ~200 us. The result is then
cross-checked against the real phonenumbers API on random full numbers.

Usage: python3 scripts/generate_nanp_table.py   (from the repository root; takes about a minute)
"""
import os
import random
import re
import sys

import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources/PortInCore/Numbers/NANPTable+Data.swift")

REGIONS = list(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])
NPAS = range(200, 1000)
NXXS = range(200, 1000)
LINE = 11  # 10 digits + newline

# libphonenumber's type order in _number_type_helper, mapped to PortIn's closed NumberType set.
# NANP fixed/mobile numbers are all local (rate-centre) numbers, so they are `geographic`.
TYPE_ORDER = [
    ("premium_rate", "p"), ("toll_free", "t"), ("shared_cost", "o"), ("voip", "o"),
    ("personal_number", "s"), ("pager", "o"), ("uan", "o"), ("voicemail", "o"),
]
FIXED, MOBILE = "g", "g"


def prefix_of(i):
    npa = 200 + i // 8000
    nxx = 200 + (i // 10) % 800
    return npa, nxx, i % 10


def build_text(indices):
    parts = []
    for i in indices:
        npa, nxx, d = prefix_of(i)
        parts.append(b"%03d%03d%d000\n" % (npa, nxx, d))
    return b"".join(parts)


def matching_lines(pattern, text):
    rx = re.compile(rb"^(?:" + pattern.encode() + rb")$", re.M)
    return [m.start() // LINE for m in rx.finditer(text)]


def desc_applies(desc):
    if desc is None or desc.national_number_pattern is None:
        return False
    return len(desc.possible_length) == 0 or 10 in desc.possible_length


def types_for_region(meta, indices):
    """libphonenumber type (our letter) for each index, '' when UNKNOWN."""
    text = build_text(indices)
    result = [""] * len(indices)
    general = set(matching_lines(meta.general_desc.national_number_pattern, text))
    assigned = set()
    for attr, letter in TYPE_ORDER:
        desc = getattr(meta, attr)
        if not desc_applies(desc):
            continue
        for j in matching_lines(desc.national_number_pattern, text):
            if j in general and j not in assigned:
                result[j] = letter
                assigned.add(j)
    for attr in ("fixed_line", "mobile"):
        desc = getattr(meta, attr)
        if not desc_applies(desc):
            continue
        for j in matching_lines(desc.national_number_pattern, text):
            if j in general and j not in assigned:
                result[j] = FIXED
                assigned.add(j)
    return result


def classify_all():
    total = len(NPAS) * len(NXXS) * 10
    cls = [None] * total  # (region, letter) or None (invalid)
    unclaimed = list(range(total))
    for region in REGIONS:
        meta = PhoneMetadata.metadata_for_region(region)
        if meta.leading_digits is not None:
            lead = re.compile(meta.leading_digits)
            mine = [i for i in unclaimed if lead.match("%03d%03d%d" % prefix_of(i))]
            types = types_for_region(meta, mine)
            for i, t in zip(mine, types):
                cls[i] = (region, t) if t else None
            claimed = set(mine)
        else:
            types = types_for_region(meta, unclaimed)
            claimed = set()
            for i, t in zip(unclaimed, types):
                if t:
                    cls[i] = (region, t)
                    claimed.add(i)
        unclaimed = [i for i in unclaimed if i not in claimed]
        print(f"  {region}: claimed {len(claimed)}", file=sys.stderr)
    return cls


def cross_check(cls, count=20000, seed=7):
    """The scan must agree with the real phonenumbers API on random full numbers."""
    rng = random.Random(seed)
    bad = 0
    for _ in range(count):
        npa, nxx, line = rng.randrange(200, 1000), rng.randrange(200, 1000), rng.randrange(10000)
        num = phonenumbers.PhoneNumber(country_code=1, national_number=int("%03d%03d%04d" % (npa, nxx, line)))
        valid = phonenumbers.is_valid_number(num)
        c = cls[(npa - 200) * 8000 + (nxx - 200) * 10 + line // 1000]
        if valid != (c is not None):
            bad += 1
        elif valid:
            region = phonenumbers.region_code_for_number(num)
            tf = phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.TOLL_FREE
            if region != c[0] or tf != (c[1] == "t"):
                bad += 1
        if bad:
            sys.exit(f"scan disagrees with phonenumbers at +1{npa}{nxx}{line:04d}: {c}")
    print(f"  cross-check: {count} random numbers agree", file=sys.stderr)


def main():
    print(f"phonenumbers {phonenumbers.__version__}: scanning NANP prefixes", file=sys.stderr)
    cls = classify_all()
    cross_check(cls)

    classes = sorted({c for c in cls if c is not None}, key=lambda c: (REGIONS.index(c[0]), c[1]))
    # One printable character per class; '.' means libphonenumber says invalid, '*' means "finer below".
    alphabet = [chr(c) for c in range(0x21, 0x7F) if chr(c) not in ".*\\\"#"]
    assert len(classes) <= len(alphabet)
    code = {c: alphabet[k] for k, c in enumerate(classes)}
    code[None] = "."

    rows = []
    for npa in NPAS:
        base = (npa - 200) * 8000
        block = cls[base:base + 8000]
        letters = [code[c] for c in block]
        if len(set(letters)) == 1:
            rows.append(f"{npa} {letters[0]}")
            continue
        nxx_row, finer = [], []
        for k, nxx in enumerate(NXXS):
            ds = letters[k * 10:(k + 1) * 10]
            if len(set(ds)) == 1:
                nxx_row.append(ds[0])
            else:
                nxx_row.append("*")
                finer.append(f"{npa}{nxx} {''.join(ds)}")
        rows.append(f"{npa} {''.join(nxx_row)}")
        rows.extend(finer)

    class_line = " ".join(f"{code[c]}{c[0]}{c[1]}" for c in classes)
    lines = [f"V {phonenumbers.__version__}", f"C {class_line}"] + rows
    body = "\n".join(lines)
    swift = (
        "// GENERATED by scripts/generate_nanp_table.py from Python phonenumbers "
        f"{phonenumbers.__version__}. Do not edit; regenerate.\n"
        "// Format (see docs/numbers.md): `V version`, `C` class list (char + region + type letter:\n"
        "// g geographic, t toll_free, p premium, s personal, o other), then one row per NPA 200-999:\n"
        "// `NPA c` (one class for the whole NPA) or `NPA <800 chars>` (class per NXX 200-999, '*' = per\n"
        "// first line digit, given by a following `NPANXX <10 chars>` row). '.' = not valid.\n"
        "extension NANPTable {\n"
        "    static let source = #\"\"\"\n"
        f"{body}\n"
        "\"\"\"#\n"
        "}\n"
    )
    with open(OUT, "w") as f:
        f.write(swift)
    split = sum(1 for r in rows if len(r) > 10 and len(r.split()[0]) == 3)
    print(f"  wrote {OUT}: {len(classes)} classes, {split} NPAs split by NXX, "
          f"{sum(1 for r in rows if len(r.split()[0]) == 6)} NXXs split by line digit, {len(swift)} bytes",
          file=sys.stderr)


if __name__ == "__main__":
    main()
