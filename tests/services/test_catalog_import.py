"""Importing a province's published list (.xlsx) into a real desk database: the preview writes
nothing, applying writes exactly what was shown, a wrong row or a hostile file is refused whole
with the catalog unchanged."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mohao_desk.domain.deadline import ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError
from mohao_desk.services import catalog_import
from mohao_desk.services.catalog_import import apply_catalog, preview_catalog
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import import_catalog, seed_catalog
from mohao_desk.store.db import Database
from tests.catalog_workbook import SECTIONS, first_data_row, province_workbook
from tests.conftest import FakeClock

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "danh-muc-tthc-mau.xlsx"


def catalog(db: Database) -> dict[str, object]:
    return {p.code: p for p in Desk(db).procedures()}


def test_preview_shows_the_changes_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    before = catalog(db)
    preview = preview_catalog(db, province_workbook(tmp_path / "danh-muc.xlsx"))
    assert (preview.file_name, preview.kind) == ("danh-muc.xlsx", "xlsx")
    changes = preview.changes
    assert [p.code for p in changes.added] == ["1.999100", "1.999101"]
    assert {c.after.code: [f.key for f in c.fields] for c in changes.changed} == {
        "1.001193": ["basis", "note"],
        "1.004873": ["basis", "note"],
        "1.001022": ["basis", "note"],
        "2.000815": ["name", "basis", "note"],
        "1.001653": ["note"],
    }
    assert changes.unchanged == ()
    assert preview.count == 7
    assert catalog(db) == before  # a preview is only a look


def test_applying_writes_the_list_and_keeps_the_catalogs_components(
    db: Database, tmp_path: Path
) -> None:
    seed = {p.code: p for p in seed_catalog()}
    preview = preview_catalog(db, province_workbook(tmp_path / "danh-muc.xlsx"))
    assert apply_catalog(db, preview) == 7
    after = catalog(db)
    status = after["1.004873"]
    assert status.components == seed["1.004873"].components  # the list has no components
    assert status.basis == "Nghị định số 123/2015/NĐ-CP"
    # The officer's own remark stays; the fee line is the list's (issue 9 review).
    assert status.note.splitlines() == [
        seed["1.004873"].note.splitlines()[0],
        "Phí, lệ phí: Lệ phí: 5.000 đồng/trường hợp",
    ]
    assert "Chưa chắc chắn" not in after["1.001193"].note  # the list is an official source
    assert status.verification_time is None
    birth = after["1.001193"]
    assert birth.time == ProcessingTime(0, TimeUnit.SAME_DAY)
    assert after["1.999100"].time == ProcessingTime(1, TimeUnit.MONTHS)
    assert after["1.999100"].field == "Bảo trợ xã hội"  # from the merged section row
    assert len(after) == len(seed) + 2
    # the same file again changes nothing
    again = preview_catalog(db, tmp_path / "danh-muc.xlsx")
    assert again.changes.empty and len(again.changes.unchanged) == 7


def test_a_procedure_of_the_list_registers_with_its_deadline(db: Database, tmp_path: Path) -> None:
    import_catalog(db, province_workbook(tmp_path / "danh-muc.xlsx"))
    desk = Desk(db, clock=FakeClock(datetime(2024, 4, 26, 9, 0)))
    month = desk.register(procedure_code="1.999100", applicant_name="Lê Văn Tám")
    # 1 month from Fri 26/04 09:00 is Sun 26/05: the closing time of Mon 27/05 (domain.md §2)
    assert month.summary.due_at == datetime(2024, 5, 27, 17, 0)
    days = desk.register(procedure_code="1.999101", applicant_name="Lê Văn Tám")
    assert days.summary.due_at == datetime(2024, 5, 6, 9, 0)  # 10 days: Mon 06/05, same time


def test_preview_is_refused_when_the_catalog_changed_since(db: Database, tmp_path: Path) -> None:
    preview = preview_catalog(db, province_workbook(tmp_path / "danh-muc.xlsx"))
    other = [("I. LĨNH VỰC HỘ TỊCH", [("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân",
                                        "02 ngày làm việc", "", "")])]  # fmt: skip
    import_catalog(db, province_workbook(tmp_path / "khac.xlsx", other))
    between = catalog(db)
    with pytest.raises(DeskError, match=r"đã thay đổi sau khi xem trước \(thủ tục 1.004873\)"):
        apply_catalog(db, preview)
    assert catalog(db) == between


def bad_list(row: tuple[object, ...]) -> list:
    """The sample list with ``row`` appended to its last section (Excel row 18)."""
    title, rows = SECTIONS[-1]
    return [*SECTIONS[:-1], (title, [*rows, row])]


LAST_ROW = first_data_row() + sum(1 + len(rows) for _, rows in SECTIONS)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("1.999102", "Thủ tục thử", "Theo quy định", "", ""),
         "Dòng {n}: Không hiểu thời hạn giải quyết 'Theo quy định'"),
        ((None, "Thủ tục thử", "03 ngày làm việc", "", ""),
         "Dòng {n}: thiếu mã của thủ tục 'Thủ tục thử'."),
        (("1.999102", None, "03 ngày làm việc", "", ""),
         "Dòng {n}: thiếu tên thủ tục (mã 1.999102)."),
        (("1.004873", "Trùng mã", "03 ngày làm việc", "", ""),
         "Dòng {n}: mã thủ tục 1.004873 trùng với Dòng 10."),
    ],
)  # fmt: skip
def test_a_wrong_row_refuses_the_whole_list(
    db: Database, tmp_path: Path, row: tuple[object, ...], message: str
) -> None:
    before = catalog(db)
    path = province_workbook(tmp_path / "sai.xlsx", bad_list(row))
    with pytest.raises(DeskError) as caught:
        preview_catalog(db, path)
    assert message.format(n=LAST_ROW) in caught.value.message
    with pytest.raises(DeskError):
        import_catalog(db, path)
    assert catalog(db) == before  # the good rows above were not imported either


def test_a_list_without_its_header_is_refused(db: Database, tmp_path: Path) -> None:
    path = province_workbook(tmp_path / "khong-tieu-de.xlsx", header=("A", "B", "C", "D", "E", "F"))
    with pytest.raises(DeskError, match="Không tìm thấy dòng tiêu đề của danh mục"):
        preview_catalog(db, path)


# ------------------------------------------------------------------ hostile files


def refused(db: Database, path: Path, message: str) -> None:
    before = catalog(db)
    with pytest.raises(DeskError, match=message):
        preview_catalog(db, path)
    assert catalog(db) == before


def test_not_an_xlsx(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "danh-muc.xlsx"
    text.write_text("Mã TTHC;Tên thủ tục\n1.001193;Đăng ký khai sinh\n", "utf-8")
    refused(db, text, r"không phải tệp Excel \(.xlsx\) đọc được")
    other_zip = tmp_path / "tai-lieu.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    refused(db, other_zip, r"không phải tệp Excel \(.xlsx\) đọc được")


def test_old_or_password_protected_workbooks_say_what_to_do(db: Database, tmp_path: Path) -> None:
    old = tmp_path / "danh-muc.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    refused(db, old, r"dạng cũ \(.xls\) hoặc có đặt mật khẩu: hãy mở bằng Excel và lưu lại")


def test_a_damaged_workbook(db: Database, tmp_path: Path) -> None:
    good = province_workbook(tmp_path / "tot.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    refused(db, cut, "bị hỏng, không đọc được")
    # a member whose bytes were changed: the CRC check fails while it is inflated
    flipped = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    flipped[start] ^= 0xFF
    broken = tmp_path / "flipped.xlsx"
    broken.write_bytes(bytes(flipped))
    refused(db, broken, "bị hỏng, không đọc được")


def test_a_file_that_is_too_big(db: Database, tmp_path: Path) -> None:
    big = tmp_path / "lon.xlsx"
    big.write_bytes(b"PK\x03\x04" + bytes(catalog_import.MAX_CATALOG_BYTES))
    refused(db, big, r"quá lớn \(5.242.884 byte, tối đa 5.242.880 byte\)")


def test_a_zip_bomb_is_not_inflated(db: Database, tmp_path: Path) -> None:
    """64 MiB of zeros packs into ~64 KB: refused before openpyxl, counting what inflates."""
    good = province_workbook(tmp_path / "tot.xlsx")
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        out.writestr("xl/media/zeros.bin", bytes(catalog_import.MAX_UNZIPPED_BYTES + 1))
    assert bomb.stat().st_size < 1_000_000
    refused(db, bomb, "khi giải nén quá lớn")


def test_a_zip_that_lies_about_its_sizes_is_still_bounded(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The headers may claim a small size: what really comes out is counted."""
    monkeypatch.setattr(catalog_import, "MAX_UNZIPPED_BYTES", 200_000)
    path = province_workbook(tmp_path / "tot.xlsx")
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", bytes(300_000))
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        info = archive.getinfo("xl/media/zeros.bin")
    central = raw.rfind(b"PK\x01\x02" + raw[info.header_offset + 4 : info.header_offset + 6])
    for offset in (info.header_offset + 22, central + 24):  # the uncompressed size fields
        raw[offset : offset + 4] = (100).to_bytes(4, "little")
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(raw))
    refused(db, liar, "bị hỏng|khi giải nén quá lớn")


