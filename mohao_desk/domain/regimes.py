"""Legal regimes (chế độ pháp lý): which decree, circular, forms and apology rules apply to a
dossier, chosen by its receipt day (domain.md §0). The table itself is data
(``resources/regimes/legal_regimes.json``), loaded into the database at set-up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import ApologyRules


@dataclass(frozen=True)
class FormSpec:
    """One official form of a regime: its number and title (mẫu số, tên mẫu)."""

    key: str
    number: str
    title: str


@dataclass(frozen=True)
class LegalRegime:
    code: str
    name: str
    valid_from: date
    valid_to: date | None
    legal_basis: str
    forms_circular: str
    upstream: str
    apology: ApologyRules
    forms: dict[str, FormSpec] = field(default_factory=dict)

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def form(self, key: str) -> FormSpec:
        if key not in self.forms:
            raise DeskError(
                "Chế độ {code} ({name}) không có mẫu '{key}'.",
                code=self.code,
                name=self.name,
                key=key,
            )
        return self.forms[key]


def regime_for(day: date, regimes: Sequence[LegalRegime]) -> LegalRegime:
    """The regime in force on a receipt day: the day of the moment the dossier *counts from*
    (``WorkCalendar.normalize``), not of its arrival. A dossier arriving online on 30/06/2025
    at 18:00 counts from 01/07/2025 07:30 and falls under regime B."""
    for regime in regimes:
        if regime.covers(day):
            return regime
    raise DeskError("Không có chế độ pháp lý nào áp dụng cho ngày {day:%d/%m/%Y}.", day=day)
