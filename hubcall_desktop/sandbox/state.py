"""What the sandbox's routes share: accepted tokens, rate limits, faults, the request log
and the clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox.contacts import ContactBook
from hubcall_desktop.sandbox.faults import FaultPlan
from hubcall_desktop.sandbox.ratelimit import RateLimiter
from hubcall_desktop.sandbox.recording import RequestLog


@dataclass(slots=True)
class SandboxState:
    tokens: frozenset[Secret]
    expired_tokens: frozenset[Secret]
    limiter: RateLimiter
    faults: FaultPlan = field(default_factory=FaultPlan)
    log: RequestLog = field(default_factory=RequestLog)
    # Tokens of other portals (agencies serve several): token -> portal id. Every other
    # accepted token is the sandbox portal's (SANDBOX_PORTAL_ID).
    token_portals: dict[Secret, int] = field(default_factory=dict)
    # Private-app tokens (also in ``tokens``): accepted only on the versions whose published
    # description lists private apps. Every other accepted token is an OAuth access token.
    private_app_tokens: frozenset[Secret] = frozenset()
    # The scopes a token was granted, where a test narrows them; absent: every scope the
    # inbound-call operation accepts.
    token_scopes: dict[Secret, frozenset[str]] = field(default_factory=dict)
    # Monotonic seconds for token expiry; the server passes its clock so tests move time.
    clock: Callable[[], float] = time.monotonic
    contacts: ContactBook = field(default_factory=ContactBook)  # created through the API

    def reset(self) -> None:
        """Forget requests, pending faults, rate-limit counts and created contacts."""
        self.faults.clear()
        self.log.clear()
        self.limiter.reset()
        self.contacts.clear()


STATE = web.AppKey("hubcall_sandbox_state", SandboxState)
