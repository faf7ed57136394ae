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
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import ApologyRules
from mohao_desk.domain.regimes import FormSpec, LegalRegime
from mohao_desk.domain.text import fold, nfc

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
    raise DeskError(f"Loại giấy tờ '{text}' không hợp lệ (một trong: {names}).")


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


def _text(entry: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise DeskError(f"{where}: thiếu hoặc sai trường '{key}'.")
    if len(value) > 1000:
        raise DeskError(f"{where}: trường '{key}' quá dài.")
    return nfc(value.strip())


def _hhmm(text: Any, where: str) -> time:
    if not isinstance(text, str):
        raise DeskError(f"{where}: giờ '{text}' không đúng dạng HH:MM.")
    try:
        hour, minute = (int(x) for x in text.split(":"))
        return time(hour, minute)
    except (ValueError, TypeError):
        raise DeskError(f"{where}: giờ '{text}' không đúng dạng HH:MM.") from None


def parse_processing_time(raw: Any, where: str) -> ProcessingTime:
    if not isinstance(raw, dict):
        raise DeskError(f"{where}: thời hạn giải quyết phải là một đối tượng.")
    try:
        unit = TimeUnit(str(raw.get("unit")))
    except ValueError:
        raise DeskError(f"{where}: đơn vị thời hạn '{raw.get('unit')}' không hợp lệ.") from None
    value = raw.get("value", 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 3650:
        raise DeskError(f"{where}: số lượng thời hạn '{value}' không hợp lệ.")
    cutoff = _hhmm(raw.get("cutoff", "15:00"), where)
    try:
        return ProcessingTime(value, unit, cutoff)
    except DeskError as exc:
        raise DeskError(f"{where}: {exc.message}") from None


def parse_catalog(data: Any) -> list[Procedure]:
    """Validate and parse a catalog document; all or nothing."""
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
        where = f"Thủ tục thứ {n}"
        if not isinstance(entry, dict):
            raise DeskError(f"{where}: phải là một đối tượng.")
        code = _text(entry, "code", where)
        where = f"Thủ tục {code}"
        if code in seen:
            raise DeskError(f"{where}: mã thủ tục bị trùng.")
        seen.add(code)
        components = []
        raw_components = entry.get("components", [])
        if not isinstance(raw_components, list):
            raise DeskError(f"{where}: 'components' phải là một danh sách.")
        for c in raw_components:
            if not isinstance(c, dict):
                raise DeskError(f"{where}: thành phần hồ sơ phải là một đối tượng.")
            kind = c.get("kind", "original")
            if kind not in COMPONENT_KINDS:
                raise DeskError(f"{where}: loại giấy tờ '{kind}' không hợp lệ.")
            count = c.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or not 0 < count < 100:
                raise DeskError(f"{where}: số lượng giấy tờ '{count}' không hợp lệ.")
            components.append(ComponentSpec(_text(c, "name", where), kind, count))
        verification = entry.get("verification_time")
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
                note=_text(entry, "note", where, required=False),
                components=tuple(components),
            )
        )
    return procedures


def _date(text: Any, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise DeskError(f"{where}: ngày '{text}' không đúng dạng YYYY-MM-DD.") from None


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
        code = _text(entry, "code", "Chế độ pháp lý")
        where = f"Chế độ {code}"
        apology = entry.get("apology", {})
        if not isinstance(apology, dict):
            raise DeskError(f"{where}: 'apology' phải là một đối tượng.")
        days_before = apology.get("working_days_before", 1)
        if not isinstance(days_before, int) or not 0 <= days_before <= 30:
            raise DeskError(f"{where}: 'working_days_before' không hợp lệ.")
        once_only = apology.get("once_only", True)
        if not isinstance(once_only, bool):
            raise DeskError(f"{where}: 'once_only' phải là true hoặc false.")
        forms_raw = entry.get("forms", {})
        if not isinstance(forms_raw, dict):
            raise DeskError(f"{where}: 'forms' phải là một đối tượng.")
        forms = {}
        for key, spec in forms_raw.items():
            if not isinstance(spec, dict):
                raise DeskError(f"{where}: mẫu '{key}' phải là một đối tượng.")
            forms[key] = FormSpec(key, _text(spec, "number", where), _text(spec, "title", where))
        valid_to = entry.get("valid_to")
        start = _date(entry.get("valid_from"), where)
        end = _date(valid_to, where) if valid_to else None
        if end is not None and end < start:
            raise DeskError(f"{where}: ngày hết hiệu lực trước ngày bắt đầu hiệu lực.")
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
                f"Chế độ {earlier.code} và {later.code} có thời gian hiệu lực chồng nhau."
            )
    return regimes
