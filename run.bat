@echo off
rem Set up (first time) and start mohao_desk on Windows. Needs Python 3.11+ from python.org.
rem   run.bat                 start on the default database (user data folder)
rem   run.bat --db FILE       start on another database
rem As run.sh does: installs into .venv when there is none, or again when pyproject.toml is
rem newer than the last install (.venv\.installed); stops when pip fails (its log is shown).
rem The messages are UTF-8 (chcp 65001, Windows 10 and later); this file has CRLF line ends.
setlocal
chcp 65001 >nul
cd /d "%~dp0"
set "NEED_INSTALL=0"
if not exist .venv\Scripts\mohao-desk.exe set "NEED_INSTALL=1"
if not exist .venv\.installed set "NEED_INSTALL=1"
if "%NEED_INSTALL%"=="0" (
  powershell -NoProfile -NonInteractive -Command "if ((Get-Item -LiteralPath 'pyproject.toml').LastWriteTimeUtc -gt (Get-Item -LiteralPath '.venv\.installed').LastWriteTimeUtc) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "NEED_INSTALL=1"
)
if "%NEED_INSTALL%"=="1" (
  py -3 -m venv .venv 2>nul || python -m venv .venv
  if not exist .venv\Scripts\python.exe (
    echo Không tạo được môi trường .venv: cần Python 3.11 trở lên từ python.org.
    exit /b 1
  )
  .venv\Scripts\python -m pip install --quiet --upgrade pip > .venv\install.log 2>&1
  echo Đang cài đặt mohao_desk vào .venv ...
  .venv\Scripts\python -m pip install -e . >> .venv\install.log 2>&1
  if errorlevel 1 (
    type .venv\install.log
    echo Cài đặt thất bại ^(pip^): xem .venv\install.log ở trên.
    exit /b 1
  )
  type nul > .venv\.installed
)
.venv\Scripts\mohao-desk.exe --demo-if-empty %*
