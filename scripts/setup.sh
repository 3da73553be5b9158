#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing.
#   scripts/setup.sh          build dependencies
#   scripts/setup.sh --tests  also what the test suite needs (openpyxl, LibreOffice, clang for fuzzing)
# Runs apt-get directly as root, through sudo otherwise.
set -euo pipefail

packages=(cmake ninja-build g++ pkg-config libfmt-dev libboost-program-options-dev doctest-dev libpugixml-dev zlib1g-dev)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(python3 python3-openpyxl libreoffice-calc-nogui libreoffice-writer-nogui chromium clang libclang-rt-14-dev poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  echo "installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
