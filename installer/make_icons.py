"""Make the application icon's raster files from resources/icons/mohao_desk.svg with Qt:
``mohao_desk.png`` (256 px: the window, the Linux .desktop entry) and ``mohao_desk.ico``
(16 to 256 px: the Windows programs and the installer). Run it after changing the SVG and
commit the results (the builds use the committed files):

    python installer/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO holding one PNG image a size (Windows Vista and later read PNG entries)."""
    entries = [png_bytes(image) for image in images]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += len(entries).to_bytes(2, "little")
    offset = 6 + 16 * len(entries)
    directory = b""
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += bytes((side, side, 0, 0))
        directory += (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        directory += len(data).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(data)
    return header + directory + b"".join(entries)


def main() -> int:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "mohao_desk.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG cannot be read", file=sys.stderr)
        return 1
    (ICONS / "mohao_desk.png").write_bytes(png_bytes(render(renderer, 256)))
    (ICONS / "mohao_desk.ico").write_bytes(ico_bytes([render(renderer, s) for s in ICO_SIZES]))
    print(f"make_icons: wrote {ICONS / 'mohao_desk.png'} and {ICONS / 'mohao_desk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
