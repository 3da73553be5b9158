"""Workbooks made by openpyxl (a producer other than the engine) for the
end-to-end tests, each with the cells a refresh must produce.

The expected figures come from a small reference implementation of
SCORECARD-RULES §3 written here in Python, independent of the C++ code.
"""
import datetime
import calendar

import openpyxl
from openpyxl.styles import PatternFill, Font

MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']


def col(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------- reference rules

def cumulative(values, k):
    out, total = [], 0
    for i, v in enumerate(values):
        if i < k:
            total += v or 0
            out.append(total)
        else:
            out.append(None)
    return out


def latest(values):
    k = 0
    for i, v in enumerate(values):
        if v is not None:
            k = i + 1
    return k


def flat(T, n):
    return [T * (i + 1) / n for i in range(n - 1)] + [T]


def days_profile(T, first_year, n=12):
    days = []
    for i in range(12):
        m = (3 + i) % 12 + 1
        y = first_year + (1 if m < 4 else 0)
        days.append(calendar.monthrange(y, m)[1])
    if n == 4:
        days = [sum(days[3 * q:3 * q + 3]) for q in range(4)]
    total, run, out = sum(days), 0, []
    for d in days:
        run += d
        out.append(T * run / total)
    out[-1] = T
    return out


def status(polarity, A, t, tol=0.15, absolute=False, scheme=3):
    tau = tol if absolute else tol * abs(t)
    gain = A - t if polarity == 'higher' else t - A
    if scheme == 4:
        if gain > tau:
            return 'Exceeds'
        if gain >= 0:
            return 'On target'
        if gain >= -tau:
            return 'Near target'
        return 'Below'
    if gain >= 0:
        return 'Green'
    return 'Amber' if gain >= -tau else 'Red'


def direction(sense, A, B, thr=0.01):
    margin = 0 if B == 0 else thr * abs(B)
    gain = A - B if sense == 'higher' else B - A
    if gain > margin:
        return 'Improving'
    if gain < -margin:
        return 'Worsening'
    return 'No change'


# ---------------------------------------------------------------- building blocks

class Case:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.wb = openpyxl.Workbook()
        self.expect = {}          # sheet -> cell -> value
        self.percent = {}         # sheet -> [cells]
        self.formulas = {}        # sheet -> cell -> formula text
        self.unchanged = {}       # sheet -> [cells] that must keep their input value
        self.measures = []
        self.kind = 'good'
        self.reject_message = None

    def want(self, sheet, ref, value):
        self.expect.setdefault(sheet, {})[ref] = value


def write_block(case, ws, top, left, title, polarity, this, last, target=None, target_label='Target',
                quarters=False, header=None, extra_rows=(), stale=True, year=2019):
    """A block with title above the header; returns the row numbers by role."""
    n = 4 if quarters else 12
    labels = header or (['Q1', 'Q2', 'Q3', 'Q4'] if quarters else MONTHS)
    ws.cell(top, left, title)
    for i, label in enumerate(labels):
        ws.cell(top + 1, left + 1 + i, label)
    ys = f'{year}/{(year + 1) % 100:02d}'
    ly = f'{year - 1}/{year % 100:02d}'
    rows = {}
    r = top + 2
    spec = [('last', f'Actual {ly}'), ('this', f'Actuals {ys}'), ('target', target_label),
            ('cum_last', f'Cumulative {ly}'), ('cum', f'Cum {ys}'), ('pct', '% difference'), ('rag', 'RAG'),
            ('dot', 'DoT')] + list(extra_rows)
    for key, label in spec:
        ws.cell(r, left, label)
        rows[key] = r
        r += 1
    for i, v in enumerate(last):
        if v is not None:
            ws.cell(rows['last'], left + 1 + i, v)
    for i, v in enumerate(this):
        if v is not None:
            ws.cell(rows['this'], left + 1 + i, v)
    if target is not None:
        ws.cell(rows['target'], left + n, target)
    k = latest(this)
    if stale:  # the hand-work errors of the seeds: last figure carried on, -100% in future months
        cum = cumulative(this, k)
        for i in range(n):
            ws.cell(rows['cum'], left + 1 + i, cum[k - 1] if i >= k else cum[i])
            ws.cell(rows['pct'], left + 1 + i, -1 if i >= k else 0.5)
    # Expected results.
    sheet = ws.title
    cum_a, cum_b = cumulative(this, k), cumulative(last, latest(last))
    t = flat(target, n) if target is not None else None
    for i in range(n):
        ref = lambda key: f'{col(left + 1 + i)}{rows[key]}'
        case.want(sheet, ref('cum'), cum_a[i])
        case.want(sheet, ref('cum_last'), cum_b[i])
        pct = (cum_a[i] - cum_b[i]) / cum_b[i] if i < k and cum_b[i] else None
        case.want(sheet, ref('pct'), pct)
        if pct is not None:
            case.percent.setdefault(sheet, []).append(ref('pct'))
        if t is not None and polarity != 'monitor':
            case.want(sheet, ref('target'), t[i])
            case.want(sheet, ref('rag'), status(polarity, cum_a[i], t[i]) if i < k else None)
        sense = polarity if polarity != 'monitor' else None
        if sense and i < k and cum_b[i] is not None:
            case.want(sheet, ref('dot'), direction(sense, cum_a[i], cum_b[i]))
        elif i >= k:
            case.want(sheet, ref('dot'), None)
    case.measures.append(title)
    return rows


LAST = [808, 882, 1023, 1056, 915, 982, 850, 755, 682, 639, 642, 831]


def case_month_block():
    c = Case('e2e_month_block', 'monthly block, Apr labels, stale values to clear, polarity from the name')
    ws = c.wb.active
    ws.title = 'Crime'
    write_block(c, ws, 1, 1, 'Reduce anti-social behaviour', 'lower', [864, 894, 769, None, None, None, None, None, None, None, None, None],
                LAST, target=10064)
    ws.merge_cells('A1:M1')
    ws['A1'].font = Font(bold=True)
    ws['B5'].fill = PatternFill('solid', fgColor='FFDDDDDD')
    return c


def case_moved_and_two_blocks():
    c = Case('e2e_two_blocks_moved', 'two blocks on one sheet, the second moved down and right, full month names')
    ws = c.wb.active
    ws.title = 'Blocks'
    write_block(c, ws, 1, 1, 'Increase referrals to support services', 'higher',
                [300, 310, 290, 305, 320, None, None, None, None, None, None, None],
                [280, 290, 300, 310, 305, 299, 300, 310, 290, 280, 285, 300], target=3700)
    names = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January',
             'February', 'March']
    write_block(c, ws, 14, 4, 'Reduce burglary dwelling', 'lower',
                [40, 38, 45, 50, 41, 39, 44, None, None, None, None, None],
                [42, 40, 41, 44, 45, 43, 40, 39, 38, 41, 42, 43], target=450, header=names)
    return c


