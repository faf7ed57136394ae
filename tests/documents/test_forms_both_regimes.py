"""Every form field of both regimes (issue 9), on a real SQLite file, rendered to real PDFs and
read back (pypdf; ``pdftotext -layout`` where a column matters): the letterhead of the dossier's
own regime, the officers who sign, the supplement slip's reason and phone, the receipt's
counted-from moment, the processing body after a hand-back, the explanation report's units."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mohao_desk.cli import main
from mohao_desk.domain.catalog import parse_kind
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Channel
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService, bodies_of, is_desk
from mohao_desk.services.reports import ReportService
from mohao_desk.services.settings import (
    add_officer,
    list_officers,
    unit_settings,
    update_letterheads,
    update_officer,
)
from mohao_desk.services.setup import OfficerInput
from mohao_desk.store import queries as q
from tests.accounts import demo_passwords
from tests.conftest import FakeClock

PROVINCE = "Ủy ban nhân dân tỉnh Hưng Yên"


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    return " ".join("\n".join(pages_of(pdf)).split())


def layout_text(pdf: bytes, tmp_path: Path) -> str:
    """``pdftotext -layout``: the columns as they stand on the page."""
    if shutil.which("pdftotext") is None:  # pragma: no cover - poppler-utils is in the image
        reason = "pdftotext (poppler-utils) is not installed"
        if os.environ.get("MOHAO_REQUIRE_PDFTOTEXT") == "1":  # .ci/run installs it
            pytest.fail(f"{reason}, but MOHAO_REQUIRE_PDFTOTEXT=1 requires it")
        pytest.skip(reason)
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def regime_b_dossier(make_desk) -> tuple[Desk, str]:
    """A dossier received 04/08/2025 (regime B, Decree 118/2025), with an apology."""
    desk = make_desk(datetime(2025, 8, 26, 9, 0))
    code = desk.register(
        procedure_code="1.001776",
        applicant_name="Lê Văn Hùng",
        received_at=datetime(2025, 8, 4, 9, 0),
    ).summary.code
    desk.apologize(code, reason="Chờ Hội đồng xét duyệt", new_due=datetime(2025, 9, 10, 9, 0))
    return desk, code


# ------------------------------------------------------------ letterheads


def test_regime_b_forms_print_the_province_not_the_abolished_town(make_desk) -> None:
    desk, code = regime_b_dossier(make_desk)
    service = DocumentService(desk)
    # No province known yet: the regime-B letterhead prints the unit alone, never the town.
    for kind in ("receipt", "apology", "control"):
        text = flat(service.render(kind, code))
        assert "THỊ XÃ MỸ HÀO" not in text, kind
        assert "ỦY BAN NHÂN DÂN PHƯỜNG BẦN YÊN NHÂN" in text
    # The province's configuration package named it: the default parent body of regime B.
    with desk.db.begin() as conn:
        q.put_setting(conn, "upstream_office", PROVINCE)
    for kind in ("receipt", "apology", "control"):
        text = flat(service.render(kind, code))
        assert text.startswith("Mẫu số") and "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in text, kind
        assert "THỊ XÃ MỸ HÀO" not in text
    # A regime-A dossier of the same desk keeps the town it was received under.
    spring = desk.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn Đức",
        received_at=datetime(2025, 3, 3, 9, 0),
    ).summary.code
    text = flat(service.render("receipt", spring))
    assert "ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO" in text and "TỈNH HƯNG YÊN" not in text
    assert "01/2018/TT-VPCP" in text


def test_letterheads_are_set_per_regime_from_the_cli(make_desk, capsys) -> None:
    desk, code = regime_b_dossier(make_desk)
    demo_passwords(desk.db)
    db = ["--db", str(desk.db.path), "--by", "quantri"]
    assert main(["unit", *db, "--province", PROVINCE]) == 0
    out = capsys.readouterr().out
    assert f"Tỉnh:            {PROVINCE}\n" in out
    assert f"  Cơ quan chủ quản in trên văn bản: {PROVINCE} (mặc định)" in out
    assert main(["unit", *db, "--parent-b", "Ủy ban nhân dân tỉnh Hưng Yên (mới)"]) == 0
    text = flat(DocumentService(desk).render("receipt", code))
    assert "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN (MỚI)" in text
    # Empty: back to the default.
    assert main(["unit", *db, "--parent-b", ""]) == 0
    assert "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN Ủy ban" not in flat(
        DocumentService(desk).render("receipt", code)
    )
    assert unit_settings(desk.db).letterheads[1].parent_set is False
    # A refused change saves nothing, whichever part is wrong.
    before = unit_settings(desk.db)
    assert main(["unit", *db, "--parent-a", "Tên khác", "--name", ""]) == 2
    assert main(["unit", *db, "--upstream-b", "x" * 151, "--place", "Nơi khác"]) == 2
    assert unit_settings(desk.db) == before
    err = capsys.readouterr().err
    assert "Tên đơn vị không được để trống." in err and "dài quá 150 ký tự" in err


def test_unknown_regime_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError, match="Không có chế độ pháp lý 'C'"):
        update_letterheads(desk.db, parents={"C": "Ủy ban nhân dân tỉnh Hưng Yên"})


def test_explanation_report_is_addressed_to_the_province_by_name(make_desk) -> None:
    desk = make_desk(datetime(2026, 11, 26, 9, 0))
    period = (date(2026, 11, 1), date(2026, 11, 26))
    assert ReportService(desk).explanation_data(*period).addressee == "Ủy ban nhân dân tỉnh"
    update_letterheads(desk.db, province_name=PROVINCE)
    report = ReportService(desk).explanation_data(*period)
    assert report.addressee == PROVINCE
    assert report.letterhead.parent_name == PROVINCE
    assert f"Kính gửi: {PROVINCE}." in flat(ReportService(desk).explanation(*period))
    # An office set explicitly for the regime wins; regime A keeps the town.
    update_letterheads(desk.db, upstreams={"B": "Văn phòng UBND tỉnh Hưng Yên"})
    assert ReportService(desk).explanation_data(*period).addressee == (
        "Văn phòng UBND tỉnh Hưng Yên"
    )
    spring = ReportService(desk).explanation_data(date(2025, 3, 1), date(2025, 3, 31))
    assert spring.addressee == "Ủy ban nhân dân thị xã Mỹ Hào"
    assert spring.letterhead.parent_name == "Ủy ban nhân dân thị xã Mỹ Hào"


# ----------------------------------------------------- supplement slip


def test_supplement_slip_prints_the_contact_phone_reason_line_and_photocopies(
    desk: Desk, clock: FakeClock, capsys, tmp_path: Path
) -> None:
    demo_passwords(desk.db)
    db = ["--db", str(desk.db.path), "--by", "quantri"]
    assert main(["officer", "edit", "tuphap", *db, "--phone", "0221 3868 123"]) == 0
    assert "ĐT 0221 3868 123" in capsys.readouterr().out
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn Đức").summary.code
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.request_supplement(
        code,
        missing=["Tờ khai ký lại|bản chính|1", "Giấy khai sinh|bản chụp|2", "CCCD|ban chup|1"],
        by="tuphap",
    )  # a first request needs no reason
    service = DocumentService(desk)
    document = service.build("supplement", code)
    assert [(i.name, i.original, i.photocopy) for i in document.supplement_items] == [
        ("Tờ khai ký lại", 1, 0),
        ("Giấy khai sinh", 0, 2),
        ("CCCD", 0, 1),
    ]
    pdf = service.render("supplement", code)
    text = flat(pdf)
    assert "Lý do: ……" in text  # the line is there, to be filled in by hand
    assert "liên hệ với Trần Văn Đức, số điện thoại 0221 3868 123 để được hướng dẫn" in text
    # The counts of "bản chụp" stand in the photocopy column.
    lines = layout_text(pdf, tmp_path).splitlines()
    head = next(line for line in lines if "photocopy" in line)
    row = next(line for line in lines if "Giấy khai sinh" in line)
    column = head.index("photocopy")
    assert row.rstrip().endswith("2") and abs(len(row.rstrip()) - 1 - column) < 8


def test_officer_phone_is_checked_and_refused_whole(desk: Desk, capsys) -> None:
    demo_passwords(desk.db)
    db = ["--db", str(desk.db.path), "--by", "quantri"]
    assert main(["officer", "add", *db, "--username", "vhxh", "--name", "Phạm  Thị Mai",
                 "--phone", "0912 345 678"]) == 0  # fmt: skip
    assert main(["officer", "add", *db, "--username", "x", "--name", "X", "--phone", "abc"]) == 2
    assert main(["officer", "edit", "tuphap", *db, "--title", "Khác", "--phone", "12"]) == 2
    assert main(["officer", "edit", "tuphap", *db]) == 2
    err = capsys.readouterr().err
    assert "Số điện thoại 'abc' không hợp lệ." in err and "Không có gì để sửa" in err
    assert [(o.username, o.full_name, o.title, o.phone) for o in list_officers(desk.db)] == [
        ("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa", ""),
        ("tuphap", "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch", ""),
        ("quantri", "Quản trị", "", ""),
        ("vhxh", "Phạm Thị Mai", "", "0912 345 678"),
    ]
    assert main(["officer", "list", *db]) == 0
    assert "ĐT 0912 345 678" in capsys.readouterr().out
    with pytest.raises(DeskError, match="không hợp lệ"):
        add_officer(desk.db, OfficerInput("y", "Y", phone="09x"))
    update_officer(desk.db, "vhxh", phone="")
    assert [o.phone for o in list_officers(desk.db)] == ["", "", "", ""]


def test_bản_chụp_is_a_photocopy() -> None:
    assert parse_kind("bản chụp") == parse_kind("Ban chup") == parse_kind("BẢN CHỤP") == "copy"


# --------------------------------------------------------- refusal slip


def test_refusal_slip_is_signed_by_the_receiving_officer(desk: Desk) -> None:
    code = desk.register(
        procedure_code="XA.CTHDGD", applicant_name="Trần Thị Mai", phone="0987654321"
    ).summary.code  # received by motcua (Nguyễn Thị Hồng Nhung)
    desk.refuse(code, reason="Tài sản đang bị kê biên", by="tuphap")
    text = flat(DocumentService(desk).render("refusal", code))
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text
    assert text.rstrip().endswith("Nguyễn Thị Hồng Nhung")
    assert "Trần Văn Đức" not in text  # who recorded the refusal does not sign
    assert "Tiếp nhận hồ sơ của: Trần Thị Mai" in text and "0987654321" in text
    assert f"Mã hồ sơ: {code}, tiếp nhận ngày 26 tháng 4 năm 2024." in text
    assert "Tài sản đang bị kê biên" in text and "Mẫu số 03" in text


def test_refusal_slip_without_a_dossier(desk: Desk) -> None:
    """What a refusal at the counter prints: no dossier, no code, the regime of its day."""
    service = DocumentService(desk)
    slip = service.refusal_slip(
        applicant="Phạm Văn Tú",
        procedure="Chứng thực hợp đồng, giao dịch",
        reasons=["Không thuộc thẩm quyền của Ủy ban nhân dân phường", "Thiếu chữ ký"],
        officer="Nguyễn Thị Hồng Nhung",
        on=date(2025, 8, 4),
    )
    assert slip.letterhead.regime == "B" and slip.code == ""
    text = flat(service.render_refusal(slip))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "03/2025/TT-VPCP" in text
    assert "Mã hồ sơ" not in text and "Mỹ Hào, ngày 04 tháng 8 năm 2025" in text
    assert "1. Không thuộc thẩm quyền của Ủy ban nhân dân phường 2. Thiếu chữ ký" in text
    assert "THỊ XÃ MỸ HÀO" not in text


# -------------------------------------------------------------- receipt


def test_receipt_prints_the_receiving_officer_and_the_moment_counted_from(
    make_desk, desk: Desk
) -> None:
    late = make_desk(datetime(2024, 5, 13, 9, 0))
    # Online on Sunday 12/05/2024 at 21:10, received by tuphap: counts from Monday's opening.
    code = late.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn Đức",
        channel=Channel.ONLINE,
        received_at=datetime(2024, 5, 12, 21, 10),
        by="tuphap",
    ).summary.code
    text = flat(DocumentService(late).render("receipt", code))
    assert (
        "4. Thời gian nhận hồ sơ: 21 giờ 10 phút, ngày 12 tháng 5 năm 2024 (ngoài giờ làm "
        "việc; thời hạn giải quyết tính từ 07 giờ 30 phút, ngày 13 tháng 5 năm 2024)" in text
    )
    assert "ngày 16 tháng 5 năm 2024" in text  # 3 working days from Monday 07:30
    assert text.endswith("NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Văn Đức")
    inside = desk.register(procedure_code="1.004873", applicant_name="Bùi Văn Long")
    text = flat(DocumentService(desk).render("receipt", inside.summary.code))
    assert "09 giờ 00 phút, ngày 26 tháng 4 năm 2024 5." in text  # no note inside hours
    assert "ngoài giờ" not in text and text.endswith("họ tên) Nguyễn Thị Hồng Nhung")


# ------------------------------------------- control slip, register book


def test_a_hand_back_to_the_desk_keeps_the_real_processing_body(desk: Desk, clock) -> None:
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn Đức").summary.code
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.handover(code, to="tuphap", body="Công chức Tư pháp - Hộ tịch", by="motcua")
    clock.now = datetime(2024, 4, 26, 14, 0)
    desk.handover(code, body="Công an phường", note="Xác minh nơi cư trú", by="tuphap")
    clock.now = datetime(2024, 5, 2, 9, 0)
    desk.handover(code, to="tuphap", body="Công chức Tư pháp - Hộ tịch", by="tuphap")
    clock.now = datetime(2024, 5, 2, 15, 0)
    desk.handover(code, to="motcua", body="Bộ phận Một cửa", note="Đã giải quyết", by="tuphap")
    clock.now = datetime(2024, 5, 3, 8, 0)
    desk.resolve(code, by="motcua")
    clock.now = datetime(2024, 5, 3, 9, 0)
    desk.return_result(code, by="motcua")
    text = flat(DocumentService(desk).render("control", code))
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch" in text
    assert "Cơ quan phối hợp giải quyết hồ sơ: Công an phường" in text
    # Rows: desk → Tư pháp, Tư pháp → Công an, Công an → Tư pháp, Tư pháp → desk, desk →
    # applicant; the result recorded at the desk is no hand-over of the desk to itself.
    assert text.count("1. Giao:") == 5
    assert "2. Nhận: Nguyễn Thị Hồng Nhung (Bộ phận Một cửa)" in text
    assert "Giao: Nguyễn Thị Hồng Nhung 2. Nhận: Bộ phận Một cửa" not in text
    assert "Đã giải quyết; Có kết quả 08:00 ngày 03/05/2024 (trước hạn)" in text
    book = ReportService(desk).register_book_data(date(2024, 4, 26), date(2024, 4, 26))
    assert [e.processing_body for e in book.entries] == ["Công chức Tư pháp - Hộ tịch"]
    assert book.entries[0].transferred_at == datetime(2024, 4, 26, 10, 0)


def test_processing_bodies_read_from_the_hand_overs() -> None:
    assert is_desk("Bộ phận Một cửa") and is_desk("bo phan tiep nhan va tra ket qua")
    assert is_desk("Bộ phận Một cửa phường") and not is_desk("Công an phường")
    found = bodies_of(["Tư pháp", "Công an", "", "Tư pháp", "Bộ phận Một cửa"])
    assert (found.processing, found.cooperating) == ("Tư pháp", ("Công an",))
    assert bodies_of(["Bộ phận Một cửa"]).processing == ""


# ------------------------------------------------- explanation report


def test_explanation_column_says_days_and_hours(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 7, 10, 15))
    code = desk.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn Đức",
        received_at=datetime(2024, 4, 22, 9, 0),
    ).summary.code  # due Thu 25/04 09:00, still open at the end of April
    report = ReportService(desk).explanation_data(date(2024, 4, 1), date(2024, 4, 30))
    entry = next(e for e in report.entries if e.code == code)
    assert entry.late_by == "1 ngày 6 giờ" and report.working_day == "7 giờ 30 phút"
    text = flat(ReportService(desk).explanation(date(2024, 4, 1), date(2024, 4, 30)))
    assert "Thời gian quá hạn (ngày làm việc, giờ, phút)" in text
    assert "(giờ làm việc)" not in text  # the old label, which held days
    assert "1 ngày là một ngày làm việc (7 giờ 30 phút)" in text
    assert "1 ngày 6 giờ" in text
