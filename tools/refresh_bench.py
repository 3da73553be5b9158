#!/usr/bin/python3
"""Times `scorecard refresh` on a workbook (the Plymouth sample by default).

    refresh_bench.py --bin build/converter/scorecard [--book samples/plymouth-june-2015.xlsx] [--runs 50]

Prints the median, fastest and slowest wall time of whole runs of the command
(process start to exit), and the peak memory of one run.
"""
import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--book', default=os.path.join(os.path.dirname(__file__), '..', 'samples', 'plymouth-june-2015.xlsx'))
ap.add_argument('--runs', type=int, default=50)
args = ap.parse_args()
times = []
with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, 'out.xlsx')
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([args.bin, 'refresh', args.book, '-o', out], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f'refresh of {os.path.basename(args.book)}: median {statistics.median(times) * 1000:.1f} ms, '
      f'fastest {min(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms over {args.runs} runs; '
      f'peak memory {peak:.1f} MiB')
