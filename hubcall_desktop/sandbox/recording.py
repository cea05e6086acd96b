"""What the sandbox received, kept for tests to inspect, with credentials redacted.

Each request is recorded when it arrives and updated as it goes: accepted (HubSpot would
have acted on it), then answered, dropped, or abandoned by the client. The log is written
from the server's event loop and may be read from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from hubcall_desktop.sandbox.paths import INBOUND_CALL_PATHS

_REDACTED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


class Outcome(StrEnum):
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    DROPPED = "dropped"  # the sandbox closed the connection without an answer (a drop fault)
    CLIENT_GONE = "client_gone"  # the client went away before the answer


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request. ``body`` is the decoded JSON, else the raw text, else ``None`` (no body)."""

    id: int
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: Any
    received_at: datetime
    status: int | None = None  # the status sent; None while in progress or when none was sent
    accepted: bool = False
    outcome: Outcome = Outcome.IN_PROGRESS
    portal_id: int | None = None  # the portal whose token the request carried, once accepted

    @property
    def is_inbound_call(self) -> bool:
        return self.method == "POST" and self.path in INBOUND_CALL_PATHS

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": dict(self.headers),
            "body": self.body,
            "received_at": self.received_at.isoformat(),
            "status": self.status,
            "accepted": self.accepted,
            "outcome": self.outcome.value,
            "portal_id": self.portal_id,
        }


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers as a dict with lower-case names and credentials masked (``Bearer ***``)."""
    redacted: dict[str, str] = {}
    for original_name, value in headers.items():
        name = original_name.lower()  # HTTP names are case-insensitive; one spelling to look up
        if name in _REDACTED_HEADERS:
            scheme, _, secret = value.partition(" ")
            value = f"{scheme} ***" if secret and name != "cookie" else "***"
        # Repeated headers are joined as HTTP allows (RFC 9110 section 5.3).
        redacted[name] = f"{redacted[name]}, {value}" if name in redacted else value
    return redacted


class RequestLog:
    """Recorded requests in arrival order. Thread-safe; ``on_change`` runs after each change."""

    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._records: dict[int, RecordedRequest] = {}
        self._next_id = 1  # never reset: a request still in flight after clear() is not mixed up
        self._on_change = on_change

    def begin(
        self,
        *,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: Any,
        received_at: datetime,
    ) -> int:
        with self._lock:
            record_id = self._next_id
            self._next_id += 1
            self._records[record_id] = RecordedRequest(
                record_id, method, path, query, redact_headers(headers), body, received_at
            )
        self._changed()
        return record_id

    def accept(self, record_id: int) -> None:
        with self._lock:
            record = self._records.get(record_id)
            if record is None:
                return
            self._records[record_id] = replace(record, accepted=True)
        self._changed()

    def set_portal(self, record_id: int, portal_id: int) -> None:
        """The bearer token was accepted: it is ``portal_id``'s."""
        with self._lock:
            record = self._records.get(record_id)
            if record is None:
                return
            self._records[record_id] = replace(record, portal_id=portal_id)
        self._changed()

    def finish(self, record_id: int, outcome: Outcome, status: int | None = None) -> None:
        """Close a record once; later calls (e.g. a cancellation after a drop) change nothing."""
        with self._lock:
            record = self._records.get(record_id)
            if record is None or record.outcome is not Outcome.IN_PROGRESS:
                return
            self._records[record_id] = replace(record, outcome=outcome, status=status)
        self._changed()

    def snapshot(self) -> tuple[RecordedRequest, ...]:
        with self._lock:
            return tuple(self._records.values())

    def clear(self) -> None:
        with self._lock:
            self._records.clear()
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()