def case_quarters():
    c = Case('e2e_quarter_labels', 'quarterly blocks with "Quarter 1" and "Apr-Jun" labels')
    ws = c.wb.active
    ws.title = 'Quarterly'
    write_block(c, ws, 1, 1, 'Increase offenders engaged with IOM', 'higher', [2805, 2911, None, None],
                [2543, 2762, 2292, 2163], target=12222, quarters=True,
                header=['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4'])
    write_block(c, ws, 13, 1, 'Reduce violence with injury', 'lower', [500, None, None, None], [520, 530, 510, 480],
                target=1900, quarters=True, header=['Apr-Jun', 'Jul-Sep', 'Oct-Dec', 'Jan-Mar'])
    return c


def case_date_headers():
    c = Case('e2e_date_headers', 'month headers as real dates formatted mmm-yy')
    ws = c.wb.active
    ws.title = 'Dates'
    rows = write_block(c, ws, 1, 1, 'Reduce alcohol related violence', 'lower',
                       [284, 245, 297, 285, None, None, None, None, None, None, None, None],
                       [329, 303, 350, 342, 323, 328, 320, 284, 262, 249, 278, 286], target=2960, year=2016)
    for i in range(12):
        m = (3 + i) % 12 + 1
        cell = ws.cell(2, 2 + i, datetime.datetime(2016 + (1 if m < 4 else 0), m, 1))
        cell.number_format = 'mmm-yy'
    return c


def case_table():
    c = Case('e2e_table', 'table layout with Measure / Actual / Target / Previous / Status / Direction / % change')
    ws = c.wb.active
    ws.title = 'Scorecard'
    ws.append(['Measure', 'Previous', 'Actual', 'Target', 'Status', 'Direction', '% change'])
    data = [('Reduce criminal damage', 1901, 1567, 1443), ('Increase offenders engaged', 1711, 1593, 1536),
            ('Reduce ASB incidents', 465, 465, 368), ('Increase hate incidents reported', 290, 310, None)]
    for i, (name, last, actual, target) in enumerate(data, start=2):
        ws.append([name, last, actual, target])
        pol = 'lower' if name.startswith('Reduce') else 'higher'
        c.want('Scorecard', f'E{i}', status(pol, actual, target) if target else None)
        c.want('Scorecard', f'F{i}', direction(pol, actual, last))
        c.want('Scorecard', f'G{i}', (actual - last) / last)
        c.percent.setdefault('Scorecard', []).append(f'G{i}')
        c.measures.append(name)
    return c


