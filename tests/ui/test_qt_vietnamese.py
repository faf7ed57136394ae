"""Qt's own texts in Vietnamese (resources/translations/qt_vi.ts → .qm): standard buttons, message
boxes, Qt's file dialog, the Unix print dialog and its page setup, the context menus of text
fields and spin boxes. No English original is left where a Vietnamese officer can see it, the
.qm is the compiled .ts, and Qt asks for no text of these contexts that the .ts lacks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QKeyCombination,
    QLocale,
    QPoint,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from mohao_desk.ui import app as app_module
from mohao_desk.ui.app import install_translations
from tests.ui.test_translations import _messages, _placeholders

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS = FOLDER / "qt_vi.ts"
QM = FOLDER / "qt_vi.qm"
SB = QDialogButtonBox.StandardButton
# Contexts the .ts covers only in part, on purpose: key names (those on an office keyboard) and
# file kinds of Qt's built-in MIME database (those a desk meets).
PARTIAL = {"QShortcut", "QMimeType"}
# English texts that must not be seen (besides every source text of qt_vi.ts translated to
# something else), written out so that a broken .ts cannot hide them.
ENGLISH = {
    "OK", "Cancel", "Yes", "No", "Save", "Close", "Open", "Apply", "Help", "Discard", "Choose",
    "Look in:", "File name:", "Files of type:", "Directory:", "Back", "Forward",
    "Parent Directory", "Create New Folder", "List View", "Detail View", "New Folder",
    "Name", "Size", "Type", "Date Modified", "All Files (*)", "Rename", "Delete",
    "Show hidden files", "Computer", "My Computer", "Recent Places", "Find Directory",
    "Save As", "Print", "Printer", "Name:", "Properties", "Location:", "Preview", "Type:",
    "Output file:", "Copies", "Copies:", "Options", "Options >>", "Options <<", "Page", "Paper",
    "Orientation", "Portrait", "Landscape", "Margins", "Print range", "Print all",
    "Pages from", "to", "Pages", "Current Page", "Selection", "Collate", "Reverse",
    "Color Mode", "Color", "Grayscale", "Double Sided Printing", "Off", "Long side binding",
    "Short side binding", "Output Settings", "Page Set:", "All Pages", "Odd Pages",
    "Even Pages", "Print to File (PDF)", "Local file", "Write PDF file", "Page size:",
    "Width:", "Height:", "Paper source:", "Page Layout", "Pages per sheet:", "Page order:",
    "Printer Properties", "Job Options", "Advanced", "Undo", "Redo", "Cut", "Copy", "Paste",
    "Select All", "Step up", "Step down", "Show Details...", "Hide Details...",
}  # fmt: skip


def _plain(text: str) -> str:
    """What a person reads: no mnemonic ampersand, no shortcut after a tab."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _english() -> set[str]:
    sources = {
        _plain(source)
        for (_, source), message in _messages(TS).items()
        if message.findtext("translation") != source
    }
    return (sources | ENGLISH) - {""}


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    locale = QLocale()
    translators = install_translations(qapp, "vi")
    assert [Path(t.filePath()).name for t in translators] == ["qt_vi.qm"]
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.fixture
def non_native(qapp: QApplication) -> Iterator[None]:
    before = qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    yield
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)


def _texts(root: QWidget) -> list[str]:
    """Every text a person can read on ``root``: labels, buttons, tooltips, headers, combo box
    items, group box titles, tabs, actions (context menus), the window title."""
    found = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        found.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            found += [
                str(model.headerData(i, widget.orientation()) or "") for i in range(widget.count())
            ]
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip()]
    return [_plain(text) for text in found if text]


def _assert_no_english(root: QWidget) -> list[str]:
    texts = _texts(root)
    english = _english()
    assert sorted({t for t in texts if t in english}) == []
    return texts


def _open_menu(widget: QWidget) -> bool:
    return isinstance(widget, QMenu) and widget.isVisible()


def _closing_popups(qapp: QApplication, seen: list[str]) -> QTimer:
    """A timer that notes the text of each modal message box or menu that opens, and closes it."""

    def close() -> None:
        for widget in qapp.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QMessageBox):
                seen.append(widget.text())
                widget.reject()
            elif isinstance(widget, QMenu):
                seen.extend(_plain(a.text()) for a in widget.actions() if a.text())
                widget.close()
            elif widget.metaObject().className() == "QPrintPropertiesDialog":
                seen.extend(_texts(widget))
                assert isinstance(widget, QDialog)
                widget.reject()

    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(20)
    return timer


