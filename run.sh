#!/usr/bin/env bash
# Set up (first time) and start mohao_desk. Creates a demo database when there is none.
#   ./run.sh                 start on the default database (user data folder)
#   ./run.sh --db FILE       start on another database
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/mohao-desk ] || [ pyproject.toml -nt .venv/.installed ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip > .venv/install.log 2>&1 || true
  echo "Đang cài đặt mohao_desk vào .venv ..."
  .venv/bin/python -m pip install -e . >> .venv/install.log 2>&1 \
    || { cat .venv/install.log; exit 1; }
  touch .venv/.installed
fi
exec .venv/bin/mohao-desk --demo-if-empty "$@"
