#!/usr/bin/env bash
# Smoke-test a Linux bundle as a user would run it (issue 12): a copy of the bundle folder in a
# temporary folder outside the source tree, run with a bare environment (env -i: no virtual
# environment, no Python on PATH, no locale, offscreen Qt):
#   due (holidays data), demo into a fresh database (Alembic migrations from the bundle), a
#   receipt PDF read back with pdftotext (fonts, Vietnamese), the Excel report (a zip
#   workbook), the window until its board shows rows (--launch-probe), and the window started
#   the ordinary way for a few seconds (log-in dialog), with no traceback.
#
#   With a Python that has mohao_desk installed (build.sh's venv), also the upgrade: a database
#   taken back to revision 0001 is opened by the bundle, which backs it up, then migrates it.
#
#   installer/smoke_test.sh BUNDLE_FOLDER [PYTHON]   (build/installer/bundle/mohao_desk)
set -euo pipefail
{ [ $# -eq 1 ] || [ $# -eq 2 ]; } && [ -x "$1/mohao_desk" ] \
  || { echo "usage: $0 BUNDLE_FOLDER [PYTHON]" >&2; exit 2; }
fixture_python=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mohao-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -a "$1" "$tmp/mohao_desk"
mkdir "$tmp/home" "$tmp/work"
cd "$tmp/work"
prog=$tmp/mohao_desk/mohao_desk
bare() { env -i HOME="$tmp/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@"; }
fail() { echo "smoke_test: FAILED: $*" >&2; exit 1; }
ok() { echo "smoke_test: ok: $*"; }
no_traceback() {  # $1: a stderr file
  if grep -q -e Traceback -e "lỗi không mong đợi" "$1"; then cat "$1" >&2; fail "$2"; fi
}

# 1. due: 26/04/2024 + 3 working days skips 30/4 and 1/5 (holidays, language="vi").
out=$(bare "$prog" due --received 2024-04-26T09:00 --days 3 2>err.txt) || { cat err.txt; fail due; }
no_traceback err.txt due
echo "$out" | grep -q "hạn trả 09:00 04/05/2024" || { echo "$out"; fail "due: wrong date"; }
ok "due: $(echo "$out" | tail -1)"
# The same through a symbolic link, as the .deb's /usr/bin/mohao-desk starts it.
mkdir "$tmp/bin" && ln -s "$prog" "$tmp/bin/mohao-desk"
env -i HOME="$tmp/home" PATH="$tmp/bin:/usr/bin:/bin" mohao-desk due --received 2024-04-26T09:00 \
  --days 3 2>err.txt | grep -q "hạn trả 09:00 04/05/2024" || { cat err.txt; fail "due via a link"; }
ok "due through a symbolic link on PATH"

# 2. demo into a fresh database.
bare "$prog" demo --dossiers 300 --db demo.sqlite3 >out.txt 2>err.txt || { cat out.txt err.txt; fail demo; }
no_traceback err.txt demo
[ -s demo.sqlite3 ] || fail "demo: no database"
ok "demo: $(head -1 out.txt)"

# 2b. The calendar: a day off that only the holidays package knows, under its Vietnamese name
#     (its VN.mo files in the bundle; in English or missing, the bundle lost them).
out=$(bare "$prog" calendar show --db demo.sqlite3 --year 2025 2>err.txt) || { cat err.txt; fail calendar; }
no_traceback err.txt calendar
line=$(echo "$out" | grep "theo quy tắc của gói holidays" | head -1)
echo "$line" | grep -q "nghỉ: .*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]" \
  || { echo "$out"; fail "calendar: no Vietnamese holiday name from the holidays package"; }
ok "calendar: $line"

# 3. A receipt (Mẫu 01) of the first dossier, read back.
code=$(bare "$prog" list --db demo.sqlite3 --all --format csv --limit 1 2>err.txt | sed -n 2p | cut -d, -f1)
[ -n "$code" ] || { cat err.txt; fail "list: no dossier"; }
bare MOHAO_PASSWORD=demo "$prog" document receipt --db demo.sqlite3 --dossier "$code" \
  --out receipt.pdf >out.txt 2>err.txt || { cat out.txt err.txt; fail receipt; }
no_traceback err.txt receipt
text=$(pdftotext -layout receipt.pdf -)
echo "$text" | grep -q "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" || { echo "$text"; fail "receipt: title"; }
echo "$text" | grep -q "$code" || fail "receipt: no dossier code"
ok "receipt PDF of $code"

# 4. The Excel report (Biểu 06): a zip workbook.
bare "$prog" report kstt --db demo.sqlite3 --period year --year "$(date +%Y)" --format xlsx \
  --out kstt.xlsx >out.txt 2>err.txt || { cat out.txt err.txt; fail "Excel report"; }
no_traceback err.txt "Excel report"
[ "$(head -c 4 kstt.xlsx | od -An -c | tr -d ' ')" = 'PK003004' ] || fail "report: not a zip"
grep -aq "xl/workbook.xml" kstt.xlsx || fail "report: no workbook in the zip"
ok "Excel report ($(stat -c %s kstt.xlsx) bytes)"

# 5. The window, offscreen, until the first rows of the board are shown; then it quits.
probe=$(bare "$prog" --db demo.sqlite3 --launch-probe "$(date +%s.%N)" 2>err.txt) \
  || { cat err.txt; fail "window (launch probe)"; }
no_traceback err.txt "window (launch probe)"
[ ! -e backups ] || fail "the launch probe made a backup (it must not close the window)"
ok "window usable in $(echo "$probe" | cut -d' ' -f1) s ($(echo "$probe" | cut -d' ' -f2) rows)"

# 6. The window started as the shortcut starts it: still running (the log-in dialog) after
#    a few seconds, nothing on stderr but Qt's notes.
set +e
bare timeout 6 "$prog" --db demo.sqlite3 >out.txt 2>err.txt
status=$?
set -e
no_traceback err.txt "window"
[ "$status" -eq 124 ] || { cat out.txt err.txt; fail "window exited by itself ($status)"; }
ok "window ran 6 s and was stopped (stderr: $(grep -cv -e '^$' err.txt) lines, no traceback)"

# 7. The upgrade: an older program's database (revision 0001) is copied into backups/, then
#    migrated by the bundle's Alembic scripts; opened again, it is at head (no second copy).
if [ -n "$fixture_python" ]; then
  (cd "$tmp/work" && "$fixture_python" "$here/make_old_database.py" old.sqlite3 0001 >/dev/null) \
    || fail "could not make the old database"
  for _ in 1 2; do
    bare "$prog" list --db old.sqlite3 --all --count >out.txt 2>err.txt \
      || { cat out.txt err.txt; fail "upgrade: the bundle did not open the old database"; }
    no_traceback err.txt upgrade
  done
  copies=$(ls backups/old-truoc-nang-cap-tu-0001-*.sqlite3 2>/dev/null | wc -l)
  [ "$copies" -eq 1 ] || { ls -la backups >&2 || true; fail "upgrade: $copies pre-upgrade copies"; }
  ok "upgrade from 0001: $(basename backups/old-truoc-nang-cap-tu-0001-*.sqlite3), then $(cat out.txt) dossiers"
fi

[ ! -e "$tmp/home/.local/share/mohao_desk/logs/errors.log" ] || {
  cat "$tmp/home/.local/share/mohao_desk/logs/errors.log"; fail "errors.log written"; }
echo "smoke_test: all passed"
