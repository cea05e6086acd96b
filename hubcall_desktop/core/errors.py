"""Typed errors the user can act on, each carrying the sentence the user sees.

Bugs are ordinary exceptions; everything here is a ``UserError`` whose ``user_message``
is safe to show and to log (it never contains a secret).
"""

from __future__ import annotations

from hubcall_desktop.core.messages import Message, Template

INPUT_PROBLEM_GOT = Template("input.problem_got", "%1: %2 (got %3)")
INPUT_PROBLEM = Template("input.problem", "%1: %2")
# Problems several checks name (the %2 of the two above).
LONGER_THAN = Template("problem.longer_than", "longer than %1 characters")
FROM_TO = Template("problem.from_to", "must be from %1 to %2")
ONE_OF = Template("problem.one_of", "must be one of %1")
IS_LONGER_THAN = Template("problem.is_longer_than", "is longer than %1 characters")
CONTROL_CHARACTERS = Template("problem.control_characters", "contains control characters")
WHOLE_NUMBER = Template("problem.whole_number", "must be a whole number")
NOT_EMPTY = Template("problem.not_empty", "must not be empty")
NEEDS_CALLED_NUMBER = Template(
    "problem.needs_called_number", "HubSpot needs the number that was called"
)


class UserError(Exception):
    """An error the user can act on. ``str(error)`` is the sentence they see.

    Given a :class:`Message`, the UI translates it from its id; given plain text (a
    sentence not converted yet), the English is all there is.
    """

    def __init__(self, user_message: str | Message) -> None:
        super().__init__(user_message)
        self.user_message: str = user_message

    @property
    def message(self) -> Message | None:
        """The sentence with its id and parameters, when it was made from a template."""
        found = self.user_message
        return found if isinstance(found, Message) else None


class InputError(UserError):
    """A value the user, a script or a softphone gave us is not acceptable."""

    def __init__(self, field: str, value: object, problem: str | Message) -> None:
        shown = _shorten(repr(value))
        super().__init__(INPUT_PROBLEM_GOT(field, problem, shown))
        self.field = field
        self.value = value
        self.problem = problem


class ConfigurationError(UserError):
    """Something in the set-up is missing or wrong: no token, no keyring backend, ..."""


class StorageError(UserError):
    """The local journal cannot be opened or written."""


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
