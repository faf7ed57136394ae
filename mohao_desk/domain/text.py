"""Text helpers: NFC normalisation and diacritic-insensitive folding for search."""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


# Kept of the control characters (Cc): what splits lines and columns; callers that want one
# line join on whitespace.
_KEPT_CONTROLS = frozenset("\t\n\r")


def visible(text: str) -> str:
    """``text`` without invisible characters: format characters (Unicode Cf: zero-width
    spaces and joiners, the byte-order mark, soft hyphens, bidi controls such as U+202E RLO,
    which reorder what is shown) and control characters (Cc: NUL, ESC…) except tab and line
    breaks. They break search and can disguise a name; Vietnamese needs none of them."""
    return "".join(
        ch for ch in text if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in ("Cf", "Cc")
    )


def nfc(text: str) -> str:
    """Normalise to NFC, the form every string takes when it enters the program, without
    invisible characters (:func:`visible`)."""
    return unicodedata.normalize("NFC", visible(text))


def fold(text: str) -> str:
    """Fold Vietnamese text for searching: no diacritics, lower case, single spaces.

    ``fold("Nguyễn Văn Đức") == "nguyen van duc"``.
    """
    decomposed = unicodedata.normalize("NFD", visible(text).translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def group_digits(n: int) -> str:
    """A whole number with Vietnamese thousands separators: ``group_digits(5000) == "5.000"``,
    ``group_digits(-1234567) == "-1.234.567"``. The one number format of the CLI, the
    documents and the window."""
    return f"{n:,}".replace(",", ".")


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    """A cell of a CSV or XLSX file written from user data: a text that a spreadsheet would run
    as a formula (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``, or starting with a tab or a
    carriage return) gets a leading apostrophe, which spreadsheets read as "this is text";
    numbers and anything else stay as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