# ------------------------------------------------------------------------ buttons and boxes
def test_standard_buttons(vietnamese, qtbot) -> None:
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Yes | SB.No | SB.Save | SB.Close)
    qtbot.addWidget(box)
    texts = {b: box.button(b).text() for b in (SB.Ok, SB.Cancel, SB.Yes, SB.No, SB.Save, SB.Close)}
    assert texts == {
        SB.Ok: "Đồng ý",
        SB.Cancel: "Hủy",
        SB.Yes: "&Có",
        SB.No: "&Không",
        SB.Save: "Lưu",
        SB.Close: "Đóng",
    }
    more = QDialogButtonBox(SB.Open | SB.Apply | SB.Discard | SB.Help | SB.RestoreDefaults)
    qtbot.addWidget(more)
    assert sorted(b.text() for b in more.buttons()) == sorted(
        ["Mở", "Áp dụng", "Không lưu", "Trợ giúp", "Khôi phục mặc định"]
    )


def test_message_box_question(vietnamese, qtbot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Xác nhận",
        "Xóa tệp bản quét này?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setDetailedText("don-de-nghi.pdf")
    qtbot.addWidget(box)
    box.show()
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Có"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Không"
    details = [b for b in box.buttons() if b.text() == "Xem chi tiết..."]
    assert len(details) == 1
    details[0].click()
    assert details[0].text() == "Ẩn chi tiết..."
    _assert_no_english(box)
    box.close()


# ------------------------------------------------------------------------------ file dialog
FILE_DIALOGS = {
    "open file": (QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen),
    "open files": (QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen),
    "directory": (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen),
    "save": (QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
}


def _file_dialog(qtbot, folder: Path, kind: str) -> QFileDialog:
    (folder / "Hồ sơ").mkdir(exist_ok=True)
    (folder / "don-de-nghi.pdf").write_bytes(b"%PDF-1.4\n")
    mode, accept = FILE_DIALOGS[kind]
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(QHeaderView) is not None)
    return dialog


@pytest.mark.parametrize("kind", list(FILE_DIALOGS))
def test_file_dialog_has_no_english(vietnamese, non_native, qtbot, tmp_path, kind) -> None:
    dialog = _file_dialog(qtbot, tmp_path, kind)
    texts = _assert_no_english(dialog)
    expected = {
        "Tìm trong:",
        "Hủy",
        "Quay lại",
        "Tiến tới",
        "Lên thư mục cha",
        "Tạo thư mục mới",
        "Dạng danh sách",
        "Dạng chi tiết",
        "Tên",
        "Kích cỡ",
        "Loại",
        "Ngày sửa",
        "Đổi tên",
        "Xóa",
        "Hiện tệp ẩn",
        "Thư mục mới",
        "Hiện cột Kích cỡ",
    }
    expected |= {
        "open file": {"Mở tệp", "Tên tệp:", "Loại tệp:", "Mở", "Tất cả các tệp (*)"},
        "open files": {"Mở tệp", "Tên tệp:", "Loại tệp:", "Mở", "Tất cả các tệp (*)"},
        "directory": {"Chọn thư mục", "Thư mục:", "Chọn"},
        "save": {"Lưu thành", "Tên tệp:", "Loại tệp:", "Lưu", "Tất cả các tệp (*)"},
    }[kind]
    assert sorted(expected - set(texts)) == []
    dialog.close()


def test_file_dialog_errors_and_context_menu(vietnamese, non_native, qapp, qtbot, tmp_path):
    dialog = _file_dialog(qtbot, tmp_path, "open file")
    seen: list[str] = []
    timer = _closing_popups(qapp, seen)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText("khong-co.pdf")
    dialog.accept()
    qtbot.waitUntil(lambda: len(seen) == 1)
    view = dialog.findChild(QHeaderView).parentWidget()
    view.setFocus()
    index = view.model().index(str(tmp_path / "don-de-nghi.pdf"))
    view.setCurrentIndex(index)
    point = view.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)  # the menu pops up: the timer reads it
    qtbot.waitUntil(lambda: len(seen) > 1)
    timer.stop()
    dialog.close()
    assert seen == [
        "khong-co.pdf\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
        "Đổi tên",
        "Xóa",
        "Hiện tệp ẩn",
        "Thư mục mới",
    ]


