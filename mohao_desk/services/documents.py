"""Gathering the data of the official forms of one dossier, and refusing forms that make no
sense for it (an apology for a dossier that is on track, a refusal for a returned dossier)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from mohao_desk.documents.data import (
    ComponentLine,
    ControlRow,
    DossierDocument,
    DossierFacts,
    Letterhead,
    Signature,
    SupplementLine,
)
from mohao_desk.domain.catalog import COMPONENT_KINDS
from mohao_desk.domain.deadline import Band, timeliness
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.domain.regimes import LegalRegime
from mohao_desk.services.desk import DossierDetail, EventView
from mohao_desk.store import queries as q

DOSSIER_KINDS = ("receipt", "supplement", "refusal", "apology", "control", "stop")
KIND_LABELS = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "stop": "Thông báo dừng giải quyết hồ sơ",
}
DEFAULT_HEAD = {"lines": ["TM. Ủy ban nhân dân", "Chủ tịch"], "name": ""}


class DocumentService:
    """Builds and renders the documents of a desk."""

    def __init__(self, desk: Any) -> None:
        self.desk = desk

    # ----------------------------------------------------------- settings
    def head_signature(self) -> Signature:
        """Signature of the head of the processing body (apology, stop): a unit setting."""
        with self.desk.db.read() as conn:
            value = q.get_setting(conn, "head_signature", DEFAULT_HEAD)
        lines = tuple(str(x) for x in value.get("lines", DEFAULT_HEAD["lines"]))
        return Signature(lines, str(value.get("name", "")), note="")

    def letterhead(self, regime_code: str, form_key: str | None, issued_on: date) -> Letterhead:
        unit = self.desk.unit
        regime = self._regime(regime_code)
        number = title = ""
        if form_key is not None:
            spec = regime.form(form_key)
            number, title = spec.number, spec.title
        return Letterhead(
            parent_name=unit.parent_name,
            unit_name=unit.name,
            place_name=unit.place_name,
            issued_on=issued_on,
            regime=regime.code,
            form_number=number,
            form_title=title,
            forms_circular=regime.forms_circular,
            legal_basis=regime.legal_basis,
        )

    def _regime(self, code: str) -> LegalRegime:
        for regime in self.desk.regimes:
            if regime.code == code:
                return regime
        raise DeskError("Không có chế độ pháp lý '{code}'.", code=code)

    # ------------------------------------------------------------- forms
    def render(self, kind: str, code: str) -> bytes:
        """The PDF of one form of one dossier."""
        if kind not in DOSSIER_KINDS:
            raise DeskError(
                "Loại văn bản '{kind}' không tồn tại ({kinds}).",
                kind=kind,
                kinds=", ".join(DOSSIER_KINDS),
            )
        document = self.build(kind, code)
        renderer = _renderers()[kind]
        return renderer(document)

    def build(self, kind: str, code: str) -> DossierDocument:
        detail: DossierDetail = self.desk.get(code)
        builders: dict[str, Callable[[DossierDetail], DossierDocument]] = {
            "receipt": self._receipt,
            "supplement": self._supplement,
            "refusal": self._refusal,
            "apology": self._apology,
            "control": self._control,
            "stop": self._stop,
        }
        return builders[kind](detail)

    def _facts(self, detail: DossierDetail) -> DossierFacts:
        s = detail.summary
        register = detail.events[0] if detail.events else None
        procedure = next((p for p in self.desk.procedures() if p.code == s.procedure_code), None)
        if procedure is not None:
            period = procedure.verification_time if detail.verification else None
            processing_time = (period or procedure.time).describe()
        else:
            processing_time = ""
        year, entry = self._book_entry(s.code, s.received_at)
        bodies = [e.data.get("body") for e in detail.events if e.act is Act.HANDOVER]
        body = next((b for b in reversed(bodies) if b), "") or self.desk.unit.name
        return DossierFacts(
            code=s.code,
            procedure=s.procedure,
            procedure_code=s.procedure_code,
            field=s.field,
            applicant=s.applicant,
            address=detail.address,
            phone=s.phone,
            email=detail.email,
            channel_label=s.channel.label,
            received_at=s.received_at,
            due_at=s.due_at,
            original_due_at=s.original_due_at,
            processing_time=processing_time,
            sets_count=detail.sets_count,
            components=tuple(
                ComponentLine(c.name, COMPONENT_KINDS.get(c.kind, c.kind), c.count)
                for c in detail.components
            ),
            receiver=(register.officer if register else None) or "",
            handler=s.officer or "",
            processing_body=body,
            book_volume=str(year),
            book_entry=str(entry),
        )

    def _book_entry(self, code: str, received: datetime) -> tuple[int, int]:
        """The register book's volume and entry number given at registration (revision 0005);
        a dossier without one (imported from a unit) is ranked by its receipt time."""
        desk = self.desk
        with desk.db.read() as conn:
            row = q.dossier_by_code(conn, code)
            assert row is not None
            if row.book_number is not None:
                return int(row.book_year), int(row.book_number)
            start = desk.to_utc(datetime.combine(date(received.year, 1, 1), time()))
            end = desk.to_utc(datetime.combine(date(received.year, 12, 31), time(23, 59, 59)))
            entry = q.count_received_between(conn, desk.unit.id, start, end, row.id)
        return received.year, entry

    def _document(
        self, detail: DossierDetail, form_key: str, issued: datetime, **kw: Any
    ) -> DossierDocument:
        return DossierDocument(
            letterhead=self.letterhead(detail.regime, form_key, issued.date()),
            dossier=self._facts(detail),
            signature=kw.pop("signature", Signature(("Người tiếp nhận hồ sơ",))),
            **kw,
        )

    def _receipt(self, detail: DossierDetail) -> DossierDocument:
        document = self._document(detail, "receipt", detail.summary.received_at)
        # The receipt shows the appointment made at reception, whatever happened later.
        registered = detail.events[0].data.get("due_at") if detail.events else None
        due = datetime.fromisoformat(registered) if registered else detail.summary.original_due_at
        document = replace(document, dossier=replace(document.dossier, due_at=due))
        return document

    def _supplement(self, detail: DossierDetail) -> DossierDocument:
        request = _last(detail, Act.SUPPLEMENT_REQUEST)
        if request is None:
            raise DeskError(
                "Hồ sơ {code} chưa có yêu cầu bổ sung nào; ghi nhận yêu cầu bổ sung trước.",
                code=detail.summary.code,
            )
        items = []
        for raw in request.data.get("items") or [
            {"name": n, "kind": "original", "count": 1} for n in request.data.get("missing", [])
        ]:
            kind, count = raw.get("kind", "original"), int(raw.get("count", 1))
            items.append(
                SupplementLine(
                    raw["name"],
                    original=count if kind in ("original", "present") else 0,
                    certified=count if kind == "certified_copy" else 0,
                    photocopy=count if kind == "copy" else 0,
                )
            )
        return self._document(
            detail,
            "supplement",
            request.at,
            reason=request.data.get("reason", ""),
            supplement_items=tuple(items),
            contact_name=request.officer or "",
            contact_phone=request.officer_phone,
            signature=Signature(("Người hướng dẫn",), request.officer or ""),
        )

    def _refusal(self, detail: DossierDetail) -> DossierDocument:
        s = detail.summary
        if s.status is not Status.REFUSED:
            raise DeskError(
                "Hồ sơ {code} đang ở trạng thái '{status}', không phải hồ sơ bị từ chối: không "
                "lập Phiếu từ chối. Ghi nhận từ chối giải quyết trước.",
                code=s.code,
                status=s.status.label,
            )
        refusal = _last(detail, Act.REFUSE)
        assert refusal is not None
        return self._document(
            detail,
            "refusal",
            refusal.at,
            reason=refusal.data.get("reason", ""),
            signature=Signature(("Người tiếp nhận hồ sơ",), refusal.officer or ""),
        )

    def _apology(self, detail: DossierDetail) -> DossierDocument:
        s = detail.summary
        apology = _last(detail, Act.APOLOGIZE)
        if apology is None:
            at_risk = s.band in (Band.AT_RISK, Band.OVERDUE)
            late = s.timeliness is not None and s.timeliness.value == "qua_han"
            if not (at_risk or late):
                raise DeskError(
                    "Hồ sơ {code} không quá hạn và không sắp đến hạn: không lập phiếu xin lỗi.",
                    code=s.code,
                )
            raise DeskError(
                "Hồ sơ {code} chưa ghi nhận xin lỗi: ghi nhận xin lỗi, với lý do và ngày hẹn "
                "mới, trước khi in phiếu.",
                code=s.code,
            )
        new_due = apology.data.get("new_due_at")
        original = apology.data.get("original_due_at")
        return self._document(
            detail,
            "apology",
            apology.at,
            reason=apology.data.get("reason", ""),
            new_due_at=datetime.fromisoformat(new_due) if new_due else None,
            signature=self.head_signature(),
            extra={"original_due_at": original or ""},
        )

    def _stop(self, detail: DossierDetail) -> DossierDocument:
        s = detail.summary
        regime = self._regime(detail.regime)
        if "stop" not in regime.forms:
            raise DeskError(
                "Hồ sơ {code} thuộc {name}: không có Thông báo dừng giải quyết hồ sơ.",
                code=s.code,
                name=regime.name,
            )
        if s.status is not Status.STOPPED:
            raise DeskError(
                "Hồ sơ {code} chưa dừng giải quyết; ghi nhận dừng giải quyết trước khi in.",
                code=s.code,
            )
        stop = _last(detail, Act.STOP)
        assert stop is not None
        return self._document(
            detail,
            "stop",
            stop.at,
            reason=stop.data.get("reason", ""),
            signature=self.head_signature(),
        )

    def _control(self, detail: DossierDetail) -> DossierDocument:
        s = detail.summary
        rows: list[ControlRow] = []
        desk_name = "Bộ phận Một cửa"
        holder = (detail.events[0].officer if detail.events else None) or desk_name
        for e in detail.events:
            giver = receiver = None
            if e.act is Act.HANDOVER:
                giver = e.data.get("from_name") or holder
                receiver = e.data.get("to_name") or e.data.get("body") or ""
                if e.data.get("body") and e.data.get("to_name"):
                    receiver = f"{e.data['to_name']} ({e.data['body']})"
                holder = e.data.get("to_name") or holder
            elif e.act is Act.RESOLVE:
                giver, receiver = holder, desk_name
            elif e.act is Act.RETURN:
                giver, receiver = desk_name, f"Người nộp hồ sơ ({s.applicant})"
            elif e.act in (Act.REFUSE, Act.STOP, Act.WITHDRAW):
                giver, receiver = holder, desk_name
            if giver is None:
                continue
            result = timeliness(e.at, s.original_due_at, 0).label.capitalize()
            note = e.data.get("note") or e.data.get("reason") or ""
            rows.append(ControlRow(str(giver), str(receiver), e.at, result, str(note)))
        cooperating = sorted(
            {str(e.data.get("body") or "") for e in detail.events if e.act is Act.HANDOVER}
            - {"", self.desk.unit.name}
        )
        return self._document(
            detail,
            "control",
            s.received_at,
            control_rows=tuple(rows),
            cooperating_bodies="; ".join(str(b) for b in cooperating),
        )


def _last(detail: DossierDetail, act: Act) -> EventView | None:
    for e in reversed(detail.events):
        if e.act is act:
            return e
    return None


def _renderers() -> dict[str, Callable[[DossierDocument], bytes]]:
    from mohao_desk.documents import apology, control, receipt, refusal, stop, supplement

    return {
        "receipt": receipt.render,
        "supplement": supplement.render,
        "refusal": refusal.render,
        "apology": apology.render,
        "control": control.render,
        "stop": stop.render,
    }
