"""Long ruled tables for the date-range documents (daily list, register book, explanation
report), and a page builder for documents that mix portrait and landscape pages.

Why not reportlab's ``Table``: it draws every cell through ``canvas.drawString`` (a text object,
bidi shaping and number formatting per string, in pure Python without the optional C
accelerator). Measured on this project's machine: 20,000 register rows take 32 s as one
``LongTable`` and 10 s as page-sized ``Table`` objects with plain string cells. :class:`FastGrid`
lays the same rows out in ~2 s: text is wrapped once per distinct string (between words, like
``simpleSplit``, each word measured once), row heights are known before layout, the grid
splits itself page by page in O(rows), and each page is written as one block of PDF text
operators in which every distinct string is encoded (TrueType subset, escaping) once per
document. It writes into the canvas's page stream (``canv._code``) and uses the TrueType
font's ``splitString`` / ``getSubsetInternalName``: reportlab internals that have been stable
for years; the tests read every document back with pypdf.

Candidates for ``base.py`` once it settles: :class:`FastGrid`, :func:`signature_row` (names
aligned whatever the number of title lines), :func:`binary_streams` and :func:`build_mixed`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mohao_desk.documents.base import (
    CENTER,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    MARGINS,
    SIGNATURE,
    SMALL_CENTER,
    esc,
    numbered_canvas,
    para,
    register_fonts,
)
from mohao_desk.documents.data import Signature
from mohao_desk.domain.text import nfc

LANDSCAPE_MARGINS = {"top": 15 * mm, "bottom": 17 * mm, "left": 20 * mm, "right": 15 * mm}


def landscape_width() -> float:
    return landscape(A4)[0] - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]


class Column(NamedTuple):
    """A column of a :class:`FastGrid`: its header text, width and alignment (L, C, R)."""

    title: str
    width: float
    align: str = "L"


class Band(NamedTuple):
    """A row spanning every column: a group heading ("band", bold on grey) or a note (italic)."""

    text: str
    kind: str = "band"


Row = Sequence[str] | Band

_WIDTHS: dict[tuple[str, str], float] = {}
_WRAPPED: dict[tuple[str, str, float, float], tuple[str, ...]] = {}


def text_width(text: str, font: str, size: float) -> float:
    """``pdfmetrics.stringWidth``, cached per (text, font): lists repeat the same words and
    dates thousands of times, and the uncached measure is a Python loop over characters."""
    key = (text, font)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 500_000:
            _WIDTHS.clear()
        width = _WIDTHS[key] = pdfmetrics.stringWidth(text, font, 1000)
    return width * size / 1000


def wrap_lines(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """``text`` (NFC; explicit line breaks kept) as lines no wider than ``width``, broken
    between words like ``simpleSplit`` (each word measured once and cached); a word wider than
    the column is broken between letters rather than drawn over the next column."""
    key = (text, font, size, width)
    found = _WRAPPED.get(key)
    if found is not None:
        return found
    lines: list[str] = []
    space = text_width(" ", font, size)
    for part in nfc(text).split("\n"):
        words = part.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            w = text_width(word, font, size)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            if not current and w > width:
                *pieces, word = _break_word(word, font, size, width)
                lines += pieces
                w = text_width(word, font, size)
            used = used + space + w if current else w
            current.append(word)
        lines.append(" ".join(current))
    result = tuple(lines) or ("",)
    if len(_WRAPPED) > 200_000:
        _WRAPPED.clear()
    _WRAPPED[key] = result
    return result


def clear_caches() -> None:
    """Forget measured and wrapped texts (benchmarks measure a cold start with it)."""
    _WIDTHS.clear()
    _WRAPPED.clear()


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for its column, in pieces that fit (at least one letter each)."""
    pieces = []
    while len(word) > 1 and text_width(word, font, size) > width:
        cut = len(word) - 1
        while cut > 1 and text_width(word[:cut], font, size) > width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


_PAD = 2.5  # a FastGrid cell's padding (each side); a cell's text is 2 * _PAD + 1 narrower


