"""The database schema (SQLAlchemy Core). Alembic migrations in ``migrations/`` create it.

Moments are stored as INTEGER seconds since the Unix epoch, UTC (compact, exact, fast to compare
and to index); calendar dates as ISO ``YYYY-MM-DD`` text. The unit's time zone is applied by the
services, at the edges.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


class UtcMoment(TypeDecorator[datetime]):
    """An aware datetime stored as integer UTC epoch seconds (SQLite's INTEGER is 64-bit;
    PostgreSQL's is 32-bit, ending in 2038, so BIGINT there)."""

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(BigInteger())
        return super().load_dialect_impl(dialect)

    def process_bind_param(self, value: datetime | None, dialect: object) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; attach a time zone first")
        return int(value.timestamp())

    def process_result_value(self, value: int | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return datetime.fromtimestamp(value, UTC)


unit = Table(
    "unit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),  # mã định danh điện tử
    Column("name", Text, nullable=False),  # e.g. "Ủy ban nhân dân phường Bần Yên Nhân"
    Column("parent_name", Text, nullable=False, server_default=""),  # cơ quan chủ quản
    Column("place_name", Text, nullable=False, server_default=""),  # địa danh on dates
    Column("timezone", String(64), nullable=False, server_default="Asia/Ho_Chi_Minh"),
    Column("office_hours", String(200), nullable=False, server_default="07:30-11:30,13:30-17:00"),
    Column("is_own", Boolean, nullable=False, server_default=false()),
    Column("created_at", UtcMoment, nullable=False),
)

officer = Table(
    "officer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("username", String(64), nullable=False),
    Column("full_name", Text, nullable=False),
    Column("title", Text, nullable=False, server_default=""),
    Column("phone", String(32), nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default=true()),
    # Accounts (issue 11, revision 0007): an Argon2id hash (None: cannot log in until an
    # administrator sets a password), roles as comma-separated values of domain.roles.Role,
    # and the lock after repeated wrong passwords.
    Column("password_hash", Text),
    Column("roles", String(64), nullable=False, server_default=""),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", UtcMoment),
    UniqueConstraint("unit_id", "username"),
)

# What happened to the accounts: log-ins, refusals, locks, passwords and roles set (revision
# 0007). Kept for the leader and the town; never edited.
account_event = Table(
    "account_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("username", String(64), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("at", UtcMoment, nullable=False),
    Column("by_username", String(64)),
    Column("detail", Text, nullable=False, server_default=""),
    Index(None, "unit_id", "at"),
)

legal_regime = Table(
    "legal_regime",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("name", Text, nullable=False),
    Column("valid_from", String(10), nullable=False),
    Column("valid_to", String(10)),
    Column("legal_basis", Text, nullable=False),
    Column("forms_circular", Text, nullable=False),
    Column("upstream", Text, nullable=False),
    Column("apology_days_before", Integer, nullable=False),
    Column("apology_once_only", Boolean, nullable=False),
    Column("forms", Text, nullable=False),  # JSON {key: {number, title}}
)

procedure = Table(
    "procedure",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("name_folded", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("time_value", Integer, nullable=False),
    Column("time_unit", String(20), nullable=False),
    Column("cutoff", String(5), nullable=False, server_default="15:00"),
    Column("verification_value", Integer),
    Column("verification_unit", String(20)),
    Column("basis", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default=true()),
)

procedure_component = Table(
    "procedure_component",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("procedure_id", ForeignKey("procedure.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("quantity", Integer, nullable=False),
    Index(None, "procedure_id", "position"),
)

dossier = Table(
    "dossier",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("procedure_id", ForeignKey("procedure.id"), nullable=False),
    Column("regime_code", ForeignKey("legal_regime.code"), nullable=False),
    Column("applicant_name", Text, nullable=False),
    Column("applicant_address", Text, nullable=False, server_default=""),
    Column("applicant_phone", String(32), nullable=False, server_default=""),
    Column("applicant_email", Text, nullable=False, server_default=""),
    Column("applicant_id_number", String(32), nullable=False, server_default=""),
    Column("search_key", Text, nullable=False),  # folded name, phone, code
    Column("channel", String(1), nullable=False),
    Column("sets_count", Integer, nullable=False, server_default=text("1")),
    Column("verification", Boolean, nullable=False, server_default=false()),
    Column("received_at", UtcMoment, nullable=False),
    Column("due_at", UtcMoment, nullable=False),  # current return appointment
    Column("original_due_at", UtcMoment, nullable=False),  # legal due (statistics)
    Column("finished_at", UtcMoment),  # end of processing (result / refusal / stop / withdrawal)
    Column("returned_at", UtcMoment),
    Column("paused_at", UtcMoment),  # waiting for a supplement since
    Column("status", String(24), nullable=False),
    Column("officer_id", ForeignKey("officer.id")),  # who holds it now
    Column("receiver_id", ForeignKey("officer.id")),  # who received it at the desk
    Column("supplement_count", Integer, nullable=False, server_default=text("0")),
    Column("apology_count", Integer, nullable=False, server_default=text("0")),
    Column("inputs_digitized", Boolean, nullable=False, server_default=false()),
    Column("result_digitized", Boolean, nullable=False, server_default=false()),
    Column("result_electronic", Boolean, nullable=False, server_default=false()),
    Column("rating", String(24)),
    Column("event_count", Integer, nullable=False, server_default=text("0")),
    Column("updated_at", UtcMoment, nullable=False),
    # Sổ theo dõi hồ sơ: the volume (the receipt year) and entry number given at registration
    # and printed on the receipt; never renumbered (issue 9, revision 0005). NULL for dossiers
    # an upstream office imported from its units.
    Column("book_year", Integer),
    Column("book_number", Integer),
    Index("ix_dossier_status_due", "status", "original_due_at"),
    Index(
        "ix_dossier_open_due",
        "original_due_at",
        # PostgreSQL gets the same WHERE from revision 0001 (``postgresql_where``); naming it
        # here would load PostgreSQL's dialect at every start of a SQLite desk (~50 ms).
        sqlite_where=text("finished_at IS NULL"),
    ),
    Index("ix_dossier_received", "received_at"),
    Index("ix_dossier_finished", "finished_at"),
    Index("ix_dossier_procedure", "procedure_id"),
    Index("ix_dossier_officer", "officer_id"),
    # Dossiers finished before they were received (a desk's broken data, imported as sent):
    # the period statistics count them one by one (store/daily_counts.py). Normally empty.
    Index(
        "ix_dossier_finished_before_received",
        "id",
        sqlite_where=text("finished_at < received_at"),  # PostgreSQL's: revision 0010
    ),
)

component = Table(
    "component",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dossier_id", ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("digitized_at", UtcMoment),
    Column("digitized_by", ForeignKey("officer.id")),
    Column("file_name", Text),
    Column("sha256", String(64)),
    Column("reused", Boolean, nullable=False, server_default=false()),
    Index(None, "dossier_id", "position"),
)

event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dossier_id", ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("act", String(32), nullable=False),
    Column("at", UtcMoment, nullable=False),
    Column("officer_id", ForeignKey("officer.id")),
    Column("status_before", String(24)),
    Column("status_after", String(24), nullable=False),
    Column("data", Text, nullable=False, server_default="{}"),  # JSON: fields, before/after
    Column("recorded_at", UtcMoment, nullable=False),  # when it was entered (``at`` may be earlier)
    UniqueConstraint("dossier_id", "seq"),
    Index(None, "act", "at"),
)

attachment = Table(
    "attachment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dossier_id", ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("component_id", ForeignKey("component.id", ondelete="SET NULL")),
    Column("role", String(16), nullable=False),  # component | result
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("created_at", UtcMoment, nullable=False),
    Column("created_by", ForeignKey("officer.id")),
    Index(None, "dossier_id"),
)

# The content of the attachment files, by SHA-256, on a PostgreSQL server (revision 0006): every
# PC of the unit reads the scan one PC made, and the server's backup holds them. A SQLite desk
# keeps them as files beside its database instead (``attachments/<sha[:2]>/<sha>``): this table
# stays empty there.
stored_file = Table(
    "stored_file",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("stored_at", UtcMoment, nullable=False),
)

calendar_override = Table(
    "calendar_override",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("day", String(10), nullable=False),
    Column("working", Boolean, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    UniqueConstraint("unit_id", "day"),
)

daily_sequence = Table(
    "daily_sequence",
    metadata,
    Column("unit_id", ForeignKey("unit.id"), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("last", Integer, nullable=False),
)

# Numbers that run through a year per unit: the register book's entries (kind "book") and the
# refusals at the counter (kind "counter_refusal"). Revision 0005.
yearly_sequence = Table(
    "yearly_sequence",
    metadata,
    Column("unit_id", ForeignKey("unit.id"), primary_key=True),
    Column("kind", String(24), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last", Integer, nullable=False),
)

# Từ chối tiếp nhận tại quầy (domain.md §1): the officer refuses a dossier at the counter and
# prints Mẫu 03. No dossier is created, so a refusal here is never received, resolved or counted
# in any dossier statistic; it is listed and counted on its own. Revision 0005.
counter_refusal = Table(
    "counter_refusal",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("year", Integer, nullable=False),  # local year of ``at``
    Column("number", Integer, nullable=False),  # "Số: N/…" of the slip, per unit and year
    Column("regime_code", ForeignKey("legal_regime.code"), nullable=False),
    Column("procedure_id", ForeignKey("procedure.id"), nullable=False),
    Column("applicant_name", Text, nullable=False),
    Column("applicant_address", Text, nullable=False, server_default=""),
    Column("applicant_phone", String(32), nullable=False, server_default=""),
    Column("applicant_email", Text, nullable=False, server_default=""),
    Column("channel", String(1), nullable=False),
    Column("reason", Text, nullable=False),
    Column("officer_id", ForeignKey("officer.id")),
    Column("at", UtcMoment, nullable=False),
    Column("recorded_at", UtcMoment, nullable=False),
    UniqueConstraint("unit_id", "year", "number"),
    Index(None, "unit_id", "at"),
)

setting = Table(
    "setting",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

# ---------------------------------------------------------------- sync (issue 5, revision 0004)

# The public keys this database trusts: at an upstream office, one per desk unit; at a desk,
# the upstream office's. The unit's own key pair lives in ``setting`` (``unit_private_key``).
sync_key = Table(
    "sync_key",
    metadata,
    Column("unit_id", ForeignKey("unit.id"), primary_key=True),
    Column("role", String(16), nullable=False),  # desk | upstream
    Column("public_key", String(64), nullable=False),  # base64 of the raw 32 bytes
    Column("fingerprint", String(64), nullable=False),  # SHA-256 of the raw key, hex
    Column("trusted_at", UtcMoment, nullable=False),
)

# Packages this database wrote (desk packages at a desk, config packages upstream).
sync_export = Table(
    "sync_export",
    metadata,
    Column("kind", String(16), primary_key=True),  # desk | config
    Column("sequence", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),  # the package hash (of its manifest)
    Column("previous_sha256", String(64)),
    Column("since", UtcMoment),
    Column("until", UtcMoment, nullable=False),
    Column("items", Integer, nullable=False),  # dossiers (desk) or procedures (config)
    Column("file_name", Text, nullable=False),
    Column("created_at", UtcMoment, nullable=False),
    # The audit chain's head (length, hash) the package carried (revision 0009).
    Column("audit_seq", Integer),
    Column("audit_hash", String(64)),
)

# Packages this database imported: one row per (unit, kind, sequence).
sync_import = Table(
    "sync_import",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("previous_sha256", String(64)),
    Column("since", UtcMoment),
    Column("until", UtcMoment, nullable=False),
    Column("items", Integer, nullable=False),
    Column("personal_data", Boolean, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("created_at", UtcMoment, nullable=False),  # when the unit made it
    Column("imported_at", UtcMoment, nullable=False),
    Column("applied", Boolean, nullable=False, server_default=true()),
    # Revision 0009: the unit's audit chain head the package carried, what it said the link at
    # the previous package's head is now, and whether that contradicts what came before (the
    # unit's already-reported history was rewritten). NULL: a package without a chain head.
    Column("audit_seq", Integer),
    Column("audit_hash", String(64)),
    Column("audit_previous_seq", Integer),
    Column("audit_previous_hash", String(64)),
    Column("audit_rewritten", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("unit_id", "kind", "sequence"),
)

# Upstream: which package last wrote each imported dossier (an older package arriving late
# never overwrites newer data) and its supplement/apology facts (JSON [[act, epoch], ...]).
synced_dossier = Table(
    "synced_dossier",
    metadata,
    Column("dossier_id", ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("package_sequence", Integer, nullable=False),
    Column("facts", Text),
)

# ------------------------------------------------------ the audit chain (issue 11, revision 0009)

# The chain's head: one row (id 1), written by every link, locked (PostgreSQL: FOR UPDATE) as
# the last step of a write transaction. Absent until the first link (an empty database holds no
# row at all: ``migrate-to`` requires that of its target).
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

# One link (mắt xích) per thing a transaction wrote (docs/architecture.md, "A history nobody
# can rewrite unseen"; domain/audit.py says what is hashed).
audit_link = Table(
    "audit_link",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),
    Column("ref", Text, nullable=False),  # what it names: "CODE #3", "setting:office_hours", …
    Column("content_sha", String(64), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("at", UtcMoment, nullable=False),
)

# Per link and dossier: the event numbers the link covers, their hash, and the hash of the
# dossier's state after it. No foreign key: a deleted dossier leaves its record behind.
audit_state = Table(
    "audit_state",
    metadata,
    Column("dossier_id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("first_event", Integer),
    Column("last_event", Integer),
    Column("events_sha", String(64)),
    Column("state_sha", String(64), nullable=False),
    Index(None, "seq", "dossier_id"),
    sqlite_with_rowid=False,
)

# Per link and object (a setting, a procedure, an account, an account event, …): the hash of
# its state after the link, or NULL when the link removed it.
audit_object = Table(
    "audit_object",
    metadata,
    Column("subject", String(200), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("state_sha", String(64)),
    Index(None, "seq", "subject"),
    sqlite_with_rowid=False,
)

# The last link a verification found whole (the window's start-up check goes on from there).
# A speed-up, not a protection: see docs/architecture.md.
audit_checkpoint = Table(
    "audit_checkpoint",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("verified_at", UtcMoment, nullable=False),
)


# The period statistics' counts per unit, local day and procedure (revision 0010), kept by an
# upstream office's import (store/daily_counts.py): the day's newly received dossiers by
# channel and what the indicators count of them, and the day's finished dossiers by outcome
# and what the indicators count of them. Derived data, rebuilt from ``dossier`` at will;
# dossiers finished before they were received are not in it.
DAILY_COUNTS = (
    "received_direct", "received_online", "received_with_components", "received_reused",
    "resolved_early", "resolved_on_time", "resolved_late", "results", "results_electronic",
    "results_fully_digitized", "rated", "not_satisfied",
)  # fmt: skip
daily_count = Table(
    "daily_count",
    metadata,
    Column("day", Integer, primary_key=True, autoincrement=False),  # local days since 1970
    Column("unit_id", Integer, primary_key=True, autoincrement=False),
    Column("procedure_id", Integer, primary_key=True, autoincrement=False),
    *(Column(name, Integer, nullable=False, server_default=text("0")) for name in DAILY_COUNTS),
    Index(None, "unit_id", "day"),  # one unit's days (its trend; the import's refresh)
    sqlite_with_rowid=False,
)

# One row (id 1) while ``daily_count`` is kept: the UTC offset in seconds of its local days.
daily_count_kept = Table(
    "daily_count_kept",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("utc_offset", Integer, nullable=False),
)


# The last reconciliations with the province's electronic one-stop system (issue 13, revision
# 0011): when, by whom, which file, the period and the five counts. The board shows the latest.
reconciliation = Table(
    "reconciliation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("done_at", UtcMoment, nullable=False),
    Column("officer_id", ForeignKey("officer.id")),
    Column("file_name", Text, nullable=False),
    Column("period_from", String(10), nullable=False),  # ISO dates, local
    Column("period_to", String(10), nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("desk_in_period", Integer, nullable=False),
    Column("missing_in_system", Integer, nullable=False),
    Column("finished_here_open_there", Integer, nullable=False),
    Column("open_here_finished_there", Integer, nullable=False),
    Column("due_differs", Integer, nullable=False),
    Column("unknown_here", Integer, nullable=False),
)

# The dossiers the latest reconciliation's file did not have (board view "Chưa có trên hệ
# thống"); only the latest reconciliation's are kept.
reconciliation_missing = Table(
    "reconciliation_missing",
    metadata,
    Column("dossier_id", ForeignKey("dossier.id"), primary_key=True, autoincrement=False),
    Column("reconciliation_id", ForeignKey("reconciliation.id"), nullable=False),
)

# PostgreSQL: a sample of the search keys, their separators made spaces and a space at each end
# (the words pg_trgm sees), from which the search tells how many keys hold a trigram or a set of
# them (queries._index_patterns); taken again by the import when the table has grown
# (store/search_sample.py, revision 0013). Empty on SQLite, whose search is FTS5's.
search_sample = Table(
    "search_sample",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("words", Text, nullable=False),
)
