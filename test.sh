#!/usr/bin/env bash
# Set up (first time) and run the whole test suite, with lint. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/pytest ] || [ pyproject.toml -nt .venv/.installed-test ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip > .venv/install.log 2>&1 || true
  .venv/bin/python -m pip install -e '.[test]' >> .venv/install.log 2>&1 \
    || { cat .venv/install.log; exit 1; }
  touch .venv/.installed-test
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
