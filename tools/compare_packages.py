#!/usr/bin/python3
"""Compare two zip packages entry by entry.

    compare_packages.py IN.xlsx OUT.xlsx [--raw] [--allow NAME ...]

Prints one line per difference and exits 1 when any is found. With --raw the
compressed bytes, method and CRC must be identical (an entry copied, not
recompressed); otherwise the uncompressed bytes are compared. Entries named
with --allow may differ (they are expected edits).
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml_raw import raw_entries  # noqa: E402


def main(argv):
    raw = '--raw' in argv
    allow = set()
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == '--allow':
            allow.add(argv[i + 1]); i += 2; continue
        if argv[i] != '--raw':
            args.append(argv[i])
        i += 1
    a, b = zipfile.ZipFile(args[0]), zipfile.ZipFile(args[1])
    problems = []
    raw_a = {n: rest for n, *rest in raw_entries(args[0])}
    raw_b = {n: rest for n, *rest in raw_entries(args[1])}
    names_a = [n for n in a.namelist()]
    names_b = [n for n in b.namelist()]
    if [n for n in names_a if n not in allow] != [n for n in names_b if n not in allow and n in names_a]:
        problems.append(f'entry order or names differ: {names_a} vs {names_b}')
    for info in a.infolist():
        if info.filename in allow:
            continue
        try:
            other = b.getinfo(info.filename)
        except KeyError:
            problems.append(f'{info.filename}: missing from output')
            continue
        if raw:
            if raw_a[info.filename] != raw_b[other.filename]:
                problems.append(f'{info.filename}: compressed bytes differ')
        elif a.read(info.filename) != b.read(info.filename):
            problems.append(f'{info.filename}: content differs')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
