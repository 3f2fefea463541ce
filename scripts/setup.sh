#!/usr/bin/env bash
# Create .venv with factcheck and its test tools, then write reports/report.html from seeds/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  # The browser tests drive Debian's chromium; without it they are skipped.
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum) >/dev/null 2>&1 \
    || echo "setup: chromium could not be installed; browser tests will be skipped" >&2
fi
.venv/bin/factcheck check seeds --out reports/report.html --json reports/report.json
