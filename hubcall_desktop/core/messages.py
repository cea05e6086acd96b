"""Sentences the Qt-free code says, as a template id and its parameters.

A :class:`Template` is declared once, next to the code that says it: a stable id and
the English text with ``%1``, ``%2`` ... for the parts that vary. Calling it gives a
:class:`Message`, which *is* the English sentence (a ``str``, so the command line, the
logs and every field typed ``str`` keep working unchanged) and also carries the template
and its parameters, so the UI translates it from the id without reading the English back.

A parameter is text (a path, HubSpot's own words, a field name), a number, or another
Message (a reason inside a sentence). The English is filled in one pass: a parameter
holding ``%1`` is never filled again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"%([1-9])")
_DECLARED: dict[str, Template] = {}


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence with ``%N`` slots; ``id`` stays the same when the English is reworded."""

    id: str
    english: str

    def __post_init__(self) -> None:
        known = _DECLARED.setdefault(self.id, self)
        if known.english != self.english:
            raise ValueError(f"message id {self.id!r} declared twice with different text")

    def __call__(self, *args: str | int | float | Message) -> Message:
        return Message(self, args)

    @property
    def arity(self) -> int:
        return len(set(_MARKER.findall(self.english)))


class Message(str):
    """The English sentence, carrying the template and parameters it was made from."""

    __slots__ = ("args", "template")
    template: Template
    args: tuple[str | int | float | Message, ...]

    def __new__(
        cls, template: Template, args: tuple[str | int | float | Message, ...] = ()
    ) -> Message:
        if len(args) != template.arity:
            raise TypeError(f"{template.id}: {template.arity} parameters, got {len(args)}")
        text = fill(template.english, [str(arg) for arg in args])
        self = super().__new__(cls, text)
        self.template = template
        self.args = args
        return self

    @property
    def id(self) -> str:
        return self.template.id

    def __reduce__(self) -> tuple[object, ...]:
        return (Message, (self.template, self.args))


def fill(text: str, parts: list[str]) -> str:
    """``text`` with each ``%N`` replaced by ``parts[N-1]``, in one pass."""
    return _MARKER.sub(lambda m: parts[int(m[1]) - 1], text)


def declared() -> dict[str, Template]:
    """Every template declared so far, by id (the UI's table is checked against it)."""
    return dict(_DECLARED)
