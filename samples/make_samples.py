#!/usr/bin/python3
"""Builds the sample workbooks from the seed papers' own figures, with openpyxl.

    /usr/bin/python3 samples/make_samples.py

- plymouth-june-2015.xlsx: the Safer Plymouth performance report of 23 July
  2015 (seeds/003), block layout cell for cell as printed, including the hand
  errors the tool removes (4,799 carried into future months, -100% in future
  months) and the serious acquisitive crime table with two "Actual 2014 - 2015"
  rows (skipped with a warning). A "Scorecard Settings" sheet holds the
  targets the paper's text states.
- dudley-q1-2012.xlsx: the Dudley quarterly scorecard (seeds/004), table
  layout with the four-level scheme.
"""
import os

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']
HEAD = PatternFill('solid', fgColor='FFDCE6F1')


def block(ws, r, title, rows, quarters=False, history=True):
    """Header row, then a title row below it (the paper's layout), then rows."""
    labels = ['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4'] if quarters else MONTHS
    first = 2 if quarters else 5
    if history and not quarters:
        for i, y in enumerate(['12/13.', '13/14.', '14/15']):
            ws.cell(r, 2 + i, y)
    for i, m in enumerate(labels):
        c = ws.cell(r, first + i, m)
        c.font = Font(bold=True)
        c.fill = HEAD
        c.alignment = Alignment(horizontal='center')
    ws.cell(r + 1, 1, title).font = Font(bold=True)
    r += 2
    for label, history_values, values in rows:
        ws.cell(r, 1, label)
        for i, v in enumerate(history_values):
            if v is not None:
                ws.cell(r, 2 + i, v)
        for i, v in enumerate(values):
            if v is not None:
                c = ws.cell(r, first + i, v)
                if isinstance(v, float) and abs(v) <= 1 and label.startswith('%'):
                    c.number_format = '0%'
        r += 1
    return r + 1


