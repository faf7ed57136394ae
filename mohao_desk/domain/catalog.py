"""The procedure catalog (danh mục thủ tục hành chính) and the legal-regime table as data.

Both arrive as JSON (shipped resources, later upstream packages). Parsing validates everything
first and raises one :class:`DeskError` naming what is wrong: a broken file is rejected whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from itertools import pairwise
from typing import Any

from mohao_desk.domain.deadline import ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.lifecycle import ApologyRules
from mohao_desk.domain.regimes import FormSpec, LegalRegime
from mohao_desk.domain.text import fold, nfc

# Where in a catalog or regime file a check failed: "Thủ tục 1.004873", "Chế độ A".
Where = Phrase | str

COMPONENT_KINDS = {
    "original": "Bản chính",
    "copy": "Bản sao",
    "certified_copy": "Bản sao chứng thực",
    "present": "Bản chính (xuất trình)",
}


_KIND_WORDS = {
    "ban chinh": "original",
    "ban sao": "copy",
    "photocopy": "copy",
    "ban photo": "copy",
    "ban photocopy": "copy",
    "ban chup": "copy",  # bản chụp: the photocopy column of the supplement slip
    "ban sao chung thuc": "certified_copy",
    "ban sao co chung thuc": "certified_copy",
    "xuat trinh": "present",
    "ban chinh xuat trinh": "present",
    "ban chinh (xuat trinh)": "present",
}


def parse_kind(text: str) -> str:
    """A paper's kind from its key ("copy") or its Vietnamese name, with or without diacritics
    ("Bản sao chứng thực", "ban sao")."""
    raw = text.strip()
    if raw in COMPONENT_KINDS:
        return raw
    key = fold(raw)
    if key in _KIND_WORDS:
        return _KIND_WORDS[key]
    names = ", ".join(COMPONENT_KINDS.values())
    raise DeskError(
        "Loại giấy tờ '{text}' không hợp lệ (một trong: {names}).", text=text, names=names
    )


@dataclass(frozen=True)
class ComponentSpec:
    """Thành phần hồ sơ of a procedure: name, kind (original / copy...), count."""

    name: str
    kind: str = "original"
    count: int = 1

    @property
    def kind_label(self) -> str:
        return COMPONENT_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Procedure:
    """Thủ tục hành chính (TTHC) of the catalog."""

    code: str
    name: str
    field: str
    time: ProcessingTime
    basis: str = ""
    verification_time: ProcessingTime | None = None
    note: str = ""
    components: tuple[ComponentSpec, ...] = ()


def _text(entry: dict[str, Any], key: str, where: Where, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not nfc(value).strip()):
        raise DeskError("{where}: thiếu hoặc sai trường '{key}'.", where=where, key=key)
    if len(value) > 1000:
        raise DeskError("{where}: trường '{key}' quá dài.", where=where, key=key)
    return nfc(value).strip()


def _hhmm(text: Any, where: Where) -> time:
    if not isinstance(text, str):
        raise DeskError("{where}: giờ '{text}' không đúng dạng HH:MM.", where=where, text=text)
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return time(hour, minute)
    except (ValueError, TypeError):
        raise DeskError(
            "{where}: giờ '{text}' không đúng dạng HH:MM.", where=where, text=text
        ) from None


def parse_processing_time(raw: Any, where: Where) -> ProcessingTime:
    if not isinstance(raw, dict):
        raise DeskError("{where}: thời hạn giải quyết phải là một đối tượng.", where=where)
    try:
        unit = TimeUnit(str(raw.get("unit")))
    except ValueError:
        raise DeskError(
            "{where}: đơn vị thời hạn '{unit}' không hợp lệ.", where=where, unit=raw.get("unit")
        ) from None
    value = raw.get("value", 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 3650:
        raise DeskError(
            "{where}: số lượng thời hạn '{value}' không hợp lệ.", where=where, value=value
        )
    cutoff = _hhmm(raw.get("cutoff", "15:00"), where)
    try:
        return ProcessingTime(value, unit, cutoff)
    except DeskError as exc:
        raise DeskError("{where}: {error}", where=where, error=Phrase.of(exc)) from None


# A row marked ``"unsure": true`` (its code or time not confirmed in an official source) keeps
# the mark in its note, which the store keeps and the window shows.
UNSURE_PREFIX = "Chưa chắc chắn: "


def _check_source(source: Any, where: Where) -> None:
    """``source``: where a row's code and time come from (a text or a list of texts). Kept in
    the file for the reader; the catalog does not store it."""
    if source is None:
        return
    items = source if isinstance(source, list) else [source]
    if not items or not all(isinstance(x, str) and x.strip() for x in items):
        raise DeskError("{where}: 'source' phải là một đoạn chữ hoặc danh sách.", where=where)


def parse_catalog(data: Any) -> list[Procedure]:
    """Validate and parse a catalog document; all or nothing.

    Besides the fields of :class:`Procedure`, an entry may carry ``source`` (the official
    source of its code and time, for the reader) and ``unsure`` (``true`` when they are not
    confirmed: the note, required then, starts with "Chưa chắc chắn: ")."""
    if not isinstance(data, dict) or data.get("format") != "mohao-catalog":
        raise DeskError(
            "Tệp danh mục thủ tục không đúng định dạng (thiếu 'format: mohao-catalog')."
        )
    entries = data.get("procedures")
    if not isinstance(entries, list) or not entries:
        raise DeskError("Tệp danh mục thủ tục không có thủ tục nào.")
    procedures: list[Procedure] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        where: Where = Phrase("Thủ tục thứ {n}", n=n)
        if not isinstance(entry, dict):
            raise DeskError("{where}: phải là một đối tượng.", where=where)
        code = _text(entry, "code", where)
        where = Phrase("Thủ tục {code}", code=code)
        if code in seen:
            raise DeskError("{where}: mã thủ tục bị trùng.", where=where)
        seen.add(code)
        components = []
        raw_components = entry.get("components", [])
        if not isinstance(raw_components, list):
            raise DeskError("{where}: 'components' phải là một danh sách.", where=where)
        for c in raw_components:
            if not isinstance(c, dict):
                raise DeskError("{where}: thành phần hồ sơ phải là một đối tượng.", where=where)
            kind = c.get("kind", "original")
            if kind not in COMPONENT_KINDS:
                raise DeskError(
                    "{where}: loại giấy tờ '{kind}' không hợp lệ.", where=where, kind=kind
                )
            count = c.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or not 0 < count < 100:
                raise DeskError(
                    "{where}: số lượng giấy tờ '{count}' không hợp lệ.", where=where, count=count
                )
            components.append(ComponentSpec(_text(c, "name", where), kind, count))
        verification = entry.get("verification_time")
        note = _text(entry, "note", where, required=False)
        _check_source(entry.get("source"), where)
        unsure = entry.get("unsure", False)
        if not isinstance(unsure, bool):
            raise DeskError("{where}: 'unsure' phải là true hoặc false.", where=where)
        if unsure:
            if not note:
                raise DeskError(
                    "{where}: thủ tục chưa chắc chắn ('unsure') phải có ghi chú nói điều gì "
                    "chưa chắc.",
                    where=where,
                )
            if not note.startswith(UNSURE_PREFIX):
                note = UNSURE_PREFIX + note
        procedures.append(
            Procedure(
                code=code,
                name=_text(entry, "name", where),
                field=_text(entry, "field", where),
                time=parse_processing_time(entry.get("time"), where),
                basis=_text(entry, "basis", where, required=False),
                verification_time=(
                    parse_processing_time(verification, where) if verification else None
                ),
                note=note,
                components=tuple(components),
            )
        )
    return procedures


def _date(text: Any, where: Where) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise DeskError(
            "{where}: ngày '{text}' không đúng dạng YYYY-MM-DD.", where=where, text=text
        ) from None


def parse_regimes(data: Any) -> list[LegalRegime]:
    """Validate and parse the legal-regime table; all or nothing."""
    if not isinstance(data, dict) or data.get("format") != "mohao-legal-regimes":
        raise DeskError("Tệp chế độ pháp lý không đúng định dạng.")
    entries = data.get("regimes")
    if not isinstance(entries, list) or not entries:
        raise DeskError("Tệp chế độ pháp lý không có chế độ nào.")
    regimes = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise DeskError("Chế độ pháp lý phải là một đối tượng.")
        code = _text(entry, "code", Phrase("Chế độ pháp lý"))
        where = Phrase("Chế độ {code}", code=code)
        apology = entry.get("apology", {})
        if not isinstance(apology, dict):
            raise DeskError("{where}: 'apology' phải là một đối tượng.", where=where)
        days_before = apology.get("working_days_before", 1)
        if not isinstance(days_before, int) or not 0 <= days_before <= 30:
            raise DeskError("{where}: 'working_days_before' không hợp lệ.", where=where)
        once_only = apology.get("once_only", True)
        if not isinstance(once_only, bool):
            raise DeskError("{where}: 'once_only' phải là true hoặc false.", where=where)
        forms_raw = entry.get("forms", {})
        if not isinstance(forms_raw, dict):
            raise DeskError("{where}: 'forms' phải là một đối tượng.", where=where)
        forms = {}
        for key, spec in forms_raw.items():
            if not isinstance(spec, dict):
                raise DeskError("{where}: mẫu '{key}' phải là một đối tượng.", where=where, key=key)
            forms[key] = FormSpec(key, _text(spec, "number", where), _text(spec, "title", where))
        valid_to = entry.get("valid_to")
        start = _date(entry.get("valid_from"), where)
        end = _date(valid_to, where) if valid_to else None
        if end is not None and end < start:
            raise DeskError("{where}: ngày hết hiệu lực trước ngày bắt đầu hiệu lực.", where=where)
        regimes.append(
            LegalRegime(
                code=code,
                name=_text(entry, "name", where),
                valid_from=start,
                valid_to=end,
                legal_basis=_text(entry, "legal_basis", where),
                forms_circular=_text(entry, "forms_circular", where),
                upstream=_text(entry, "upstream", where),
                apology=ApologyRules(days_before, once_only),
                forms=forms,
            )
        )
    regimes.sort(key=lambda r: r.valid_from)
    for earlier, later in pairwise(regimes):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            raise DeskError(
                "Chế độ {first} và {second} có thời gian hiệu lực chồng nhau.",
                first=earlier.code,
                second=later.code,
            )
    return regimes
