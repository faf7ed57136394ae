"""The audit chain's canonical content (domain/audit.py): one encoding for both databases,
no float, every field of a link in its hash."""

from __future__ import annotations

import pytest

from mohao_desk.domain import audit as chain


def _dossier(**changes: object) -> list[object]:
    values: dict[str, object] = {f: None for f in chain.DOSSIER_FIELDS}
    values.update(code="000.17.22.H56-240426-0001", unit_id=1, procedure_id=7, status="received",
                  verification=False, inputs_digitized=True, result_digitized=0,
                  result_electronic=False, received_at=1714096800, event_count=1)  # fmt: skip
    values.update(changes)
    return [values[f] for f in chain.DOSSIER_FIELDS]


def test_sqlite_integers_and_postgresql_booleans_hash_the_same() -> None:
    as_sqlite = _dossier(verification=0, inputs_digitized=1)
    as_server = _dossier(verification=False, inputs_digitized=True)
    component = [1, "Tờ khai", "original", 1, None, None, None, None]
    assert chain.dossier_state_sha(as_sqlite, [[*component, 0]]) == chain.dossier_state_sha(
        as_server, [[*component, False]]
    )
    assert chain.dossier_state_sha(_dossier(finished_at=1)) != chain.dossier_state_sha(_dossier())
    with pytest.raises(ValueError):
        chain.dossier_state_sha(_dossier()[:-1])


def test_no_float_and_no_ambiguity() -> None:
    with pytest.raises(TypeError):
        chain.canonical(["x", 1.5])
    with pytest.raises(TypeError):
        chain.object_sha("setting", ["k", {"a": [0.1]}])
    # null and the text "None", 1 and "1" are different records
    assert chain.object_sha("setting", ["k", None]) != chain.object_sha("setting", ["k", "None"])
    assert chain.object_sha("setting", ["k", 1]) != chain.object_sha("setting", ["k", "1"])
    assert chain.canonical(["Hồ sơ"]) == b'["H\\u1ed3 s\\u01a1"]'


def test_every_field_of_a_link_is_in_its_hash() -> None:
    base = (3, "event", "X #1", "a" * 64, "b" * 64, 1714096800)
    first = chain.link_hash(*base)
    for at in range(len(base)):
        changed = list(base)
        changed[at] = changed[at] + 1 if isinstance(changed[at], int) else changed[at] + "x"
        assert chain.link_hash(*changed) != first, at


def test_content_puts_states_before_objects() -> None:
    content = chain.ContentHasher()
    content.add_state(1, 1, 1, "e" * 64, "s" * 64)
    content.add_object("setting:x", None)
    with pytest.raises(ValueError):
        content.add_state(2, None, None, None, "s" * 64)
    other = chain.ContentHasher()
    other.add_state(1, 1, 1, "e" * 64, "s" * 64)
    other.add_object("setting:x", "0" * 64)
    assert other.hexdigest() != content.hexdigest()


def test_subjects_name_their_kind() -> None:
    assert chain.subject_kind(chain.subject("setting", "office_hours")) == chain.KIND_SETTINGS
    assert chain.subject_kind("setting:calendar_announcements") == chain.KIND_CALENDAR
    assert chain.subject_kind(chain.subject("override", 1, "2024-05-04")) == chain.KIND_CALENDAR
    assert chain.subject_kind(chain.subject("account_event", 4)) == chain.KIND_ACCOUNT
    assert chain.event_ref("C", 3, 3) == "C #3" and chain.event_ref("C", 1, 4) == "C #1-4"
    with pytest.raises(ValueError):
        chain.subject("nothing", 1)


def test_bare_state_lines_hash_as_state_lines() -> None:
    """The import's state lines written out directly hash as add_state's (ids past 2**31, a
    digest with every byte value)."""
    digests = bytes(range(256)) + bytes(range(255, -1, -1))  # 16 digests
    one, many = chain.ContentHasher(), chain.ContentHasher()
    for k in range(16):
        one.add_state(2**31 + k, None, None, None, digests[32 * k : 32 * k + 32].hex())
    hexes = many.add_bare_states(2**31, digests)
    assert hexes == [digests[32 * k : 32 * k + 32].hex() for k in range(16)]
    assert many.hexdigest() == one.hexdigest() and many.dossiers == one.dossiers == 16
    many.add_object("setting:x", None)
    with pytest.raises(ValueError, match="before object lines"):
        many.add_bare_states(1, digests[:32])
