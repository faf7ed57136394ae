"""The procedure catalog and the legal-regime table as data (domain.md §0, §9)."""

from __future__ import annotations

import copy
from datetime import date, time
from typing import Any

import pytest

from mohao_desk.domain.catalog import parse_catalog, parse_regimes
from mohao_desk.domain.deadline import ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import ApologyRules
from mohao_desk.domain.regimes import regime_for
from mohao_desk.services.setup import read_resource_json, seed_catalog, seed_regimes

# ------------------------------------------------------------------- the shipped resources


NINE = {"1.001193", "1.000894", "1.000656", "1.004873", "2.000815", "2.000884", "XA.CTHDGD",
        "2.000635", "1.001776"}  # fmt: skip


def test_seed_catalog_parses() -> None:
    procedures = {p.code: p for p in seed_catalog()}
    assert set(procedures) > NINE  # the first nine codes are kept
    assert len(procedures) >= 16
    birth = procedures["1.001193"]
    assert birth.name == "Đăng ký khai sinh"
    assert birth.field == "Hộ tịch"
    assert birth.time == ProcessingTime(0, TimeUnit.SAME_DAY, time(15, 0))
    assert birth.verification_time is None
    assert [c.kind for c in birth.components] == ["original", "original", "present"]
    assert birth.components[2].kind_label == "Bản chính (xuất trình)"

    marriage = procedures["1.000894"]
    assert marriage.time.unit is TimeUnit.SAME_DAY
    assert marriage.verification_time == ProcessingTime(5, TimeUnit.WORKING_DAYS)
    assert marriage.components[2].count == 2
    assert procedures["1.000656"].verification_time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    status = procedures["1.004873"]
    assert status.time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    assert status.verification_time is None and "23 ngày" in status.note  # An Giang, noted
    assert procedures["XA.CTHDGD"].time == ProcessingTime(2, TimeUnit.WORKING_DAYS)
    assert procedures["XA.CTHDGD"].note.startswith("Chưa chắc chắn: Mã địa phương")
    for code in ("2.000815", "2.000884", "2.000635"):
        assert procedures[code].time.unit is TimeUnit.SAME_DAY
    assert procedures["1.001022"].verification_time == ProcessingTime(8, TimeUnit.WORKING_DAYS)
    assert procedures["1.001699"].time == ProcessingTime(25, TimeUnit.WORKING_DAYS)
    assert procedures["1.001653"].field == "Bảo trợ xã hội"


def test_every_seed_row_cites_its_source_and_unsure_rows_say_why() -> None:
    """The shipped catalog: each row names where its code and time come from; a row whose code
    or time was not seen in an official source is marked unsure, with a note that says so."""
    entries = read_resource_json("catalog", "procedures.json")["procedures"]
    parsed = {p.code: p for p in seed_catalog()}
    for entry in entries:
        assert entry["source"] and all(s.strip() for s in entry["source"]), entry["code"]
        official = " ".join(entry["source"])
        if entry.get("unsure"):
            assert parsed[entry["code"]].note.startswith("Chưa chắc chắn: ")
        else:
            # a sure row shows its code in an official page it cites (".gov.vn")
            assert ".gov.vn" in official and entry["code"] in official, entry["code"]


def test_seed_regimes_parse() -> None:
    a, b = seed_regimes()
    assert (a.code, a.valid_from, a.valid_to) == ("A", date(2018, 8, 21), date(2025, 6, 30))
    assert (b.code, b.valid_from, b.valid_to) == ("B", date(2025, 7, 1), None)
    assert "61/2018/NĐ-CP" in a.legal_basis
    assert "118/2025/NĐ-CP" in b.legal_basis
    assert a.apology == b.apology == ApologyRules(1, True)
    assert a.form("apology").number == "04"
    assert a.form("apology").title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    assert b.form("apology").title.startswith("Văn bản xin lỗi và đề nghị gia hạn")
    assert b.form("stop").number == "05"
    assert b.form("control").number == "06"
    assert a.form("control").number == "05"
    with pytest.raises(DeskError, match="không có mẫu 'stop'"):
        a.form("stop")


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2024, 4, 26), "A"),
        (date(2025, 6, 30), "A"),
        (date(2025, 7, 1), "B"),
        (date(2026, 11, 24), "B"),
    ],
)
def test_regime_for(day: date, code: str) -> None:
    assert regime_for(day, seed_regimes()).code == code


def test_no_regime_before_the_first_one() -> None:
    with pytest.raises(DeskError, match="Không có chế độ pháp lý nào áp dụng cho ngày 20/08/2018"):
        regime_for(date(2018, 8, 20), seed_regimes())


# ------------------------------------------------------------------- broken catalog documents