def case_settings():
    c = Case('e2e_settings', 'settings sheet: scheme 4, absolute tolerance, days profile, annual target')
    ws = c.wb.active
    ws.title = 'Crime'
    this = [320, 263, 292, 385, 367, 278, 259, None, None, None, None, None]
    last = [325, 312, 328, 368, 356, 318, 278, 260, 276, 263, 292, 331]
    rows = write_block(c, ws, 1, 1, 'Increase the number of DASH trained professionals', 'higher', this, last,
                       target=None, year=2015)
    s = c.wb.create_sheet('Scorecard Settings')
    s.append(['Measure', 'Polarity', 'Annual target', 'Tolerance', 'Tolerance type', 'Profile', 'Scheme'])
    s.append(['Increase the number of DASH', 'Higher', 3729, 20, 'absolute', 'days', 4])
    t = days_profile(3729, 2015)
    k = latest(this)
    cum = cumulative(this, k)
    for i in range(12):
        c.want('Crime', f'{col(2 + i)}{rows["target"]}', t[i])
        c.want('Crime', f'{col(2 + i)}{rows["rag"]}',
               status('higher', cum[i], t[i], 20, absolute=True, scheme=4) if i < k else None)
    return c


def case_formulas():
    c = Case('e2e_officer_formulas', "officer SUM formulas in this year's cumulative row are kept")
    ws = c.wb.active
    ws.title = 'Referrals'
    this = [347, 371, 350, 382, None, None, None, None, None, None, None, None]
    rows = write_block(c, ws, 1, 1, 'Increase referrals', 'higher', this, LAST, target=4491, stale=False)
    r = rows['cum']
    for i in range(4):
        ws.cell(r, 2 + i, f'=SUM($B${rows["this"]}:{col(2 + i)}{rows["this"]})')
        c.formulas.setdefault('Referrals', {})[f'{col(2 + i)}{r}'] = f'=SUM($B${rows["this"]}:{col(2 + i)}{rows["this"]})'
    return c


def case_ambiguous():
    c = Case('e2e_ambiguous', 'a block with two actuals rows for one year is skipped and left unchanged')
    ws = c.wb.active
    ws.title = 'Mixed'
    write_block(c, ws, 1, 1, 'Reduce cycle theft', 'lower', [100, 90, None, None, None, None, None, None, None, None, None, None],
                LAST, target=9000)
    ws.cell(20, 1, 'Reduce serious acquisitive crime')
    for i, m in enumerate(MONTHS):
        ws.cell(21, 2 + i, m)
    ws.cell(22, 1, 'Actual 2018/19')
    ws.cell(23, 1, 'Actual 2018/19')
    ws.cell(24, 1, 'Cum 2019/20')
    for i, v in enumerate([179, 155, 182]):
        ws.cell(22, 2 + i, v)
        ws.cell(23, 2 + i, v + 10)
        ws.cell(24, 2 + i, 999)
    c.unchanged['Mixed'] = [f'{col(2 + i)}{r}' for r in (22, 23, 24) for i in range(12)]
    return c


def case_monthly_target_and_cum_input():
    c = Case('e2e_monthly_target_cum_input', 'a per-period target row, and a block read from its cumulative rows')
    ws = c.wb.active
    ws.title = 'Hate'
    rows = write_block(c, ws, 1, 1, 'Increase reporting of domestic abuse', 'higher',
                       [556, 572, 504, None, None, None, None, None, None, None, None, None],
                       [542, 572, 625, 662, 564, 528, 519, 544, 587, 480, 488, 476], target=None,
                       target_label='Monthly target', year=2015)
    for i in range(12):
        ws.cell(rows['target'], 2 + i, 549)
        c.want('Hate', f'{col(2 + i)}{rows["target"]}', 549.0)
        cum = cumulative([556, 572, 504] + [None] * 9, 3)
        c.want('Hate', f'{col(2 + i)}{rows["rag"]}', status('higher', cum[i], 549 * (i + 1)) if i < 3 else None)
    ws.cell(14, 1, 'The number of hate incidents reported')
    for i, m in enumerate(MONTHS):
        ws.cell(15, 2 + i, m)
    ws.cell(16, 1, 'Cumulative 14/15')
    ws.cell(17, 1, 'Cumulative 15/16')
    ws.cell(18, 1, 'Target required')
    ws.cell(19, 1, 'RAG')
    last = [55, 109, 152, 208, 247, 292, 354, 408, 456, 504, 551, 617]
    for i, v in enumerate(last):
        ws.cell(16, 2 + i, v)
    for i, v in enumerate([58, 122, 174]):
        ws.cell(17, 2 + i, v)
    ws.cell(18, 13, 621)
    s = c.wb.create_sheet('Scorecard Settings')
    s.append(['Measure', 'Polarity'])
    s.append(['The number of hate incidents', 'Higher'])
    t = flat(621, 12)
    for i in range(12):
        c.want('Hate', f'{col(2 + i)}18', t[i])
        c.want('Hate', f'{col(2 + i)}19', status('higher', [58, 122, 174][i], t[i]) if i < 3 else None)
    c.unchanged['Hate'] = [f'{col(2 + i)}17' for i in range(12)]
    c.measures.append('The number of hate incidents reported')
    return c


def all_cases():
    return [case_month_block(), case_moved_and_two_blocks(), case_quarters(), case_date_headers(), case_table(),
            case_settings(), case_formulas(), case_ambiguous(), case_monthly_target_and_cum_input()]
