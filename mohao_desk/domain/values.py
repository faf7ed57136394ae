"""Immutable value objects for the modules every start needs (calendar, deadline).

What ``@dataclass(frozen=True)`` gives them (fields set once by ``__init__``, equality and hash
by the fields in order, ``Name(field=value, …)`` as repr, assignment refused), without importing
``dataclasses``: its import (``inspect``, ``ast``, ``dis``, ``tokenize``) and the making of each
class cost ``mohao-desk due`` about a sixth of a whole ``python -c pass`` (issue 14). Other
modules keep using dataclasses.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: no typing import at run time
    from typing import Any


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a value (as ``dataclasses.FrozenInstanceError``)."""


class Value:
    """Base of a value class: ``_fields`` names its fields in order; its ``__init__`` sets them
    with ``_init`` (or through ``__dict__``)."""

    _fields: tuple[str, ...] = ()

    def _init(self, **values: Any) -> None:
        self.__dict__.update(values)

    def _values(self) -> tuple[Any, ...]:
        d = self.__dict__
        return tuple([d[name] for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        d = self.__dict__
        fields = ", ".join(f"{name}={d[name]!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
