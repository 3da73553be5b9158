#!/usr/bin/python3
"""End-to-end tests of `scorecard` with real clients.

    run_end_to_end.py --bin build/converter/scorecard --probe build/tests/xlsx_edit_probe --data tests/data

1. Workbooks made by openpyxl (cases.py) are refreshed; the output must hold
   the expected cells (openpyxl and LibreOffice both read them), keep every
   other cell, and a second refresh must change nothing.
2. Zip variants Python's zipfile writes (stored entries, data descriptors,
   zip64) survive `doctor --rewrite` with every entry's bytes unchanged.
3. Each corpus workbook in tests/data/corpus is edited through the engine
   (numbers, a string, a percentage format, a conditional format); the output
   opens in openpyxl and LibreOffice with the edited values.
4. A scorecard sheet is added (by Python, not the engine) to each corpus
   workbook; after a refresh every other part of the package is unchanged.
5. Bad inputs (§5) get a message naming the file, a non-zero exit and no output.

Needs Debian's python3-openpyxl and LibreOffice. Prints `N passed, M failed`.
"""
import argparse
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from ooxml_raw import raw_entries  # noqa: E402
import cases  # noqa: E402
import inject  # noqa: E402

LO_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
LO_XLSX = 'xlsx:Calc MS Excel 2007 XML'


class Results:
    def __init__(self):
        self.passed, self.failed = 0, []

    def check(self, name, problems):
        if problems:
            self.failed.append(name)
            print(f'FAIL {name}: ' + '; '.join(problems[:5]) + (f' (+{len(problems) - 5} more)' if len(problems) > 5 else ''))
        else:
            self.passed += 1


def run(argv, timeout=120):
    p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def sha(path):
    return hashlib.sha256(open(path, 'rb').read()).hexdigest()


def close(a, b):
    return abs(a - b) <= max(1e-9, 1e-6 * max(abs(a), abs(b)))


def same(got, want):
    if want is None:
        return got is None or (isinstance(got, str) and not got.strip())
    if isinstance(want, str):
        return isinstance(got, str) and got.strip().casefold() == want.casefold()
    return isinstance(got, (int, float)) and not isinstance(got, bool) and close(got, want)


def libreoffice_csv(files, outdir):
    """Converts every file to one CSV per sheet in a single soffice run."""
    return libreoffice_convert(files, outdir, LO_CSV)


