"""Errors the domain raises. Messages are Vietnamese first: they are shown to desk officers."""


class DeskError(Exception):
    """A refused act or bad input, with a message fit to show to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IllegalTransition(DeskError):
    """The lifecycle forbids this act in the dossier's current state."""


class RuleViolation(DeskError):
    """A legal rule (e.g. the apology rules of regime A) refuses the act without an override."""


class NotFound(DeskError):
    """A code or id that does not exist."""


class CalendarRangeError(DeskError):
    """A date outside the years the working-day calendar covers."""
