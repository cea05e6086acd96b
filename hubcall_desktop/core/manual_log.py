"""The manual call-logging form's input, checked field by field and made into a call.

Every problem is an :class:`InputError` whose ``field`` names the form field it concerns
(``from``, ``to``, ``extension``, ``duration``, ``user id``, ``recipients``, ``started``),
so the form can show it next to that field. HubSpot's own 400 answers name request
fields (``fromNumber``, ``durationSeconds``, ...); :func:`form_field_for` maps them back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

from hubcall_desktop.core.call import Call, CallSource, Direction, ensure_utc, new_call_id, utc_now
from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.phone import PhoneNumber, parse_phone

logger = logging.getLogger(__name__)

ENTER_NUMBER = Template("manual.enter_number", "enter a phone number")
USER_IDS_FORMAT = Template(
    "manual.user_ids_format", "user ids are whole numbers, separated by commas"
)
NOT_NEGATIVE = Template("manual.not_negative", "must not be negative")
IN_FUTURE = Template("manual.in_future", "is in the future")
EXTENSION_DIGITS = Template("problem.extension_digits", "use 1 to %1 digits")
WHOLE_NUMBER_UP_TO = Template("problem.whole_number_up_to", "must be a whole number from 1 to %1")

MAX_EXTENSION_DIGITS = 10
MAX_FUTURE = timedelta(minutes=5)  # a start time ahead of the clock by more is a typo

_EXTENSION = re.compile(rf"[0-9]{{1,{MAX_EXTENSION_DIGITS}}}")

# HubSpot request field (as a 400 names it) -> the form field that holds it.
_REQUEST_FIELDS = {
    "fromnumber": "from",
    "tonumber": "to",
    "durationseconds": "duration",
    "callstartedtimestamp": "started",
    "userid": "user id",
    "potentialrecipientuserids": "recipients",
    "finalcallstatus": "status",
    "engagementproperties": "notes",
    "hs_call_body": "notes",
    "hs_call_title": "title",
}


# fmt: off
BEING_LOGGED = Template("manual.being_logged", "This call is being logged already; wait for HubSpot's answer before logging it again.")
NEEDS_TIME_ZONE = Template("problem.needs_time_zone", "needs a time zone")
# fmt: on


def form_field_for(request_field: str) -> str | None:
    """``fromNumber.e164Number`` -> ``from``; ``None`` when no form field holds it."""
    for part in re.split(r"[.\[\]/]+", request_field.strip()):
        key = part.lower()
        if key in _REQUEST_FIELDS:
            return _REQUEST_FIELDS[key]
    return None


def check_number(text: str, region: str, field: str) -> PhoneNumber:
    """A public number for the form (withheld and extensions are refused, with the reason)."""
    if not text.strip():
        raise InputError(field, text, ENTER_NUMBER())
    return parse_phone(text, region, field)


def check_extension(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if not _EXTENSION.fullmatch(value):
        raise InputError("extension", text, EXTENSION_DIGITS(MAX_EXTENSION_DIGITS))
    return value


def check_user_id(value: int | None, field: str = "user id") -> int | None:
    if value is not None and not 0 < value <= INT32_MAX:
        raise InputError(field, value, WHOLE_NUMBER_UP_TO(INT32_MAX))
    return value


def parse_user_ids(text: str, field: str = "recipients") -> tuple[int, ...]:
    """``"12, 34 56"`` -> ``(12, 34, 56)``; duplicates dropped, order kept."""
    ids: list[int] = []
    for word in re.split(r"[\s,;]+", text.strip()):
        if not word:
            continue
        if not word.isdigit() or not word.isascii():
            raise InputError(field, word, USER_IDS_FORMAT())
        value = check_user_id(int(word), field)
        if value is not None and value not in ids:
            ids.append(value)
    return tuple(ids)


class AlreadySubmitting(UserError):
    """The same form is being logged already: a second press must not log it twice."""

    def __init__(self) -> None:
        super().__init__(BEING_LOGGED())


class SubmissionGuard:
    """Lets one of several identical manual submissions through at a time.

    The form disables its button while a call is logged, but a second window, a script or
    a key repeat may submit the very same form again before HubSpot answers; each would
    become its own call. Requests are compared as typed (:class:`ManualLog` is frozen,
    so equal forms are equal keys); a different call is never held up.
    """

    def __init__(self) -> None:
        self._in_flight: set[ManualLog] = set()

    @contextlib.contextmanager
    def claim(self, request: ManualLog) -> Iterator[None]:
        """Hold ``request`` while the block runs; raises :class:`AlreadySubmitting` if an
        identical one is held already."""
        if request in self._in_flight:
            logger.info("a manual call identical to one being logged was refused")
            raise AlreadySubmitting()
        self._in_flight.add(request)
        try:
            yield
        finally:
            self._in_flight.discard(request)

    def __contains__(self, request: object) -> bool:
        return request in self._in_flight


def build_manual_call(
    request: ManualLog, region: str, now: datetime | None = None, *, portal: str | None = None
) -> Call:
    """The call the form describes, belonging to ``portal`` (the active portal's key);
    raises :class:`InputError` naming the first bad field."""
    from_number = check_number(request.from_text, region, "from")
    to_number = check_number(request.to_text, region, "to")
    extension = check_extension(request.extension)
    if extension is not None:
        to_number = dataclasses.replace(to_number, extension=extension)
    if not 0 <= request.duration_seconds <= INT32_MAX:
        raise InputError("duration", request.duration_seconds, NOT_NEGATIVE())
    try:
        started = ensure_utc(request.started_at)
    except ValueError:
        raise InputError("started", request.started_at, NEEDS_TIME_ZONE()) from None
    if started > ensure_utc(now or utc_now()) + MAX_FUTURE:
        raise InputError("started", request.started_at, IN_FUTURE())
    check_user_id(request.user_id)
    for uid in request.recipient_user_ids:
        check_user_id(uid, "recipients")
    return Call(
        external_call_id=request.external_call_id or new_call_id(),
        raw_from=request.from_text.strip(),
        raw_to=request.to_text.strip(),
        from_number=from_number,
        to_number=to_number,
        direction=Direction.INBOUND,
        source=CallSource.MANUAL,
        started_at=started,
        duration_seconds=request.duration_seconds,
        final_status=request.status,
        outcome=request.outcome,
        notes=request.notes,
        title=request.title.strip(),
        user_id=request.user_id,
        recipient_user_ids=list(request.recipient_user_ids),
        portal=portal,
    )
