"""Dossier codes (mã hồ sơ): ``{agency code}-{yyMMdd}-{NNNN}``, e.g. ``000.17.22.H56-210531-0001``.

The agency code is the receiving body's electronic identifier (QCVN 102:2016/BTTTT format, issued by
the province); the sequence restarts daily per agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mohao_desk.domain.errors import DeskError

AGENCY_CODE = re.compile(r"^[0-9A-Za-z]{1,4}(\.[0-9A-Za-z]{1,4}){1,5}$")
_DOSSIER_CODE = re.compile(r"^(?P<agency>[0-9A-Za-z.]+)-(?P<day>\d{6})-(?P<seq>\d{4,6})$")


def check_agency_code(code: str) -> str:
    code = code.strip()
    if not AGENCY_CODE.match(code):
        raise DeskError(
            "Mã cơ quan '{code}' không đúng định dạng mã định danh điện tử (ví dụ 000.17.22.H56).",
            code=code,
        )
    return code


@dataclass(frozen=True)
class DossierCode:
    agency: str
    day: date
    sequence: int

    def __str__(self) -> str:
        return f"{self.agency}-{self.day:%y%m%d}-{self.sequence:04d}"

    @classmethod
    def parse(cls, text: str) -> DossierCode:
        match = _DOSSIER_CODE.match(text.strip())
        if not match:
            raise DeskError(
                "Mã hồ sơ '{text}' không đúng dạng {{mã cơ quan}}-{{yyMMdd}}-{{NNNN}}.", text=text
            )
        check_agency_code(match["agency"])
        if int(match["seq"]) < 1:
            raise DeskError("Mã hồ sơ '{text}' có số thứ tự 0.", text=text)
        raw = match["day"]
        try:
            day = date(2000 + int(raw[:2]), int(raw[2:4]), int(raw[4:]))
        except ValueError:
            raise DeskError("Mã hồ sơ '{text}' chứa ngày không hợp lệ.", text=text) from None
        return cls(match["agency"], day, int(match["seq"]))


def format_code(agency: str, day: date, sequence: int) -> str:
    if sequence < 1:
        raise DeskError("Số thứ tự hồ sơ phải từ 1.")
    return str(DossierCode(agency, day, sequence))
