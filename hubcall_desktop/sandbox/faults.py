"""Faults a test queues up for the next requests: latency, error statuses, dropped connections.

A :class:`FaultPlan` is a queue: each request to a HubSpot route takes the first fault whose
``path`` matches it (``None`` matches every HubSpot route) and uses up one of its ``times``.
It is thread-safe, so a test thread can queue faults for a sandbox running in another thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from hubcall_desktop.sandbox.ratelimit import RatePolicy

FAULT_STATUSES = frozenset({401, 403, 429, 500, 502, 503, 504})


class FaultKind(StrEnum):
    LATENCY_BEFORE = "latency_before"  # wait before handling: the request has not reached HubSpot
    LATENCY_AFTER = "latency_after"  # handled and recorded, the answer is late (or lost)
    STATUS = "status"  # answer an error status instead of handling the request
    DROP = "drop"  # close the connection without any answer
    # Handled as usual (a 2xx is accepted, HubSpot acted on it), but the answer is odd: a
    # body that is not JSON, a huge one, a gzip bomb, one that drips, or a 3xx instead.
    ODD_ANSWER = "odd_answer"
    HEADERS = "headers"  # handled as usual; the answer carries extra headers


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault, applied to the next ``times`` matching requests. Build with the class methods."""

    kind: FaultKind
    times: int = 1
    seconds: float = 0.0  # latency faults
    code: int | None = None  # status faults
    policy: RatePolicy = RatePolicy.TEN_SECONDLY_ROLLING  # 429 faults
    retry_after: int | None = None  # status faults: a Retry-After header, in seconds
    after_accept: bool = False  # drop faults: drop after recording the request as accepted
    path: str | None = None  # only requests to this exact path; None: every HubSpot route
    # Any kind: headers set on the answer (a "Retry-After: inf" on a 429, a huge
    # X-HubSpot-RateLimit-Interval-Milliseconds on a 200).
    headers: tuple[tuple[str, str], ...] = ()
    # Odd answers: ``answer_status`` (a 3xx is not handled, so never accepted), ``body``
    # repeated up to ``size`` bytes, gzip-compressed with ``gzip`` (a bomb when large),
    # written one byte every ``drip_seconds`` when that is set.
    answer_status: int = 200
    body: bytes = b""
    size: int = 0
    gzip: bool = False
    drip_seconds: float = 0.0

    def __post_init__(self) -> None:
        if isinstance(self.times, bool) or not isinstance(self.times, int) or self.times < 1:
            raise ValueError("times must be a positive integer")
        if not math.isfinite(self.seconds) or self.seconds < 0:
            raise ValueError("seconds must be a finite number >= 0")
        if (self.kind is FaultKind.STATUS) != (self.code is not None):
            raise ValueError("a status fault, and only a status fault, has a code")
        if self.code is not None and self.code not in FAULT_STATUSES:
            raise ValueError(f"code must be one of {sorted(FAULT_STATUSES)}")
        if self.retry_after is not None and self.retry_after < 0:
            raise ValueError("retry_after must be >= 0")
        if self.path is not None and not self.path.startswith("/"):
            raise ValueError("path must start with /")
        if not 200 <= self.answer_status < 400:
            raise ValueError("answer_status must be a 2xx or 3xx")
        if self.size < 0 or not math.isfinite(self.drip_seconds) or self.drip_seconds < 0:
            raise ValueError("size and drip_seconds must be >= 0")

    @classmethod
    def latency_before(cls, seconds: float, *, times: int = 1, path: str | None = None) -> Fault:
        return cls(FaultKind.LATENCY_BEFORE, times=times, seconds=seconds, path=path)

    @classmethod
    def latency_after(cls, seconds: float, *, times: int = 1, path: str | None = None) -> Fault:
        return cls(FaultKind.LATENCY_AFTER, times=times, seconds=seconds, path=path)

    @classmethod
    def status(
        cls,
        code: int,
        *,
        times: int = 1,
        policy: RatePolicy = RatePolicy.TEN_SECONDLY_ROLLING,
        retry_after: int | None = None,
        path: str | None = None,
    ) -> Fault:
        """An error answer: 401 is an expired token, 429 a rate limit of ``policy``."""
        return cls(
            FaultKind.STATUS,
            times=times,
            code=code,
            policy=policy,
            retry_after=retry_after,
            path=path,
        )

    @classmethod
    def drop(cls, *, after_accept: bool = False, times: int = 1, path: str | None = None) -> Fault:
        return cls(FaultKind.DROP, times=times, after_accept=after_accept, path=path)

    @classmethod
    def odd_answer(
        cls,
        *,
        answer_status: int = 200,
        body: bytes = b"",
        size: int = 0,
        gzip: bool = False,
        drip_seconds: float = 0.0,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
        path: str | None = None,
    ) -> Fault:
        """The request is handled (a 2xx one accepted), the answer is odd (see the fields)."""
        return cls(
            FaultKind.ODD_ANSWER,
            times=times,
            path=path,
            answer_status=answer_status,
            body=body,
            size=size,
            gzip=gzip,
            drip_seconds=drip_seconds,
            headers=tuple((headers or {}).items()),
        )

    @classmethod
    def extra_headers(
        cls, headers: Mapping[str, str], *, times: int = 1, path: str | None = None
    ) -> Fault:
        """Handled as usual; the answer carries ``headers``."""
        return cls(FaultKind.HEADERS, times=times, path=path, headers=tuple(headers.items()))

    def with_headers(self, headers: Mapping[str, str]) -> Fault:
        """This fault, its answer carrying ``headers`` too (e.g. an odd Retry-After)."""
        return replace(self, headers=self.headers + tuple(headers.items()))

    def matches(self, path: str) -> bool:
        return self.path is None or self.path == path

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "times": self.times, "path": self.path}
        if self.kind in (FaultKind.LATENCY_BEFORE, FaultKind.LATENCY_AFTER):
            data["seconds"] = self.seconds
        elif self.kind is FaultKind.STATUS:
            data.update(code=self.code, retry_after=self.retry_after)
            if self.code == 429:
                data["policy"] = self.policy.value
        elif self.kind is FaultKind.DROP:
            data["after_accept"] = self.after_accept
        elif self.kind is FaultKind.ODD_ANSWER:
            data.update(
                answer_status=self.answer_status,
                body=self.body.decode("utf-8", errors="replace"),
                size=self.size,
                gzip=self.gzip,
                drip_seconds=self.drip_seconds,
            )
        if self.headers:
            data["headers"] = dict(self.headers)
        return data

    @classmethod
    def from_json(cls, data: object) -> Fault:
        """Build a fault from the admin route's JSON; ``ValueError`` says what is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError("each fault is a JSON object")
        allowed = {
            "kind",
            "times",
            "path",
            "seconds",
            "code",
            "policy",
            "retry_after",
            "after_accept",
            "headers",
            "answer_status",
            "body",
            "size",
            "gzip",
            "drip_seconds",
        }
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(unknown)}")
        try:
            kind = FaultKind(str(data.get("kind")))
            policy = RatePolicy(str(data.get("policy", RatePolicy.TEN_SECONDLY_ROLLING.value)))
        except ValueError as exc:
            raise ValueError(str(exc)) from None
        return cls(
            kind,
            times=_typed(data, "times", int, 1),
            seconds=float(_typed(data, "seconds", (int, float), 0.0)),
            code=_typed(data, "code", int, None),
            policy=policy,
            retry_after=_typed(data, "retry_after", int, None),
            after_accept=_typed(data, "after_accept", bool, False),
            path=_typed(data, "path", str, None),
            headers=_headers(data.get("headers")),
            answer_status=_typed(data, "answer_status", int, 200),
            body=str(_typed(data, "body", str, "")).encode("utf-8"),
            size=_typed(data, "size", int, 0),
            gzip=_typed(data, "gzip", bool, False),
            drip_seconds=float(_typed(data, "drip_seconds", (int, float), 0.0)),
        )


def _headers(value: object) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError("headers must be an object of strings")
    return tuple(value.items())


def _typed(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    if key not in data:
        return default
    value = data[key]
    if value is None and default is None:  # optional fields may be given as null
        return None
    # bool is an int in Python; in a fault spec true is never a count or a status.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{key} has the wrong type")
    return value


class FaultPlan:
    """The queue of pending faults. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Fault] = []  # ``times`` here is what is left

    def add(self, *faults: Fault) -> None:
        with self._lock:
            self._queue.extend(faults)

    def take(self, path: str) -> Fault | None:
        """The fault for the next request to ``path``, using up one of its ``times``."""
        with self._lock:
            for index, fault in enumerate(self._queue):
                if fault.matches(path):
                    if fault.times == 1:
                        del self._queue[index]
                    else:
                        self._queue[index] = replace(fault, times=fault.times - 1)
                    return replace(fault, times=1)
        return None

    def pending(self) -> list[Fault]:
        """What is still queued, with the ``times`` left."""
        with self._lock:
            return list(self._queue)

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._queue)
