"""A wrapper that keeps a secret out of reprs, f-strings, logs and tracebacks by accident."""

from __future__ import annotations

from typing import Final, NoReturn

_MASK: Final = "***"


class Secret:
    """Holds a token. Only :meth:`reveal` gives the value; every printing path shows ``***``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a secret is a string")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({_MASK!r})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> NoReturn:
        # Pickling would write the value to disk or a pipe; refuse.
        raise TypeError("secrets are not picklable")
