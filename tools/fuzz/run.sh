#!/usr/bin/env bash
# tools/fuzz/run.sh BUILD_DIR SECONDS — runs each fuzz target for SECONDS,
# starting from the test workbooks; fails on any crash or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$1
seconds=${2:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/package" "$work/sheet"
cp tests/data/corpus/* tests/data/broken/* "$work/package/"
for f in tests/data/corpus/*.xlsx; do
  unzip -p "$f" 'xl/worksheets/sheet1.xml' > "$work/sheet/$(basename "$f").xml" 2>/dev/null || true
done
for target in package sheet; do
  echo "fuzz_$target: ${seconds}s"
  "$build/tools/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$work/" "$work/$target" 2>&1 | grep -E "^(#[0-9]+ +DONE|Done|==[0-9]+==ERROR|SUMMARY)" || true
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
    echo "fuzz_$target found a problem:"; ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null
    mkdir -p fuzz-artifacts && cp "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* fuzz-artifacts/ 2>/dev/null || true
    exit 1
  fi
done
