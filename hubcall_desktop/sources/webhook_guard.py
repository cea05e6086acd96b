"""The checks every webhook request passes before its event is even parsed.

The webhook listens on loopback, but loopback is not a trust boundary: any local process
and any web page the agent opens can reach it. So a request must carry the per-installation
secret, name a loopback host (a DNS-rebinding page names its own), come from no web page
(browsers send ``Origin`` and ``Sec-Fetch-Site``), stay small, and not flood.
Each check is a small pure function so it can be tested on its own.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from hubcall_desktop.core.secret import Secret

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
CROSS_SITE_FETCHES = frozenset({"cross-site", "same-site"})
_BEARER = re.compile(r"Bearer[ \t]+(\S+)[ \t]*", re.IGNORECASE)
_PORT = re.compile(r"[0-9]{1,5}")


class Refusal(Exception):
    """A request the webhook answers with a 4xx: ``status`` and a sentence safe to show
    and to log (it never quotes the secret)."""

    def __init__(
        self,
        status: int,
        reason: str,
        field: str | None = None,
        *,
        retry_after: float | None = None,
        budget: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.field = field
        self.retry_after = retry_after
        self.budget = budget  # whose rate limit ran out, when not the client's own


def check_host(host_header: str | None) -> None:
    """The ``Host`` header must name loopback; a DNS-rebinding page names its own domain."""
    if not host_header:
        raise Refusal(400, "the Host header is missing")
    name = _host_name(host_header.strip())
    if name is None or name.lower() not in LOOPBACK_NAMES:
        raise Refusal(
            403, "the Host header does not name this computer (localhost, 127.0.0.1 or [::1])"
        )


def check_request_target(target: str) -> None:
    """The request line names a path (``/v1/events``). The absolute form a proxy would get
    (``http://host/v1/events``) is taken only when it names this computer too."""
    if target.startswith("/"):
        return
    scheme, sep, rest = target.partition("://")
    if not sep or scheme.lower() != "http":
        raise Refusal(400, "the request target must be a path such as /v1/events")
    check_host(rest.split("/", 1)[0].split("?", 1)[0] or None)


def _host_name(host: str) -> str | None:
    """``[::1]:47831`` → ``::1``; ``localhost:47831`` → ``localhost``; ``None`` if malformed."""
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return None
        name, rest = host[1:end], host[end + 1 :]
        if rest and not (rest.startswith(":") and _PORT.fullmatch(rest[1:])):
            return None
        try:
            ipaddress.IPv6Address(name)
        except ValueError:
            return None
        return name
    name, sep, port = host.partition(":")
    if sep and not _PORT.fullmatch(port):
        return None
    return name


def check_not_from_browser(headers: Mapping[str, str]) -> None:
    """Refuse anything a web page sent: browsers add ``Origin`` to cross-origin and to all
    POST requests, and ``Sec-Fetch-Site`` to everything; scripts and softphones add neither."""
    if "Origin" in headers:
        raise Refusal(403, "requests from web pages (with an Origin header) are not accepted")
    site = headers.get("Sec-Fetch-Site", "").strip().lower()
    if site in CROSS_SITE_FETCHES:
        raise Refusal(403, "requests from web pages (cross-site fetches) are not accepted")


def bearer_token(authorization: str | None) -> str | None:
    """The token of ``Authorization: Bearer <token>``; ``None`` when there is none."""
    if authorization is None:
        return None
    match = _BEARER.fullmatch(authorization.strip())
    if match is None:
        raise Refusal(401, "the Authorization header must be 'Bearer <secret>'")
    return match.group(1)


def secret_matches(candidate: str, secret: Secret) -> bool:
    """Constant-time comparison, so timing does not tell how much of a guess was right."""
    return hmac.compare_digest(candidate.encode("utf-8"), secret.reveal().encode("utf-8"))


def check_secret(authorization: str | None, token_param: str | None, secret: Secret) -> None:
    """The secret comes as ``Authorization: Bearer`` or as a ``token`` query parameter
    (for softphones that can only open a URL). If both are given, both must be right."""
    candidates = [c for c in (bearer_token(authorization), token_param) if c is not None]
    if not candidates:
        raise Refusal(401, "the webhook secret is missing (Authorization: Bearer or ?token=)")
    # Compare every candidate (no short-circuit), then decide.
    results = [secret_matches(c, secret) for c in candidates]
    if not all(results):
        raise Refusal(401, "the webhook secret is wrong")


def check_body_size(content_length: int | None, limit: int) -> None:
    if content_length is not None and content_length > limit:
        raise Refusal(413, f"the body is larger than {limit} bytes")


def check_json_content_type(content_type: str) -> None:
    """POST bodies must say they are JSON; a browser form cannot send that without CORS."""
    if content_type.split(";", 1)[0].strip().lower() != "application/json":
        raise Refusal(415, "send the event as JSON with Content-Type: application/json")


def parse_query(raw_query: str, max_fields: int) -> dict[str, str]:
    """Query parameters as softphones write them. Unlike ``parse_qsl`` a ``+`` stays a
    plus: softphones substitute numbers unencoded, and ``+4930...`` must keep its plus.
    Repeated names and undecodable bytes are refused rather than guessed at."""
    params: dict[str, str] = {}
    if not raw_query:
        return params
    parts = raw_query.split("&")
    if len(parts) > max_fields:
        raise Refusal(400, f"more than {max_fields} query parameters")
    for part in parts:
        if not part:
            continue
        raw_name, _, raw_value = part.partition("=")
        try:
            name = unquote(raw_name, errors="strict")
            value = unquote(raw_value, errors="strict")
        except UnicodeDecodeError:
            raise Refusal(400, "a query parameter is not valid UTF-8") from None
        if name in params:
            raise Refusal(400, f"the query parameter {name[:40]!r} is given twice", name[:40])
        params[name] = value
    return params


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client: ``burst`` requests at once, then ``rate`` per second.

    Written here rather than taken from a library: the ones on PyPI (aiolimiter, ...)
    make callers wait for capacity, while a webhook must answer 429 at once.
    """

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 1024,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate and burst must be positive")
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, client: str) -> float:
        """Take one request's worth; ``0.0`` if allowed, else seconds until one is free."""
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            bucket = _Bucket(tokens=float(self.burst), updated=now)
            self._buckets[client] = bucket
            if len(self._buckets) > self._max_clients:
                self._buckets.popitem(last=False)  # forget the longest-unused client
        self._buckets.move_to_end(client)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.rate


class FloodLog:
    """Says when to log refusals of a flooding client: at the first, then at most once
    per ``interval`` seconds with the count, so a runaway script does not fill the log."""

    def __init__(self, interval: float = 10.0) -> None:
        self.interval = interval
        self._since: dict[str, tuple[float, int]] = {}  # client -> (last logged, refused since)

    def refused(self, client: str, now: float) -> int | None:
        """Count a refusal; the number to log now, or ``None`` to stay quiet."""
        last, count = self._since.get(client, (None, 0))
        count += 1
        if last is not None and now - last < self.interval:
            self._since[client] = (last, count)
            return None
        if len(self._since) > 1024:
            self._since.clear()
        self._since[client] = (now, 0)
        return count
