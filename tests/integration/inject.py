"""Adds a scorecard sheet to a real workbook with plain zip and text edits
(not through the engine), refreshes it, and checks that every other part of
the package is unchanged."""
import os
import re
import subprocess
import zipfile

import warnings

import openpyxl

import cases
from ooxml_raw import raw_entries


def opens_in_openpyxl(path):
    """Whether openpyxl reads the workbook and sees its worksheets: outputs are
    only held to what openpyxl could do with the input."""
    # openpyxl finds styles and shared strings only at their usual xl/ paths, so
    # a package laid out otherwise is left to LibreOffice.
    if 'xl/workbook.xml' not in zipfile.ZipFile(path).namelist():
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return len(openpyxl.load_workbook(path).worksheets) > 0
    except Exception:  # noqa: BLE001 - any failure means openpyxl cannot read it
        return False

REL_NS = {
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
}
MAY_CHANGE = {'[content_types].xml', 'xl/styles.xml', 'xl/sharedstrings.xml', 'xl/calcchain.xml'}
SHEET = 'Scorecard Test'
THIS = [864, 894, 769] + [None] * 9


def decode(data):
    if data[:2] in (b'\xff\xfe', b'\xfe\xff') or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        enc = 'utf-16' if data[:2] in (b'\xff\xfe', b'\xfe\xff') else ('utf-16-be' if data[0] == 0 else 'utf-16-le')
        return data.decode(enc), enc
    return data.decode('utf-8'), 'utf-8'


def sheet_xml(main_ns):
    rows = [['Reduce anti-social behaviour'], [''] + cases.MONTHS,
            ['Actual 2018/19'] + cases.LAST, ['Actual 2019/20'] + THIS,
            ['Target'] + [None] * 11 + [10064], ['Cumulative 2019/20'], ['% difference'], ['RAG']]
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row, start=1):
            if v is None or v == '':
                continue
            ref = f'{cases.col(c)}{r}'
            if isinstance(v, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main_ns}">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>').encode()


def expected():
    cum = cases.cumulative(THIS, 3)
    t = cases.flat(10064, 12)
    last = cases.cumulative(cases.LAST, 12)
    want = {}
    for i in range(12):
        c = cases.col(2 + i)
        want[f'{c}6'] = cum[i]
        want[f'{c}5'] = t[i]
        want[f'{c}7'] = (cum[i] - last[i]) / last[i] if i < 3 else None
        want[f'{c}8'] = cases.status('lower', cum[i], t[i]) if i < 3 else None
    return want