def test_xml_entities_are_refused(db: Database, tmp_path: Path) -> None:
    """A billion-laughs sheet: the DOCTYPE is refused before any XML parser expands it."""
    path = province_workbook(tmp_path / "tot.xlsx")
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = laughs + members[sheet]  # openpyxl writes no XML declaration
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    refused(db, evil, "khai báo DOCTYPE/ENTITY")


def test_too_many_rows(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_import, "MAX_ROWS", 50)
    sections = [("I. LĨNH VỰC NỘI VỤ", [(f"1.9{i:05d}", f"Thủ tục {i}", "03 ngày làm việc", "",
                                          "") for i in range(60)])]  # fmt: skip
    refused(db, province_workbook(tmp_path / "dai.xlsx", sections), "có quá nhiều dòng")


def test_a_json_catalog_still_goes_through_the_preview(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.json"
    entry = {"code": "1.999001", "name": "Thủ tục thử nghiệm", "field": "Nội vụ",
             "time": {"value": 4, "unit": "working_days"}}  # fmt: skip
    path.write_text(json.dumps({"format": "mohao-catalog", "procedures": [entry]}), "utf-8")
    preview = preview_catalog(db, path)
    assert preview.kind == "json" and [p.code for p in preview.changes.added] == ["1.999001"]
    assert apply_catalog(db, preview) == 1


def test_the_sample_file_in_the_fixtures_reads(db: Database) -> None:
    """tests/fixtures/danh-muc-tthc-mau.xlsx: the sample list, as a file one can open in Excel
    (made by tests/catalog_workbook.py)."""
    book = load_workbook(FIXTURE)
    assert book.active["A2"].value.startswith("DANH MỤC THỦ TỤC HÀNH CHÍNH")
    assert any(str(r) == "A8:F8" for r in book.active.merged_cells.ranges)  # a section row
    preview = preview_catalog(db, FIXTURE)
    assert len(preview.changes.added) + len(preview.changes.changed) == 7


def test_an_empty_workbook_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    Workbook().save(path)
    refused(db, path, "Không tìm thấy dòng tiêu đề")
