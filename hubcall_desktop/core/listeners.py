"""Callbacks told of a change: the observer rule written once.

Every object that tells others of a change (the desk, its status, the connection, the
OAuth tokens, the outcome list) keeps its listeners here. A listener that raises is
logged and the others are still told: one broken observer (a closed window's slot, a
plug-in) must not stop the app's own bookkeeping behind it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Listeners(Generic[T]):
    def __init__(self, what: str) -> None:
        self._what = what  # for the log: "a <what> listener failed"
        self._listeners: list[Callable[[T], object]] = []

    def add(self, listener: Callable[[T], object]) -> None:
        self._listeners.append(listener)

    def remove(self, listener: Callable[[T], object]) -> None:
        """Stop telling ``listener``; one never added is ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def __len__(self) -> int:
        return len(self._listeners)

    def notify(self, value: T) -> None:
        # A copy: a listener may add or remove listeners while it is told.
        for listener in list(self._listeners):
            try:
                listener(value)
            except Exception:
                logger.exception("a %s listener failed", self._what)