def inject(src, dst):
    """Writes `src` plus a scorecard sheet to `dst`; returns the new sheet's part name."""
    z = zipfile.ZipFile(src)
    names = {n.lower(): n for n in z.namelist()}
    root_rels, _ = decode(z.read(names['_rels/.rels']))
    m = re.search(r'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"|Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', root_rels)
    wb_part = (m.group(1) or m.group(2)).lstrip('/')
    folder = wb_part.rsplit('/', 1)[0] if '/' in wb_part else ''
    rels_part = (folder + '/' if folder else '') + '_rels/' + wb_part.rsplit('/', 1)[-1] + '.rels'
    workbook, wb_enc = decode(z.read(names[wb_part.lower()]))
    rels, rels_enc = decode(z.read(names[rels_part.lower()]))
    types, types_enc = decode(z.read(names['[content_types].xml']))
    root = re.search(r'<((\w+):)?workbook\b[^>]*xmlns(:\w+)?="([^"]+)"', workbook)
    prefix = root.group(1) or ''
    main_ns = re.search(r'xmlns' + (':' + root.group(2) if root.group(2) else '') + r'="([^"]+)"', workbook).group(1)
    part = (folder + '/' if folder else '') + 'worksheets/scorecardtest.xml'
    rid = 'rIdScorecard1'
    rel_type = ('http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet' if 'purl.oclc.org' in main_ns
                else 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet')
    rels = re.sub(r'</((\w+:)?)Relationships>',
                  lambda mm: f'<{mm.group(1)}Relationship Id="{rid}" Type="{rel_type}" Target="worksheets/scorecardtest.xml"/></{mm.group(1)}Relationships>',
                  rels, count=1)
    types = re.sub(r'</((\w+:)?)Types>', lambda mm: f'<{mm.group(1)}Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></{mm.group(1)}Types>', types, count=1)
    ids = [int(x) for x in re.findall(r'sheetId="(\d+)"', workbook)] or [0]
    rel_prefix = None
    root_tag = re.search(r'<(\w+:)?workbook\b[^>]*>', workbook).group(0)
    for mm in re.finditer(r'xmlns:(\w+)="([^"]+)"', root_tag):
        if mm.group(2) in REL_NS:
            rel_prefix = mm.group(1)
    rel_ns = ('http://purl.oclc.org/ooxml/officeDocument/relationships' if 'purl.oclc.org' in main_ns
              else 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')
    rel_attr = f'{rel_prefix}:id="{rid}"' if rel_prefix else f'xmlns:rr="{rel_ns}" rr:id="{rid}"'
    sheet_el = f'<{prefix}sheet name="{SHEET}" sheetId="{max(ids) + 1}" {rel_attr}/>'
    workbook, n = re.subn(rf'</{prefix}sheets>', sheet_el + f'</{prefix}sheets>', workbook, count=1)
    if n != 1:
        raise ValueError('no <sheets> element')
    changed = {wb_part.lower(): workbook.encode(wb_enc), rels_part.lower(): rels.encode(rels_enc),
               '[content_types].xml': types.encode(types_enc)}
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = changed.get(info.filename.lower(), z.read(info.filename))
            out.writestr(info, data)
        out.writestr(part, sheet_xml(main_ns))
    return part, wb_part, rels_part


def raw(path):
    return {name: (method, crc, data) for name, method, crc, data in raw_entries(path)}


def check_injected(binary, path, work):
    name = os.path.basename(path)
    src = os.path.join(work, name)
    out = os.path.join(work, 'refreshed-' + name)
    try:
        part, wb_part, rels_part = inject(path, src)
    except (ValueError, KeyError, AttributeError, UnicodeDecodeError) as e:
        return [], None  # a package this simple text edit cannot extend (reported by the edit test instead)
    p = subprocess.run([binary, 'refresh', src, '-o', out], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        return [f'refresh exited {p.returncode}: {p.stderr.strip()[:200]}'], None
    problems = []
    before, after = raw(src), raw(out)
    allowed = MAY_CHANGE | {part.lower(), wb_part.lower(), rels_part.lower()}
    for entry, content in before.items():
        if entry.lower() in allowed or entry.lower().startswith('docprops/'):
            continue
        if entry not in after:
            problems.append(f'{entry} was dropped')
        elif after[entry] != content:
            problems.append(f'{entry} changed')
    if list(before)[:len(before)] != [e for e in after if e in before]:
        problems.append('entry order changed')
    if not opens_in_openpyxl(path):
        return problems, {'output': out}  # openpyxl cannot read the original either: LibreOffice still checks
    try:
        values = openpyxl.load_workbook(out, data_only=True)[SHEET]
        for ref, want in expected().items():
            if not cases_same(values[ref].value, want):
                problems.append(f'{ref} is {values[ref].value!r}, expected {want!r}')
    except Exception as e:  # noqa: BLE001
        problems.append(f'openpyxl cannot open the output: {type(e).__name__}: {str(e)[:100]}')
    return problems, {'output': out}


def cases_same(got, want):
    if want is None:
        return got is None or got == ''
    if isinstance(want, str):
        return isinstance(got, str) and got.strip().lower() == want.lower()
    return isinstance(got, (int, float)) and abs(got - want) <= 1e-6 * max(1, abs(want))


def check_lo(csvdir, made, csv_cell):
    stem = os.path.splitext(os.path.basename(made['output']))[0]
    problems = []
    for ref, want in expected().items():
        got = csv_cell(csvdir, stem, SHEET, ref)
        if got == 'missing':
            return ['LibreOffice could not open the output']
        if not cases_same(got, want):
            problems.append(f'LibreOffice reads {ref} as {got!r}, expected {want!r}')
    return problems
