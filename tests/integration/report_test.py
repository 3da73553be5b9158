#!/usr/bin/python3
"""End-to-end tests of `report`, `export`, `import` and `new-year`.

    report_test.py --bin build/converter/scorecard --sample samples/plymouth-june-2015.xlsx

Checks the Plymouth report's facts where the seed is right, escaping of cell
text in HTML, the DOCX through LibreOffice Writer to PDF, the HTML through
headless Chromium to a non-blank screenshot, export through a CSV reader,
import then export, and new-year then refresh. Prints `N passed, M failed`.
"""
import argparse
import csv
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import openpyxl

MINUS = '\u2212'


def run(argv, timeout=120):
    p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced PNG."""
    data = open(path, 'rb').read()
    pos, idat, width = 8, b'', 0
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            channels = {2: 3, 6: 4}[colour]
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_report_facts(binary, sample, work):
    out = os.path.join(work, 'plymouth.html')
    rc, so, se = run([binary, 'report', sample, '-o', out])
    if rc != 0:
        return [f'report exited {rc}: {se[:200]}']
    html = open(out, encoding='utf-8').read()
    problems = []
    for fact in [f'reduction of 7% ({MINUS}186)', '2,527, against 2,713', '525, against 629',
                 'AREA OF SIGNIFICANT CONCERN (outside 15% of target)', 'on course to achieve the target of 10,064',
                 '<svg']:
        if fact not in html:
            problems.append(f'the report does not say {fact!r}')
    if html.index('Increase referrals') > html.index('Reduce Anti-social'):
        problems.append('Red items do not come before Amber ones')
    md = os.path.join(work, 'plymouth.md')
    rc, so, se = run([binary, 'report', sample, '--format', 'md', '-o', md])
    if rc != 0 or f'reduction of 7% ({MINUS}186)' not in open(md, encoding='utf-8').read():
        problems.append('the Markdown report lacks the ASB sentence')
    return problems


def check_escaping(binary, work):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet <b>'
    ws.append(['Measure', 'Last year', 'Actual', 'Target', 'RAG'])
    ws.append(['<script>alert(1)</script> Reduce thefts & "damage"', 100, 90, 95])
    path = os.path.join(work, 'script.xlsx')
    wb.save(path)
    out = os.path.join(work, 'script.html')
    rc, so, se = run([binary, 'report', path, '-o', out])
    if rc != 0:
        return [f'report exited {rc}: {se[:200]}']
    html = open(out, encoding='utf-8').read()
    problems = []
    if '<script>' in html or '<b>' in html:
        problems.append('cell text reached the HTML unescaped')
    if '&lt;script&gt;alert(1)&lt;/script&gt; Reduce thefts &amp; &quot;damage&quot;' not in html:
        problems.append('the measure name is not shown escaped')
    return problems


def check_docx(binary, sample, work):
    out = os.path.join(work, 'plymouth.docx')
    rc, so, se = run([binary, 'report', sample, '--format', 'docx', '-o', out])
    if rc != 0:
        return [f'report exited {rc}: {se[:200]}']
    soffice = shutil.which('soffice')
    if not soffice:
        return ['LibreOffice is not installed']
    profile = tempfile.mkdtemp(prefix='lo_profile_')
    subprocess.run([soffice, f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', 'pdf',
                    '--outdir', work, out], capture_output=True, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    pdf = os.path.join(work, 'plymouth.pdf')
    if not os.path.exists(pdf):
        return ['LibreOffice Writer could not convert the DOCX to PDF']
    text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout
    problems = []
    for fact in ['Exception items', 'AREA OF SIGNIFICANT CONCERN', '525, against 629', 'All measures']:
        if fact not in text:
            problems.append(f'the PDF does not show {fact!r}')
    media = [n for n in __import__('zipfile').ZipFile(out).namelist() if n.startswith('word/media/')]
    if len(media) < 2:
        problems.append('the DOCX has no chart images')
    return problems


def check_chromium(binary, sample, work):
    html = os.path.join(work, 'plymouth.html')
    if not os.path.exists(html):
        run([binary, 'report', sample, '-o', html])
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if not chromium:
        return ['Chromium is not installed']
    shot = os.path.join(work, 'shot.png')
    profile = tempfile.mkdtemp(prefix='chromium_')
    subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                    '--disable-background-networking', '--disable-component-update', '--disable-sync',
                    f'--user-data-dir={profile}', f'--screenshot={shot}', '--window-size=1000,1400',
                    'file://' + html], capture_output=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    if not os.path.exists(shot):
        return ['Chromium made no screenshot']
    width, height, channels, rows = png_pixels(shot)
    dark = red = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r + g + b < 300:
                dark += 1
            if (r, g, b) == (0xFF, 0xC7, 0xCE):
                red += 1
    problems = []
    if dark < 2000:
        problems.append(f'the screenshot is (almost) blank: {dark} dark pixels')
    if red < 50:
        problems.append('no Red status colour in the screenshot')
    return problems


def export_rows(binary, path):
    rc, so, se = run([binary, 'export', path])
    if rc != 0:
        raise RuntimeError(f'export exited {rc}: {se[:200]}')
    return list(csv.DictReader(io.StringIO(so)))


def check_export(binary, sample, work):
    rows = export_rows(binary, sample)
    problems = []
    asb = [r for r in rows if r['measure'].startswith('Reduce Anti-social') and r['period'] == 'Jun']
    if len(asb) != 1 or float(asb[0]['cumulative']) != 2527 or asb[0]['rag'] != 'Amber':
        problems.append(f'ASB June reads back as {asb}')
    future = [r for r in rows if r['measure'].startswith('Reduce Anti-social') and r['period'] == 'Jul']
    if future and (future[0]['cumulative'] or future[0]['percent_difference']):
        problems.append('a future month has figures in the export')
    rc, so, se = run([binary, 'export', sample, '--format', 'json'])
    if rc != 0 or not so.startswith('['):
        problems.append('JSON export failed')
    return problems


def check_import(binary, sample, work):
    figures = os.path.join(work, 'figures.csv')
    with open(figures, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['measure', 'period', 'value'])
        w.writerow(['Reduce Anti-social Behaviour incidents', '2015-07', '901'])
        w.writerow(['reduce anti-social behaviour', 'Aug 2015', '870'])
        w.writerow(['Increase referrals to Domestic Abuse Services', 'Q2', '640'])
    out = os.path.join(work, 'imported.xlsx')
    rc, so, se = run([binary, 'import', figures, sample, '-o', out])
    if rc != 0:
        return [f'import exited {rc}: {se[:300]}']
    rows = export_rows(binary, out)
    problems = []
    got = {(r['measure'][:20], r['period']): r['actual'] for r in rows}
    for key, want in ((('Reduce Anti-social B', 'Jul'), '901'), (('Reduce Anti-social B', 'Aug'), '870'),
                      (('Increase referrals t', 'Q2'), '640')):
        if got.get(key) != want:
            problems.append(f'{key} exports as {got.get(key)!r}, imported {want}')
    with open(figures, 'a', newline='') as f:
        w = csv.writer(f)
        w.writerow(['Reduce burglary', 'Jun', '5'])
        w.writerow(['Reduce Anti-social Behaviour incidents', '2017-06', '5'])
        w.writerow(['Reduce Anti-social Behaviour incidents', 'Jun', 'lots'])
    bad_out = os.path.join(work, 'bad-import.xlsx')
    rc, so, se = run([binary, 'import', figures, sample, '-o', bad_out])
    if rc != 1 or os.path.exists(bad_out):
        problems.append('a file with bad lines was imported')
    for line in ('line 5', 'line 6', 'line 7'):
        if line not in se:
            problems.append(f'the errors do not name {line}')
    rc, so, se = run([binary, 'import', figures, sample, '-o', bad_out, '--skip-bad-lines'])
    if rc != 0 or not os.path.exists(bad_out):
        problems.append('--skip-bad-lines did not import the good lines')
    return problems


def check_new_year(binary, sample, work):
    out = os.path.join(work, 'new-year.xlsx')
    rc, so, se = run([binary, 'new-year', sample, '-o', out])
    if rc != 0:
        return [f'new-year exited {rc}: {se[:300]}']
    ws = openpyxl.load_workbook(out, data_only=True)['Performance']
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    problems = []
    if 'Actual 2016 - 2017' not in labels or 'Cum Actuals 16/17' not in labels or 'Cum Actuals 15/16' not in labels:
        problems.append(f'labels did not move on: {labels[:25]}')
    row_this = labels.index('Actual 2016 - 2017') + 1 if 'Actual 2016 - 2017' in labels else None
    if row_this and any(ws.cell(row_this, c).value is not None for c in range(5, 17)):
        problems.append("this year's actuals are not blank")
    row_last = labels.index('Actual 2015 - 2016') + 1 if 'Actual 2015 - 2016' in labels else None
    if not row_last or [ws.cell(row_last, c).value for c in range(5, 8)] != [556, 572, 504]:
        problems.append("last year's actuals are not this year's old figures")
    refreshed = os.path.join(work, 'new-year-refreshed.xlsx')
    rc, so, se = run([binary, 'refresh', out, '-o', refreshed])
    if rc != 0:
        problems.append(f'refresh after new-year exited {rc}')
    rc, so, se = run([binary, 'inspect', out])
    if 'was set for 2015/16, but this year is 2016/17' not in so:
        problems.append('inspect does not report the targets still set for last year')
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--sample', required=True)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix='scorecard_report_')
    passed, failed = 0, 0
    checks = [('report facts', lambda: check_report_facts(args.bin, args.sample, work)),
              ('escaping', lambda: check_escaping(args.bin, work)),
              ('docx to pdf', lambda: check_docx(args.bin, args.sample, work)),
              ('chromium screenshot', lambda: check_chromium(args.bin, args.sample, work)),
              ('export', lambda: check_export(args.bin, args.sample, work)),
              ('import', lambda: check_import(args.bin, args.sample, work)),
              ('new-year', lambda: check_new_year(args.bin, args.sample, work))]
    for name, check in checks:
        try:
            problems = check()
        except Exception as e:  # noqa: BLE001 - a crash of a check is a failure of it
            problems = [f'{type(e).__name__}: {e}']
        if problems:
            failed += 1
            print(f'FAIL {name}: ' + '; '.join(problems))
        else:
            passed += 1
    shutil.rmtree(work, ignore_errors=True)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