def libreoffice_convert(files, outdir, target):
    """Converts every file with one soffice run; returns a problem, or None."""
    os.makedirs(outdir, exist_ok=True)
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        return 'LibreOffice (soffice) is not installed'
    profile = tempfile.mkdtemp(prefix='lo_profile_')
    try:
        subprocess.run([soffice, f'-env:UserInstallation=file://{profile}', '--headless', '--norestore',
                        '--convert-to', target, '--outdir', outdir] + files,
                       capture_output=True, timeout=900, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return None


def csv_cell(csvdir, stem, sheet, ref):
    path = os.path.join(csvdir, f'{stem}-{sheet}.csv')
    if not os.path.isfile(path):
        return 'missing'
    with open(path, newline='', encoding='utf-8', errors='replace') as f:
        grid = list(csv.reader(f))
    m = re.match(r'([A-Z]+)(\d+)', ref)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    r = int(m.group(2))
    text = grid[r - 1][c - 1].strip() if r <= len(grid) and c <= len(grid[r - 1]) else ''
    if text == '':
        return None
    try:
        return float(text[:-1]) / 100 if text.endswith('%') else float(text)
    except ValueError:
        return text


# ---------------------------------------------------------------- 1. generated cases

def check_case(case, binary, work, lo_jobs, src=None, tag=''):
    """Refreshes the case's workbook (saved by openpyxl, or `src` when given) and checks the output."""
    problems = []
    if src is None:
        src = os.path.join(work, case.name + '.xlsx')
        case.wb.save(src)
    out = os.path.join(work, 'out', case.name + tag + '.xlsx')
    h = sha(src)
    rc, so, se = run([binary, 'refresh', src, '-o', out])
    if rc != 0:
        return [f'refresh exited {rc}: {se.strip()[:200]}']
    if sha(src) != h:
        problems.append('the input was modified')
    rc, so, se = run([binary, 'inspect', src, '--json'])
    for m in case.measures:
        if m.lower() not in so.lower():
            problems.append(f'inspect does not mention {m!r}')
    values = openpyxl.load_workbook(out, data_only=True)
    formulas = openpyxl.load_workbook(out)
    original = openpyxl.load_workbook(src)
    for sheet, cells in case.expect.items():
        for ref, want in cells.items():
            got = values[sheet][ref].value
            if not same(got, want):
                problems.append(f'{sheet}!{ref} is {got!r}, expected {want!r}')
    for sheet, refs in case.percent.items():
        for ref in refs:
            if '%' not in formulas[sheet][ref].number_format:
                problems.append(f'{sheet}!{ref} has format {formulas[sheet][ref].number_format!r}, not a percentage')
    for sheet, cells in case.formulas.items():
        for ref, text in cells.items():
            if formulas[sheet][ref].value != text:
                problems.append(f'{sheet}!{ref} formula became {formulas[sheet][ref].value!r}')
    checked = {(s, r) for s, cells in case.expect.items() for r in cells}
    status_rows = set()
    for ws in original.worksheets:
        for row in ws.iter_rows():
            for c in row:
                label = str(ws.cell(c.row, 1).value or '').strip().lower()
                if (ws.title, c.coordinate) in checked or label in ('rag', 'dot', 'status'):
                    continue
                got = formulas[ws.title][c.coordinate]
                if got.value != c.value and not same(got.value, c.value):
                    problems.append(f'{ws.title}!{c.coordinate} changed from {c.value!r} to {got.value!r}')
                if got.font.b != c.font.b or got.fill.fgColor.rgb != c.fill.fgColor.rgb:
                    problems.append(f'{ws.title}!{c.coordinate} lost its style')
        if ws.merged_cells.ranges and set(map(str, ws.merged_cells.ranges)) != set(map(str, formulas[ws.title].merged_cells.ranges)):
            problems.append(f'{ws.title}: merged cells changed')
    # A second refresh of the output changes nothing.
    again = os.path.join(work, 'out', case.name + tag + '.again.xlsx')
    rc, so, se = run([binary, 'refresh', out, '-o', again, '--dry-run'])
    if rc != 0 or ' 0 cells would change' not in so:
        problems.append(f'a second refresh would change cells: {so.strip()[-300:]}')
    lo_jobs.append((out, case))
    return problems


def check_lo_case(csvdir, out, case):
    problems = []
    stem = os.path.splitext(os.path.basename(out))[0]
    for sheet, cells in case.expect.items():
        for ref, want in cells.items():
            got = csv_cell(csvdir, stem, sheet, ref)
            if got == 'missing':
                return [f'LibreOffice produced no CSV for sheet {sheet}']
            if not same(got, want):
                problems.append(f'LibreOffice reads {sheet}!{ref} as {got!r}, expected {want!r}')
    return problems


# ---------------------------------------------------------------- 2. zip variants

class Unseekable(io.RawIOBase):
    """A write-only stream without tell/seek, so zipfile writes data descriptors."""
    def __init__(self, f):
        self.f = f

    def writable(self):
        return True

    def write(self, b):
        return self.f.write(b)


def zip_variants(work, sample):
    entries = [(i, zipfile.ZipFile(sample).read(i.filename)) for i in zipfile.ZipFile(sample).infolist()]
    out = {}
    path = os.path.join(work, 'stored.xlsx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        for info, data in entries:
            z.writestr(info.filename, data)
    out['stored'] = path
    path = os.path.join(work, 'descriptors.xlsx')
    with open(path, 'wb') as f, zipfile.ZipFile(Unseekable(f), 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info.filename, data)
    out['data descriptors'] = path
    path = os.path.join(work, 'zip64.xlsx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            with z.open(info.filename, 'w', force_zip64=True) as w:
                w.write(data)
    out['zip64'] = path
    path = os.path.join(work, 'upper-case.xlsx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:  # entry names in another case than the relationships use
            z.writestr(info.filename.upper() if 'worksheets/' in info.filename else info.filename, data)
    out['upper-case names'] = path
    return out


# ---------------------------------------------------------------- 5. bad inputs

def bad_inputs(work, sample):
    data = open(sample, 'rb').read()
    bad = {}

    def put(name, content):
        p = os.path.join(work, 'bad', name)
        with open(p, 'wb') as f:
            f.write(content)
        bad[name] = p
    put('not-a-zip.xlsx', b'Name,Value\nA,1\n')
    put('truncated.xlsx', data[:len(data) // 2])
    put('old-excel.xls.xlsx', bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 504)

    def variant(name, change):
        src = zipfile.ZipFile(sample)
        p = os.path.join(work, 'bad', name)
        with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED) as z:
            for info in src.infolist():
                content = change(info.filename, src.read(info.filename))
                if content is not None:
                    z.writestr(info.filename, content)
        bad[name] = p
    variant('doctype.xlsx', lambda n, d: d.replace(b'<worksheet', b'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1)
            if n.endswith('sheet1.xml') else d)
    variant('missing-sheet.xlsx', lambda n, d: None if n.endswith('sheet1.xml') else d)
    variant('malformed-sheet.xlsx', lambda n, d: d.replace(b'</sheetData>', b'</sheetDat>') if n.endswith('sheet1.xml') else d)
    variant('absurd-row.xlsx', lambda n, d: re.sub(rb'<row r="2"', b'<row r="99999999"', d, count=1)
            if n.endswith('sheet1.xml') else d)
    bomb = os.path.join(work, 'bad', 'bomb.xlsx')
    src = zipfile.ZipFile(sample)
    with zipfile.ZipFile(bomb, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.endswith('sheet1.xml'):
                content = content.replace(b'</sheetData>', b'</sheetData>' + b' ' * (300 << 20), 1)
            z.writestr(info.filename, content)
    bad['bomb.xlsx'] = bomb
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--probe', required=True)
    ap.add_argument('--data', required=True)
    ap.add_argument('--keep')
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix='scorecard_e2e_')
    for d in ('out', 'bad', 'csv', 'corpus', 'inject'):
        os.makedirs(os.path.join(work, d), exist_ok=True)
    results = Results()
    lo_jobs = []

    all_cases = cases.all_cases()
    for case in all_cases:
        results.check(case.name, check_case(case, args.bin, work, lo_jobs))
    # The same workbooks as LibreOffice writes them: another producer's package.
    lo_dir = os.path.join(work, 'lo')
    missing = libreoffice_convert([os.path.join(work, c.name + '.xlsx') for c in all_cases], lo_dir, LO_XLSX)
    for case in all_cases:
        resaved = os.path.join(lo_dir, case.name + '.xlsx')
        problems = [missing] if missing else ([] if os.path.exists(resaved) else ['LibreOffice did not re-save it'])
        if not problems:
            problems = check_case(case, args.bin, work, lo_jobs, src=resaved, tag='.lo')
        results.check(case.name + ' (LibreOffice-made)', problems)

    sample = os.path.join(work, 'e2e_month_block.xlsx')
    for label, path in zip_variants(work, sample).items():
        out = path + '.rewritten.xlsx'
        rc, so, se = run([args.bin, 'doctor', path, '--rewrite', out])
        problems = [] if rc == 0 else [f'doctor exited {rc}: {se.strip()[:200]}']
        if rc == 0 and [(n, t, c, b) for n, t, c, b in raw_entries(path)] != raw_entries(out):
            problems.append('entries were not copied byte for byte')
        rc, so, se = run([args.bin, 'refresh', path, '-o', path + '.refreshed.xlsx'])
        if rc != 0:
            problems.append(f'refresh exited {rc}: {se.strip()[:200]}')
        results.check(f'zip {label}', problems)

    corpus = sorted(os.path.join(args.data, 'corpus', f) for f in os.listdir(os.path.join(args.data, 'corpus')))
    probe_outputs = []
    for path in corpus:
        name = os.path.basename(path)
        out = os.path.join(work, 'corpus', name)
        rc, so, se = run([args.probe, path, out])
        problems = [] if rc == 0 else [f'edit exited {rc}: {se.strip()[:200]}']
        if rc == 0:
            probe_outputs.append(out)
            if inject.opens_in_openpyxl(path) and not inject.opens_in_openpyxl(out):
                problems.append('openpyxl opens the original but not the edited file')
        results.check(f'edit {name}', problems)

    injected = []
    for path in corpus:
        name = os.path.basename(path)
        problems, made = inject.check_injected(args.bin, path, os.path.join(work, 'inject'))
        if made:
            injected.append(made)
        results.check(f'inject {name}', problems)

    for name, path in bad_inputs(work, sample).items():
        out = os.path.join(work, 'bad', 'out-' + name)
        with open(out, 'wb') as f:
            f.write(b'previous output')
        rc, so, se = run([args.bin, 'refresh', path, '-o', out], timeout=60)
        problems = []
        if rc != 1:
            problems.append(f'exit status {rc}, expected 1')
        if name not in se:
            problems.append(f'the message does not name the file: {se.strip()[:150]!r}')
        if open(out, 'rb').read() != b'previous output':
            problems.append('the existing output was replaced')
        left = [f for f in os.listdir(os.path.join(work, 'bad')) if f.startswith('.')]
        if left:
            problems.append(f'temporary files left: {left}')
        results.check(f'bad input {name}', problems)

    # LibreOffice reads every output: one run for all of them.
    files = [o for o, _ in lo_jobs] + probe_outputs + [m['output'] for m in injected]
    csvdir = os.path.join(work, 'csv')
    missing = libreoffice_csv(files, csvdir)
    for out, case in lo_jobs:
        results.check(f'LibreOffice {os.path.basename(out)}', [missing] if missing else check_lo_case(csvdir, out, case))
    lo_opens = set(open(os.path.join(args.data, 'LIBREOFFICE_OPENS.txt')).read().split())
    for out in probe_outputs:
        stem = os.path.splitext(os.path.basename(out))[0]
        problems = []
        if missing:
            problems.append(missing)
        elif os.path.basename(out) in lo_opens and not any(f.startswith(stem) for f in os.listdir(csvdir)):
            problems.append('LibreOffice opens the original but could not open the edited file')
        elif os.path.basename(out) in lo_opens:
            texts = ''.join(open(os.path.join(csvdir, f), encoding='utf-8', errors='replace').read()
                            for f in os.listdir(csvdir) if f.startswith(stem))
            if 'Amber & <Red>' not in texts or '1234.5' not in texts:
                problems.append('LibreOffice does not show the edited cells')
        results.check(f'LibreOffice edit {os.path.basename(out)}', problems)
    for m in injected:
        results.check(f'LibreOffice inject {os.path.basename(m["output"])}',
                      [missing] if missing else inject.check_lo(csvdir, m, csv_cell))

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f'{results.passed} passed, {len(results.failed)} failed')
    return 0 if not results.failed else 1


if __name__ == '__main__':
    sys.exit(main())
