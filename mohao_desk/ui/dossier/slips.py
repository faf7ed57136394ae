"""The slips of a dossier: which ones its acts made, their buttons, rendering and preview."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QPushButton, QWidget

from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.services.desk import DossierDetail

translate = QCoreApplication.translate

# The slip each act leaves, printed right after it and from the "last slip" button.
SLIP_OF_ACT = {
    Act.SUPPLEMENT_REQUEST: "supplement",
    Act.APOLOGIZE: "apology",
    Act.REFUSE: "refusal",
    Act.STOP: "stop",
}
SLIP_TITLES = {
    "receipt": QT_TRANSLATE_NOOP("DossierDialog", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    "control": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    "supplement": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "apology": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    "refusal": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
    "stop": QT_TRANSLATE_NOOP("DossierDialog", "Thông báo dừng giải quyết hồ sơ"),
}
# Short names for the buttons (two a row); the tooltip gives the form's full title.
SLIP_BUTTONS = {
    "supplement": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu bổ sung"),
    "apology": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu xin lỗi"),
    "refusal": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu từ chối"),
    "stop": QT_TRANSLATE_NOOP("DossierDialog", "Thông báo dừng"),
}
SLIP_FILES = {
    "receipt": "giay-tiep-nhan",
    "control": "phieu-kiem-soat",
    "supplement": "phieu-yeu-cau-bo-sung",
    "apology": "phieu-xin-loi",
    "refusal": "phieu-tu-choi",
    "stop": "thong-bao-dung",
}


def printable_slips(detail: DossierDetail) -> list[str]:
    """The slips the dossier's acts made that can still be printed, in the order of its life:
    the supplement slip once one was requested, the apology slip once one was recorded (both
    stay printable whatever came after), the refusal slip of a refused dossier, the stop notice
    of a stopped one."""
    made = {SLIP_OF_ACT[e.act] for e in detail.events if e.act in SLIP_OF_ACT}
    status = detail.summary.status
    if status is not Status.REFUSED:
        made.discard("refusal")
    if status is not Status.STOPPED:
        made.discard("stop")
    return [kind for kind in SLIP_BUTTONS if kind in made]


def alive(widget: QWidget) -> bool:
    """Whether a preview (a slip's, or an opened scan's) was not closed and deleted yet."""
    return bool(shiboken6.isValid(widget))


class SlipsMixin:
    """The slips' part of the dossier page (mixed into ``DossierDialog``, whose ``tr``
    context its texts keep)."""

    def _build_prints(self) -> QGroupBox:
        box = QGroupBox(translate("DossierDialog", "In phiếu"), self)
        self.prints_box = box
        layout = QGridLayout(box)
        layout.setSpacing(6)
        self.print_buttons: dict[str, QPushButton] = {}
        labels = {
            "receipt": translate("DossierDialog", "Giấy tiếp nhận"),
            "control": translate("DossierDialog", "Phiếu kiểm soát"),
            **{kind: translate("DossierDialog", text) for kind, text in SLIP_BUTTONS.items()},
        }
        for kind, label in labels.items():
            button = QPushButton(label, box)
            button.setAutoDefault(False)
            button.setToolTip(translate("DossierDialog", SLIP_TITLES[kind]))
            button.clicked.connect(lambda _checked=False, k=kind: self.print_slip(k))
            layout.addWidget(button, len(self.print_buttons) // 2, len(self.print_buttons) % 2)
            self.print_buttons[kind] = button
            if kind in SLIP_BUTTONS:
                button.hide()  # shown once the dossier has such a slip
        return box

    def print_slip(self, kind: str) -> None:
        code = self.code
        from mohao_desk.services.documents import DocumentService

        self._call(
            lambda: DocumentService(self.desk).render(kind, code),
            lambda pdf: self._preview(kind, pdf),
        )

    def _preview(self, kind: str, pdf: bytes) -> None:
        from mohao_desk.ui.pdf_preview import show_pdf

        title = f"{translate('DossierDialog', SLIP_TITLES[kind])} — {self.code}"
        preview = show_pdf(self, pdf, title, f"{SLIP_FILES[kind]}-{self.code}.pdf")
        self.previews = [p for p in self.previews if alive(p)]
        self.previews.append(preview)
        self.slip_shown.emit(kind)

    def _render(self, kind: str, code: str) -> bytes | None:
        """Worker side: a slip's PDF; a slip that cannot be made must not hide the act."""
        from mohao_desk.services.documents import DocumentService

        try:
            return DocumentService(self.desk).render(kind, code)
        except Exception:
            return None
