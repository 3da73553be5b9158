#!/usr/bin/python3
"""Integration tests of `scorecard watch` with a real watcher process and real files.

    watch_test.py --bin build/converter/scorecard --sample samples/plymouth-june-2015.xlsx [--poll]

Each scenario runs against a fresh inbox. With --poll the watcher scans
instead of using inotify, and every scenario must pass the same way.
Prints `N passed, M failed`.
"""
import argparse
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl

SETTLE = 1.0


class Watcher:
    def __init__(self, binary, root, poll, extra=()):
        self.root = root
        self.inbox, self.out, self.failed = (os.path.join(root, d) for d in ('inbox', 'out', 'failed'))
        for d in (self.inbox, self.out):
            os.makedirs(d, exist_ok=True)
        self.log = os.path.join(root, 'log.jsonl')
        self.argv = [binary, 'watch', self.inbox, '--out-dir', self.out, '--failed-dir', self.failed,
                     '--settle', f'{SETTLE}s', '--log', self.log] + (['--poll', '200ms'] if poll else []) + list(extra)
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        time.sleep(0.2)
        return self

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def events(self, name=None, action=None):
        if not os.path.exists(self.log):
            return []
        out = []
        for line in open(self.log):
            e = json.loads(line)
            if (name is None or e['file'] == name) and (action is None or e['action'] == action):
                out.append(e)
        return out

    def wait_for(self, predicate, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if predicate():
                return True
            time.sleep(0.02)
        return False


def value(path, sheet, ref):
    return openpyxl.load_workbook(path, data_only=True)[sheet][ref].value


def find_status(path):
    """The first status word of the refreshed sample, to tell versions apart."""
    ws = openpyxl.load_workbook(path, data_only=True)['Performance']
    return [c.value for row in ws.iter_rows() for c in row if c.value in ('Red', 'Amber', 'Green')]


def scenario_slow_copy(w, sample):
    data = open(sample, 'rb').read()
    target = os.path.join(w.inbox, 'slow.xlsx')
    thirds = [data[:len(data) // 3], data[len(data) // 3:2 * len(data) // 3], data[2 * len(data) // 3:]]
    with open(target, 'wb') as f:
        for i, part in enumerate(thirds):
            f.write(part)
            f.flush()
            os.fsync(f.fileno())
            if i < 2:
                time.sleep(SETTLE / 3)  # well inside the settle time, even on a loaded machine
    problems = []
    if not w.wait_for(lambda: os.path.exists(os.path.join(w.out, 'slow.xlsx'))):
        problems.append('no output after the last part')
    time.sleep(SETTLE + 0.5)
    n = len(w.events('slow.xlsx', 'refreshed'))
    if n != 1:
        problems.append(f'processed {n} times')
    if w.events('slow.xlsx', 'failed'):
        problems.append('a partial copy was processed')
    return problems


def scenario_many(w, sample):
    for i in range(200):
        shutil.copyfile(sample, os.path.join(w.inbox, f'book{i:03d}.xlsx'))
    ok = w.wait_for(lambda: len([f for f in os.listdir(w.out) if f.endswith('.xlsx')]) >= 200, timeout=120)
    time.sleep(SETTLE + 0.3)
    problems = [] if ok else [f'{len(os.listdir(w.out))} outputs after 120 s']
    counts = {}
    for e in w.events(action='refreshed'):
        counts[e['file']] = counts.get(e['file'], 0) + 1
    if len(counts) != 200 or any(n != 1 for n in counts.values()):
        problems.append(f'{len(counts)} files refreshed, duplicates: {[f for f, n in counts.items() if n != 1][:5]}')
    if [f for f in os.listdir(w.out) if f.startswith('.') and '.tmp-' in f]:
        problems.append('temporary files left in the output folder')
    return problems


def scenario_ignored(w, sample):
    names = ['~$book.xlsx', '.~lock.book.xlsx#', 'notes.txt', '.hidden.xlsx', 'copy.xlsx.part']
    for n in names:
        with open(os.path.join(w.inbox, n), 'w') as f:
            f.write('not a workbook')
    os.makedirs(os.path.join(w.inbox, 'folder.xlsx'))
    time.sleep(SETTLE * 2 + 0.5)
    problems = []
    for n in names:
        if not os.path.exists(os.path.join(w.inbox, n)):
            problems.append(f'{n} was moved')
        if os.path.exists(os.path.join(w.out, n)) or os.path.exists(os.path.join(w.failed, n)):
            problems.append(f'{n} was processed')
    if len(w.events('notes.txt', 'ignored')) != 1:
        problems.append('notes.txt was not reported exactly once')
    if w.events('~$book.xlsx') or w.events('.~lock.book.xlsx#'):
        problems.append('a lock file was reported')
    return problems


def scenario_corrupt(w, sample):
    with open(os.path.join(w.inbox, 'broken.xlsx'), 'wb') as f:
        f.write(open(sample, 'rb').read()[:3000])
    ok = w.wait_for(lambda: os.path.exists(os.path.join(w.failed, 'broken.xlsx.error.txt')))
    problems = [] if ok else ['no error note']
    if ok:
        note = open(os.path.join(w.failed, 'broken.xlsx.error.txt')).read()
        if 'truncated' not in note or 'What to do' not in note:
            problems.append(f'the note does not say what was wrong: {note[:200]!r}')
        if not os.path.exists(os.path.join(w.failed, 'broken.xlsx')):
            problems.append('the workbook was not moved to the failed folder')
        if os.path.exists(os.path.join(w.inbox, 'broken.xlsx')):
            problems.append('the workbook is still in the inbox')
    # A corrected file dropped under the same name just works.
    shutil.copyfile(sample, os.path.join(w.inbox, 'broken.xlsx'))
    if not w.wait_for(lambda: os.path.exists(os.path.join(w.out, 'broken.xlsx'))):
        problems.append('the corrected file was not refreshed')
    return problems


def scenario_same_name_twice(w, sample):
    first = os.path.join(w.root, 'v1.xlsx')
    second = os.path.join(w.root, 'v2.xlsx')
    shutil.copyfile(sample, first)
    wb = openpyxl.load_workbook(sample)
    ws = wb['Performance']
    for row in ws.iter_rows():
        for c in row:
            if c.value == 'Actual 2015 - 2016' and c.row > 40:  # the ASB block: a much worse June
                ws.cell(c.row, c.column + 6).value = 2000
    wb.save(second)
    target = os.path.join(w.inbox, 'twice.xlsx')
    shutil.copyfile(first, target)
    out = os.path.join(w.out, 'twice.xlsx')
    problems = []
    if not w.wait_for(lambda: os.path.exists(out)):
        return ['no output for the first version']
    before = find_status(out)
    time.sleep(0.1)
    shutil.copyfile(second, target + '.part')
    os.rename(target + '.part', target)
    if not w.wait_for(lambda: len(w.events('twice.xlsx', 'refreshed')) >= 2):
        return ['the second version was not refreshed']
    time.sleep(0.2)
    after = find_status(out)
    if before == after:
        problems.append(f'the output still shows the first version: {after}')
    return problems


BIG_FIRST, BIG_ROWS = 200, 100000


def big_workbook(sample, path):
    """The sample with 100,000 rows of figures below its scorecards, so that
    writing the refreshed sheet takes a while."""
    src = zipfile.ZipFile(sample)
    rows = ''.join(f'<row r="{r}">' + ''.join(f'<c r="{chr(65 + c)}{r}"><v>{r * 10 + c}</v></c>' for c in range(10))
                   + '</row>' for r in range(BIG_FIRST, BIG_FIRST + BIG_ROWS))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == 'xl/worksheets/sheet1.xml':
                data = data.replace(b'</sheetData>', rows.encode() + b'</sheetData>')
            z.writestr(info, data)


def scenario_kill_and_restart(w, sample):
    big = os.path.join(w.root, 'big.xlsx')
    big_workbook(sample, big)
    # The kill must land while the output is being written; when it lands
    # before or after, try again with a new file (timing on a loaded machine varies).
    for attempt in range(5):
        name = f'big{attempt}.xlsx'
        temp = lambda: [f for f in os.listdir(w.out) if f.startswith(f'.{name}.tmp-')]
        shutil.copyfile(big, os.path.join(w.inbox, name))
        w.wait_for(lambda: temp() or os.path.exists(os.path.join(w.out, name)), timeout=60)
        w.stop(signal.SIGKILL)
        if temp():
            break
        w.start()
    else:
        return ['five kills all missed the moment the output was being written']
    problems = []
    if os.path.exists(os.path.join(w.out, name)):
        problems.append('an output and a temporary file at once')
    w.start()
    if not w.wait_for(lambda: os.path.exists(os.path.join(w.out, name)), timeout=60):
        problems.append('the file was not processed after the restart')
    time.sleep(0.5)
    if temp():
        problems.append('a temporary file was left in the output folder')
    last = BIG_FIRST + BIG_ROWS - 1
    try:
        if value(os.path.join(w.out, name), 'Performance', f'J{last}') != last * 10 + 9:
            problems.append('the output is not complete')
    except Exception as e:  # noqa: BLE001
        problems.append(f'the output does not open: {e}')
    return problems


def scenario_sigterm(w, sample):
    rc = w.stop(signal.SIGTERM, timeout=5)
    err = w.proc.stderr.read()
    problems = []
    if rc != 0:
        problems.append(f'exit status {rc} after SIGTERM')
    if 'stopped' not in err:
        problems.append('no clean stop message')
    return problems


def scenario_startup_and_once(binary, root, sample, poll):
    inbox, out = os.path.join(root, 'inbox'), os.path.join(root, 'out')
    os.makedirs(inbox)
    for i in range(3):
        path = os.path.join(inbox, f'old{i}.xlsx')
        shutil.copyfile(sample, path)
        os.utime(path, (time.time() - 60, time.time() - 60))
    argv = [binary, 'watch', inbox, '--out-dir', out, '--once', '--settle', '1s'] + (['--poll', '200ms'] if poll else [])
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    problems = [] if p.returncode == 0 else [f'--once exited {p.returncode}']
    if sorted(f for f in os.listdir(out) if f.endswith('.xlsx')) != ['old0.xlsx', 'old1.xlsx', 'old2.xlsx']:
        problems.append(f'outputs: {os.listdir(out)}')
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60)  # remembered: nothing done again
    if ': refreshed' in p.stderr:
        problems.append('files were processed twice without --processed-dir')
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--sample', required=True)
    ap.add_argument('--poll', action='store_true')
    args = ap.parse_args()
    passed, failed = 0, 0
    mode = 'poll' if args.poll else 'inotify'
    scenarios = [scenario_slow_copy, scenario_many, scenario_ignored, scenario_corrupt, scenario_same_name_twice,
                 scenario_kill_and_restart, scenario_sigterm]
    for scenario in scenarios:
        root = tempfile.mkdtemp(prefix='scorecard_watch_')
        w = Watcher(args.bin, root, args.poll).start()
        try:
            problems = scenario(w, args.sample)
        finally:
            if scenario is not scenario_sigterm:
                w.stop()
            shutil.rmtree(root, ignore_errors=True)
        name = f'{mode} {scenario.__name__[len("scenario_"):]}'
        if problems:
            failed += 1
            print(f'FAIL {name}: ' + '; '.join(problems))
        else:
            passed += 1
    root = tempfile.mkdtemp(prefix='scorecard_watch_')
    problems = scenario_startup_and_once(args.bin, root, args.sample, args.poll)
    shutil.rmtree(root, ignore_errors=True)
    if problems:
        failed += 1
        print(f'FAIL {mode} startup_and_once: ' + '; '.join(problems))
    else:
        passed += 1
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
