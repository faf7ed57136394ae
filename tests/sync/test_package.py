"""The pure parts of the package format (domain/package.py)."""

from __future__ import annotations

import pytest

from mohao_desk.domain import package as pk


def test_key_file_round_trip() -> None:
    pem = pk.new_private_key_pem()
    raw = pk.public_key_of(pem)
    data = pk.key_file_bytes("000.31.22.H31", "Ủy ban nhân dân phường Bần Yên Nhân", "desk", raw)
    key = pk.parse_key_file("a.key.json", data)
    assert key.public_key == raw and key.fingerprint == pk.fingerprint(raw)
    assert key.role == "desk" and key.unit_code == "000.31.22.H31"
    assert len(pk.short_fingerprint(key.fingerprint)) == 19


@pytest.mark.parametrize(
    ("have", "missing", "text"),
    [
        ([], [], ""),
        ([1, 2, 3], [], ""),
        ([3], [1, 2], "1–2"),
        ([1, 4, 5, 9], [2, 3, 6, 7, 8], "2–3, 6–8"),
        ([2, 4, 6], [1, 3, 5], "1, 3, 5"),
    ],
)
def test_gaps(have: list[int], missing: list[int], text: str) -> None:
    assert pk.missing_sequences(have) == missing
    assert pk.ranges_text(missing) == text


def test_short_unit_name() -> None:
    assert pk.short_unit_name("Ủy ban nhân dân phường Bần Yên Nhân") == "Phường Bần Yên Nhân"
    assert pk.short_unit_name("UBND xã Phan Đình Phùng") == "Xã Phan Đình Phùng"
    assert pk.short_unit_name("Sở Nội vụ") == "Sở Nội vụ"


def test_error_names_the_file_and_the_check() -> None:
    err = pk.PackageError("x.mhd", "signature", "chữ ký không khớp")
    assert err.check == "signature"
    assert err.message == (
        "Gói 'x.mhd' bị từ chối: chữ ký không hợp lệ (chữ ký không khớp); "
        "cơ sở dữ liệu không thay đổi."
    )


def test_dossier_columns_leave_personal_data_out_by_default() -> None:
    plain = pk.dossier_columns(False)
    assert not {"applicant_name", "applicant_phone", "applicant_id_number"} & set(plain)
    assert set(pk.dossier_columns(True)) - set(plain) == {
        "applicant_name",
        "applicant_address",
        "applicant_phone",
        "applicant_email",
        "applicant_id_number",
    }