# ----------------------------------------------------------------------------- print dialog
def test_print_dialog_has_no_english(vietnamese, qapp, qtbot) -> None:
    """The Unix print dialog (Qt's widgets; Windows shows its own print dialog) and its
    printer properties (page setup, CUPS job options)."""
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.setMinMax(1, 4)
    qtbot.addWidget(dialog)
    dialog.show()
    options = [b for b in dialog.findChildren(QAbstractButton) if b.text() == "&Tùy chọn >>"]
    assert len(options) == 1
    options[0].click()
    texts = _assert_no_english(dialog)
    expected = {
        "Máy in", "Tên:", "Thuộc tính", "Vị trí:", "Loại:", "Tệp xuất ra:", "In ra tệp (PDF)",
        "Số bản", "Phạm vi in", "In tất cả", "Từ trang", "đến", "Các trang", "Xếp theo bộ",
        "Đảo thứ tự", "In hai mặt", "Chế độ màu", "In màu", "Thang độ xám", "Tùy chọn <<",
        "In", "Hủy",
    }  # fmt: skip
    assert sorted(expected - set(texts)) == []
    seen: list[str] = []
    timer = _closing_popups(qapp, seen)
    properties = [b for b in dialog.findChildren(QAbstractButton) if b.text() == "Th&uộc tính"]
    properties[0].click()  # a modal dialog: the timer reads and closes it
    timer.stop()
    dialog.close()
    english = _english()
    assert sorted({t for t in seen if t in english}) == []
    assert sorted({"Trang", "Khổ giấy:", "Hướng giấy", "Dọc", "Ngang", "Lề"} - set(seen)) == []


# ------------------------------------------------------------------- text fields, spin boxes
def test_text_field_context_menus(vietnamese, qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert [_plain(a.text()) for a in menu.actions() if a.text()] == [
        "Hoàn tác",
        "Làm lại",
        "Cắt",
        "Sao chép",
        "Dán",
        "Xóa",
        "Chọn tất cả",
    ]
    menu.deleteLater()
    for field in (QPlainTextEdit("Lý do chậm trễ"), QTextBrowser()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [_plain(a.text()) for a in menu.actions() if a.text()]
        assert texts and not set(texts) & _english(), texts
        menu.deleteLater()


def test_spin_box_menu(vietnamese, qapp, qtbot) -> None:
    seen: list[str] = []
    timer = _closing_popups(qapp, seen)
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), spin.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(spin, event)  # exec: the timer reads and closes the menu
    timer.stop()
    spin.close()
    assert {"Chọn tất cả", "Tăng", "Giảm", "Sao chép", "Dán"} <= set(seen)
    assert sorted(set(seen) & _english()) == []
    # A scroll bar's menu closes at once offscreen; its texts, through Qt's own lookup:
    assert QCoreApplication.translate("QScrollBar", "Scroll here") == "Cuộn đến đây"


def test_shortcuts_still_parse_and_show(vietnamese) -> None:
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence(QKeySequence.StandardKey.Print).toString(native) == "Ctrl+P"
    assert QKeySequence("Ctrl+S").toString(native) == "Ctrl+S"
    assert QKeySequence("F2").toString(native) == "F2"
    left = QKeySequence("Alt+Left")  # how Qt's file dialog writes its Back shortcut
    assert left.toString(native) == "Alt+Mũi tên trái"
    assert left == QKeySequence(left.toString(native), native)


# ----------------------------------------------------------------------------------- locale
def test_vietnamese_locale(vietnamese, qtbot) -> None:
    """Calendars name months and days in Vietnamese, weeks start on Monday; numbers in spin
    boxes use the Vietnamese decimal comma (our 1–99 spin boxes look the same)."""
    assert QLocale().name() == "vi_VN"
    assert QLocale().monthName(4) == "tháng 4"
    assert QLocale().dayName(1, QLocale.FormatType.ShortFormat) == "Thứ 2"
    spin = QSpinBox()
    spin.setRange(1, 99_999)
    spin.setValue(12_345)
    qtbot.addWidget(spin)
    assert spin.text() == "12345"
    spin.setGroupSeparatorShown(True)
    assert spin.text() == "12.345"
    assert spin.locale().toString(3.5) == "3,5"
    assert spin.locale().firstDayOfWeek() == Qt.DayOfWeek.Monday
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    qtbot.addWidget(edit)
    assert edit.calendarWidget().locale().name() == "vi_VN"
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday


def test_other_languages(qapp) -> None:
    """A language without a UI catalogue shows the Vietnamese UI: Qt speaks Vietnamese too.
    English keeps Qt's English and the locale."""
    locale = QLocale()
    try:
        french = install_translations(qapp, "fr")
        assert [Path(t.filePath()).name for t in french] == ["qt_vi.qm"]
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
        for translator in french:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
        english = install_translations(qapp, "en")
        assert "mohao_desk_en.qm" in [Path(t.filePath()).name for t in english]
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QLocale().name() == locale.name()
        for translator in english:
            qapp.removeTranslator(translator)
    finally:
        QLocale.setDefault(locale)


def test_run_gui_uses_qt_dialogs(qapp, tmp_path, monkeypatch) -> None:
    """Before the first dialog, run_gui has Qt's own (translated) dialogs and the translations."""
    before = qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    locale, names = QLocale(), (qapp.applicationName(), qapp.applicationDisplayName())
    seen: dict[str, object] = {}

    def exec_(dialog: QDialog) -> int:
        seen["native"] = not qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        seen["cancel"] = dialog.findChild(QDialogButtonBox).button(SB.Cancel).text()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(app_module.SetupDialog, "exec", exec_)
    try:
        assert app_module.run_gui(tmp_path / "new.sqlite3") == 1  # cancelled: nothing set up
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)
        qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)
        qapp.setApplicationName(names[0])
        qapp.setApplicationDisplayName(names[1])
    english = QLocale.system().name().startswith("en")
    assert seen == {"native": False, "cancel": "Cancel" if english else "Hủy"}


