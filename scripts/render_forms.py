"""Render one sample of every official form into docs/forms/ (PDF → PNG with pdftoppm).

    .venv/bin/python scripts/render_forms.py [--out docs/forms]

Builds a throw-away database with dossiers in both legal regimes and acts on them through the
services, exactly as an officer would.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from mohao_desk.domain.lifecycle import Channel
from mohao_desk.services.demo import DEMO_OFFICERS
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.settings import update_letterheads, update_officer
from mohao_desk.services.setup import init_unit
from mohao_desk.store.db import open_database


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def sample_desk(folder: Path) -> tuple[Desk, Clock, dict[str, str]]:
    db = open_database(folder / "forms.sqlite3")
    init_unit(
        db,
        code="000.31.22.H31",
        name="Ủy ban nhân dân phường Bần Yên Nhân",
        parent_name="Ủy ban nhân dân thị xã Mỹ Hào",
        place_name="Mỹ Hào",
        officers=DEMO_OFFICERS,
    )
    # Regime B (from 01/07/2025) forms print the province, not the abolished town.
    update_letterheads(db, province_name="Ủy ban nhân dân tỉnh Hưng Yên")
    update_officer(db, "tuphap", phone="0221 3868 123")  # the supplement slip's contact
    clock = Clock(datetime(2024, 4, 26, 9, 5))
    desk = Desk(db, clock=clock)
    codes: dict[str, str] = {}
    a = desk.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn Đức",
        phone="0912 345 678",
        email="nguyenvanduc@example.vn",
        address="Khu phố Bần, phường Bần Yên Nhân, thị xã Mỹ Hào, tỉnh Hưng Yên",
    ).summary.code
    codes["receipt"] = codes["control"] = codes["apology"] = a
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.handover(a, to="tuphap", body="Công chức Tư pháp - Hộ tịch", by="motcua")
    clock.now = datetime(2024, 5, 2, 9, 0)
    desk.request_supplement(
        a,
        missing=[
            "Bản sao trích lục bản án ly hôn|certified_copy|1",
            "Tờ khai (ký lại)|original|1",
            "Giấy xác nhận cư trú|bản chụp|1",
        ],
        by="tuphap",
    )
    clock.now = datetime(2024, 5, 3, 9, 0)
    desk.receive_supplement(a, by="motcua")
    clock.now = datetime(2024, 5, 3, 10, 0)
    desk.handover(a, to="chutich", note="Trình ký", by="tuphap")
    desk.apologize(
        a,
        reason="Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây của người yêu cầu",
        new_due=datetime(2024, 5, 10, 9, 0),
        by="tuphap",
    )
    clock.now = datetime(2024, 5, 9, 14, 0)
    desk.handover(a, to="motcua", body="Bộ phận Một cửa", note="Đã ký kết quả", by="chutich")
    clock.now = datetime(2024, 5, 9, 14, 30)
    desk.resolve(a, by="motcua")
    clock.now = datetime(2024, 5, 10, 8, 30)
    desk.return_result(a, by="motcua")
    codes["supplement"] = a
    clock.now = datetime(2024, 5, 13, 9, 0)
    r = desk.register(procedure_code="XA.CTHDGD", applicant_name="Trần Thị Mai",
                      phone="0987 654 321").summary.code  # fmt: skip
    clock.now = datetime(2024, 5, 13, 10, 0)
    desk.refuse(r, reason="Tài sản trong hợp đồng đang bị kê biên theo quyết định của cơ quan "
                "thi hành án; không đủ điều kiện chứng thực")  # fmt: skip
    codes["refusal"] = r
    clock.now = datetime(2025, 8, 4, 9, 0)
    b = desk.register(procedure_code="1.001776", applicant_name="Lê Văn Hùng",
                      address="Khu phố Tân Mỹ, phường Bần Yên Nhân").summary.code  # fmt: skip
    clock.now = datetime(2025, 8, 4, 10, 0)
    desk.handover(b, to="vhxh", body="Công chức Văn hóa - Xã hội")
    clock.now = datetime(2025, 8, 26, 9, 0)
    desk.apologize(b, reason="Chờ kết quả xác minh hoàn cảnh của Hội đồng xét duyệt",
                   new_due=datetime(2025, 9, 10, 9, 0), by="vhxh")  # fmt: skip
    codes["apology-b"] = b
    clock.now = datetime(2025, 9, 8, 9, 0)
    s = desk.register(procedure_code="1.001776", applicant_name="Phạm Thị Lan").summary.code
    clock.now = datetime(2025, 9, 9, 9, 0)
    desk.stop(s, reason="Người đề nghị đã chuyển hộ khẩu khỏi địa bàn phường", by="vhxh")
    codes["stop"] = s
    # Filed online on Sunday night: the receipt gives the arrival and the moment counted from.
    clock.now = datetime(2025, 9, 15, 9, 0)
    o = desk.register(procedure_code="1.004873", applicant_name="Hoàng Thị Yến",
                      channel=Channel.ONLINE, received_at=datetime(2025, 9, 14, 21, 40),
                      email="hoangthiyen@example.vn").summary.code  # fmt: skip
    codes["receipt-b"] = o
    return desk, clock, codes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/forms")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        desk, _, codes = sample_desk(Path(tmp))
        service = DocumentService(desk)
        for name, kind in [("receipt", "receipt"), ("receipt-b", "receipt"),
                           ("supplement", "supplement"),
                           ("refusal", "refusal"), ("apology", "apology"),
                           ("apology-b", "apology"), ("control", "control"),
                           ("stop", "stop")]:  # fmt: skip
            pdf = out / f"{name}.pdf"
            pdf.write_bytes(service.render(kind, codes[name]))
            if shutil.which("pdftoppm"):
                subprocess.run(
                    ["pdftoppm", "-r", "70", "-png", "-singlefile", str(pdf), str(out / name)],
                    check=True,
                )
                pdf.unlink()
            print(out / f"{name}.png")
        _render_lists(Path(tmp), out)


def _render_lists(folder: Path, out: Path) -> None:
    """The date-range documents, on a year of demo data seen from 07/05/2024 10:15."""
    from datetime import date

    from mohao_desk.services.demo import fill_demo
    from mohao_desk.services.reports import ReportService

    db = open_database(folder / "lists.sqlite3")
    fill_demo(db, dossiers=60_000, seed=2024, now=datetime(2024, 5, 7, 10, 15))
    service = ReportService(Desk(db, clock=Clock(datetime(2024, 5, 7, 10, 15))))
    documents = {
        "daily-list": service.daily_list(date(2024, 5, 7)),
        "register-book": service.register_book(date(2024, 4, 1), date(2024, 4, 30)),
        "explanation": service.explanation(date(2024, 4, 1), date(2024, 4, 30)),
    }
    for name, data in documents.items():
        pdf = out / f"{name}.pdf"
        pdf.write_bytes(data)
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", "1", "-l", "1",
                 str(pdf), str(out / name)],
                check=True,
            )  # fmt: skip
            pdf.unlink()
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
