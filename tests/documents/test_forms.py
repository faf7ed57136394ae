"""Every dossier form as a real PDF, read back with pypdf: titles, code, applicant, dates, form
numbers and legal texts of the dossier's own regime; forms that make no sense are refused."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mohao_desk.cli import main
from mohao_desk.domain.errors import DeskError
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.setup import update_unit_settings
from tests.conftest import FakeClock


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(pdf: bytes) -> str:
    """The text with line breaks as spaces (wrapped lines join up again)."""
    return " ".join(text_of(pdf).split())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 4, 26, 9, 5))


@pytest.fixture
def story(db, clock):
    """A dossier's whole life in regime A: handover, supplement, apology, result, return."""
    desk = Desk(db, clock=clock)
    code = desk.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn Đức",
        phone="0912345678",
        address="Khu phố Bần, phường Bần Yên Nhân",
    ).summary.code
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.handover(code, to="tuphap", body="Công chức Tư pháp - Hộ tịch")
    clock.now = datetime(2024, 5, 2, 9, 0)
    desk.request_supplement(
        code,
        missing=["Bản sao trích lục bản án ly hôn|certified_copy|2", "Tờ khai ký lại"],
        reason="Thiếu giấy tờ chứng minh đã ly hôn",
        by="tuphap",
    )
    clock.now = datetime(2024, 5, 3, 9, 0)
    desk.receive_supplement(code)
    desk.apologize(code, reason="Cần xác minh tại nơi cư trú cũ", new_due=datetime(2024, 5, 10, 9))
    clock.now = datetime(2024, 5, 9, 14, 0)
    desk.resolve(code, by="tuphap")
    clock.now = datetime(2024, 5, 10, 8, 30)
    desk.return_result(code)
    return desk, code


