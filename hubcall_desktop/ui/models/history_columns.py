"""The history table's columns, their titles and the role carrying a row's call id.

Kept apart from the item model so the main window can lay out its header before the
first paint without it: attaching a Python item model to a view, or naming Qt's ``Qt``
namespace at all, makes PySide6 build that namespace's 94 enum types (about 20 ms, see
tests/benchmarks/bench_ui.py), which a window can just as well pay after it is shown.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Qt.ItemDataRole.UserRole (0x0100) + 1, written out for the reason above; a test keeps
# it equal to Qt's value.
CALL_ID_ROLE: Final = 0x0100 + 1


class Column(IntEnum):
    TIME = 0
    DIRECTION = 1
    NUMBER = 2
    NAME = 3
    STATUS = 4
    OUTCOME = 5
    DURATION = 6
    SYNC = 7


# In the item model's translation context, where these titles have always been.
_TITLES = (
    QT_TRANSLATE_NOOP("HistoryModel", "Time"),
    QT_TRANSLATE_NOOP("HistoryModel", "Direction"),
    QT_TRANSLATE_NOOP("HistoryModel", "Number"),
    QT_TRANSLATE_NOOP("HistoryModel", "Name"),
    QT_TRANSLATE_NOOP("HistoryModel", "Status"),
    QT_TRANSLATE_NOOP("HistoryModel", "Outcome"),
    QT_TRANSLATE_NOOP("HistoryModel", "Duration"),
    QT_TRANSLATE_NOOP("HistoryModel", "HubSpot"),
)


def outcome_samples() -> list[str]:
    """The longest of HubSpot's default outcomes, to size the column before any call."""
    return [QCoreApplication.translate("CallOutcome", "Left live message")]


def column_titles() -> list[str]:
    """The titles in the UI language, in column order."""
    return [QCoreApplication.translate("HistoryModel", str(title)) for title in _TITLES]
