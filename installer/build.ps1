<#
.SYNOPSIS
  Build mohao_desk for Windows (issue 12): the PyInstaller bundle from a fresh virtual
  environment holding a normal (not editable) install of the project, then the NSIS installer
  dist\mohao_desk-setup-<version>.exe. Optionally signs the programs and the installer.

.DESCRIPTION
  Needs: Python 3.12 or later from python.org (the "py" launcher; 3.12+ takes the small
  PySide6_Pdf instead of PySide6-Addons), NSIS 3.08 or later (makensis.exe), network access to
  PyPI. To sign: signtool.exe (Windows SDK) and a code-signing certificate in the certificate
  store (see installer\README.md).

  Steps (each stops the script when it fails):
    1. build\installer\venv: a new virtual environment (an old one is deleted first).
    2. pip install "<source>[installer]" (the project and pyinstaller).
    3. pyinstaller installer\mohao_desk.spec, run from build\installer (never from the source
       tree's root: the spec refuses a mohao_desk that is not the installed one).
    4. With -CertThumbprint: signtool signs mohao_desk.exe and mohao-desk.exe in the bundle.
    5. makensis installer\windows\mohao_desk.nsi with BUNDLE, OUTFILE, VERSION (and, to sign,
       SIGN_THUMBPRINT: makensis then signs the installer and its uninstaller itself).

.EXAMPLE
  powershell -NoProfile -ExecutionPolicy Bypass -File installer\build.ps1

.EXAMPLE
  powershell -NoProfile -ExecutionPolicy Bypass -File installer\build.ps1 `
    -CertThumbprint 0123456789ABCDEF0123456789ABCDEF01234567
#>
[CmdletBinding()]
param(
  # The Python version given to the py launcher (py -3.12).
  [string]$PythonVersion = "3.12",
  # Where the virtual environment and PyInstaller's work go (default: build\installer).
  [string]$BuildDir = "",
  # Where the installer goes (default: dist).
  [string]$DistDir = "",
  # makensis.exe (default: on PATH, or NSIS's usual install folders).
  [string]$MakeNsis = "",
  # The SHA-1 thumbprint of the code-signing certificate (CurrentUser\My or LocalMachine\My);
  # without it nothing is signed.
  [string]$CertThumbprint = "",
  # The RFC 3161 time-stamping server (a signature stays valid after the certificate expires).
  [string]$TimestampUrl = "http://timestamp.digicert.com",
  # signtool.exe (default: on PATH, or the newest Windows SDK's x64 one).
  [string]$SignTool = ""
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

function Say([string]$Text) { Write-Host "build.ps1: $Text" }

function Invoke-Checked {
  # Runs a program; stops the script when it exits with a non-zero code.
  param([string]$Program, [string[]]$Arguments)
  & $Program @Arguments
  if ($LASTEXITCODE -ne 0) {
    throw "build.ps1: '$Program $($Arguments -join ' ')' failed (exit code $LASTEXITCODE)"
  }
}

function Find-Tool {
  param([string]$Given, [string]$Name, [string[]]$Candidates)
  if ($Given) {
    if (-not (Test-Path -LiteralPath $Given)) { throw "build.ps1: $Name not found: $Given" }
    return (Resolve-Path -LiteralPath $Given).Path
  }
  $onPath = Get-Command $Name -ErrorAction SilentlyContinue
  if ($onPath) { return $onPath.Path }
  foreach ($candidate in $Candidates) {
    if ($candidate -and (Test-Path -LiteralPath $candidate)) { return $candidate }
  }
  throw "build.ps1: $Name not found (install it, or give its path)"
}

$started = Get-Date
$Src = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot "..")).Path
if (-not $BuildDir) { $BuildDir = Join-Path $Src "build\installer" }
if (-not $DistDir) { $DistDir = Join-Path $Src "dist" }
New-Item -ItemType Directory -Force -Path $BuildDir, $DistDir | Out-Null
$BuildDir = (Resolve-Path -LiteralPath $BuildDir).Path
$DistDir = (Resolve-Path -LiteralPath $DistDir).Path
$Venv = Join-Path $BuildDir "venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"

# The tools are looked for first: no point building a bundle that cannot be packaged.
$NsisCandidates = @()
if (${env:ProgramFiles(x86)}) { $NsisCandidates += Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
if ($env:ProgramFiles) { $NsisCandidates += Join-Path $env:ProgramFiles "NSIS\makensis.exe" }
$MakeNsis = Find-Tool -Given $MakeNsis -Name "makensis.exe" -Candidates $NsisCandidates
Say "makensis: $MakeNsis"
if ($CertThumbprint) {
  $CertThumbprint = ($CertThumbprint -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
  $cert = @(Get-ChildItem Cert:\CurrentUser\My, Cert:\LocalMachine\My -ErrorAction SilentlyContinue |
      Where-Object { $_.Thumbprint -eq $CertThumbprint })
  if ($cert.Count -eq 0) { throw "build.ps1: no certificate $CertThumbprint in CurrentUser\My or LocalMachine\My" }
  $SdkCandidates = @()
  $kits = if (${env:ProgramFiles(x86)}) { Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin" } else { "" }
  if ($kits -and (Test-Path -LiteralPath $kits)) {
    $SdkCandidates = @(Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match '\\x64\\' } | Sort-Object FullName -Descending |
        ForEach-Object { $_.FullName })
  }
  $SignTool = Find-Tool -Given $SignTool -Name "signtool.exe" -Candidates $SdkCandidates
  Say "signtool: $SignTool (certificate ${CertThumbprint}, $($cert[0].Subject))"
}

# 1. A fresh virtual environment.
if (Test-Path -LiteralPath $Venv) { Remove-Item -LiteralPath $Venv -Recurse -Force }
Say "virtual environment $Venv (Python $PythonVersion)"
Invoke-Checked "py" @("-$PythonVersion", "-m", "venv", $Venv)

# 2. The project, installed as a user would get it (not editable), and pyinstaller. Left-overs
#    of an earlier setuptools build in the source tree's build\ would go into the wheel.
foreach ($stale in @("build\lib", "build\bdist.win-amd64")) {
  $path = Join-Path $Src $stale
  if (Test-Path -LiteralPath $path) { Remove-Item -LiteralPath $path -Recurse -Force }
}
$log = Join-Path $BuildDir "pip.log"
Say "pip install (log: $log)"
# Upgrading pip may fail offline or behind a proxy: the venv's own pip is used then. (No
# redirection of a native program's stderr here: Windows PowerShell 5.1 turns each of its lines
# into an error, which $ErrorActionPreference = "Stop" would make fatal.)
& $VenvPython -m pip install --quiet --upgrade pip
Invoke-Checked $VenvPython @("-m", "pip", "install", "--log", $log, ($Src + "[installer]"))
$Version = & $VenvPython -c "import importlib.metadata as m; print(m.version('mohao-desk'))"
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "build.ps1: cannot read the installed version" }
$Version = "$Version".Trim()
Say "mohao-desk $Version"

# 3. The bundle, built from the build folder (not the source tree's root).
$Work = Join-Path $BuildDir "pyinstaller"
$Dist = Join-Path $BuildDir "bundle"
foreach ($old in @($Work, $Dist)) {
  if (Test-Path -LiteralPath $old) { Remove-Item -LiteralPath $old -Recurse -Force }
}
Push-Location $BuildDir
try {
  Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @(
    "--noconfirm", "--log-level", "WARN", "--workpath", $Work, "--distpath", $Dist,
    (Join-Path $Src "installer\mohao_desk.spec"))
} finally {
  Pop-Location
}
$Bundle = Join-Path $Dist "mohao_desk"
foreach ($exe in @("mohao_desk.exe", "mohao-desk.exe")) {
  if (-not (Test-Path -LiteralPath (Join-Path $Bundle $exe))) { throw "build.ps1: $exe missing from $Bundle" }
}
# The console program answers: a bundle that cannot even compute a due date is not shipped.
Invoke-Checked (Join-Path $Bundle "mohao-desk.exe") @("due", "--received", "2024-04-26T09:00", "--days", "3")

# 4. Sign the programs inside the bundle (before they are packed).
function Invoke-Sign([string]$File) {
  Invoke-Checked $SignTool @("sign", "/sha1", $CertThumbprint, "/fd", "sha256",
    "/tr", $TimestampUrl, "/td", "sha256", "/d", "Bộ phận Một cửa (mohao_desk)", $File)
  Invoke-Checked $SignTool @("verify", "/pa", $File)
}
if ($CertThumbprint) {
  foreach ($exe in @("mohao_desk.exe", "mohao-desk.exe")) { Invoke-Sign (Join-Path $Bundle $exe) }
}

# 5. The installer. VIVERSION: the four numbers Windows shows (0.1.0 -> 0.1.0.0).
$ViVersion = "0.0.0.0"
if ($Version -match '^(\d+)\.(\d+)(?:\.(\d+))?') {
  $patch = if ($Matches[3]) { $Matches[3] } else { "0" }
  $ViVersion = "$($Matches[1]).$($Matches[2]).$patch.0"
}
$Setup = Join-Path $DistDir "mohao_desk-setup-$Version.exe"
$NsisArgs = @("/V2", "/DBUNDLE=$Bundle", "/DOUTFILE=$Setup", "/DVERSION=$Version",
  "/DVIVERSION=$ViVersion")
if ($CertThumbprint) {
  # makensis signs the installer and the uninstaller it embeds (!finalize, !uninstfinalize),
  # calling "signtool" by name: its folder goes first on PATH (a quoted path with spaces in a
  # command that cmd runs would need quotes inside quotes).
  $env:PATH = (Split-Path -Parent $SignTool) + ";" + $env:PATH
  $NsisArgs += @("/DSIGN_THUMBPRINT=$CertThumbprint", "/DTIMESTAMP_URL=$TimestampUrl")
}
$NsisArgs += (Join-Path $Src "installer\windows\mohao_desk.nsi")
Invoke-Checked $MakeNsis $NsisArgs
if ($CertThumbprint) { Invoke-Checked $SignTool @("verify", "/pa", $Setup) }

$bundleMB = [math]::Round(((Get-ChildItem -LiteralPath $Bundle -Recurse -File |
        Measure-Object -Property Length -Sum).Sum) / 1MB, 1)
$setupMB = [math]::Round((Get-Item -LiteralPath $Setup).Length / 1MB, 1)
Say "bundle:    $Bundle ($bundleMB MiB unpacked)"
Say "installer: $Setup ($setupMB MiB)"
Say ("took {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
