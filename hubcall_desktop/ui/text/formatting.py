"""How calls read on screen: numbers for humans, durations, local times, who called."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

if TYPE_CHECKING:  # types only: this module is on the way to the first paint
    from hubcall_desktop.core.call import Call
    from hubcall_desktop.core.matches import CallerMatch
    from hubcall_desktop.core.phone import PhoneNumber


def number_text(number: PhoneNumber | None, raw: str, region: str, withheld: bool = False) -> str:
    """National format at home, international abroad; the raw text when unparsable."""
    if number is not None:
        return number.for_humans(region)
    if withheld:
        return QCoreApplication.translate("Formatting", "Withheld number")
    return raw or QCoreApplication.translate("Formatting", "No number")


def remote_text(call: Call, region: str) -> str:
    """The other party's number: the caller of an inbound call, the callee of an outbound one."""
    if call.direction == "OUTBOUND":  # Direction.OUTBOUND, compared by value
        return number_text(call.to_number, call.raw_to, region)
    return number_text(call.from_number, call.raw_from, region, call.number_withheld)


def who_text(matches: list[CallerMatch] | tuple[CallerMatch, ...]) -> str:
    """``Anna Schmidt``, ``Anna Schmidt +2``, or empty for no match."""
    if not matches:
        return ""
    first = matches[0].display_name
    if len(matches) == 1:
        return first
    return (
        QCoreApplication.translate("Formatting", "%1 +%2")
        .replace("%1", first)
        .replace("%2", str(len(matches) - 1))
    )


def duration_text(seconds: int | None) -> str:
    """``0:42``, ``12:05``, ``1:02:03``; empty when unknown."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in the computer's local time zone."""
    stamp = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000), QTimeZone.utc())
    return stamp.toLocalTime()


def time_text(moment: datetime | None) -> str:
    """Local date and time in the UI language's short format."""
    if moment is None:
        return ""
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)
