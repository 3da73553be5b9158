#!/usr/bin/python3
"""Watched-folder benchmark (issue 5).

    watch_bench.py --bin build/converter/scorecard [--sample samples/plymouth-june-2015.xlsx] [--settle 2]

- Latency: a running watcher (inotify, --settle S); the sample is written into
  the inbox and closed; the time until its refreshed output appears, less the
  settle time. Median of 10 drops. Target: under 200 ms beyond the settle time.
- Throughput: 200 copies of the sample already settled in the inbox, processed
  by `watch --once` on one core (taskset). Target: at least 50 workbooks a second.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--sample', default=os.path.join(os.path.dirname(__file__), '..', 'samples', 'plymouth-june-2015.xlsx'))
ap.add_argument('--settle', type=float, default=2.0)
args = ap.parse_args()
data = open(args.sample, 'rb').read()

with tempfile.TemporaryDirectory() as root:
    inbox, out = os.path.join(root, 'in'), os.path.join(root, 'out')
    os.makedirs(inbox)
    p = subprocess.Popen([args.bin, 'watch', inbox, '--out-dir', out, '--settle', f'{args.settle}s'],
                         stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    latencies = []
    for i in range(10):
        name = f'drop{i}.xlsx'
        with open(os.path.join(inbox, name), 'wb') as f:
            f.write(data)
        closed = time.perf_counter()
        target = os.path.join(out, name)
        while not os.path.exists(target):
            time.sleep(0.001)
        latencies.append(time.perf_counter() - closed - args.settle)
    p.terminate()
    p.wait()
    print(f'latency beyond the {args.settle:g} s settle time: median {statistics.median(latencies) * 1000:.0f} ms, '
          f'worst {max(latencies) * 1000:.0f} ms over {len(latencies)} drops (target under 200 ms)')

with tempfile.TemporaryDirectory() as root:
    inbox, out = os.path.join(root, 'in'), os.path.join(root, 'out')
    os.makedirs(inbox)
    old = time.time() - 3600
    for i in range(200):
        path = os.path.join(inbox, f'book{i:03d}.xlsx')
        with open(path, 'wb') as f:
            f.write(data)
        os.utime(path, (old, old))
    t0 = time.perf_counter()
    subprocess.run(['taskset', '-c', '0', args.bin, 'watch', inbox, '--out-dir', out, '--once'],
                   check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    done = len([f for f in os.listdir(out) if f.endswith('.xlsx')])
    print(f'throughput: {done} workbooks in {seconds:.2f} s = {done / seconds:.0f} workbooks/s on one core '
          f'(target at least 50/s)')
