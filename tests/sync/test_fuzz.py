"""Random corruption of a valid package: every flipped byte and every truncation is refused,
unless the byte carried no data (zip bookkeeping such as a member's timestamp), in which case
what is read is exactly what was signed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mohao_desk.domain import package as pk
from mohao_desk.domain.catalog import Procedure
from mohao_desk.domain.deadline import ProcessingTime, TimeUnit
from mohao_desk.services import sync

from .conftest import World

UNIT = "000.31.22.H31"
PEM = pk.new_private_key_pem()
PUBLIC = pk.public_key_of(PEM)


def _package() -> bytes:
    n = 40
    procedure = Procedure(
        "1.001193", "Đăng ký khai sinh", "Hộ tịch", ProcessingTime(3, TimeUnit.WORKING_DAYS)
    )
    base = 1_714_000_000
    columns = {
        "code": [f"{UNIT}-240501-{i + 1:04d}" for i in range(n)],
        "procedure": ["1.001193"] * n,
        "regime": ["A"] * n,
        "channel": ["1", "2"] * (n // 2),
        "sets_count": [1] * n,
        "verification": [False] * n,
        "received_at": [base + i for i in range(n)],
        "due_at": [base + 86_400 + i for i in range(n)],
        "original_due_at": [base + 86_400 + i for i in range(n)],
        "finished_at": [None] * n,
        "returned_at": [None] * n,
        "paused_at": [None] * n,
        "status": ["processing"] * n,
        "officer": ["tuphap"] * n,
        "receiver": ["motcua"] * n,
        "supplement_count": [0] * n,
        "apology_count": [0] * n,
        "inputs_digitized": [True] * n,
        "result_digitized": [False] * n,
        "result_electronic": [False] * n,
        "rating": [None] * n,
        "event_count": [2] * n,
        "updated_at": [base + 100_000] * n,
        "facts": [None] * (n - 1) + [[["supplement_request", base + 500]]],
    }
    officers = [("motcua", "Nguyễn Thị Hồng Nhung", ""), ("tuphap", "Trần Văn Đức", "")]
    payload = pk.desk_payload_bytes([procedure], officers, columns)
    digest, size = pk.payload_digest(payload)
    moment = datetime(2024, 5, 1, 10, tzinfo=UTC)
    manifest = pk.Manifest(
        kind=pk.KIND_DESK, unit_code=UNIT, unit_name="Ủy ban nhân dân phường Bần Yên Nhân",
        sequence=1, since=None, until=moment,
        counts={"dossiers": n, "procedures": 1, "officers": 2}, previous_sha256=None,
        payload_sha256=digest, payload_size=size, created_at=moment, personal_data=False,
        key_fingerprint=pk.fingerprint(PUBLIC),
    )  # fmt: skip
    return pk.build_package(manifest, payload, PEM)[0]


VALID = _package()


def verify(data: bytes) -> tuple[bytes, bytes]:
    """What an import checks of one file; returns what it would apply."""
    opened = pk.open_package("x.mhd", data, PUBLIC)
    pk.parse_desk_payload("x.mhd", opened.manifest, opened.payload)
    return opened.manifest_bytes, opened.payload


ORIGINAL = verify(VALID)


@settings(max_examples=600, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(VALID) - 1),
    mask=st.integers(min_value=1, max_value=255),
)
def test_flipped_byte_is_refused_or_harmless(position: int, mask: int) -> None:
    data = bytearray(VALID)
    data[position] ^= mask
    try:
        got = verify(bytes(data))
    except pk.PackageError:
        return
    assert got == ORIGINAL  # the byte was zip bookkeeping; the signed content is intact


@settings(max_examples=300, deadline=None)
@given(length=st.integers(min_value=0, max_value=len(VALID) - 1))
def test_truncated_package_is_refused(length: int) -> None:
    with pytest.raises(pk.PackageError) as err:
        verify(VALID[:length])
    assert err.value.check in ("container", "damaged")


@settings(max_examples=100, deadline=None)
@given(junk=st.binary(min_size=1, max_size=64))
def test_appended_bytes_never_change_what_is_read(junk: bytes) -> None:
    try:
        got = verify(VALID + junk)
    except pk.PackageError:
        return
    assert got == ORIGINAL


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_import_of_a_corrupted_real_package(world: World, data: st.DataObject) -> None:
    """Through the service, on a real exported file: refused with the database unchanged, or
    (the byte carried no data) the same import as the intact file."""
    existing = sorted(world.out.glob("*.mhd")) if world.out.exists() else []
    package = existing[0] if existing else world.export(world.a)
    raw = bytearray(package.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    raw[position] ^= data.draw(st.integers(1, 255), label="mask")
    damaged = world.root / "damaged.mhd"
    damaged.write_bytes(bytes(raw))
    before = world.dump()
    try:
        report = sync.import_packages(world.up, [damaged])
    except pk.PackageError:
        assert world.dump() == before
        return
    # Accepted: it must be byte-for-byte the signed content of the real package.
    assert pk.read_manifest("d", bytes(raw)) == pk.read_manifest("p", package.read_bytes())
    assert report.outcomes[0].state in ("imported", "duplicate")
