"""Roles and what each may do (issue 11): written once, here; `docs/architecture.md` prints the
same table and a test keeps the two equal. The services ask ``require(roles, operation)``
before they change anything; a refusal names the roles the operation needs.

A person may hold several roles (a small commune's desk officer is often also its
administrator). No role includes another: an administrator who records acts on dossiers also
holds the role of the act.
"""

from __future__ import annotations

from enum import StrEnum

from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.lifecycle import Act


class Role(StrEnum):
    DESK = "tiep_nhan"  # công chức tiếp nhận, trả kết quả (Bộ phận Một cửa)
    PROCESSING = "xu_ly"  # cán bộ, công chức xử lý, giải quyết hồ sơ
    LEADER = "lanh_dao"  # lãnh đạo, người có thẩm quyền
    ADMIN = "quan_tri"  # quản trị: danh mục, lịch, tài khoản, khóa, sao lưu

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls(text.strip())
        except ValueError:
            raise DeskError(
                "Vai trò '{role}' không có ({roles}).",
                role=text,
                roles=", ".join(r.value for r in cls),
            ) from None


ROLE_LABELS = {
    Role.DESK: "Tiếp nhận, trả kết quả",
    Role.PROCESSING: "Xử lý hồ sơ",
    Role.LEADER: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
}


class Operation(StrEnum):
    """What changes data besides the acts of a dossier's life."""

    APOLOGY_EXCEPTION = "apology_exception"  # an apology recorded against the rules
    COUNTER_REFUSAL = "counter_refusal"  # Mẫu 03 at the counter (no dossier)
    EXPORT = "export"  # a package for the upstream office (signed with the unit's key)
    IMPORT = "import"  # packages: configuration at a desk, units' data upstream
    CATALOG = "catalog"
    CALENDAR = "calendar"
    UNIT_SETTINGS = "unit_settings"  # the unit, its letterheads, office hours, sharing
    ACCOUNTS = "accounts"
    KEYS = "keys"  # the signing key, trusted keys
    BACKUP = "backup"  # backup and restore
    RECONCILE = "reconcile"  # the desk against the province's electronic one-stop system


D, P, L, A = Role.DESK, Role.PROCESSING, Role.LEADER, Role.ADMIN

# Who may do what. The acts follow the desk's work under Decree 61/2018 (as amended) and Decree
# 118/2025: the desk receives, asks for supplements, returns and records the rating; the
# processing officers hand over, resolve, refuse and apologize when late; a stop and an
# exception to the apology rules are the leader's decisions.
PERMISSIONS: dict[Act | Operation, frozenset[Role]] = {
    Act.REGISTER: frozenset({D}),
    Act.HANDOVER: frozenset({D, P, L}),
    Act.SUPPLEMENT_REQUEST: frozenset({D, P}),
    Act.SUPPLEMENT_RECEIVED: frozenset({D}),
    Act.RESOLVE: frozenset({P, L}),
    Act.RETURN: frozenset({D}),
    Act.REFUSE: frozenset({P, L}),
    Act.WITHDRAW: frozenset({D}),
    Act.STOP: frozenset({L}),
    Act.DIGITIZE: frozenset({D, P}),
    Act.APOLOGIZE: frozenset({D, P, L}),
    Act.RATE: frozenset({D}),
    Operation.APOLOGY_EXCEPTION: frozenset({L}),
    Operation.COUNTER_REFUSAL: frozenset({D}),
    Operation.EXPORT: frozenset({L, A}),
    Operation.IMPORT: frozenset({A}),
    Operation.CATALOG: frozenset({A}),
    Operation.CALENDAR: frozenset({A}),
    Operation.UNIT_SETTINGS: frozenset({A}),
    Operation.ACCOUNTS: frozenset({A}),
    Operation.KEYS: frozenset({A}),
    Operation.BACKUP: frozenset({A}),
    Operation.RECONCILE: frozenset({D, L}),
}

OPERATION_LABELS = {
    Operation.APOLOGY_EXCEPTION: "Xin lỗi ngoại lệ (trái quy tắc)",
    Operation.COUNTER_REFUSAL: "Từ chối tiếp nhận tại quầy",
    Operation.EXPORT: "Xuất gói gửi cấp trên",
    Operation.IMPORT: "Nhập gói",
    Operation.CATALOG: "Danh mục thủ tục",
    Operation.CALENDAR: "Lịch nghỉ, làm bù",
    Operation.UNIT_SETTINGS: "Thông tin đơn vị, giờ làm việc",
    Operation.ACCOUNTS: "Tài khoản",
    Operation.KEYS: "Khóa ký, khóa tin cậy",
    Operation.BACKUP: "Sao lưu, phục hồi",
    Operation.RECONCILE: "Đối chiếu với hệ thống điện tử",
}

ROLE_NEEDED = template(
    "Việc '{what}' cần vai trò {roles}; tài khoản {account} không có vai trò đó."
)


def label_of(operation: Act | Operation) -> str:
    return operation.label if isinstance(operation, Act) else OPERATION_LABELS[operation]


def allowed(roles: frozenset[Role] | set[Role], operation: Act | Operation) -> bool:
    return bool(PERMISSIONS[operation] & set(roles))


def require(account: str, roles: frozenset[Role] | set[Role], operation: Act | Operation) -> None:
    """Refuse (before anything changes) when none of ``roles`` may do ``operation``."""
    if not allowed(roles, operation):
        needed = sorted(PERMISSIONS[operation], key=list(Role).index)
        raise DeskError(
            ROLE_NEEDED,
            what=label_of(operation),
            roles=" hoặc ".join(f"'{r.label}' ({r.value})" for r in needed),
            account=account,
        )


def permission_table() -> list[tuple[str, list[str]]]:
    """The table as docs/architecture.md prints it: (what, role values in Role order)."""
    return [
        (label_of(op), [r.value for r in Role if r in roles]) for op, roles in PERMISSIONS.items()
    ]
