"""Names and free text are stored without invisible characters (issue 11): zero-width and
other format characters (Unicode Cf: U+200B, U+200D, U+FEFF, the bidi controls U+202E RLO,
U+2066…) and control characters (Cc: NUL, ESC…) are removed where text enters the services;
a name made only of them is refused, and a name typed with them is found by the plain search."""

from __future__ import annotations

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import fold, nfc
from mohao_desk.services.desk import Desk
from mohao_desk.services.settings import add_officer, list_officers, update_officer
from mohao_desk.services.setup import OfficerInput, update_unit_settings
from mohao_desk.store.db import Database

INVISIBLE = ["\u200b", "\u200c\u200d", "\ufeff", "\u202e", "\u2066\u2069", "\x00", "\x1b", "\u00ad"]


def test_the_shared_cleaning_removes_format_and_control_characters() -> None:
    assert nfc("Nguy\u200bễn\x00 V\u202eăn") == "Nguyễn Văn"
    assert nfc("dòng 1\ndòng 2\tcột") == "dòng 1\ndòng 2\tcột"  # line breaks and tabs stay
    assert fold("Ngu\u200byễn") == "nguyen"


@pytest.mark.parametrize("junk", INVISIBLE)
def test_a_name_of_invisible_characters_only_is_refused(desk: Desk, junk: str) -> None:
    before = desk.count("all")
    with pytest.raises(DeskError) as caught:
        desk.register(procedure_code="2.000815", applicant_name=junk * 3)
    assert caught.value.message == (
        "Họ tên người nộp chỉ gồm ký tự không hiển thị được: hãy nhập lại."
    )
    assert desk.count("all") == before


def test_invisible_characters_inside_names_and_notes_are_not_stored(desk: Desk) -> None:
    detail = desk.register(
        procedure_code="2.000815",
        applicant_name="Lê\u200b Thị\x00 \u202eHoa",
        address="Thôn\u200d Đông",
        note="ghi\u2066 chú",
    )
    s = detail.summary
    assert s.applicant == "Lê Thị Hoa"
    assert detail.address == "Thôn Đông"
    assert desk.list("all", search="le thi hoa")[0].code == s.code
    assert desk.list("all", search="Lê Thị Hoa")[0].code == s.code
    assert detail.events[0].data["note"] == "ghi chú"
    after = desk.handover(s.code, body="Phòng\u200b Tư pháp", note="\u202egiao")
    data = after.events[-1].data
    assert (data["body"], data["note"]) == ("Phòng Tư pháp", "giao")


def test_officer_and_unit_names_are_cleaned_and_refused_when_invisible(db: Database) -> None:
    with pytest.raises(DeskError, match="Họ tên cán bộ không được để trống"):
        add_officer(db, OfficerInput("an", "\u200b\u200b", ""))
    added = add_officer(db, OfficerInput("an", "Phạm\u200b Văn\x00 An", "Công\u202e chức"))
    assert (added.full_name, added.title) == ("Phạm Văn An", "Công chức")
    with pytest.raises(DeskError, match="Họ tên cán bộ không được để trống"):
        update_officer(db, "an", full_name="\ufeff")
    assert [o.full_name for o in list_officers(db) if o.username == "an"] == ["Phạm Văn An"]
    with pytest.raises(DeskError, match="Tên đơn vị không được để trống"):
        update_unit_settings(db, name="\u200b\u202e")
    info = update_unit_settings(db, name="UBND\u200b xã\u202e Bình An", place_name="Bình\x00 An")
    assert (info.name, info.place_name) == ("UBND xã Bình An", "Bình An")