def test_receipt(story) -> None:
    desk, code = story
    pdf = DocumentService(desk).render("receipt", code)
    text = flat(pdf)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Mẫu số 01" in text and "01/2018/TT-VPCP" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert f"Mã hồ sơ: {code}" in text
    assert "Nguyễn Văn Đức" in text and "0912345678" in text
    assert "Cấp Giấy xác nhận tình trạng hôn nhân" in text
    assert "Mỹ Hào, ngày 26 tháng 4 năm 2024" in text
    assert "Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 26 tháng 4 năm 2024" in text
    # The appointment printed on the day of receipt: 3 working days, across 29/04–01/05.
    assert "09 giờ 05 phút, ngày 04 tháng 5 năm 2024" in text
    assert "3 ngày làm việc" in text
    assert "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân" in text
    assert "Quyển số: 2024, Số thứ tự: 1" in text
    assert "Nguyễn Thị Hồng Nhung" in text  # the receiving officer signs
    fonts = {
        str(f["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("Tinos" in f for f in fonts)


def test_supplement_slip_lists_everything_with_counts(story) -> None:
    desk, code = story
    text = flat(DocumentService(desk).render("supplement", code))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Bản sao trích lục bản án ly hôn" in text and "Tờ khai ký lại" in text
    assert "Lý do: Thiếu giấy tờ chứng minh đã ly hôn" in text
    assert "Trần Văn Đức" in text  # the guiding officer who asked
    assert "Mỹ Hào, ngày 02 tháng 5 năm 2024" in text


def test_apology_slip_regime_a(story) -> None:
    desk, code = story
    update_unit_settings(desk.db, head_signature=(["KT. Chủ tịch", "Phó Chủ tịch"], "Vũ Văn Khánh"))
    text = flat(DocumentService(desk).render("apology", code))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Kính gửi: Ông/Bà Nguyễn Văn Đức" in text
    # Original appointment (moved by the one-day supplement pause) and the new one.
    assert "09 giờ 05 phút, ngày 06 tháng 5 năm 2024" in text
    assert "09 giờ 00 phút, ngày 10 tháng 5 năm 2024" in text
    assert "Lý do: Cần xác minh tại nơi cư trú cũ" in text
    assert "Nơi nhận:" in text and "Như trên" in text and "Lưu: VT" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Vũ Văn Khánh" in text
    assert "Mẫu số 04" in text


def test_control_slip_marks_each_handover(story) -> None:
    desk, code = story
    text = flat(DocumentService(desk).render("control", code))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "1. Giao: Nguyễn Thị Hồng Nhung" in text
    assert "2. Nhận: Trần Văn Đức" in text
    assert "10 giờ 00 phút, ngày 26 tháng 4 năm 2024" in text
    # Handed over before the due day; result and return after the (original) due moment.
    assert text.count("Trước hạn") == 1 + 1  # the column header says "(Trước hạn/...)" too
    assert text.count("Quá hạn") == 2
    assert "Người giao" in text and "Người nhận" in text


def test_regime_b_forms_and_stop_notice(make_desk) -> None:
    desk = make_desk(datetime(2025, 8, 26, 9, 0))
    code = desk.register(
        procedure_code="1.001776",
        applicant_name="Lê Văn Hùng",
        received_at=datetime(2025, 8, 4, 9, 0),
    ).summary.code
    desk.apologize(code, reason="Chờ Hội đồng xét duyệt", new_due=datetime(2025, 9, 10, 9, 0))
    service = DocumentService(desk)
    text = flat(service.render("apology", code))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "03/2025/TT-VPCP" in text
    assert (
        "đề nghị gia hạn thời gian giải quyết hồ sơ đến 09 giờ 00 phút, ngày 10 tháng 9 năm 2025"
        in text
    )
    receipt = flat(service.render("receipt", code))
    assert "Mẫu số 01" in receipt and "03/2025/TT-VPCP" in receipt
    desk.stop(code, reason="Người đề nghị chuyển khỏi địa bàn")
    stop = flat(service.render("stop", code))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in stop
    assert "Mẫu số 05" in stop
    assert "Người đề nghị chuyển khỏi địa bàn" in stop
    control = flat(service.render("control", code))
    assert "Mẫu số 06" in control


def test_refusal_slip(desk: Desk) -> None:
    code = desk.register(procedure_code="XA.CTHDGD", applicant_name="Trần Thị Mai").summary.code
    desk.refuse(code, reason="Tài sản đang bị kê biên")
    text = flat(DocumentService(desk).render("refusal", code))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Tài sản đang bị kê biên" in text and "Trần Thị Mai" in text
    assert "Mẫu số 03" in text


def test_forms_that_make_no_sense_are_refused(story, make_desk) -> None:
    desk, returned = story
    service = DocumentService(desk)
    with pytest.raises(DeskError, match="không phải hồ sơ bị từ chối"):
        service.render("refusal", returned)
    with pytest.raises(DeskError, match="Nghị định 61/2018"):
        service.render("stop", returned)
    fresh = make_desk(datetime(2024, 5, 13, 9, 0))
    on_track = fresh.register(procedure_code="1.004873", applicant_name="Bùi Văn Long")
    fresh_service = DocumentService(fresh)
    with pytest.raises(DeskError, match="không quá hạn và không sắp đến hạn"):
        fresh_service.render("apology", on_track.summary.code)
    with pytest.raises(DeskError, match="chưa có yêu cầu bổ sung"):
        fresh_service.render("supplement", on_track.summary.code)
    late = make_desk(datetime(2024, 5, 20, 9, 0))
    with pytest.raises(DeskError, match="chưa ghi nhận xin lỗi"):
        DocumentService(late).render("apology", on_track.summary.code)
    with pytest.raises(DeskError, match="không tồn tại"):
        service.render("certificate", returned)


def test_document_command_writes_a_pdf(story, tmp_path: Path, capsys) -> None:
    desk, code = story
    out = tmp_path / "out" / "receipt.pdf"
    assert main(["document", "receipt", "--dossier", code, "--out", str(out),
                 "--db", str(desk.db.path)]) == 0  # fmt: skip
    assert code in flat(out.read_bytes())
    assert main(["document", "refusal", "--dossier", code, "--out", str(tmp_path / "x.pdf"),
                 "--db", str(desk.db.path)]) == 2  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
