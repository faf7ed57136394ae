"""The official look shared by every document: fonts, the national header, dates written the
Vietnamese way, signature blocks, the QR code, page numbers.

Decree 30/2020 (format of administrative documents): A4, Times New Roman–like serif 13–14 pt,
margins top/bottom 20 mm, left 30 mm, right 15 mm; the two-column header with underlines.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from importlib import resources
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.domain.text import nfc

FONT = "Tinos"
FONT_BOLD = "Tinos-Bold"
FONT_ITALIC = "Tinos-Italic"
FONT_BOLD_ITALIC = "Tinos-BoldItalic"
BODY_SIZE = 13
LEADING = 17
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
HEADER_OVERHANG = 10 * mm

_registered = False


def register_fonts() -> None:
    """Register Tinos (Times New Roman metrics, full Vietnamese; SIL OFL) once."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping

    folder = resources.files("mohao_desk.resources") / "fonts"
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        file_name = "Tinos-Regular.ttf" if name == FONT else f"{name}.ttf"
        with resources.as_file(folder / file_name) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    _registered = True


register_fonts()  # once, when the documents are first imported (styles below name them)

# ------------------------------------------------------------------ styles


def style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": BODY_SIZE,
        "leading": LEADING,
        "alignment": TA_JUSTIFY,
        "spaceAfter": 3,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


BODY = style("body")
BODY_LEFT = style("body_left", alignment=TA_LEFT)
INDENT = style("indent", firstLineIndent=10 * mm)
TITLE = style("title", fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
              spaceBefore=6, spaceAfter=2)  # fmt: skip