def catalog_doc() -> dict[str, Any]:
    return {
        "format": "mohao-catalog",
        "version": 1,
        "procedures": [
            {
                "code": "1.004873",
                "name": "Cấp Giấy xác nhận tình trạng hôn nhân",
                "field": "Hộ tịch",
                "time": {"value": 3, "unit": "working_days"},
                "components": [{"name": "Tờ khai", "kind": "original", "count": 1}],
            },
            {
                "code": "2.000815",
                "name": "Chứng thực bản sao từ bản chính",
                "field": "Chứng thực",
                "time": {"value": 0, "unit": "same_day", "cutoff": "15:00"},
            },
        ],
    }


def test_minimal_catalog_parses() -> None:
    first, second = parse_catalog(catalog_doc())
    assert first.time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    assert first.basis == ""
    assert second.components == ()


def test_catalog_text_is_normalised_to_nfc() -> None:
    doc = catalog_doc()
    doc["procedures"][0]["name"] = "  Đăng ky\u0301 khai sinh "  # NFD "ký"
    assert parse_catalog(doc)[0].name == "Đăng ký khai sinh"


def broken(path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(catalog_doc())
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


DELETE = object()
P0 = ["procedures", 0]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (broken(["format"], "other"), "thiếu 'format: mohao-catalog'"),
        (broken(["format"], DELETE), "thiếu 'format: mohao-catalog'"),
        (broken(["procedures"], []), "không có thủ tục nào"),
        (broken(["procedures"], DELETE), "không có thủ tục nào"),
        (broken([*P0], "1.004873"), "Thủ tục thứ 1: phải là một đối tượng"),
        (broken([*P0, "code"], DELETE), "Thủ tục thứ 1: thiếu hoặc sai trường 'code'"),
        (broken([*P0, "code"], "  "), "Thủ tục thứ 1: thiếu hoặc sai trường 'code'"),
        (broken([*P0, "name"], DELETE), "Thủ tục 1.004873: thiếu hoặc sai trường 'name'"),
        (broken([*P0, "field"], 12), "Thủ tục 1.004873: thiếu hoặc sai trường 'field'"),
        (broken([*P0, "name"], "x" * 1001), "trường 'name' quá dài"),
        (broken([*P0, "time"], DELETE), "thời hạn giải quyết phải là một đối tượng"),
        (broken([*P0, "time", "unit"], "weeks"), "đơn vị thời hạn 'weeks' không hợp lệ"),
        (broken([*P0, "time", "unit"], DELETE), "đơn vị thời hạn 'None' không hợp lệ"),
        (broken([*P0, "time", "value"], -3), "Thủ tục 1.004873: số lượng thời hạn '-3'"),
        (broken([*P0, "time", "value"], "3"), "số lượng thời hạn '3' không hợp lệ"),
        (broken([*P0, "time", "value"], 3.5), "số lượng thời hạn '3.5' không hợp lệ"),
        (broken([*P0, "time", "value"], True), "số lượng thời hạn 'True' không hợp lệ"),
        (broken([*P0, "time", "value"], 4000), "số lượng thời hạn '4000' không hợp lệ"),
        (broken([*P0, "time", "value"], 0), "phải là số dương"),
        (broken(["procedures", 1, "time", "value"], 2), "trong ngày không có số ngày"),
        (broken(["procedures", 1, "time", "cutoff"], "15h"), "giờ '15h' không đúng dạng HH:MM"),
        (broken(["procedures", 1, "time", "cutoff"], "25:00"), "giờ '25:00' không đúng dạng"),
        (broken(["procedures", 1, "code"], "1.004873"), "Thủ tục 1.004873: mã thủ tục bị trùng"),
        (broken([*P0, "components"], {"name": "x"}), "'components' phải là một danh sách"),
        (broken([*P0, "components", 0], "Tờ khai"), "thành phần hồ sơ phải là một đối tượng"),
        (broken([*P0, "components", 0, "kind"], "scan"), "loại giấy tờ 'scan' không hợp lệ"),
        (broken([*P0, "components", 0, "count"], 0), "số lượng giấy tờ '0' không hợp lệ"),
        (broken([*P0, "components", 0, "count"], 100), "số lượng giấy tờ '100' không hợp lệ"),
        (broken([*P0, "components", 0, "name"], DELETE), "thiếu hoặc sai trường 'name'"),
        (
            broken([*P0, "verification_time"], {"value": 5, "unit": "days"}),
            "đơn vị thời hạn 'days' không hợp lệ",
        ),
    ],
)
def test_broken_catalog_is_rejected(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(DeskError, match=message):
        parse_catalog(doc)


def test_unsure_rows_carry_the_mark_in_their_note() -> None:
    doc = broken([*P0, "unsure"], True)
    doc["procedures"][0]["note"] = "Mã chưa đối chiếu."
    doc["procedures"][0]["source"] = ["Danh mục gốc."]
    assert parse_catalog(doc)[0].note == "Chưa chắc chắn: Mã chưa đối chiếu."
    doc["procedures"][0]["note"] = "Chưa chắc chắn: đã có dấu."
    assert parse_catalog(doc)[0].note == "Chưa chắc chắn: đã có dấu."  # not twice


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (broken([*P0, "unsure"], True), "phải có ghi chú nói điều gì chưa chắc"),
        (broken([*P0, "unsure"], "yes"), "'unsure' phải là true hoặc false"),
        (broken([*P0, "source"], 12), "'source' phải là một đoạn chữ hoặc danh sách"),
        (broken([*P0, "source"], []), "'source' phải là một đoạn chữ hoặc danh sách"),
        (broken([*P0, "source"], ["", "x"]), "'source' phải là một đoạn chữ hoặc danh sách"),
    ],
)
def test_bad_unsure_or_source_is_refused(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(DeskError, match=message):
        parse_catalog(doc)


def test_catalog_must_be_an_object() -> None:
    with pytest.raises(DeskError, match="không đúng định dạng"):
        parse_catalog([catalog_doc()])


@pytest.mark.parametrize("cutoff", [1500, None, ["15", "00"]])
def test_cutoff_that_is_not_text_is_rejected_as_a_desk_error(cutoff: Any) -> None:
    """A broken document must give a DeskError, never a raw Python exception."""
    with pytest.raises(DeskError, match="không đúng dạng HH:MM"):
        parse_catalog(broken(["procedures", 1, "time", "cutoff"], cutoff))


# ------------------------------------------------------------------- broken regime documents


def regimes_doc() -> dict[str, Any]:
    return copy.deepcopy(read_resource_json("regimes", "legal_regimes.json"))


def test_regimes_are_sorted_by_start() -> None:
    doc = regimes_doc()
    doc["regimes"].reverse()
    assert [r.code for r in parse_regimes(doc)] == ["A", "B"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="x"), "Tệp chế độ pháp lý không đúng định dạng"),
        (lambda d: d.update(regimes=[]), "không có chế độ nào"),
        (lambda d: d["regimes"].append("C"), "Chế độ pháp lý phải là một đối tượng"),
        (lambda d: d["regimes"][0].pop("code"), "thiếu hoặc sai trường 'code'"),
        (lambda d: d["regimes"][1].pop("legal_basis"), "Chế độ B: thiếu hoặc sai trường"),
        (lambda d: d["regimes"][0].pop("valid_from"), "Chế độ A: ngày 'None' không đúng dạng"),
        (
            lambda d: d["regimes"][0].update(valid_to="30/06/2025"),
            "ngày '30/06/2025' không đúng dạng YYYY-MM-DD",
        ),
        (
            lambda d: d["regimes"][0]["apology"].update(working_days_before=-1),
            "'working_days_before' không hợp lệ",
        ),
        (lambda d: d["regimes"][0].update(apology=[1]), "'apology' phải là một đối tượng"),
        (lambda d: d["regimes"][0].update(forms=[]), "'forms' phải là một đối tượng"),
        (
            lambda d: d["regimes"][0]["forms"].update(receipt="01"),
            "Chế độ A: mẫu 'receipt' phải là một đối tượng",
        ),
        (
            lambda d: d["regimes"][0]["forms"]["receipt"].pop("title"),
            "thiếu hoặc sai trường 'title'",
        ),
        # overlapping periods
        (
            lambda d: d["regimes"][0].update(valid_to="2025-07-01"),
            "Chế độ A và B có thời gian hiệu lực chồng nhau",
        ),
        (
            lambda d: d["regimes"][0].update(valid_to=None),
            "Chế độ A và B có thời gian hiệu lực chồng nhau",
        ),
    ],
)
def test_broken_regimes_are_rejected(change: Any, message: str) -> None:
    doc = regimes_doc()
    change(doc)
    with pytest.raises(DeskError, match=message):
        parse_regimes(doc)


