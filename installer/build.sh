#!/usr/bin/env bash
# Build mohao_desk for Linux (issue 12): a PyInstaller onedir bundle made from a fresh virtual
# environment holding a normal (not editable) install of the project, then
#   dist/mohao_desk-<version>-linux-x86_64.tar.gz   the bundle, a .desktop entry and the icon
#   dist/mohao-desk_<version>_amd64.deb              /opt/mohao-desk, /usr/bin/mohao-desk, menu entry
#
#   installer/build.sh                 everything, in build/installer/ and dist/ of the source tree
#   MOHAO_BUILD_DIR=DIR installer/build.sh   the venv and PyInstaller's work folders in DIR
#   MOHAO_DIST_DIR=DIR  installer/build.sh   the results in DIR
#   MOHAO_REUSE_VENV=1  installer/build.sh   keep the build venv of a previous run (quicker;
#                                            the project is reinstalled all the same)
#   PYTHON=python3.12   installer/build.sh   the Python the bundle is made with (3.11+)
#
# It prints where the bundle is and the sizes (unpacked, .tar.gz, .deb).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
BUILD=${MOHAO_BUILD_DIR:-$SRC/build/installer}
DIST=${MOHAO_DIST_DIR:-$SRC/dist}
VENV=$BUILD/venv
mkdir -p "$BUILD" "$DIST"
BUILD=$(cd "$BUILD" && pwd)
DIST=$(cd "$DIST" && pwd)
started=$SECONDS

say() { echo "build.sh: $*"; }

