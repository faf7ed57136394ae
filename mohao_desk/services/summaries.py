"""A dossier's line in a list (``DossierSummary``) and the one way it is computed from a list
row: for one row of the store's SQLAlchemy queries (``Desk.summarize``), or for many rows read
by the plain ``sqlite3`` path at once (the command line's listings, ``services/listing.py``).

Both go through :func:`summary_of`, which takes the row's moments already in the unit's local
wall-clock time. What differs is only how the stored UTC moments get there: ``Desk`` converts
the aware datetimes of SQLAlchemy one by one (``astimezone``); :class:`LocalTimes` converts the
stored epoch seconds with one look-up of the zone's offset per day. No SQLAlchemy here: the
listings import this module without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.deadline import (
    Band,
    Countdown,
    Timeliness,
    countdown,
    countdown_at,
    timeliness,
)
from mohao_desk.domain.lifecycle import OPEN_STATUSES, Channel, Status


@dataclass(frozen=True)
class DossierSummary:
    """One line of a dossier list, with its countdown."""

    code: str
    procedure_code: str
    procedure: str
    field: str
    applicant: str
    phone: str
    channel: Channel
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    finished_at: datetime | None
    returned_at: datetime | None
    status: Status
    officer: str | None
    supplement_count: int
    apology_count: int
    inputs_digitized: bool
    result_digitized: bool
    paused: bool
    countdown: Countdown | None  # open dossiers, against the legal (original) due moment
    timeliness: Timeliness | None  # finished dossiers (result, refusal, stop)
    # After an apology: the countdown to the new return date promised to the applicant.
    appointment: Countdown | None = None
    id: int = 0  # the store's id (the board keeps ids only)

    @property
    def band(self) -> Band | None:
        return self.countdown.band if self.countdown else None

    def as_dict(self) -> dict[str, Any]:
        cd = self.countdown
        band = cd.band if cd else None
        done = self.timeliness
        appointment = self.appointment
        channel = self.channel
        status = self.status
        return {
            "code": self.code,
            "procedure_code": self.procedure_code,
            "procedure": self.procedure,
            "field": self.field,
            "applicant": self.applicant,
            "phone": self.phone,
            "channel": channel._value_,
            "channel_label": channel.label,
            "received_at": _iso(self.received_at),
            "due_at": _iso(self.due_at),
            "original_due_at": _iso(self.original_due_at),
            "finished_at": _iso(self.finished_at),
            "returned_at": _iso(self.returned_at),
            "status": status._value_,
            "status_label": status.label,
            "officer": self.officer,
            "supplement_count": self.supplement_count,
            "apology_count": self.apology_count,
            "inputs_digitized": self.inputs_digitized,
            "result_digitized": self.result_digitized,
            "paused": self.paused,
            "band": band._value_ if band else None,
            "band_label": band.label if band else None,
            "remaining": cd.text() if cd else None,
            "remaining_seconds": cd.seconds if cd else None,
            "timeliness": done._value_ if done else None,
            "appointment_remaining": appointment.text() if appointment else None,
        }


def _iso(moment: datetime | None) -> str | None:
    """``YYYY-MM-DDTHH:MM``: ``strftime("%Y-%m-%dT%H:%M")``, by ``isoformat`` where both
    write the same (a four-digit year: the C library writes a smaller one unpadded)."""
    if not moment:
        return None
    if moment.year >= 1000:
        return moment.isoformat()[:16]
    return moment.strftime("%Y-%m-%dT%H:%M")


_new = object.__new__


def _summary(**values: Any) -> DossierSummary:
    """A ``DossierSummary`` of every field given, without the frozen dataclass's
    ``__init__`` (which sets each of its 23 fields through ``object.__setattr__``: three
    times as long, for every row of a list)."""
    summary: DossierSummary = _new(DossierSummary)
    summary.__dict__.update(values)
    return summary


_STATUSES = {s.value: s for s in Status}
_CHANNELS = {c.value: c for c in Channel}


def summary_of(
    row: Sequence[Any],
    now: datetime,
    calendar: Callable[[], WorkCalendar],
    positions: dict[datetime, int] | None = None,
) -> DossierSummary:
    """The summary of a list row given in the order of ``queries.LIST_COLUMNS`` with its
    moments (received, due, original due, finished, returned, paused) already local: the one
    definition of countdown and timeliness of a listed dossier. ``calendar`` is called only
    for an open dossier (a list of finished ones needs no working calendar); ``positions``
    keeps the office positions of the moments counted from (``now`` for every running
    dossier of a list) from one row to the next."""
    (
        row_id,
        code,
        procedure_code,
        procedure_name,
        procedure_field,
        applicant_name,
        applicant_phone,
        channel,
        received_at,
        due_at,
        original_due,
        finished,
        returned_at,
        paused_at,
        status_value,
        supplement_count,
        apology_count,
        inputs_digitized,
        result_digitized,
        officer_name,
    ) = row
    status = _STATUSES.get(status_value) or Status(status_value)
    cd = None
    done = None
    appointment = None
    if status in OPEN_STATUSES:
        moment = paused_at or now
        work = calendar()
        at = positions.get(moment) if positions is not None else None
        if at is None:  # as countdown() counts (the due moment's position first)
            cd = countdown(work, original_due, moment, supplement_count)
            if positions is not None or apology_count:
                at = work.position(moment)
                if positions is not None:
                    positions[moment] = at
        else:
            cd = countdown_at(work, original_due, moment, at, supplement_count)
        if apology_count:
            assert at is not None
            appointment = countdown_at(work, due_at, moment, at)
    elif finished is not None and status is not Status.WITHDRAWN:
        done = timeliness(finished, original_due, supplement_count)
    return _summary(
        code=code,
        procedure_code=procedure_code,
        procedure=procedure_name,
        field=procedure_field,
        applicant=applicant_name,
        phone=applicant_phone,
        channel=_CHANNELS.get(channel) or Channel(channel),
        received_at=received_at,
        due_at=due_at,
        original_due_at=original_due,
        finished_at=finished,
        returned_at=returned_at,
        status=status,
        officer=officer_name,
        supplement_count=supplement_count,
        apology_count=apology_count,
        inputs_digitized=bool(inputs_digitized),
        result_digitized=bool(result_digitized),
        paused=paused_at is not None,
        countdown=cd,
        timeliness=done,
        appointment=appointment,
        id=row_id,
    )


_EPOCH = datetime(1970, 1, 1)
_DAY = 86400


class LocalTimes:
    """Stored moments (UTC epoch seconds) → naive local datetimes of ``zone``: exactly
    ``datetime.fromtimestamp(s, UTC).astimezone(zone).replace(tzinfo=None)``, with one look-up
    of the zone's offset per UTC day instead of one conversion per moment. A day whose first
    and last second have different offsets (the zone's clocks changed that day) is converted
    moment by moment, as above. (A day with two changes that cancel out would be missed: the
    zone database has none since 1970 for the zones of Vietnam, which changed last in 1975.)"""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._offsets: dict[int, int | None] = {}

    def __call__(self, seconds: int | None) -> datetime | None:
        return self.column((seconds,))[0]

    def column(self, values: Iterable[int | None]) -> list[datetime | None]:
        """The local datetimes of stored moments (None stays None)."""
        offsets = self._offsets
        epoch, delta = _EPOCH, timedelta
        out: list[datetime | None] = []
        append = out.append
        for seconds in values:
            if seconds is None:
                append(None)
                continue
            day = seconds // _DAY
            offset = offsets.get(day, _UNKNOWN)
            if offset is _UNKNOWN:
                offset = offsets[day] = self._offset_of(day)
            if offset is None:
                append(
                    datetime.fromtimestamp(seconds, UTC).astimezone(self.zone).replace(tzinfo=None)
                )
            else:
                append(epoch + delta(seconds=seconds + offset))
        return out

    def _offset_of(self, day: int) -> int | None:
        """The zone's offset (seconds) all through the UTC day, or None if it changes."""
        first = datetime.fromtimestamp(day * _DAY, UTC).astimezone(self.zone).utcoffset()
        last = datetime.fromtimestamp(day * _DAY + _DAY - 1, UTC).astimezone(self.zone)
        if first is None or first != last.utcoffset() or first % timedelta(seconds=1):
            return None
        return first // timedelta(seconds=1)


_UNKNOWN: Any = object()
_MOMENTS = slice(8, 14)  # received, due, original due, finished, returned, paused


def summaries_of_stored(
    rows: Sequence[Sequence[Any]],
    local: LocalTimes,
    now: datetime,
    calendar: Callable[[], WorkCalendar],
) -> list[DossierSummary]:
    """The summaries of list rows whose moments are as stored (UTC epoch seconds or None), in
    the order of ``queries.LIST_COLUMNS``: the moments converted column by column by
    ``local``, then :func:`summary_of` of each row, the office position of ``now`` computed
    once."""
    if not rows:
        return []
    columns: list[Any] = list(zip(*rows, strict=True))
    columns[_MOMENTS] = [local.column(c) for c in columns[_MOMENTS]]
    positions: dict[datetime, int] = {}
    return [summary_of(row, now, calendar, positions) for row in zip(*columns, strict=True)]
