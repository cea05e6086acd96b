"""The orders the history can be sorted in: a key per history column and a direction.

Plain values: the history model asks for one, the journal turns it into SQL
(storage.call_order).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SortKey(StrEnum):
    """What the history is sorted by: one per history column."""

    TIME = "time"
    DIRECTION = "direction"
    NUMBER = "number"
    NAME = "name"
    STATUS = "status"
    OUTCOME = "outcome"
    DURATION = "duration"
    SYNC = "sync"


@dataclass(frozen=True, slots=True)
class CallOrder:
    """A key and a direction; the default is the history's own order, newest first."""

    key: SortKey = SortKey.TIME
    descending: bool = True


NEWEST_FIRST = CallOrder()
