#!/usr/bin/python3
"""Runs scorecard over a corpus of real workbooks (../shared/corpus layout).

    corpus_sweep.py --bin build-asan/converter/scorecard --corpus ../shared/corpus

- xlsx/: `doctor --rewrite` must copy every entry byte for byte (compressed
  bytes, method and CRC); `inspect` and `refresh` must end cleanly (exit 0 or
  1, never a signal or a sanitizer report), and a file with no scorecard gets
  "no scorecard found" and no output.
- xlsx-broken/: `doctor` and `refresh` must exit 1 with a message naming the
  file, write nothing, and stay within 20 s.
Prints one line per failing file, then `N passed, M failed`.
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ooxml_raw import raw_entries  # noqa: E402


def run(argv, timeout):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', '', ''


def clean_end(rc, err):
    return rc in (0, 1) and 'Sanitizer' not in err and 'runtime error' not in err


def check_good(binary, path, work):
    problems = []
    name = os.path.basename(path)
    out = os.path.join(work, 'rewrite.xlsx')
    rc, so, se = run([binary, 'doctor', path, '--rewrite', out], 120)
    if not clean_end(rc, se):
        problems.append(f'doctor ended with {rc}: {se.strip()[-200:]}')
    elif not os.path.exists(out):
        problems.append('doctor --rewrite wrote nothing')
    elif raw_entries(path) != raw_entries(out):
        problems.append('rewritten entries are not byte-identical')
    rc, so, se = run([binary, 'inspect', path], 120)
    if not clean_end(rc, se):
        problems.append(f'inspect ended with {rc}: {se.strip()[-200:]}')
    refreshed = os.path.join(work, 'refreshed.xlsx')
    rc, so, se = run([binary, 'refresh', path, '-o', refreshed], 120)
    if not clean_end(rc, se):
        problems.append(f'refresh ended with {rc}: {se.strip()[-200:]}')
    elif rc == 1 and os.path.exists(refreshed):
        problems.append('refresh failed but wrote an output')
    elif rc == 1 and name not in se:
        problems.append(f'the message does not name the file: {se.strip()[:120]}')
    for f in (out, refreshed):
        if os.path.exists(f):
            os.remove(f)
    return problems


def check_broken(binary, path, work):
    problems = []
    name = os.path.basename(path)
    for command in (['doctor', path], ['refresh', path, '-o', os.path.join(work, 'out.xlsx')]):
        rc, so, se = run([binary] + command, 20)
        if rc != 1:
            problems.append(f'{command[0]} exited {rc}, expected 1')
        if 'Sanitizer' in se or 'runtime error' in se:
            problems.append(f'{command[0]}: sanitizer report')
        if name not in se:
            problems.append(f'{command[0]}: the message does not name the file')
    if os.listdir(work):
        problems.append(f'files left behind: {os.listdir(work)}')
        for f in os.listdir(work):
            os.remove(os.path.join(work, f))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', required=True)
    args = ap.parse_args()
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory(prefix='scorecard_sweep_') as work:
        for folder, check in (('xlsx', check_good), ('xlsx-broken', check_broken)):
            base = os.path.join(args.corpus, folder)
            for name in sorted(os.listdir(base)):
                problems = check(args.bin, os.path.join(base, name), work)
                if problems:
                    failed += 1
                    print(f'FAIL {folder}/{name}: ' + '; '.join(problems))
                else:
                    passed += 1
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
