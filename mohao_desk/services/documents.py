"""Gathering the data of the official forms of one dossier, and refusing forms that make no
sense for it (an apology for a dossier that is on track, a refusal for a returned dossier)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from mohao_desk.documents.data import (
    ComponentLine,
    ControlRow,
    DossierDocument,
    DossierFacts,
    Letterhead,
    RefusalSlip,
    Signature,
    SupplementLine,
)
from mohao_desk.domain.catalog import COMPONENT_KINDS
from mohao_desk.domain.deadline import Band, timeliness
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.domain.regimes import LegalRegime, regime_for
from mohao_desk.domain.text import fold
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
DESK_NAME = "Bộ phận Một cửa"
# What officers write for the desk itself when they hand a dossier back to it (folded).
_DESK_WORDS = ("bo phan mot cua", "bo phan tiep nhan va tra ket qua", "mot cua")


def is_desk(body: str) -> bool:
    """A hand-over body that is the one-stop desk itself ("Bộ phận Một cửa", "Bộ phận tiếp
    nhận và trả kết quả"), not a processing body."""
    folded = fold(body)
    return any(folded == w or folded.startswith(w + " ") for w in _DESK_WORDS)


@dataclass(frozen=True)
class Bodies:
    """The processing body of a dossier and the co-operating bodies (Mẫu 05/06, the register
    book), read from its hand-overs."""

    processing: str  # "" when no hand-over named a body other than the desk
    cooperating: tuple[str, ...]


def bodies_of(handover_bodies: Iterable[str]) -> Bodies:
    """From the bodies of a dossier's hand-overs, in order: the processing body is the body
    that processed it, the last body other than the desk to hold it (a hand-back to the desk
    does not make the desk the processing body); the co-operating bodies are the other bodies
    it went to, in the order it first went there."""
    named = [b.strip() for b in handover_bodies if b and b.strip() and not is_desk(b)]
    processing = named[-1] if named else ""
    others: dict[str, None] = {}
    for b in named:
        if fold(b) != fold(processing):
            others.setdefault(b, None)
    return Bodies(processing, tuple(others))


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
        """The letterhead of a document of a regime: the parent body of that regime (the
        district-level town under regime A, the province under regime B: a setting per regime,
        ``services/settings.py``), the unit, the regime's form number and title."""
        from mohao_desk.services.settings import regime_letterhead_in

        unit = self.desk.unit
        regime = self._regime(regime_code)
        number = title = ""
        if form_key is not None:
            spec = regime.form(form_key)
            number, title = spec.number, spec.title
        with self.desk.db.read() as conn:
            heads = regime_letterhead_in(conn, unit, regime.code)
        return Letterhead(
            parent_name=heads.parent_name,
            unit_name=unit.name,
            place_name=unit.place_name,
            issued_on=issued_on,
            regime=regime.code,
            form_number=number,
            form_title=title,
            forms_circular=regime.forms_circular,
            legal_basis=regime.legal_basis,
        )

    def _receiver(self, code: str) -> str:
        """The name of the officer who received the dossier at the desk (``receiver_id``)."""
        with self.desk.db.read() as conn:
            row = q.dossier_by_code(conn, code)
            officer = q.officer_by_id(conn, row.receiver_id) if row and row.receiver_id else None
        return str(officer.full_name) if officer is not None else ""

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

    def build(self, kind: str, code: str) -> DossierDocument | RefusalSlip:
        detail: DossierDetail = self.desk.get(code)
        builders: dict[str, Callable[[DossierDetail], DossierDocument | RefusalSlip]] = {
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
        receiver = self._receiver(s.code)
        bodies = bodies_of(
            str(e.data.get("body") or "") for e in detail.events if e.act is Act.HANDOVER
        )
        counted = self.desk.calendar.normalize(s.received_at)
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
            receiver=receiver or (register.officer if register else None) or "",
            handler=s.officer or "",
            processing_body=bodies.processing or self.desk.unit.name,
            book_volume=str(year),
            book_entry=str(entry),
            counted_from=counted if counted != s.received_at.replace(microsecond=0) else None,
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
                    photocopy=count if kind == "copy" else 0,  # bản sao, bản chụp
                )
            )
        return self._document(
            detail,
            "supplement",
            request.at,
            reason=str(request.data.get("reason") or ""),
            supplement_items=tuple(items),
            contact_name=request.officer or "",
            contact_phone=request.officer_phone or "",
            signature=Signature(("Người hướng dẫn",), request.officer or ""),
        )

    def _refusal(self, detail: DossierDetail) -> RefusalSlip:
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
        facts = self._facts(detail)
        return self.refusal_slip(
            applicant=s.applicant,
            procedure=s.procedure,
            reasons=[str(refusal.data.get("reason") or "")],
            officer=facts.receiver,  # the receiving officer, not whoever recorded the refusal
            on=refusal.at.date(),
            regime=detail.regime,
            address=detail.address,
            phone=s.phone,
            email=detail.email,
            code=s.code,
            received_on=s.received_at.date(),
        )

    def refusal_slip(
        self,
        *,
        applicant: str,
        procedure: str,
        reasons: Sequence[str],
        officer: str,
        on: date,
        regime: str | None = None,
        address: str = "",
        phone: str = "",
        email: str = "",
        code: str = "",
        received_on: date | None = None,
    ) -> RefusalSlip:
        """Mẫu 03 from plain data: a refused dossier's (``code``, ``received_on``) or a refusal
        at the counter's, which creates no dossier. ``officer`` is the receiving officer, who
        signs; ``on`` the day of the refusal; ``regime`` the regime's code (by default the one in
        force on ``on``). Render it with :meth:`render_refusal`."""
        code_of_regime = regime or regime_for(on, self.desk.regimes).code
        return RefusalSlip(
            letterhead=self.letterhead(code_of_regime, "refusal", on),
            applicant=applicant,
            procedure=procedure,
            reasons=tuple(r.strip() for r in reasons if r and r.strip()),
            officer=officer,
            address=address,
            phone=phone,
            email=email,
            code=code,
            received_on=received_on,
        )

    @staticmethod
    def render_refusal(slip: RefusalSlip) -> bytes:
        from mohao_desk.documents import refusal

        return refusal.render(slip)

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
        """One row per hand-over between two parties: desk → processing officer or body, on
        between bodies, the result back to the desk, the result to the applicant. A hand-back
        to the desk ("Bộ phận Một cửa") is the row of the result coming back; the result
        recorded afterwards at the desk is no new hand-over (the desk does not give the dossier
        to itself): its moment goes into that row's note."""
        s = detail.summary
        rows: list[ControlRow] = []
        desk_name = DESK_NAME
        holder = (detail.events[0].officer if detail.events else None) or desk_name
        at_desk = True  # the desk holds the dossier (received; handed back)

        def judged(at: datetime) -> str:
            return timeliness(at, s.original_due_at, 0).label.capitalize()

        for e in detail.events:
            giver = receiver = None
            if e.act is Act.HANDOVER:
                body = str(e.data.get("body") or "")
                to_name = e.data.get("to_name")
                giver = e.data.get("from_name") or holder
                receiver = to_name or body or ""
                if body and to_name:
                    receiver = f"{to_name} ({body})"
                holder = to_name or (desk_name if is_desk(body) else body) or holder
                at_desk = is_desk(body)
            elif e.act is Act.RESOLVE and at_desk and rows:
                last = rows[-1]
                if last.at != e.at:
                    ready = f"Có kết quả {e.at:%H:%M} ngày {e.at:%d/%m/%Y} ({judged(e.at).lower()})"
                    note = "; ".join(x for x in (last.note, ready) if x)
                    rows[-1] = replace(last, note=note)
                continue
            elif e.act in (Act.RESOLVE, Act.REFUSE, Act.STOP, Act.WITHDRAW):
                if at_desk:
                    continue  # decided at the desk: nothing changes hands
                giver, receiver = holder, desk_name
                holder, at_desk = desk_name, True
            elif e.act is Act.RETURN:
                giver, receiver = desk_name, f"Người nộp hồ sơ ({s.applicant})"
            if giver is None:
                continue
            note = e.data.get("note") or e.data.get("reason") or ""
            rows.append(ControlRow(str(giver), str(receiver), e.at, judged(e.at), str(note)))
        bodies = bodies_of(
            str(e.data.get("body") or "") for e in detail.events if e.act is Act.HANDOVER
        )
        unit = fold(self.desk.unit.name)
        cooperating = [b for b in bodies.cooperating if fold(b) != unit]
        return self._document(
            detail,
            "control",
            s.received_at,
            control_rows=tuple(rows),
            cooperating_bodies="; ".join(cooperating),
        )


def _last(detail: DossierDetail, act: Act) -> EventView | None:
    for e in reversed(detail.events):
        if e.act is act:
            return e
    return None


def _renderers() -> dict[str, Callable[[Any], bytes]]:
    from mohao_desk.documents import apology, control, receipt, refusal, stop, supplement

    return {
        "receipt": receipt.render,
        "supplement": supplement.render,
        "refusal": refusal.render,
        "apology": apology.render,
        "control": control.render,
        "stop": stop.render,
    }
