"""What both windows do with sync packages: choose the files, summarise an import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_package_files(parent: QWidget) -> list[Path]:
    """Ask for package files (empty when the officer cancels)."""
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Packages", "Chọn gói cần nhập"),
        "",
        QCoreApplication.translate("Packages", "Gói mohao_desk (*.mhd)"),
    )
    return [Path(f) for f in files]


def import_summary(report: Any) -> str:
    """ "Đã nhập 3 gói." and one line per unit with missing packages."""
    lines = [
        QCoreApplication.translate("Packages", "Đã nhập %1 gói.").replace(
            "%1", str(len(report.outcomes))
        )
    ]
    lines += [gap.text() for gap in report.gaps]
    return "\n".join(lines)