def test_regime_ending_before_it_starts_is_rejected() -> None:
    """A period whose end precedes its start covers no day at all: a broken document."""
    doc = regimes_doc()
    doc["regimes"][0]["valid_to"] = "2018-01-01"  # valid_from is 2018-08-21
    with pytest.raises(DeskError):
        parse_regimes(doc)


def test_adjacent_regimes_do_not_overlap() -> None:
    doc = regimes_doc()
    doc["regimes"][0]["valid_to"] = "2025-06-30"
    assert [r.valid_to for r in parse_regimes(doc)] == [date(2025, 6, 30), None]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("copy", "copy"),
        ("Bản sao", "copy"),
        ("ban sao", "copy"),
        ("Bản sao chứng thực", "certified_copy"),
        ("bản sao có chứng thực", "certified_copy"),
        ("Bản chính", "original"),
        ("photocopy", "copy"),
        ("xuất trình", "present"),
    ],
)
def test_paper_kinds_in_vietnamese(text: str, kind: str) -> None:
    from mohao_desk.domain.catalog import parse_kind

    assert parse_kind(text) == kind


def test_unknown_paper_kind_names_the_vietnamese_choices() -> None:
    from mohao_desk.domain.catalog import parse_kind

    with pytest.raises(DeskError, match="Bản sao chứng thực"):
        parse_kind("bản dịch")