SUBTITLE = style("subtitle", fontName=FONT_ITALIC, alignment=TA_CENTER, spaceAfter=8)
CENTER = style("center", alignment=TA_CENTER, spaceAfter=0)
SMALL = style("small", fontSize=11, leading=14, alignment=TA_LEFT, spaceAfter=0)
SMALL_CENTER = style("small_center", fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=0)
CELL = style("cell", fontSize=12, leading=15, alignment=TA_LEFT, spaceAfter=0)
CELL_CENTER = style("cell_center", fontSize=12, leading=15, alignment=TA_CENTER, spaceAfter=0)
CELL_HEAD = style("cell_head", fontName=FONT_BOLD, fontSize=12, leading=15,
                  alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
RIGHT = style("right", alignment=TA_RIGHT)
SIGNATURE = style("signature", fontName=FONT_BOLD, alignment=TA_CENTER, spaceAfter=0)


def esc(text: object) -> str:
    """Text made safe for a Paragraph (and NFC: reportlab draws NFD marks off their letters)."""
    value = nfc(str(text))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, st: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of markup; callers escape data with :func:`esc`."""
    return Paragraph(text, st)


# ------------------------------------------------------------------- dates


def vn_date(day: date | datetime) -> str:
    """ "ngày 07 tháng 5 năm 2024" (Decree 30/2020: a 0 before days < 10 and months 1, 2)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_time(moment: datetime) -> str:
    """ "09 giờ 00 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def vn_moment(moment: datetime) -> str:
    """ "09 giờ 00 phút, ngày 07 tháng 5 năm 2024"."""
    return f"{vn_time(moment)}, {vn_date(moment)}"


def short_moment(moment: datetime | None) -> str:
    return moment.strftime("%H:%M %d/%m/%Y") if moment else ""


def short_date(day: date | datetime | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def place_date(place: str, day: date) -> str:
    """The italic date line: "Mỹ Hào, ngày 07 tháng 5 năm 2024"."""
    return f"{place}, {vn_date(day)}" if place else vn_date(day).capitalize()


# ------------------------------------------------------------ the header


class NationalHeader(Flowable):
    """Quốc hiệu and the issuing body, two columns, with the short rules under the bold lines."""

    def __init__(self, letterhead: Letterhead, width: float, show_number: bool = True) -> None:
        super().__init__()
        self.letterhead = letterhead
        self.width = width
        self.show_number = show_number
        self.height = 25 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        lh = self.letterhead
        # The left block reaches a little into the wide (30 mm) left margin, as printed
        # documents do, so that both blocks fit side by side without touching.
        overhang = HEADER_OVERHANG
        left_w = self.width * 0.42 + overhang
        right_x = left_w - overhang + 2 * mm
        right_w = self.width - right_x
        top = self.height
        # Left: the parent body (regular) and the issuing unit (bold), a rule under it.
        left_c = left_w / 2 - overhang
        y = top - 12
        for line in _fit_lines(nfc(lh.parent_name).upper(), FONT, 11.5, left_w - 2):
            c.setFont(FONT, 11.5)
            c.drawCentredString(left_c, y, line)
            y -= 13.5
        unit_lines = _fit_lines(nfc(lh.unit_name).upper(), FONT_BOLD, 11.5, left_w - 2)
        widest = 0.0
        for line in unit_lines:
            c.setFont(FONT_BOLD, 11.5)
            c.drawCentredString(left_c, y, line)
            widest = max(widest, pdfmetrics.stringWidth(line, FONT_BOLD, 11.5))
            y -= 13.5
        rule = min(widest, left_w * 0.5) / 2
        c.setLineWidth(0.6)
        c.line(left_c - rule, y + 8, left_c + rule, y + 8)  # clear of the dots below (ệ, ậ)
        if self.show_number:
            c.setFont(FONT, 13)
            c.drawCentredString(left_c, y - 6, nfc(lh.number or "Số: ……/……"))
        # Right: Quốc hiệu, Tiêu ngữ with its rule, the italic place and date.
        right_c = right_x + right_w / 2
        c.setFont(FONT_BOLD, 12.5)
        c.drawCentredString(right_c, top - 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = "Độc lập - Tự do - Hạnh phúc"
        c.setFont(FONT_BOLD, 13)
        c.drawCentredString(right_c, top - 27, motto)
        half = pdfmetrics.stringWidth(motto, FONT_BOLD, 13) / 2
        c.line(right_c - half, top - 30, right_c + half, top - 30)
        c.setFont(FONT_ITALIC, 13)
        c.drawCentredString(right_c, top - 48, nfc(place_date(lh.place_name, lh.issued_on)))


def _fit_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of a header block: one if it fits, else two balanced at a word boundary (no lone
    last word), else reportlab's greedy split."""
    from reportlab.lib.utils import simpleSplit

    measure = pdfmetrics.stringWidth
    if measure(text, font, size) <= width:
        return [text]
    words = text.split()
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widest = max(measure(first, font, size), measure(second, font, size))
        if widest <= width and (best is None or widest < best[0]):
            best = (widest, [first, second])
    if best is not None:
        return best[1]
    return simpleSplit(text, font, size, width) or [""]


class FormMark(Flowable):
    """The small form number line at the top right: "Mẫu số 01 (Thông tư số ...)"."""

    def __init__(self, letterhead: Letterhead, width: float) -> None:
        super().__init__()
        self.text = ""
        if letterhead.form_number:
            self.text = f"Mẫu số {letterhead.form_number}"
            if letterhead.forms_circular:
                self.text += f" — {letterhead.forms_circular}"
        self.width = width
        self.height = 16 if self.text else 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.text:
            self.canv.setFont(FONT_ITALIC, 9)
            self.canv.drawRightString(self.width, 6, nfc(self.text))


class QrCode(Flowable):
    """A QR code drawn as vector squares (segno computes the matrix)."""

    def __init__(self, text: str, size: float = 24 * mm) -> None:
        super().__init__()
        import segno

        self.matrix = segno.make(text, error="m", micro=False).matrix
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        rows = len(self.matrix)
        quiet = 2
        cell = self.size / (rows + 2 * quiet)
        c = self.canv
        c.setFillColor(colors.black)
        for r, row in enumerate(self.matrix):
            y = self.size - (r + quiet + 1) * cell
            run_start = None
            for col, value in enumerate([*row, 0]):
                if value and run_start is None:
                    run_start = col
                elif not value and run_start is not None:
                    c.rect((run_start + quiet) * cell, y, (col - run_start) * cell, cell,
                           stroke=0, fill=1)  # fmt: skip
                    run_start = None


def title_block(letterhead: Letterhead, title: str | None = None) -> list[Flowable]:
    return [para(esc((title or letterhead.form_title).upper()), TITLE)]


def form_top(letterhead: Letterhead, width: float) -> list[Flowable]:
    """Form number mark, national header, title: the top of every dossier form."""
    return [
        FormMark(letterhead, width),
        NationalHeader(letterhead, width),
        Spacer(1, 4 * mm),
        *title_block(letterhead),
        Spacer(1, 2 * mm),
    ]


def signature_table(
    blocks: Sequence[Signature | None], width: float, space: float = 22 * mm
) -> Table:
    """Signature blocks side by side; ``None`` leaves a column empty (e.g. "Nơi nhận")."""
    cells: list[Any] = []
    for block in blocks:
        if block is None:
            cells.append("")
            continue
        parts: list[Flowable] = [para(esc(line.upper()), SIGNATURE) for line in block.lines]
        if block.note:
            parts.append(para(f"<i>{esc(block.note)}</i>", SMALL_CENTER))
        parts.append(Spacer(1, space))
        if block.name:
            parts.append(para(f"<b>{esc(block.name)}</b>", CENTER))
        cells.append(parts)
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def recipients_and_signature(
    recipients: Sequence[str], signature: Signature, width: float
) -> Table:
    """The foot of a letter: "Nơi nhận" on the left, the signer's block on the right."""
    table = Table(
        [[recipients_block(recipients), signature_table([signature], width * 0.5)]],
        colWidths=[width * 0.5, width * 0.5],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def recipients_block(recipients: Sequence[str]) -> list[Flowable]:
    lines = [para("<b><i>Nơi nhận:</i></b>", style("nn", fontSize=12, leading=14, spaceAfter=0))]
    for n, r in enumerate(recipients):
        end = ";" if n < len(recipients) - 1 else "."
        lines.append(para(f"- {esc(r)}{end}", style("nn_item", fontSize=11, leading=13,
                                                      spaceAfter=0)))  # fmt: skip
    return lines


def grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    font_size: float = 12,
    align_center: Sequence[int] = (),
    long: bool = False,
) -> Table:
    """A ruled table in the document font; header rows bold and centred, repeated on each page."""
    from reportlab.platypus import LongTable

    cls = LongTable if long else Table
    rows = [
        [para(esc(c).replace("\n", "<br/>"), CELL_HEAD) if isinstance(c, str) and c else c
         for c in row] if n < header_rows else row
        for n, row in enumerate(rows)
    ]  # fmt: skip
    table = cls(rows, colWidths=list(widths), repeatRows=header_rows)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size, font_size + 3),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, font_size, font_size + 3),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    for col in align_center:
        commands.append(("ALIGN", (col, header_rows), (col, -1), "CENTER"))
    table.setStyle(TableStyle(commands))
    return table


