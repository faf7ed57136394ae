"""Text helpers: NFC normalisation and diacritic-insensitive folding for search."""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str) -> str:
    """Normalise to NFC, the form every string takes when it enters the program."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold Vietnamese text for searching: no diacritics, lower case, single spaces.

    ``fold("Nguyễn Văn Đức") == "nguyen van duc"``.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def group_digits(n: int) -> str:
    """A whole number with Vietnamese thousands separators: ``group_digits(5000) == "5.000"``,
    ``group_digits(-1234567) == "-1.234.567"``. The one number format of the CLI, the
    documents and the window."""
    return f"{n:,}".replace(",", ".")