# 1. A fresh virtual environment with the project installed as a user would get it.
if [ "${MOHAO_REUSE_VENV:-}" != 1 ] || [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
log=$BUILD/pip.log
say "pip install . (and the 'installer' extra: pyinstaller) into $VENV ..."
"$VENV/bin/python" -m pip install --quiet --upgrade pip >"$log" 2>&1 || true
# A normal install (never an editable one: the bundle must be made from what a wheel holds, so a
# file missing from the package data shows here). setuptools builds in the source tree's build/:
# left-overs of an earlier build there would go into the wheel, so they go first.
rm -rf "$SRC/build/lib" "$SRC"/build/bdist.*
if ! "$VENV/bin/python" -m pip install "$SRC[installer]" >>"$log" 2>&1 \
  || { [ "${MOHAO_REUSE_VENV:-}" = 1 ] \
    && ! "$VENV/bin/python" -m pip install --force-reinstall --no-deps "$SRC" >>"$log" 2>&1; }
then
  cat "$log" >&2
  say "pip failed (its log is above)" >&2
  exit 1
fi
VERSION=$("$VENV/bin/python" -c \
  "import importlib.metadata as m; print(m.version('mohao-desk'))")
say "mohao-desk $VERSION"

# 2. The bundle, built from outside the source tree's root (the spec refuses a mohao_desk
#    imported from anywhere but site-packages).
cd "$BUILD"
rm -rf "$BUILD/pyinstaller" "$BUILD/bundle"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --workpath "$BUILD/pyinstaller" --distpath "$BUILD/bundle" \
  "$SRC/installer/mohao_desk.spec" >"$BUILD/pyinstaller.log" 2>&1 \
  || { cat "$BUILD/pyinstaller.log" >&2; say "pyinstaller failed" >&2; exit 1; }
BUNDLE=$BUILD/bundle/mohao_desk
[ -x "$BUNDLE/mohao_desk" ] || { say "no program in $BUNDLE" >&2; exit 1; }
ICON_PNG=$SRC/resources/icons/mohao_desk.png
ICON_SVG=$SRC/resources/icons/mohao_desk.svg

desktop_entry() {  # $1: the Exec line's program
  cat <<EOF
[Desktop Entry]
Type=Application
Name=Bộ phận Một cửa
Name[vi]=Bộ phận Một cửa
Name[en]=One-stop desk
GenericName=Theo dõi hồ sơ thủ tục hành chính
GenericName[en]=Administrative dossier tracking
Comment=Tiếp nhận, theo dõi thời hạn, xin lỗi, số hóa hồ sơ thủ tục hành chính
Comment[en]=Receive dossiers, track their deadlines, apologies and digitization
Exec=$1
Icon=mohao-desk
Terminal=false
Categories=Office;
StartupWMClass=mohao_desk
EOF
}

# 3. The .tar.gz: mohao_desk-<version>/ holds the bundle (mohao_desk/), the icon, a .desktop
#    entry and a script that puts the entry in the user's menu with this folder's path.
NAME=mohao_desk-$VERSION
STAGE=$BUILD/stage
rm -rf "$STAGE"
mkdir -p "$STAGE/$NAME"
cp -a "$BUNDLE" "$STAGE/$NAME/mohao_desk"
cp "$ICON_PNG" "$STAGE/$NAME/mohao-desk.png"
desktop_entry "mohao_desk" >"$STAGE/$NAME/mohao-desk.desktop"
cat >"$STAGE/$NAME/install-desktop-entry.sh" <<'EOF'
#!/bin/sh
# Adds "Bộ phận Một cửa" to this user's application menu, pointing at this folder
# (run it again after moving the folder). Needs no administrator rights.
set -e
here=$(cd "$(dirname "$0")" && pwd)
apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps
mkdir -p "$apps" "$icons"
cp "$here/mohao-desk.png" "$icons/mohao-desk.png"
sed "s|^Exec=.*|Exec=\"$here/mohao_desk/mohao_desk\"|" "$here/mohao-desk.desktop" \
  >"$apps/mohao-desk.desktop"
echo "Đã thêm 'Bộ phận Một cửa' vào trình đơn ứng dụng ($apps/mohao-desk.desktop)."
EOF
chmod 755 "$STAGE/$NAME/install-desktop-entry.sh"
cat >"$STAGE/$NAME/README.txt" <<EOF
Bộ phận Một cửa (mohao_desk) $VERSION cho Linux x86-64.

Chạy chương trình:            ./mohao_desk/mohao_desk
Dòng lệnh (ví dụ):            ./mohao_desk/mohao_desk due
Thêm vào trình đơn ứng dụng:  ./install-desktop-entry.sh

Không cần cài Python. Trên Debian/Ubuntu tối giản cần các thư viện hệ thống:
  sudo apt install libegl1 libgl1 libx11-6 libx11-xcb1 libxcb1 libfontconfig1 libfreetype6 \\
    zlib1g libuuid1 libdbus-1-3 libcups2 libgssapi-krb5-2
(thường đã có sẵn trên máy có giao diện đồ họa). Cần glibc 2.36 trở lên: Debian 12+, Ubuntu 23.04+.
EOF
TARBALL=$DIST/$NAME-linux-x86_64.tar.gz
tar -C "$STAGE" -czf "$TARBALL" "$NAME"

# 4. The .deb: the bundle in /opt/mohao-desk, /usr/bin/mohao-desk a symbolic link to its
#    program, the menu entry and the icon. dpkg-deb --root-owner-group: no fakeroot needed.
PKG=$BUILD/deb
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$PKG/opt/mohao-desk"
ln -s /opt/mohao-desk/mohao_desk "$PKG/usr/bin/mohao-desk"
desktop_entry "/usr/bin/mohao-desk" >"$PKG/usr/share/applications/mohao-desk.desktop"
cp "$ICON_PNG" "$PKG/usr/share/icons/hicolor/256x256/apps/mohao-desk.png"
cp "$ICON_SVG" "$PKG/usr/share/icons/hicolor/scalable/apps/mohao-desk.svg"
installed_kb=$(du -sk "$PKG" --exclude=DEBIAN | cut -f1)
# The system libraries the bundle links but does not carry (readelf -d over the bundle; the
# spec says why each is left out): glibc (2.36: libstdc++ comes from the build machine, Debian
# 12; so Debian 12+, Ubuntu 23.04+), GL/EGL, X11 and xcb, fontconfig and FreeType, zlib,
# libuuid, D-Bus, CUPS and GSSAPI. Ubuntu 24.04 renamed libcups2 to libcups2t64.
cat >"$PKG/DEBIAN/control" <<EOF
Package: mohao-desk
Version: $VERSION
Architecture: amd64
Maintainer: mohao_desk <mohao-desk@localhost>
Installed-Size: $installed_kb
Section: misc
Priority: optional
Depends: libc6 (>= 2.36), libegl1, libgl1, libx11-6, libx11-xcb1, libxcb1, libfontconfig1,
 libfreetype6, zlib1g, libuuid1, libdbus-1-3, libcups2t64 | libcups2, libgssapi-krb5-2
Description: Bộ phận Một cửa: theo dõi hồ sơ thủ tục hành chính
 Tiếp nhận hồ sơ, theo dõi thời hạn giải quyết, phiếu xin lỗi, số hóa, báo cáo
 cho bộ phận Một cửa cấp xã. Chương trình: /usr/bin/mohao-desk.
 .
 One-stop desk of a commune: dossiers, deadlines, apology slips, digitization, reports.
EOF
DEB=$DIST/mohao-desk_${VERSION}_amd64.deb
# gzip: a few seconds; xz would save ~15% for ~1 min of compression.
dpkg-deb --root-owner-group -Zgzip --build "$PKG" "$DEB" >/dev/null

size() {  # apparent size of a file or folder: "149.6 MiB (156.8 MB)"
  du -sb "$1" | awk '{ printf "%.1f MiB (%.1f MB)", $1 / 1048576, $1 / 1000000 }'
}
say "bundle:  $BUNDLE, $(size "$BUNDLE") unpacked"
say "tar.gz:  $TARBALL, $(size "$TARBALL")"
say "deb:     $DEB, $(size "$DEB")"
say "version: $VERSION; took $((SECONDS - started)) s"
# For scripts (.ci/run): the bundle folder and the version, one line each.
printf '%s\n%s\n' "$BUNDLE" "$VERSION" >"$BUILD/result.txt"
