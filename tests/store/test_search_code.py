"""A whole dossier code typed into the search (issue 10): on PostgreSQL the store adds the
codes it can be (``queries._code_candidates``) so that the unique code index answers it, not
the trigram index; the result must stay what the plain substring search finds, on both
databases — a fifth digit after 9999 a day included."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from mohao_desk.services.desk import Desk, search_key
from mohao_desk.store.db import Database
from mohao_desk.store.queries import search_conditions
from mohao_desk.store.schema import dossier
from tests.conftest import UNIT_CODE


class Clock:
    def __call__(self) -> datetime:
        return datetime(2026, 12, 1, 9, 0)


def test_a_whole_code_finds_what_the_substring_search_finds(db: Database, backend: str) -> None:
    desk = Desk(db, clock=Clock())
    codes = [
        desk.register(procedure_code="1.004873", applicant_name=f"Trần Thị Mai {i}").summary.code
        for i in range(3)
    ]
    assert codes[0] == f"{UNIT_CODE}-261201-0001"
    # The 10,011th dossier of a day has a five-digit number that starts with 0001's digits.
    five = f"{UNIT_CODE}-261201-10011"
    with db.begin() as conn:
        conn.execute(
            dossier.update()
            .where(dossier.c.code == codes[2])
            .values(code=five, search_key=search_key(f"Trần Thị Mai {2}", "", five))
        )
    assert [d.code for d in desk.list("all", search=codes[0])] == [codes[0]]
    assert [d.code for d in desk.list("all", search=codes[0].lower())] == [codes[0]]
    found = {d.code for d in desk.list("all", search=f"{UNIT_CODE}-261201-1001")}
    assert found == {five}
    # The end of the agency code is enough, as for any substring.
    found = {d.code for d in desk.list("all", search="17.22.h56-261201-0002")}
    assert found == {codes[1]}
    assert desk.list("all", search=f"{UNIT_CODE}-261201-0009") == []
    assert desk.board_ids("all", search=codes[1], limit=1000) == [
        d.id for d in desk.list("all", search=codes[1])
    ]
    if backend != "postgresql":
        return
    with db.read() as conn:  # planned with the program's own parameters (the list expanded)
        statement = select(dossier.c.id).where(*search_conditions(conn, codes[1]))
        compiled = statement.compile(
            dialect=conn.dialect, compile_kwargs={"render_postcompile": True}
        )
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # 3 rows: show it can
        plan = "\n".join(
            str(r[0]) for r in conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
        )
    assert "uq_dossier_code" in plan, plan