def plymouth():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Performance'
    ws.column_dimensions['A'].width = 48
    ws.page_setup.orientation = 'landscape'
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws['A1'] = 'PERFORMANCE REPORT Safer Plymouth Partnership Thursday 23 July 2015'
    ws['A1'].font = Font(bold=True, size=14)
    carried = [1662, 3368, 4799] + [4799] * 9
    r = 3
    r = block(ws, r, 'Reduce the Gap between the worst 10 neighbourhoods & city average per 1000* (one month behind)', [
        ('Gap 2015 - 2016', [None, 76.3, 77.4], [6.5, 12.6, 18]),
        ('Gap 2014 - 2015', [], [6.90, 13.50, 19.60, 26.40, 32.50, 39.30, 45.80, 52.20, 58.40, 64.20, 70.60, 77.40]),
        ('Target Gap 15/16', [], [6.44, 12.88, 19.32, 25.76, 32.2, 38.64, 45.08, 51.52, 57.96, 64.4, 70.84, 77.3]),
        ('All Crime Culmative 2014 - 2015', [], [1612, 3158, 4786, 6369, 7876, 9425, 10991, 12545, 14163, 15649, 17142, 18822]),
        ('All Crime Culmative 2015 - 2016', [18713, 18953, 18822], carried),
        ('% difference in All Crime 13/14 - 14/15', [], [0.03, 0.07, 0.0]),
    ])
    r = block(ws, r, 'Increase Reporting of Domestic Violence. (Crimes and Incidents)', [
        ('Actual 2014 - 2015', [None, 7103, 6587], [542, 572, 625, 662, 564, 528, 519, 544, 587, 480, 488, 476]),
        ('Actual 2015 - 2016', [], [556, 572, 504]),
        ('Target 15/16', [], [549, 1098, 1647, 2196, 2745, 3294, 3843, 4392, 4941, 5490, 6039, 6588]),
        ('Cum Actuals 14/15', [], [542, 1114, 1739, 2401, 2965, 3493, 4012, 4556, 5143, 5623, 6111, 6587]),
        ('Cum Actuals 15/16', [], [556, 1128, 1632]),
        ('% difference in Actuals', [], [0.03, 0.01, -0.06] + [-1.0] * 9),
        ('RAG', [], []),
    ])
    r = block(ws, r, 'Increase referrals to Domestic Abuse Services', [
        ('Actual 2014 - 2015', [], [629, 727, 760, 549]),
        ('Actual 2015 - 2016', [], [525]),
        ('Target 14/15', [], [667, 1334, 2001, 2666]),
        ('Cum Actuals 14/15', [], [629, 1356, 2116, 2665]),
        ('Cum Actuals 15/16', [], [525]),
        ('% difference in Actuals', [], [-104]),
        ('RAG', [], []),
    ], quarters=True)
    r = block(ws, r, 'Number of professionals in receipt of DASH training', [
        ('Actual 2014 - 2015', [], [15, 15, 15, 13]),
        ('Actual 2015 - 2016', [], [58]),
        ('Target 14/15', [], [50, 100, 150, 200]),
        ('Cum Actuals 14/15', [], [15]),
        ('Cum Actuals 15/16', [], [58]),
        ('% difference in Actuals', [], [43]),
        ('RAG', [], []),
    ], quarters=True)
    r = block(ws, r, 'Reduce Anti-social Behaviour incidents', [
        ('Actual 2014 - 2015', [14342, 10291, 10299], [808, 882, 1023, 1056, 915, 982, 850, 755, 682, 639, 642, 831]),
        ('Actual 2015 - 2016', [], [864, 894, 769]),
        ('Target 15/16', [], [838, 1676, 2514, 3352, 4190, 5028, 5866, 6704, 7542, 8380, 9218, 10064]),
        ('Cum Actuals 14/15', [], [808, 1690, 2713, 3769, 4684, 5666, 6516, 7271, 7953, 8592, 9234, 10065]),
        ('Cum Actuals 15/16', [], [864, 1758, 2527]),
        ('% difference in Actuals', [], [0.07, 0.04, -0.07]),
        ('RAG', [], []),
        ('DoT', [], []),
    ])
    r = block(ws, r, 'The number of racist, disablist, homophobic and faith incidents reported', [
        ('Cumulative average 14/15', [], [55, 109, 152, 208, 247, 292, 354, 408, 456, 504, 551, 617]),
        ('Cumulative average 15/16', [None, 603, 617], [58, 122, 174]),
        ('Target required', [], [53, 105, 157, 208, 260, 312, 364, 416, 468, 520, 571, 621]),
        ('RAG', [], []),
    ])
    block(ws, r, 'Reduce Serious Acquisitive Crime (monitoring levels only)', [
        ('Actual 2014 - 2015', [2244, 1969, 2017], [179, 155, 182, 139, 162, 198, 154, 168, 163, 170, 171, 176]),
        ('Actual 2014 - 2015', [], [196, 195]),
        ('Cum Actuals 15/16', [], [196, 391]),
        ('Cum Actuals 14/15', [], [179, 334, 516, 655, 817, 1015, 1169, 1337, 1500, 1670, 1841, 2017]),
        ('% difference in Actuals', [], [0.095, 0.171]),
    ])
    s = wb.create_sheet('Scorecard Settings')
    s.append(['Measure', 'Polarity', 'Annual target', 'Tolerance', 'Profile'])
    s.append(['Reduce the Gap', 'Monitor'])
    s.append(['Increase Reporting of Domestic Violence', 'Higher', 6588, '15%', 'flat'])
    s.append(['Increase referrals to Domestic Abuse Services', 'Higher', 2666, '15%', 'flat'])
    s.append(['Number of professionals in receipt of DASH training', 'Higher', 200, '15%', 'flat'])
    s.append(['Reduce Anti-social Behaviour incidents', 'Lower', 10064, '15%', 'flat'])
    s.append(['The number of racist, disablist, homophobic and faith incidents reported', 'Higher', 621, '15%', 'flat'])
    s.column_dimensions['A'].width = 60
    wb.save(os.path.join(HERE, 'plymouth-june-2015.xlsx'))


def dudley():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Scorecard'
    ws.page_setup.orientation = 'landscape'
    ws['A1'] = 'Tackling crime, fear of crime and anti-social behaviour — Quarter 1 2012/13 (01/04/2012 to 30/06/2012)'
    ws['A1'].font = Font(bold=True)
    ws.append([])
    ws.append(['PI', 'Actual', 'Target', 'Score'])
    for c in ws[3]:
        c.font = Font(bold=True)
        c.fill = HEAD
    rows = [('First time entrants to the Youth Justice System aged 10 - 17', 467, 471),
            ('PI1128 - Overall Recorded Crime', 1850, 2061),
            ('PI1124 - Number of reported incidents of anti social behaviour', 140, 110),
            ('PI1171 - Criminal damage', 571, 738.5),
            ('PI1172 - Adult drug users into treatment', 1072, None),
            ('PI1174 - Number of assaults with less serious injury', 0.93, 1.06),
            ('PI1179 - Serious acquisitive crime rate', 2.63, 2.8)]
    for row in rows:
        ws.append(list(row))
    ws.column_dimensions['A'].width = 62
    s = wb.create_sheet('Scorecard Settings')
    s.append(['Measure', 'Polarity', 'Tolerance', 'Scheme'])
    for name, _, _ in rows:
        polarity = 'Higher' if 'into treatment' in name else 'Lower'
        s.append([name, polarity, '10%', 4])
    s.column_dimensions['A'].width = 62
    wb.save(os.path.join(HERE, 'dudley-q1-2012.xlsx'))


if __name__ == '__main__':
    plymouth()
    dudley()
