"""The supervisor's daily list (danh sách theo dõi hồ sơ hằng ngày), A4 landscape: counts by
officer and section at the top, then each section (due today, overdue, overdue without an
apology, waiting for a supplement, not digitized) grouped by officer; the moment deadlines are
measured at, "Trang x/y", the printed-at time on every page, and the leader's signature."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from mohao_desk.documents.base import (
    CELL,
    CELL_HEAD,
    FONT_BOLD,
    SUBTITLE,
    TITLE,
    NationalHeader,
    build_pdf,
    esc,
    grid,
    para,
    style,
    vn_date,
    vn_time,
)
from mohao_desk.documents.listdata import DailyList, DailySection
from mohao_desk.documents.listing import (
    LANDSCAPE_MARGINS,
    Band,
    Column,
    FastGrid,
    binary_streams,
    landscape_width,
    signature_row,
)

NOTE = style("daily_note", fontName="Tinos-Italic", fontSize=11, leading=14, spaceAfter=4)
SECTION_EMPTY = style("daily_empty", fontSize=12, leading=16, spaceBefore=6, spaceAfter=2)
FONT_SIZE = 10.5


def _moment(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y}\n{moment:%H:%M}" if moment else ""


def _columns(width: float) -> list[Column]:
    fixed = [
        Column("STT", 11 * mm, "C"),
        Column("Mã hồ sơ", 47 * mm),
        Column("Thủ tục hành chính", 62 * mm),
        Column("Người nộp hồ sơ", 42 * mm),
        Column("Tiếp nhận", 22 * mm, "C"),
        Column("Hạn giải quyết", 22 * mm, "C"),
        Column("Hẹn lại (sau xin lỗi)", 22 * mm, "C"),
    ]
    used = sum(c.width for c in fixed)
    return [*fixed, Column("Tình trạng", width - used)]


class _SpacedAbove(Flowable):
    """A flowable with some room above it (a FastGrid tail has no space of its own)."""

    def __init__(self, inner: Flowable, space: float) -> None:
        super().__init__()
        self.inner = inner
        self.space = space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(available_width, available_height)
        self.width, self.height = width, height + self.space
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def _section(
    number: int, section: DailySection, width: float, tail: Flowable | None = None
) -> Flowable:
    """A section's grid; ``tail`` (the signatures) is kept with its last rows."""
    caption = f"{number}. {section.title.upper()}: {section.count} hồ sơ"
    if not section.count:
        heading = para(f"<b>{esc(caption)}</b>", SECTION_EMPTY)
        return heading if tail is None else KeepTogether([heading, tail])
    rows: list = []
    n = 0
    for group in section.groups:
        rows.append(Band(f"Cán bộ giải quyết: {group.officer} ({len(group.rows)} hồ sơ)"))
        for r in group.rows:
            n += 1
            applicant = f"{r.applicant}\n{r.phone}" if r.phone else r.applicant
            rows.append(
                (
                    str(n),
                    r.code,
                    r.procedure,
                    applicant,
                    _moment(r.received_at),
                    _moment(r.due_at),
                    _moment(r.appointment_at),
                    r.state,
                )
            )
    return FastGrid(
        _columns(width), rows, font_size=FONT_SIZE, caption=caption, min_rows=3, tail=tail
    )


def _summary(data: DailyList, width: float) -> Flowable:
    head = [para("STT", CELL_HEAD), para("Cán bộ giải quyết", CELL_HEAD)]
    head += [para(esc(s.title), CELL_HEAD) for s in data.sections]
    rows: list[list] = [head]
    for n, line in enumerate(data.counts, start=1):
        rows.append([str(n), para(esc(line.officer), CELL), *[str(c) for c in line.counts]])
    total = [s.count for s in data.sections]
    rows.append(["", para("<b>Tổng cộng</b>", CELL), *[str(c) for c in total]])
    section_w = (width - 12 * mm - 62 * mm) / len(data.sections)
    table = grid(
        rows,
        [12 * mm, 62 * mm, *[section_w] * len(data.sections)],
        align_center=range(len(rows[0])),
        font_size=12,
    )
    table.setStyle([("FONT", (0, -1), (-1, -1), FONT_BOLD, 12, 15),
                    ("ALIGN", (1, 1), (1, -1), "LEFT")])  # fmt: skip
    return table


def render(data: DailyList) -> bytes:
    lh = data.letterhead
    width = landscape_width()
    story: list[Flowable] = [NationalHeader(lh, width, show_number=False), Spacer(1, 2 * mm)]
    story.append(para(esc(data.title.upper()), TITLE))
    story.append(
        para(
            f"{esc(vn_date(data.day).capitalize())} — số liệu tính đến {vn_time(data.as_of)}"
            + (f", {vn_date(data.as_of)}" if data.as_of.date() != data.day else ""),
            SUBTITLE,
        )
    )
    if data.note:
        story.append(para(esc(data.note), NOTE))
    story += [_summary(data, width), Spacer(1, 4 * mm)]
    blocks = [data.preparer, data.signature] if data.preparer else [None, data.signature]
    signatures = _SpacedAbove(signature_row(blocks, width), 3 * mm)
    last = len(data.sections)
    for number, section in enumerate(data.sections, start=1):
        if number < last:
            story += [_section(number, section, width), Spacer(1, 3 * mm)]
        else:  # the signatures stay with the last rows, never alone on a page
            story.append(_section(number, section, width, tail=signatures))
    if not data.sections:
        story.append(signatures)
    printed = data.printed_at
    with binary_streams():
        return build_pdf(
            story,
            title=f"{data.title} {data.day:%d/%m/%Y}",
            landscape_page=True,
            page_numbers=True,
            footer=f"In lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
            margins=LANDSCAPE_MARGINS,
        )
