"""What an officer types as a missing paper becomes an item of the supplement slip: the kind
follows the words ("Bản sao …" is a copy) unless it is given after a bar."""

from __future__ import annotations

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services.desk import parse_supplement_item


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("Giấy xác nhận cư trú", "original", 1),
        ("Bản sao CCCD của cha mẹ", "copy", 1),
        ("bản sao chứng thực giấy khai sinh", "certified_copy", 1),
        ("Ban sao co chung thuc so ho khau", "certified_copy", 1),
        ("Bản sao CCCD | bản chính | 2", "original", 2),
        ("Tờ khai | copy", "copy", 1),
        ("Bản chụp hộ chiếu", "copy", 1),  # the photocopy column (issue 9)
        ("Giấy ủy quyền | bản chụp | 2", "copy", 2),
    ],
)
def test_kind_from_the_words_or_the_bar(text: str, kind: str, count: int) -> None:
    item = parse_supplement_item(text)
    assert (item["kind"], item["count"]) == (kind, count)


def test_bad_count_is_refused() -> None:
    with pytest.raises(DeskError, match="không hợp lệ"):
        parse_supplement_item("Tờ khai | bản chính | hai")
