#!/usr/bin/env bash
# The README's first command: install what is missing, build, and refresh the
# bundled Plymouth sample. Prints where the refreshed workbook is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
out=build/samples/plymouth-june-2015-refreshed.xlsx
mkdir -p build/samples
build/converter/scorecard refresh samples/plymouth-june-2015.xlsx -o "$out"
echo
echo "Refreshed workbook: $(pwd)/$out"
