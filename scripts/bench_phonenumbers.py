#!/usr/bin/env python3
"""Baseline for `portin-bench numbers`: classify every line of a file with Python phonenumbers
(parse with default region US + is_valid_number + number_type) and report the loop's own time as JSON.

Usage: python3 scripts/bench_phonenumbers.py NUMBERS_FILE
"""
import json
import sys
import time

try:
    import phonenumbers
except ImportError:
    print("phonenumbers is not installed (pip install phonenumbers)", file=sys.stderr)
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()

parse, is_valid, number_type = phonenumbers.parse, phonenumbers.is_valid_number, phonenumbers.number_type
Error = phonenumbers.NumberParseException
valid = 0
start = time.perf_counter()
for text in lines:
    try:
        num = parse(text, "US")
    except Error:
        continue
    if is_valid(num):
        valid += 1
    number_type(num)
elapsed = time.perf_counter() - start
print(json.dumps({"count": len(lines), "seconds": elapsed, "valid": valid, "version": phonenumbers.__version__}))