# ------------------------------------------------------------------ what Qt asks for, the .ts
class _Recorder(QTranslator):
    """Notes every text Qt asks to translate and translates none (the next translator does)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self) -> bool:
        return False


K = Qt.Key
OFFICE_KEYS = [
    K.Key_Escape, K.Key_Tab, K.Key_Backtab, K.Key_Backspace, K.Key_Return, K.Key_Enter,
    K.Key_Insert, K.Key_Delete, K.Key_Pause, K.Key_Print, K.Key_SysReq, K.Key_Home, K.Key_End,
    K.Key_Left, K.Key_Up, K.Key_Right, K.Key_Down, K.Key_PageUp, K.Key_PageDown,
    K.Key_CapsLock, K.Key_NumLock, K.Key_ScrollLock, K.Key_Menu, K.Key_Help, K.Key_Space,
    K.Key_F1, K.Key_F12, K.Key_S,
]  # fmt: skip


def _show_keys() -> None:
    """Show the office keys with every modifier (a sequence parsed from a text would ask for
    the name of every key Qt knows, the multimedia ones too)."""
    modifiers = Qt.KeyboardModifier
    every = modifiers.ControlModifier | modifiers.ShiftModifier | modifiers.AltModifier
    every |= modifiers.MetaModifier | modifiers.KeypadModifier
    for key in OFFICE_KEYS:
        QKeySequence(QKeyCombination(every, key)).toString(QKeySequence.SequenceFormat.NativeText)


def _exercise(qapp: QApplication, qtbot, folder: Path) -> None:
    """Show what a desk shows of Qt: buttons, boxes, file dialogs, print dialog, menus."""
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for button in SB:
        if button.value and button.value & (button.value - 1) == 0:
            box.addButton(button)
    message = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok)
    message.setDetailedText(".")
    qtbot.addWidget(message)
    message.show()
    seen: list[str] = []
    timer = _closing_popups(qapp, seen)
    for kind in FILE_DIALOGS:
        dialog = _file_dialog(qtbot, folder, kind)
        view = dialog.findChild(QHeaderView).parentWidget()
        point = QPoint(5, 5)
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
        )
        QApplication.sendEvent(view.viewport(), event)
        qtbot.waitUntil(lambda: not [w for w in qapp.topLevelWidgets() if _open_menu(w)])
        dialog.close()
    printer = QPrinter()
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    printing.show()
    for button in printing.findChildren(QAbstractButton):
        if button.text() in ("&Tùy chọn >>", "&Options >>", "Th&uộc tính", "P&roperties"):
            button.click()
    printing.close()
    for field in (QLineEdit(), QPlainTextEdit("."), QTextBrowser()):
        qtbot.addWidget(field)
        field.createStandardContextMenu().deleteLater()
    for widget in (QSpinBox(), QScrollBar(Qt.Orientation.Vertical)):
        qtbot.addWidget(widget)
        widget.show()
        QApplication.sendEvent(
            widget,
            QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5)),
        )
        widget.close()
    timer.stop()
    message.close()


def test_qt_asks_for_nothing_the_ts_lacks(vietnamese, non_native, qapp, qtbot, tmp_path):
    """After a Qt upgrade this lists the new texts, ready to paste into qt_vi.ts."""
    recorder, keys = _Recorder(), _Recorder()
    qapp.installTranslator(recorder)
    try:
        _exercise(qapp, qtbot, tmp_path)
    finally:
        qapp.removeTranslator(recorder)
    qapp.installTranslator(keys)
    try:
        _show_keys()
    finally:
        qapp.removeTranslator(keys)
    known = {
        (context, source, message.findtext("comment", ""))
        for (context, source), message in _messages(TS).items()
    }
    contexts = {context for context, _, _ in known} - PARTIAL
    asked = {k for k in recorder.asked if k[0] in contexts}
    asked |= keys.asked - {("QShortcut", "+", "")}  # "+" joins the keys: Ctrl+S
    assert len(asked) > 200
    missing = sorted(k for k in asked if k not in known and (k[0], k[1], "") not in known)
    assert missing == [], "\n".join(
        f"<context><name>{c}</name><message><source>{s}</source>"
        + (f"<comment>{d}</comment>" if d else "")
        + "<translation type='unfinished'></translation></message></context>"
        for c, s, d in missing
    )


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 300
    root = ET.parse(TS).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("vi", "en")
    ends = re.compile(r"(:|\.\.\.|>>|<<| )$")
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        forms = (
            [form.text or "" for form in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        assert len(forms) == 1, f"{where}: Vietnamese has one plural form"
        form = forms[0]
        assert form.strip(), f"{where} has no translation"
        assert _placeholders(form) == _placeholders(source), f"{where} → {form!r}"
        assert form.count("&") == source.count("&"), f"{where}: mnemonic lost"
        mnemonic = re.search(r"&([^&\s;])", form.replace("&nbsp;", ""))
        if mnemonic:
            assert mnemonic.group(1).isascii(), f"{where}: Alt+{mnemonic.group(1)} can't be typed"
        end = ends.search(source)
        assert end is None or form.endswith(end.group(1)), f"{where}: ends unlike the source"


def test_qm_is_the_compiled_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "vi"
    for (context, source), message in _messages(TS).items():
        comment = message.findtext("comment") or None
        assert translator.translate(context, source, comment) == message.findtext("translation")


WINDOWS_LIKE = """
from PySide6.QtCore import QCoreApplication, QMimeDatabase
from mohao_desk.ui.app import install_translations
app = QCoreApplication([])
install_translations(app, "vi")
db = QMimeDatabase()
print("|".join(db.mimeTypeForFile(n, QMimeDatabase.MatchMode.MatchExtension).comment()
               for n in ("a.pdf", "a.jpg", "a.docx", "a.xlsx")))
"""


def test_file_kinds_on_windows(tmp_path: Path) -> None:
    """Without a system MIME database (Windows) Qt describes files from its own, through
    QCoreApplication::translate("QMimeType", ...) unless the locale is English: the Type column
    of the file dialog."""
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "XDG_DATA_DIRS": str(empty), "XDG_DATA_HOME": str(empty)}
    result = subprocess.run(
        [sys.executable, "-c", WINDOWS_LIKE],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert result.stdout.strip() == "Tài liệu PDF|Ảnh JPEG|Tài liệu Word|Bảng tính Excel"
