@echo off
rem Set up (first time) and start mohao_desk on Windows. Needs Python 3.11+ from python.org.
cd /d "%~dp0"
if not exist .venv\Scripts\mohao-desk.exe (
  py -3 -m venv .venv || python -m venv .venv
  .venv\Scripts\python -m pip install --quiet --upgrade pip
  .venv\Scripts\python -m pip install --quiet -e .
)
.venv\Scripts\mohao-desk.exe --demo-if-empty %*
