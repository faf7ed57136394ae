#!/usr/bin/env bash
# Set up (first time) and start mohao_desk. Creates a demo database when there is none.
#   ./run.sh                 start on the default database (user data folder)
#   ./run.sh --db FILE       start on another database
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/mohao-desk ] || [ pyproject.toml -nt .venv/.installed ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
  touch .venv/.installed
fi
exec .venv/bin/mohao-desk --demo-if-empty "$@"
