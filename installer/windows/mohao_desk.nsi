; The Windows installer of mohao_desk (issue 12): NSIS 3 with Modern UI 2.
;
;   makensis -DBUNDLE=<the PyInstaller bundle folder> -DOUTFILE=<setup .exe> -DVERSION=<x.y.z>
;            installer\windows\mohao_desk.nsi
;
; Built by installer/build.ps1 on Windows; CI compiles it on Linux against the Linux bundle
; (Debian's makensis) to catch script errors. The file is UTF-8 with a byte-order mark, so
; makensis reads the Vietnamese texts right on any system.
;
; - Vietnamese first (the default), English on a Windows whose display language is English:
;   NSIS chooses by the user's UI language among the languages below, no question asked.
; - Per user, without administrator rights: %LOCALAPPDATA%\Programs\mohao_desk, shortcuts in
;   the user's Start menu and on the user's desktop, the uninstaller registered under HKCU.
; - The data (database, backups, logs) is not in the program folder: it is the platformdirs
;   user data folder, %LOCALAPPDATA%\mohao_desk (mohao_desk/paths.py: user_data_dir
;   ("mohao_desk", appauthor=False), not roaming). Installing over an older version replaces
;   the program only; the program backs its database up before it migrates it
;   (store/db.py). Uninstalling keeps the data unless "Xoá cả dữ liệu" is ticked.

Unicode true
ManifestDPIAware true
; -DNO_COMPRESSION (CI: the script is checked, the payload thrown away): seconds instead of
; minutes; the real installer: solid LZMA, the smallest.
!ifdef NO_COMPRESSION
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 32
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"

!ifndef BUNDLE
  !error "Give the bundle folder: makensis -DBUNDLE=<folder> -DOUTFILE=<file> -DVERSION=<x.y.z>"
!endif
!ifndef OUTFILE
  !error "Give the output file: makensis -DBUNDLE=<folder> -DOUTFILE=<file> -DVERSION=<x.y.z>"
!endif
!ifndef VERSION
  !error "Give the version: makensis -DBUNDLE=<folder> -DOUTFILE=<file> -DVERSION=<x.y.z>"
!endif
; The file version Windows shows needs four numbers: 0.1.0 -> 0.1.0.0 (build.ps1 gives
; VIVERSION itself for versions with a suffix).
!ifndef VIVERSION
  !define VIVERSION "${VERSION}.0"
!endif

!define APP_ID "mohao_desk"
!define APP_EXE "mohao_desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"
; Where the program keeps its data (see above).
!define DATA_DIR "$LOCALAPPDATA\${APP_ID}"
; The names of the shortcuts, one a language (an uninstall in either language removes both).
!define SHORTCUT_VI "Bộ phận Một cửa"
!define SHORTCUT_EN "One-stop desk"
!define ICON_FILE "${BUNDLE}/_internal/mohao_desk/resources/icons/mohao_desk.ico"

Name "Bộ phận Một cửa"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
RequestExecutionLevel user
BrandingText "mohao_desk ${VERSION}"

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "mohao_desk"
VIAddVersionKey /LANG=0 "FileDescription" "Bộ phận Một cửa: cài đặt"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

; Signing (build.ps1 -CertThumbprint): makensis signs the installer, and the uninstaller it
; writes into it, with signtool (on PATH) and the certificate of that SHA-1 thumbprint.
!ifdef SIGN_THUMBPRINT
  !ifndef TIMESTAMP_URL
    !define TIMESTAMP_URL "http://timestamp.digicert.com"
  !endif
  !define SIGN_COMMAND 'signtool sign /sha1 ${SIGN_THUMBPRINT} /fd sha256 /tr ${TIMESTAMP_URL} /td sha256 /d "mohao_desk" "%1"'
  !finalize '${SIGN_COMMAND}' = 0
  !uninstfinalize '${SIGN_COMMAND}' = 0
!endif

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING

; Installer pages.
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunProgram)"
!insertmacro MUI_PAGE_FINISH