def _lines_need(text: str, lines: int, size: float) -> float:
    """The narrowest text width (to 0.5 pt) at which ``text`` wraps into at most ``lines``
    lines, as :func:`wrap_lines` breaks it."""
    whole = max((text_width(x, FONT, size) for x in text.split("\n")), default=0.0)
    if lines <= 1:
        return whole
    widest = max((text_width(w, FONT, size) for w in text.split()), default=0.0)
    lo, hi = max(widest, whole / lines), whole  # hi always fits in one line
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if len(wrap_lines(text, FONT, size, mid)) <= lines:
            hi = mid
        else:
            lo = mid
    return hi


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[Row],
    total: float,
    size: float,
    *,
    flexible: Sequence[int],
    floor: int = 1,
    share: float = 0.97,
    sample: int = 300,
) -> list[Column]:
    """Widths for the ``flexible`` columns chosen from the text of the rows, so that rows are
    as short as their text allows: the fewest lines T (at least ``floor``, the lines the fixed
    columns take anyway) at which, in each flexible column, ``share`` of the cells fit in T
    lines with the columns side by side in ``total``; each flexible column then as wide as
    that needs (at least its given width, its minimum). The room left goes first to what the
    longer cells of each column need to fit in T lines too (up to the 99th percentile, so one
    very long note does not take it all), then towards one line per cell, then to every
    flexible column in proportion. Fixed
    columns keep their widths. Measured on an even sample of at most ``sample`` rows, each
    distinct text once."""
    data = [r for r in rows if not isinstance(r, Band)]
    if len(data) > sample:
        step = len(data) / sample
        data = [data[int(i * step)] for i in range(sample)]
    flex = list(flexible)
    widths = [c.width for c in columns]
    room = total - sum(w for i, w in enumerate(widths) if i not in flex)
    if not data or not flex or room <= sum(widths[i] for i in flex):
        return list(columns)
    pad = 2 * _PAD + 1
    texts = {i: [nfc(r[i]) for r in data] for i in flex}
    needs: dict[tuple[int, int], list[float]] = {}

    def need(i: int, lines: int) -> list[float]:
        """Sorted widths the cells of column ``i`` need to fit in ``lines`` lines."""
        key = (i, lines)
        if key not in needs:
            known: dict[str, float] = {}
            for text in texts[i]:
                if text not in known:
                    known[text] = _lines_need(text, lines, size) + pad
            needs[key] = sorted(known[t] for t in texts[i])
        return needs[key]

    def quantile(i: int, lines: int, q: float) -> float:
        ordered = need(i, lines)
        return max(widths[i], ordered[min(len(ordered) - 1, int(q * len(ordered)))])

    target = floor
    chosen = {i: quantile(i, target, share) for i in flex}
    while sum(chosen.values()) > room and target < floor + 6:
        target += 1
        chosen = {i: quantile(i, target, share) for i in flex}
    if sum(chosen.values()) > room:  # even very tall rows need more room: shrink in proportion
        scale = room / sum(chosen.values())
        chosen = {i: w * scale for i, w in chosen.items()}
    left = room - sum(chosen.values())
    # The room left: first to the longer cells of each column (to fit in T lines too), then
    # towards one line per cell (fewer wrapped lines read better), then to all in proportion.
    for lines in (target, 1):
        if left <= 0:
            break
        wants = {i: max(0.0, quantile(i, lines, 0.99) - chosen[i]) for i in flex}
        wanted = sum(wants.values())
        if wanted > 0:
            given = min(left, wanted)
            for i in flex:
                chosen[i] += given * wants[i] / wanted
            left -= given
    if left > 0:
        base = sum(chosen.values())
        for i in flex:
            chosen[i] += left * chosen[i] / base
    return [c._replace(width=chosen[i]) if i in chosen else c for i, c in enumerate(columns)]


@dataclass
class _Layout:
    """Everything a grid and its page-sized pieces share: wrapped cells, heights, offsets."""

    columns: tuple[Column, ...]
    xs: tuple[float, ...]  # left edge of each column, then the right edge of the table
    size: float
    leading: float
    pad: float
    header: tuple[tuple[str, ...], ...]
    header_height: float
    caption: str
    caption_height: float
    cells: list[Any]  # per row: tuple of line tuples, or a Band
    heights: list[float]
    offsets: list[float]  # offsets[i] = sum(heights[:i])


