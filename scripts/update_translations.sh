#!/usr/bin/env bash
# Refresh the translation sources from the code, then build the .qm files the station loads.
# Translate new strings in Qt Linguist (pyside6-linguist resources/i18n/station_de.ts) in between.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(dirname "$(python -c 'import sys; print(sys.executable)')")"
for ts in resources/i18n/station_*.ts; do
  "$BIN/pyside6-lupdate" station/*.py station/*/*.py ui/*.py -ts "$ts"
  "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
