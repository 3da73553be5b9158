#!/usr/bin/env bash
# The README's second command (and CI's): install what is missing, build, and
# run every test: unit and end-to-end tests, the same under AddressSanitizer
# and UndefinedBehaviorSanitizer, a short fuzzing run, and, when ../shared is
# beside the checkout, the acceptance fixtures and the corpus sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
jobs=$(nproc)

echo "== build and test"
scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== the same under AddressSanitizer and UndefinedBehaviorSanitizer"
scripts/build.sh build-asan -DSCORECARD_SANITIZE=ON -DSCORECARD_BUILD_TOOLS=OFF
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== fuzzing the package and sheet readers (short run)"
CC=clang CXX=clang++ scripts/build.sh build-fuzz -DSCORECARD_FUZZ=ON -DSCORECARD_BUILD_TESTS=OFF -DSCORECARD_BUILD_TOOLS=OFF
tools/fuzz/run.sh build-fuzz "${SCORECARD_FUZZ_SECONDS:-30}"

if [[ -d ../shared/fixtures && -d ../shared/corpus ]]; then
  echo "== acceptance fixtures (../shared/fixtures)"
  /usr/bin/python3 ../shared/fixtures/check.py --bin build/converter/scorecard --cases ../shared/fixtures
  echo "== corpus sweep (../shared/corpus), sanitized build"
  ASAN_OPTIONS=detect_leaks=1 /usr/bin/python3 tools/corpus_sweep.py --bin build-asan/converter/scorecard \
    --corpus ../shared/corpus
fi
