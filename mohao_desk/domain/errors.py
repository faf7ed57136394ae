"""Errors the domain raises. Messages are Vietnamese first: they are shown to desk officers.

A message is a *template* and its *parameters*, ``DeskError("Không tìm thấy hồ sơ mã
'{code}'.", code=code)``: the template is a string literal with ``{name}`` placeholders
(``str.format`` style) written at the raise site (or a module-level :func:`template` constant),
so that ``scripts/extract_error_templates.py`` finds every one and the English catalogue
(``resources/translations/errors_en.ts``, context ``DeskError``) can translate it. The core
knows no Qt: ``.message`` is the Vietnamese text, and the UI renders the same template and
parameters through its translator (``ui/dialog_kit.error_text``).

A parameter is shown as it is, except:

- a :class:`Phrase` (a translatable piece: "Thủ tục thứ 3", a rule broken, the reason of a
  refused package) is rendered with the same translator;
- a tuple is its items rendered and joined by spaces (several sentences);
- a plain string may be a domain label (a status, an act), which the UI translates too.

A template without parameters is shown as written (no ``{{``/``}}`` escapes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translate = Callable[[str], str]

# Messages and phrases are translated in this Qt context (errors_en.ts).
CONTEXT = "DeskError"


def template(text: str) -> str:
    """Mark a module-level message template for the extractor (like ``QT_TRANSLATE_NOOP``);
    returns ``text`` unchanged."""
    return text


def _same(text: str) -> str:
    return text


def render(
    text: str,
    params: Mapping[str, object],
    translate: Translate | None = None,
    label: Translate | None = None,
) -> str:
    """``text`` (translated by ``translate``) filled with ``params``: :class:`Phrase` values
    rendered the same way, tuples joined by spaces, strings passed through ``label`` (the UI's
    translation of domain labels). Raises what ``str.format`` raises on a broken template."""
    tr = translate or _same
    shown = tr(text)
    if not params:
        return shown
    return shown.format(**{key: _value(v, tr, label) for key, v in params.items()})


def _value(value: object, translate: Translate, label: Translate | None) -> object:
    if isinstance(value, Phrase):
        return value.render(translate, label)
    if isinstance(value, tuple):
        return " ".join(str(_value(v, translate, label)) for v in value)
    if isinstance(value, str) and label is not None:
        return label(value)
    return value


class Phrase:
    """A translatable piece of a message, with its own template and parameters."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params

    @classmethod
    def of(cls, exc: DeskError) -> Phrase:
        """Another error's message, inside this one."""
        return cls(exc.template, **exc.params)

    def render(self, translate: Translate | None = None, label: Translate | None = None) -> str:
        return render(self.template, self.params, translate, label)

    def capitalized(self) -> Capitalized:
        """The same phrase, starting a sentence."""
        return Capitalized(self.template, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is type(self)
            and isinstance(other, Phrase)
            and (other.template, other.params) == (self.template, self.params)
        )

    def __hash__(self) -> int:
        return hash((type(self), self.template))


class Clause(Phrase):
    """A whole message used as a clause of another: without its final full stop."""

    __slots__ = ()

    def render(self, translate: Translate | None = None, label: Translate | None = None) -> str:
        return super().render(translate, label).rstrip(".")


class Capitalized(Phrase):
    """A phrase that starts a sentence: its first letter in upper case."""

    __slots__ = ()

    def render(self, translate: Translate | None = None, label: Translate | None = None) -> str:
        text = super().render(translate, label)
        return text[:1].upper() + text[1:]


class DeskError(Exception):
    """A refused act or bad input, with a message fit to show to the user as it is.

    ``template`` is a string literal with ``{name}`` placeholders, ``params`` fill them;
    ``message`` is the Vietnamese text."""

    def __init__(self, template: str, /, **params: object) -> None:
        message = render(template, params)
        super().__init__(message)
        self.template = template
        self.params = params
        self.message = message

    def render(self, translate: Translate | None = None, label: Translate | None = None) -> str:
        """The message in the language of ``translate`` (the Vietnamese message when the
        translated template does not fit the parameters)."""
        try:
            return render(self.template, self.params, translate, label)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return self.message


class IllegalTransition(DeskError):
    """The lifecycle forbids this act in the dossier's current state."""


class RuleViolation(DeskError):
    """A legal rule (e.g. the apology rules of regime A) refuses the act without an override."""


class NotFound(DeskError):
    """A code or id that does not exist."""


class CalendarRangeError(DeskError):
    """A date outside the years the working-day calendar covers."""
