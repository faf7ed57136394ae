"""Dossier codes (domain.md §1) and Vietnamese text folding for search."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from mohao_desk.domain.codes import DossierCode, check_agency_code, format_code
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import fold, nfc

AGENCY = "000.17.22.H56"

# ------------------------------------------------------------------------- dossier codes


def test_format_code() -> None:
    assert format_code(AGENCY, date(2024, 4, 26), 1) == "000.17.22.H56-240426-0001"
    assert format_code(AGENCY, date(2021, 5, 31), 37) == "000.17.22.H56-210531-0037"
    assert format_code(AGENCY, date(2026, 12, 31), 9999) == "000.17.22.H56-261231-9999"
    assert format_code(AGENCY, date(2025, 1, 2), 12345) == "000.17.22.H56-250102-12345"


@pytest.mark.parametrize("sequence", [0, -1])
def test_format_code_rejects_sequence_below_one(sequence: int) -> None:
    with pytest.raises(DeskError, match="Số thứ tự hồ sơ phải từ 1"):
        format_code(AGENCY, date(2024, 4, 26), sequence)


def test_parse_code() -> None:
    code = DossierCode.parse("000.17.22.H56-210531-0001")
    assert code == DossierCode("000.17.22.H56", date(2021, 5, 31), 1)
    assert DossierCode.parse("  000.17.22.H56-240229-0042\n") == DossierCode(
        AGENCY, date(2024, 2, 29), 42
    )


@pytest.mark.parametrize(
    ("day", "sequence"),
    [(date(2024, 4, 26), 1), (date(2025, 7, 1), 10), (date(2026, 2, 28), 9999)],
)
def test_parse_round_trip(day: date, sequence: int) -> None:
    text = format_code(AGENCY, day, sequence)
    code = DossierCode.parse(text)
    assert code == DossierCode(AGENCY, day, sequence)
    assert str(code) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "000.17.22.H56",
        "000.17.22.H56-240426",
        "000.17.22.H56-240426-001",  # 3-digit sequence
        "000.17.22.H56-24042-0001",  # 5-digit date
        "000.17.22.H56-20240426-0001",  # yyyyMMdd
        "000.17.22.H56/240426/0001",
        "000.17.22.H56-240426-0001-2",
        "000 17 22 H56-240426-0001",
        "-240426-0001",
        "000.17.22.H56-24O426-0001",  # letter O
    ],
)
def test_parse_rejects_bad_codes(text: str) -> None:
    with pytest.raises(DeskError, match="không đúng dạng"):
        DossierCode.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "000.17.22.H56-240230-0001",  # 30/02
        "000.17.22.H56-250229-0001",  # 2025 is not a leap year
        "000.17.22.H56-241301-0001",  # month 13
        "000.17.22.H56-240000-0001",
        "000.17.22.H56-240431-0001",  # 31/04
    ],
)
def test_parse_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(DeskError, match="chứa ngày không hợp lệ"):
        DossierCode.parse(text)


def test_parse_rejects_sequence_zero() -> None:
    """Sequences start at 0001 (format_code refuses 0): a code numbered 0000 cannot exist."""
    with pytest.raises(DeskError):
        DossierCode.parse("000.17.22.H56-240426-0000")


@pytest.mark.parametrize("text", [".-240426-0001", "....-240426-0001", "..H56..-240426-0001"])
def test_parse_rejects_an_invalid_agency_code(text: str) -> None:
    """The agency part must be an electronic identifier, as check_agency_code demands."""
    with pytest.raises(DeskError):
        DossierCode.parse(text)


@pytest.mark.parametrize("code", ["000.17.22.H56", "000.00.00.H56", "H56.01", "a1.b2.c3"])
def test_check_agency_code_accepts(code: str) -> None:
    assert check_agency_code(code) == code
    assert check_agency_code(f"  {code} ") == code


@pytest.mark.parametrize(
    "code",
    ["", "H56", "000.17.22.H56.", ".000.17", "000..17", "00000.17", "000_17.22", "000.17-22"],
)
def test_check_agency_code_rejects(code: str) -> None:
    with pytest.raises(DeskError, match="không đúng định dạng mã định danh điện tử"):
        check_agency_code(code)


# ---------------------------------------------------------------------------------- text


def test_fold_example() -> None:
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Trần Thị Hồng Nhung", "tran thi hong nhung"),
        ("ĐẶNG QUỐC VIỆT", "dang quoc viet"),
        ("đường Lê Lợi", "duong le loi"),
        ("Phạm Ngọc Ước", "pham ngoc uoc"),
        ("  Bần   Yên\tNhân \n", "ban yen nhan"),
        ("Hồ sơ 000.17.22.H56", "ho so 000.17.22.h56"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_nfd_input_folds_like_nfc() -> None:
    name = "Nguyễn Văn Đức, phường Bần Yên Nhân, thị xã Mỹ Hào"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    assert fold(decomposed) == fold(name) == "nguyen van duc, phuong ban yen nhan, thi xa my hao"


def test_nfc() -> None:
    composed = "Nguyễn Văn Đức"
    decomposed = unicodedata.normalize("NFD", composed)
    assert nfc(decomposed) == composed
    assert len(nfc(decomposed)) == 14
    assert nfc(composed) == composed