class FastGrid(Flowable):
    """A ruled table of plain text cells for long lists, repeating its header on every page.

    Cells are plain strings (no markup); long ones wrap inside their column. A :class:`Band`
    row spans the table. An optional bold ``caption`` is drawn above the first piece only, so a
    section heading never stays alone at the bottom of a page. An optional ``tail`` (the
    signature block of a list) is drawn under the last piece, which then keeps at least
    ``tail_rows`` rows: the signatures never stand alone on a last page (reportlab's
    ``KeepTogether`` of the last rows and the signatures, without splitting the grid in two).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        *,
        font_size: float = 10,
        leading: float | None = None,
        caption: str = "",
        min_rows: int = 2,
        row_padding: float = _PAD,
        tail: Flowable | None = None,
        tail_rows: int = 2,
        _layout: _Layout | None = None,
        _start: int = 0,
        _end: int | None = None,
        _first: bool = True,
    ) -> None:
        super().__init__()
        self.layout = _layout or self._prepare(
            columns, rows, font_size, leading, caption, row_padding
        )
        self.start = _start
        self.end = len(self.layout.heights) if _end is None else _end
        self.first = _first
        self.min_rows = min_rows
        self.width = self.layout.xs[-1]
        self.tail = tail
        self.tail_rows = tail_rows
        self.tail_height = 0.0

    # ------------------------------------------------------------ layout
    @staticmethod
    def _prepare(
        columns: Sequence[Column],
        rows: Sequence[Row],
        size: float,
        leading: float | None,
        caption: str,
        row_padding: float = _PAD,
    ) -> _Layout:
        register_fonts()
        lead = leading or round(size * 1.2, 2)
        pad = _PAD
        xs = [0.0]
        for c in columns:
            xs.append(xs[-1] + c.width)
        inner = [c.width - 2 * pad - 1 for c in columns]
        full = xs[-1] - 2 * pad - 1
        header = tuple(
            wrap_lines(c.title, FONT_BOLD, size, w) for c, w in zip(columns, inner, strict=True)
        )
        header_height = max(len(h) for h in header) * lead + 2 * pad + 1
        cells: list[Any] = []
        heights: list[float] = []
        offsets: list[float] = []
        total = 0.0
        wrap = wrap_lines
        for row in rows:
            if isinstance(row, Band):
                font = FONT_BOLD if row.kind == "band" else FONT_ITALIC
                lines = wrap(row.text, font, size, full)
                cells.append(row._replace(text="\n".join(lines)))
                count = len(lines)
            else:
                wrapped = tuple(
                    wrap(text, FONT, size, w) if text else ("",)
                    for text, w in zip(row, inner, strict=True)
                )
                cells.append(wrapped)
                count = max(len(w) for w in wrapped)
            height = count * lead + 2 * row_padding
            offsets.append(total)
            heights.append(height)
            total += height
        offsets.append(total)
        caption_height = (size + 3) * 1.6 if caption else 0.0
        return _Layout(
            tuple(columns),
            tuple(xs),
            size,
            lead,
            pad,
            header,
            header_height,
            caption,
            caption_height,
            cells,
            heights,
            offsets,
        )

    def _height(self, start: int, end: int) -> float:
        lay = self.layout
        top = lay.caption_height if self.first else 0.0
        return top + lay.header_height + lay.offsets[end] - lay.offsets[start]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.tail is not None:
            self.tail_height = self.tail.wrap(self.width, available_height)[1]
        self.height = self._height(self.start, self.end) + self.tail_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lay = self.layout
        room = available_height - self._height(self.start, self.start)
        base = lay.offsets[self.start]
        # The last row that fits (binary search over the running heights).
        lo, hi = self.start, self.end
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if lay.offsets[mid] - base <= room:
                lo = mid
            else:
                hi = mid - 1
        # Everything fits only through rounding (platypus asked to split): keep one row back.
        cut = min(lo, self.end - 1)
        if self.tail is not None:
            # The tail goes with the last rows: leave at least ``tail_rows`` of them to it.
            cut = min(cut, self.end - min(self.tail_rows, self.end - self.start))
        if cut > self.start and isinstance(lay.cells[cut - 1], Band):
            cut -= 1  # a group heading goes with its rows
        if cut - self.start < min(self.min_rows, self.end - self.start) or cut <= self.start:
            return []  # too little room here: start on the next page
        return [
            FastGrid((), (), _layout=lay, min_rows=1, _start=self.start, _end=cut,
                     _first=self.first),
            FastGrid((), (), _layout=lay, min_rows=1, tail=self.tail, tail_rows=self.tail_rows,
                     _start=cut, _end=self.end, _first=False),
        ]  # fmt: skip

    # -------------------------------------------------------------- draw
    def draw(self) -> None:
        canv = self.canv
        lay = self.layout
        doc = canv._doc
        size, lead, pad, xs = lay.size, lay.leading, lay.pad, lay.xs
        width = xs[-1]
        fonts = {name: pdfmetrics.getFont(name) for name in (FONT, FONT_BOLD, FONT_ITALIC)}
        # A string's TrueType subset codes never change once assigned within one document: each
        # distinct string is encoded once per document (the cache lives on reportlab's doc).
        encoded: dict[tuple[str, str, float], list[tuple[str, str]]]
        encoded = doc.__dict__.setdefault("_mohao_encoded", {})
        text_ops: list[str] = ["BT"]
        current = [""]

        def show(text: str, font_name: str, x: float, y: float, font_size: float = size) -> None:
            key = (font_name, text, font_size)
            parts = encoded.get(key)
            if parts is None:
                font = fonts[font_name]
                parts = []
                for subset, chunk in font.splitString(text, doc):
                    name = font.getSubsetInternalName(subset, doc)
                    escaped = "".join(map(_PDF_ESCAPES.__getitem__, chunk))
                    parts.append((f"{name} {font_size} Tf", f"({escaped}) Tj"))
                encoded[key] = parts
            text_ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
            for select, op in parts:
                if select != current[0]:
                    text_ops.append(select)
                    current[0] = select
                text_ops.append(op)

        def cell_lines(lines: Sequence[str], font: str, x0: float, x1: float, top: float,
                       height: float, align: str) -> None:  # fmt: skip
            y = top - (height - len(lines) * lead) / 2 - lead / 2 - size * 0.36
            for line in lines:
                if line:
                    if align == "C":
                        x = (x0 + x1 - text_width(line, font, size)) / 2
                    elif align == "R":
                        x = x1 - pad - text_width(line, font, size)
                    else:
                        x = x0 + pad
                    show(line, font, x, y)
                y -= lead

        graphics: list[str] = ["q", "0.5 w"]
        fills: list[str] = []
        top = self.height
        if self.first and lay.caption:
            show(lay.caption, FONT_BOLD, 0, top - lay.caption_height + size * 0.6, size + 2)
            top -= lay.caption_height
        # Header.
        h = lay.header_height
        for lines, x0, x1 in zip(lay.header, xs, xs[1:], strict=False):
            cell_lines(lines, FONT_BOLD, x0, x1, top, h, "C")
        graphics.append(f"0 {top:.2f} m {width:.2f} {top:.2f} l")
        segment_top = top
        top -= h
        graphics.append(f"0 {top:.2f} m {width:.2f} {top:.2f} l")
        for i in range(self.start, self.end):
            h = lay.heights[i]
            row = lay.cells[i]
            if isinstance(row, Band):
                # Close the column rules above the band, draw the band across the table.
                graphics.extend(_verticals(xs, segment_top, top))
                if row.kind == "band":
                    fills.append(f"0 {top - h:.2f} {width:.2f} {h:.2f} re")
                    font = FONT_BOLD
                else:
                    font = FONT_ITALIC
                cell_lines(row.text.split("\n"), font, 0, width, top, h, "L")
                graphics.append(f"0 {top:.2f} m 0 {top - h:.2f} l")
                graphics.append(f"{width:.2f} {top:.2f} m {width:.2f} {top - h:.2f} l")
                segment_top = top - h
            else:
                for c, lines, x0, x1 in zip(lay.columns, row, xs, xs[1:], strict=False):
                    cell_lines(lines, FONT, x0, x1, top, h, c.align)
            top -= h
            graphics.append(f"0 {top:.2f} m {width:.2f} {top:.2f} l")
        graphics.extend(_verticals(xs, segment_top, top))
        graphics += ["S", "Q"]
        text_ops.append("ET")
        code = canv._code
        if fills:
            code.append("q 0.9 g\n" + "\n".join(fills) + "\nf Q")
        code.append("\n".join(graphics))
        code.append("\n".join(text_ops))
        if self.tail is not None:
            self.tail.drawOn(canv, 0, top - self.tail_height)


# A PDF string's bytes as they are written between parentheses (as reportlab's escapePDF).
_PDF_ESCAPES = tuple(
    f"\\{c:03o}" if c < 32 or c >= 127 else ("\\" + chr(c) if chr(c) in "\\()" else chr(c))
    for c in range(256)
)


def _verticals(xs: Sequence[float], top: float, bottom: float) -> list[str]:
    if top - bottom < 0.01:
        return []
    return [f"{x:.2f} {top:.2f} m {x:.2f} {bottom:.2f} l" for x in xs]


# ------------------------------------------------------------- signatures


def signature_row(
    blocks: Sequence[Signature | None], width: float, space: float = 22 * mm
) -> Table:
    """Signature blocks side by side (like ``base.signature_table``) with the signers' names
    on one line, however many title lines each block has ("NGƯỜI LẬP" beside "TM. ỦY BAN NHÂN
    DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")."""

    def head(block: Signature) -> float:
        return len(block.lines) * SIGNATURE.leading + (SMALL_CENTER.leading if block.note else 0)

    tallest = max((head(b) for b in blocks if b is not None), default=0.0)
    cells: list = []
    for block in blocks:
        if block is None:
            cells.append("")
            continue
        parts: list[Flowable] = [para(esc(line.upper()), SIGNATURE) for line in block.lines]
        if block.note:
            parts.append(para(f"<i>{esc(block.note)}</i>", SMALL_CENTER))
        parts.append(Spacer(1, space + tallest - head(block)))
        if block.name:
            parts.append(para(f"<b>{esc(block.name)}</b>", CENTER))
        cells.append(parts)
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


# ------------------------------------------------------------------ pages


@contextmanager
def binary_streams() -> Iterator[None]:
    """Page streams compressed but not ASCII85-encoded while a document is built: reportlab
    encodes ASCII85 in pure Python (without its optional C accelerator), ~1 s of a 1,500-page
    register book, and the file is 25 % bigger for it. Binary streams are ordinary PDF."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def build_mixed(
    story: list[Flowable],
    *,
    title: str,
    first: str = "portrait",
    footer: str = "",
    page_numbers: bool = True,
) -> bytes:
    """Lay out a story whose pages may switch between portrait (margins of Decree 30) and
    landscape (``NextPageTemplate("landscape")`` then ``PageBreak()``); "Trang x/y" at the
    bottom right of every page."""
    register_fonts()
    buffer = io.BytesIO()
    portrait_size, landscape_size = A4, landscape(A4)
    m, lm = MARGINS, LANDSCAPE_MARGINS

    def frame(size: tuple[float, float], margins: dict[str, float], name: str) -> Frame:
        return Frame(
            margins["left"],
            margins["bottom"],
            size[0] - margins["left"] - margins["right"],
            size[1] - margins["top"] - margins["bottom"],
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    def decorate(canvas: Any, document: Any) -> None:
        if footer:
            canvas.saveState()
            canvas.setFont(FONT_ITALIC, 9)
            canvas.drawString(20 * mm, 10 * mm, nfc(footer))
            canvas.restoreState()

    templates = [
        PageTemplate(
            "portrait", [frame(portrait_size, m, "p")], onPage=decorate, pagesize=portrait_size
        ),
        PageTemplate(
            "landscape", [frame(landscape_size, lm, "l")], onPage=decorate, pagesize=landscape_size
        ),
    ]
    if first == "landscape":
        templates.reverse()
    doc = BaseDocTemplate(
        buffer,
        pagesize=templates[0].pagesize,
        pageTemplates=templates,
        title=nfc(title),
        author="mohao_desk",
        creator="mohao_desk",
    )
    with binary_streams():
        if page_numbers:
            doc.build(story, canvasmaker=numbered_canvas())
        else:
            doc.build(story)
    return buffer.getvalue()