# ------------------------------------------------------------------ pages


PageDecorator = Callable[[Any, Any], None]


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    landscape_page: bool = False,
    page_numbers: bool = False,
    footer: str = "",
    margins: dict[str, float] | None = None,
) -> bytes:
    """Lay out a story on A4 and return the PDF bytes (fonts embedded)."""
    register_fonts()
    buffer = io.BytesIO()
    m = margins or MARGINS
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if landscape_page else A4,
        topMargin=m["top"],
        bottomMargin=m["bottom"],
        leftMargin=m["left"],
        rightMargin=m["right"],
        title=nfc(title),
        author="mohao_desk",
        creator="mohao_desk",
    )

    def decorate(canvas: Any, document: Any) -> None:
        if footer:
            canvas.saveState()
            canvas.setFont(FONT_ITALIC, 9)
            canvas.drawString(document.leftMargin, 10 * mm, nfc(footer))
            canvas.restoreState()

    canvasmaker = numbered_canvas(doc.rightMargin) if page_numbers else None
    if canvasmaker is not None:
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=canvasmaker)
    else:
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def numbered_canvas(right_margin: float = MARGINS["right"]) -> Any:
    """A canvas that writes "Trang x/y" at the bottom right of each page (whatever its size)
    once the number of pages is known."""
    from reportlab.pdfgen import canvas as rl_canvas

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT_ITALIC, 9)
                width = self._pagesize[0]
                self.drawRightString(
                    width - right_margin, 10 * mm, f"Trang {self._pageNumber}/{total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def content_width(landscape_page: bool = False) -> float:
    page_width = landscape(A4)[0] if landscape_page else A4[0]
    return page_width - MARGINS["left"] - MARGINS["right"]


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
