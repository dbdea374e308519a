#!/usr/bin/env bash
# Build the one-folder bundle from build_installer.spec on Linux (统信UOS, 麒麟, Debian …) and run
# the frozen program's self-test; prints the bundle's size and the self-test's wall time, and fails
# when the bundle outgrows its budget (MAX_MB, in MiB as du counts).
#   scripts/build_linux_bundle.sh            -> dist/gipr-desktop/  (run dist/gipr-desktop/gipr-desktop)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-.venv-build}  # its own environment: the build tools stay out of the test environment
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q -e ".[build]"
"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN build_installer.spec
start=$(date +%s%N)
dist/gipr-desktop/gipr-desktop --self-test
end=$(date +%s%N)
size=$(du -sm dist/gipr-desktop | cut -f1)
echo "bundle dist/gipr-desktop: ${size} MB unpacked; frozen self-test: $(( (end - start) / 1000000 )) ms"
max=${MAX_MB:-140}
if [ "$size" -gt "$max" ]; then
  echo "the bundle is ${size} MB, over its budget of ${max} MB: see what build_installer.spec lets in" >&2
  exit 1
fi
