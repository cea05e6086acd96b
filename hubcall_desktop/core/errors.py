"""Typed errors the user can act on, each carrying the sentence the user sees.

Bugs are ordinary exceptions; everything here is a ``UserError`` whose ``user_message``
is safe to show and to log (it never contains a secret).
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can act on. ``str(error)`` is the sentence they see."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class InputError(UserError):
    """A value the user, a script or a softphone gave us is not acceptable."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        shown = _shorten(repr(value))
        super().__init__(f"{field}: {problem} (got {shown})")
        self.field = field
        self.value = value
        self.problem = problem


class ConfigurationError(UserError):
    """Something in the set-up is missing or wrong: no token, no keyring backend, ..."""


class StorageError(UserError):
    """The local journal cannot be opened or written."""


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
