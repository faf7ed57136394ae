"""The tamper-evident history (issue 11): the canonical content of what the chain covers and
the hashes that link it. Pure: no SQL, no Qt; the store reads the rows and hands their values
here, in the orders named below, both when a link is written and when it is verified.

**Canonical content.** One record is a JSON array: a tag naming its type, then its values in
the order of the field list of that type (``DOSSIER_FIELDS``, ``EVENT_FIELDS``, …), encoded
with ``json.dumps(ensure_ascii=True, separators=(",", ":"), allow_nan=False)``. A fixed field
order is as canonical as sorted keys and a quarter cheaper at millions of events; the tag and
the lists below are the format (``FORMAT``; a change of either is a new format). Values are
only integers, strings and null: moments are UTC epoch seconds (the store's own integers),
booleans are 0/1 (SQLite's integers and PostgreSQL's booleans give the same bytes), officers
are named by username (an event given to another officer's row id changes its content), and
the schema has no floating-point column (a float is refused: no rounding ambiguity).

**Links.** A link (mắt xích) covers what one transaction wrote: per dossier a *state line*
(the dossier's id, the range of its event numbers the link covers, the hash of those events and
the hash of the dossier's state after the transaction), and per other object (a setting, a
procedure, an account…) an *object line* (its subject and the hash of its state, or null when
it was removed). ``content_sha`` hashes the state lines in dossier order, then the object lines
in subject order; ``link_hash`` hashes (format, seq, kind, ref, content_sha, previous hash,
moment). The first link's previous hash is ``GENESIS``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

FORMAT = "mohao-audit-1"
GENESIS = "0" * 64

# What a link covers (audit_link.kind).
KIND_EVENT = "event"  # one dossier's act(s): its events and its state after them
KIND_SETTINGS = "settings"  # settings, the unit's row, legal regimes, trusted keys
KIND_CATALOG = "catalog"  # procedures and their components
KIND_CALENDAR = "calendar"  # the unit's calendar overrides, the upstream's announcements
KIND_ACCOUNT = "account"  # officers' rows (roles, active, password hash) and account events
KIND_COUNTER = "counter"  # refusals at the counter
KIND_SYNC = "sync"  # packages imported (the upstream's log, with the chain heads they carried)
KIND_BATCH = "batch"  # a bulk write: demo data, an upstream import, the sealing of revision 0009
KINDS = (
    KIND_EVENT,
    KIND_SETTINGS,
    KIND_CATALOG,
    KIND_CALENDAR,
    KIND_ACCOUNT,
    KIND_COUNTER,
    KIND_SYNC,
    KIND_BATCH,
)

# The dossier's state: its row's columns that matter (not the id, the derived search key or
# updated_at), then its components and, upstream, the facts a package brought.
DOSSIER_FIELDS = (
    "code", "unit_id", "procedure_id", "regime_code", "applicant_name", "applicant_address",
    "applicant_phone", "applicant_email", "applicant_id_number", "channel", "sets_count",
    "verification", "received_at", "due_at", "original_due_at", "finished_at", "returned_at",
    "paused_at", "status", "officer", "receiver", "supplement_count", "apology_count",
    "inputs_digitized", "result_digitized", "result_electronic", "rating", "event_count",
    "book_year", "book_number",
)  # fmt: skip
DOSSIER_BOOLEANS = ("verification", "inputs_digitized", "result_digitized", "result_electronic")
COMPONENT_FIELDS = (
    "position", "name", "kind", "quantity", "digitized_at", "digitized_by", "file_name",
    "sha256", "reused",
)  # fmt: skip
COMPONENT_BOOLEANS = ("reused",)
SYNCED_FIELDS = ("package_sequence", "facts")
EVENT_FIELDS = (
    "seq", "act", "at", "officer", "status_before", "status_after", "data", "recorded_at",
)  # fmt: skip

_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)
_encode = _ENCODER.encode


def canonical(value: Any) -> bytes:
    """The canonical bytes of a record (see the module's doc). Refuses floats."""
    _refuse_floats(value)
    return _encode(value).encode("ascii")


def _refuse_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("the audit chain's content holds no floating-point value")
    if isinstance(value, list | tuple):
        for item in value:
            _refuse_floats(item)
    elif isinstance(value, dict):
        for item in value.values():
            _refuse_floats(item)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _positions(fields: Sequence[str], flags: Sequence[str]) -> tuple[int, ...]:
    return tuple(fields.index(f) for f in flags)


_DOSSIER_FLAGS = _positions(DOSSIER_FIELDS, DOSSIER_BOOLEANS)
_COMPONENT_FLAGS = _positions(COMPONENT_FIELDS, COMPONENT_BOOLEANS)


def _flags(values: list[Any], at: tuple[int, ...]) -> list[Any]:
    for i in at:
        values[i] = 1 if values[i] else 0
    return values


def dossier_state_sha(
    values: Sequence[Any],
    components: Iterable[Sequence[Any]] = (),
    synced: Sequence[Any] | None = None,
) -> str:
    """The hash of a dossier's state: its values in ``DOSSIER_FIELDS`` order (officer and
    receiver as usernames), its components in position order (``COMPONENT_FIELDS``, the
    digitizing officer as a username) and the upstream's synced facts (``SYNCED_FIELDS``)."""
    return _state_hash(values, components, synced).hexdigest()


def dossier_state_digests(
    states: Iterable[list[Any]], synced: Iterable[Sequence[Any] | None]
) -> bytes:
    """:func:`dossier_state_sha` of many dossiers without components, as raw digests joined
    (32 bytes each; a million of them in one buffer): one loop for a bulk writer's rows. The
    lists given are changed in place (their flags made 0/1)."""
    out = bytearray()
    width = len(DOSSIER_FIELDS)
    flags = _DOSSIER_FLAGS
    encode, sha256 = _encode, hashlib.sha256
    for values, facts in zip(states, synced, strict=True):
        if len(values) != width:
            raise ValueError("a dossier's state has every field of DOSSIER_FIELDS")
        for i in flags:
            values[i] = 1 if values[i] else 0
        record = ["d", values, [], None if facts is None else list(facts)]
        out += sha256(encode(record).encode("ascii")).digest()
    return bytes(out)


def _state_hash(
    values: Sequence[Any], components: Iterable[Sequence[Any]], synced: Sequence[Any] | None
) -> Any:
    if len(values) != len(DOSSIER_FIELDS):
        raise ValueError("a dossier's state has every field of DOSSIER_FIELDS")
    record = [
        "d",
        _flags(list(values), _DOSSIER_FLAGS),
        [_flags(list(c), _COMPONENT_FLAGS) for c in components],
        None if synced is None else list(synced),
    ]
    # Only integers, strings and null come from the store's columns: encoded directly (the
    # float check of ``canonical`` costs as much as the encoding at a million dossiers).
    return hashlib.sha256(_encode(record).encode("ascii"))


def events_sha(events: Sequence[Sequence[Any]]) -> str:
    """The hash of a run of one dossier's events, in their order, each its values in
    ``EVENT_FIELDS`` order (one JSON array of arrays: one encoding per dossier, not per event)."""
    return hashlib.sha256(b"events\n" + _encode(events).encode("ascii")).hexdigest()


def object_sha(tag: str, values: Sequence[Any]) -> str:
    """The hash of an object's state (a setting, a procedure with its components, …)."""
    return sha(canonical([tag, *values]))


class ContentHasher:
    """``content_sha`` of a link: its state lines in dossier order, then its object lines in
    subject order (the caller gives them in those orders)."""

    __slots__ = ("_digest", "_objects", "dossiers", "objects")

    def __init__(self) -> None:
        self._digest = hashlib.sha256(FORMAT.encode("ascii") + b"\n")
        self._objects = False
        self.dossiers = 0
        self.objects = 0

    def add_state(
        self,
        dossier_id: int,
        first_event: int | None,
        last_event: int | None,
        events_digest: str | None,
        state_digest: str,
    ) -> None:
        if self._objects:
            raise ValueError("state lines come before object lines")
        self._digest.update(
            b"D"
            + _encode([dossier_id, first_event, last_event, events_digest, state_digest]).encode(
                "ascii"
            )
            + b"\n"
        )
        self.dossiers += 1

    def add_bare_states(self, first_id: int, digests: bytes) -> list[str]:
        """:meth:`add_state` of dossiers ``first_id``, ``first_id + 1``, … without events, their
        state digests given raw (32 bytes each); the same bytes hashed, written out directly
        (``[id,null,null,null,"hex"]`` is what the encoder makes of such a line). Returns the
        digests in hex, in order."""
        if self._objects:
            raise ValueError("state lines come before object lines")
        hexes = [digests[at : at + 32].hex() for at in range(0, len(digests), 32)]
        self._digest.update(
            "".join(
                f'D[{first_id + k},null,null,null,"{h}"]\n' for k, h in enumerate(hexes)
            ).encode("ascii")
        )
        self.dossiers += len(hexes)
        return hexes

    def add_object(self, subject: str, state_digest: str | None) -> None:
        self._objects = True
        self._digest.update(b"O" + canonical([subject, state_digest]) + b"\n")
        self.objects += 1

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def link_hash(seq: int, kind: str, ref: str, content: str, previous: str, at: int) -> str:
    """A link's hash: over its number, kind, what it names, its content's hash, the previous
    link's hash and its moment (UTC epoch seconds)."""
    return sha(canonical([FORMAT, seq, kind, ref, content, previous, at]))


# ------------------------------------------------------------------------ subjects

# The kind of link an object's change belongs to, by the subject's prefix.
_SUBJECT_KINDS = {
    "setting": KIND_SETTINGS,
    "unit": KIND_SETTINGS,
    "regime": KIND_SETTINGS,
    "key": KIND_SETTINGS,
    "procedure": KIND_CATALOG,
    "override": KIND_CALENDAR,
    "officer": KIND_ACCOUNT,
    "account_event": KIND_ACCOUNT,
    "counter_refusal": KIND_COUNTER,
    "import": KIND_SYNC,
}
# Settings that are the calendar's (the upstream office's announcements and its days).
CALENDAR_SETTINGS = ("calendar_announcements", "upstream_calendar_days")


def subject(prefix: str, *key: object) -> str:
    """An object's subject: ``setting:office_hours``, ``procedure:1.001193``, ``officer:3``."""
    if prefix not in _SUBJECT_KINDS:
        raise ValueError(prefix)
    return ":".join((prefix, *(str(k) for k in key)))


def subject_kind(name: str) -> str:
    prefix, _, rest = name.partition(":")
    if prefix == "setting" and rest in CALENDAR_SETTINGS:
        return KIND_CALENDAR
    return _SUBJECT_KINDS[prefix]


def subject_parts(name: str) -> tuple[str, str]:
    prefix, _, rest = name.partition(":")
    return prefix, rest


def event_ref(code: str, first: int | None, last: int | None) -> str:
    """What an event link names: the dossier's code and its event number(s)."""
    if first is None or last is None:
        return code
    if first == last:
        return f"{code} #{first}"
    return f"{code} #{first}-{last}"


def short_list(items: Sequence[str], limit: int = 6) -> str:
    """A link's ref for several objects: the first few, then how many more."""
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += f" (+{len(items) - limit})"
    return shown
