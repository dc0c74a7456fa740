#!/usr/bin/env python3
"""Write a FIXED sample of ~20,000 NANP inputs with Python phonenumbers' verdict on each to
Tests/PortInCoreTests/Fixtures/nanp-libphonenumber-sample.tsv (seeded, so reruns give the same inputs;
the verdicts change only when phonenumbers' metadata does). PortInCore's tests compare every line.

Columns: input, valid (1/0), toll_free (1/0), region (libphonenumber's region, '-' when invalid).
Usage: python3 scripts/generate_nanp_sample.py   (from the repository root)
"""
import os
import random

import phonenumbers
from phonenumbers import PhoneNumberType
from phonenumbers.phonemetadata import PhoneMetadata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/PortInCoreTests/Fixtures/nanp-libphonenumber-sample.tsv")
rng = random.Random(20240601)


def verdict(text):
    try:
        num = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return 0, 0, "-"
    valid = phonenumbers.is_valid_number(num)
    if not valid:
        return 0, 0, "-"
    toll_free = phonenumbers.number_type(num) == PhoneNumberType.TOLL_FREE
    return 1, int(toll_free), phonenumbers.region_code_for_number(num)


def region_of_npa(npa):
    num = phonenumbers.PhoneNumber(country_code=1, national_number=int(f"{npa}5552671"))
    return phonenumbers.region_code_for_number(num) if phonenumbers.is_valid_number(num) else None


NPA_REGION = {npa: region_of_npa(npa) for npa in range(200, 1000)}
IN_SERVICE = [npa for npa, r in NPA_REGION.items() if r]
NON_US = [npa for npa in IN_SERVICE if NPA_REGION[npa] != "US"]
for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1]:
    lead = PhoneMetadata.metadata_for_region(region).leading_digits
    if lead:  # Caribbean NPAs whose exchanges libphonenumber lists one by one
        NON_US += [npa for npa in range(200, 1000) if __import__("re").match(lead, str(npa))]

FORMATS = [
    "({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "{a}{b}{c}", "1-{a}-{b}-{c}", "1{a}{b}{c}",
    "+1 {a} {b} {c}", "+1{a}{b}{c}", "+1 ({a}) {b}-{c}", "1 ({a}) {b} {c}", "tel:+1{a}{b}{c}",
]


def typed(npa, nxx, line):
    return rng.choice(FORMATS).format(a=f"{npa:03d}", b=f"{nxx:03d}", c=f"{line:04d}")


def rnd(lo, hi):
    return rng.randrange(lo, hi + 1)


samples = []
add = samples.append
for _ in range(7000):  # the whole NPA/NXX space
    add(typed(rnd(200, 999), rnd(200, 999), rnd(0, 9999)))
for _ in range(4000):  # in-service area codes
    add(typed(rng.choice(IN_SERVICE), rnd(200, 999), rnd(0, 9999)))
for _ in range(2500):  # Canada and the Caribbean/Pacific members
    add(typed(rng.choice(NON_US), rnd(200, 999), rnd(0, 9999)))
for _ in range(1500):  # toll-free and its reserved neighbours
    add(typed(rng.choice([800, 833, 844, 855, 866, 877, 888, 822, 880, 881, 887, 889]), rnd(200, 999), rnd(0, 9999)))
for _ in range(400):
    add(typed(900, rnd(200, 999), rnd(0, 9999)))
for _ in range(600):  # personal-communication and other 5XX/6XX/7XX service codes
    add(typed(rng.choice([500, 521, 522, 523, 524, 525, 526, 527, 528, 529, 533, 544, 566, 577, 588, 600, 622, 633, 700, 710]),
              rnd(200, 999), rnd(0, 9999)))
for _ in range(1000):  # N11 exchanges
    add(typed(rng.choice(IN_SERVICE), rnd(2, 9) * 100 + 11, rnd(0, 9999)))
for _ in range(1000):  # 555: the fictional block and the rest
    add(typed(rng.choice(IN_SERVICE), 555, rnd(100, 199) if rng.random() < 0.7 else rnd(0, 9999)))
for _ in range(800):  # area code or exchange starting with 0/1, incl. the Dominican Republic
    npa = rng.choice([rnd(0, 199), 809, 829, 849, rng.choice(IN_SERVICE)])
    add(typed(npa, rnd(0, 199) if npa >= 200 else rnd(200, 999), rnd(0, 9999)))
for _ in range(300):  # N9X area codes
    add(typed(rnd(2, 9) * 100 + 90 + rnd(0, 9), rnd(200, 999), rnd(0, 9999)))
for _ in range(400):  # wrong lengths
    digits = "".join(str(rnd(0, 9)) for _ in range(rng.choice([7, 8, 9, 12])))
    add(rng.choice(["", "+1 "]) + digits)
for npa in (246, 345, 242, 876, 809):  # line-digit and exchange-level exceptions
    for _ in range(100):
        add(typed(npa, rng.choice([521, 522, 976, 300, 606, 140, 100]) if npa != 876 else 606, rnd(0, 9999)))

with open(OUT, "w") as f:
    f.write(f"# phonenumbers {phonenumbers.__version__}: input\tvalid\ttoll_free\tregion\n")
    for text in samples:
        valid, toll_free, region = verdict(text)
        f.write(f"{text}\t{valid}\t{toll_free}\t{region}\n")
print(f"wrote {OUT}: {len(samples)} lines")