; Uninstaller pages: confirm, keep or delete the data, uninstall.
!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPageCreate un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; Languages: the first is the default (a Windows in any language but English gets Vietnamese).
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString RunProgram ${LANG_VIETNAMESE} "Chạy chương trình Bộ phận Một cửa"
LangString RunProgram ${LANG_ENGLISH} "Run the one-stop desk program"
LangString ShortcutName ${LANG_VIETNAMESE} "${SHORTCUT_VI}"
LangString ShortcutName ${LANG_ENGLISH} "${SHORTCUT_EN}"
LangString ShortcutComment ${LANG_VIETNAMESE} "Tiếp nhận, theo dõi thời hạn, xin lỗi, số hóa hồ sơ thủ tục hành chính"
LangString ShortcutComment ${LANG_ENGLISH} "Receive dossiers, track their deadlines, apologies and digitization"
LangString DataTitle ${LANG_VIETNAMESE} "Dữ liệu của đơn vị"
LangString DataTitle ${LANG_ENGLISH} "The unit's data"
LangString DataSubtitle ${LANG_VIETNAMESE} "Giữ lại hoặc xoá cơ sở dữ liệu, bản sao lưu và nhật ký"
LangString DataSubtitle ${LANG_ENGLISH} "Keep or delete the database, its backups and the logs"
LangString DataText ${LANG_VIETNAMESE} "Dữ liệu (hồ sơ, bản sao lưu, nhật ký) nằm trong thư mục$\r$\n${DATA_DIR}$\r$\nvà được giữ lại để cài lại hoặc cài phiên bản mới vẫn dùng tiếp được. Chỉ đánh dấu ô dưới đây nếu chắc chắn không cần dữ liệu này nữa (đã sao lưu sang nơi khác)."
LangString DataText ${LANG_ENGLISH} "The data (dossiers, backups, logs) is in the folder$\r$\n${DATA_DIR}$\r$\nand is kept, so that a reinstall or a newer version goes on with it. Tick the box below only if you are sure the data is no longer needed (backed up elsewhere)."
LangString DeleteData ${LANG_VIETNAMESE} "Xoá cả dữ liệu"
LangString DeleteData ${LANG_ENGLISH} "Also delete data"
LangString DataDeleted ${LANG_VIETNAMESE} "Đã xoá thư mục dữ liệu"
LangString DataDeleted ${LANG_ENGLISH} "Deleted the data folder"
LangString DataKept ${LANG_VIETNAMESE} "Giữ lại thư mục dữ liệu"
LangString DataKept ${LANG_ENGLISH} "Kept the data folder"

Section "mohao_desk" SecProgram
  SectionIn RO
  ; An older version's program files go first (its libraries would otherwise stay beside the
  ; new ones); the data is elsewhere (DATA_DIR) and stays.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts: the user's Start menu and desktop (SetShellVarContext current: no admin).
  SetShellVarContext current
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  ; The uninstaller in Settings > Apps (per user: HKCU).
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Bộ phận Một cửa (mohao_desk)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "mohao_desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; The uninstaller's page with the "delete data" box, unticked: a silent uninstall (/S) never
; deletes data either.
Var DeleteDataBox
Var DeleteDataState

Function un.onInit
  StrCpy $DeleteDataState ${BST_UNCHECKED}
FunctionEnd

Function un.DataPageCreate
  !insertmacro MUI_HEADER_TEXT "$(DataTitle)" "$(DataSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 60u "$(DataText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 70u 100% 12u "$(DeleteData)"
  Pop $DeleteDataBox
  ${NSD_SetState} $DeleteDataBox $DeleteDataState
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DeleteDataBox $DeleteDataState
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${SHORTCUT_VI}.lnk"
  Delete "$SMPROGRAMS\${SHORTCUT_EN}.lnk"
  Delete "$DESKTOP\${SHORTCUT_VI}.lnk"
  Delete "$DESKTOP\${SHORTCUT_EN}.lnk"

  ; The program's own files only: a folder the user chose may hold other things.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\mohao_desk.exe"
  Delete "$INSTDIR\mohao-desk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ${If} $DeleteDataState == ${BST_CHECKED}
    RMDir /r "${DATA_DIR}"
    DetailPrint "$(DataDeleted): ${DATA_DIR}"
  ${Else}
    DetailPrint "$(DataKept): ${DATA_DIR}"
  ${EndIf}

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
