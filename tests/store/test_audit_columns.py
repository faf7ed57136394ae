"""The store reads the chain's rows in the orders of domain/audit.py's field lists."""

from __future__ import annotations

from mohao_desk.domain import audit as chain
from mohao_desk.store import audit as store
from mohao_desk.store import bulk


def test_the_stores_column_orders_follow_the_field_lists() -> None:
    columns = [c.strip() for c in store.EVENT_COLUMNS.split(",")]
    assert columns[0] == "dossier_id"
    assert [c.removesuffix("_id") for c in columns[1:]] == [f for f in chain.EVENT_FIELDS]
    row = (9, 2, "handover", 100, 5, "received", "processing", "{}", 101)
    assert store.event_values(row, {5: "tuphap"}) == (
        2, "handover", 100, "tuphap", "received", "processing", "{}", 101,
    )  # fmt: skip
    assert [bulk.COMPONENT_COLUMNS[i] for i in bulk._COMPONENT_AT] == [
        "digitized_by" if f == "digitized_by" else f for f in chain.COMPONENT_FIELDS
    ]
