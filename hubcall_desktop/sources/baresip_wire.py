"""baresip's ctrl_tcp wire format and what its events mean for the call lifecycle.

ctrl_tcp frames JSON in netstrings (``<length>:<json>,``) both ways. Mapping, as baresip
1.0 behaves: ``CALL_INCOMING`` is *ringing*, ``CALL_ESTABLISHED`` *answered*,
``CALL_CLOSED`` *ended* with its ``param`` as the reason. A caller who gives up while
ringing closes with the same text as a hang-up after talking ("Connection reset by
peer"), which the lifecycle reads as MISSED because the call was never answered.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import MAX_ID_LENGTH, CallEvent, EndReason, EventKind, make_event
from hubcall_desktop.core.messages import Template

BARESIP_ENV = "HUBCALL_BARESIP"
MAX_FRAME_BYTES = 1024 * 1024  # baresip's own frames are a few hundred bytes
_EVENT_KINDS = {
    "CALL_INCOMING": EventKind.RINGING,
    "CALL_ESTABLISHED": EventKind.ANSWERED,
    "CALL_CLOSED": EventKind.ENDED,
}
_SIP_STATUS = re.compile(r"^([1-6][0-9]{2})\b")


# fmt: off
NEEDS_PORT = Template("problem.baresip_needs_port", "needs a port from 1 to 65535, e.g. 127.0.0.1:4444")
NOT_HOST_PORT = Template("problem.baresip_not_host_port", "not HOST:PORT, e.g. 127.0.0.1:4444")
# fmt: on


class FramingError(Exception):
    """The byte stream is not netstrings any more; the connection must be dropped."""


@dataclass(frozen=True, slots=True)
class BaresipEndpoint:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class CommandResult:
    ok: bool
    data: str


def parse_endpoint(text: str, field: str = "baresip") -> BaresipEndpoint:
    """``127.0.0.1:4444``, ``localhost:4444`` or ``[::1]:4444``."""
    raw = text.strip()
    host, port_text = "", ""
    if raw.startswith("["):
        host, _, rest = raw[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port_text = raw.rpartition(":")
    if not host or not re.fullmatch(r"[A-Za-z0-9.\-:]+", host):
        raise InputError(field, text, NOT_HOST_PORT())
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise InputError(field, text, NEEDS_PORT())
    return BaresipEndpoint(host, int(port_text))


def collect_endpoints(
    configured: Iterable[str], from_cli: Iterable[str], from_env: str | None
) -> list[BaresipEndpoint]:
    """Settings, then ``--baresip`` (repeatable), then ``HUBCALL_BARESIP`` (comma-separated):
    all of them, once each, in that order."""
    found: list[BaresipEndpoint] = []
    sources = (
        ("baresip_endpoints", list(configured)),
        ("--baresip", list(from_cli)),
        (BARESIP_ENV, [p for p in re.split(r"[,\s]+", from_env or "") if p]),
    )
    for field, texts in sources:
        for text in texts:
            endpoint = parse_endpoint(text, field)
            if endpoint not in found:
                found.append(endpoint)
    return found


# -- wire format -------------------------------------------------------------------------


def encode_netstring(payload: bytes) -> bytes:
    return str(len(payload)).encode("ascii") + b":" + payload + b","


async def read_netstring(reader: asyncio.StreamReader, limit: int = MAX_FRAME_BYTES) -> bytes:
    """One frame. Written here because no maintained asyncio netstring library exists;
    the format is three lines of code. Raises FramingError, or IncompleteReadError at EOF."""
    # The length is read a byte at a time so that garbage is noticed at its first byte
    # instead of after waiting for a colon that may never come.
    digits = b""
    while (byte := await reader.readexactly(1)) != b":":
        if not byte.isdigit() or len(digits) == 9:
            raise FramingError("bad frame length")
        digits += byte
    if not digits or (len(digits) > 1 and digits.startswith(b"0")):
        raise FramingError("bad frame length")
    length = int(digits)
    if length > limit:
        raise FramingError(f"frame of {length} bytes is over the limit")
    frame = await reader.readexactly(length + 1)
    if frame[-1:] != b",":
        raise FramingError("frame does not end with a comma")
    return frame[:-1]


def closed_reason(text: str) -> EndReason:
    """baresip's CALL_CLOSED ``param`` (an errno text or a SIP status) as a reason."""
    lowered = text.strip().lower()
    if "reset by peer" in lowered:
        return EndReason.HUNG_UP  # the caller hung up, or gave up while it rang
    if "reset by user" in lowered:
        return EndReason.REJECTED  # the agent ended it (declined, if not answered)
    if "timed out" in lowered or "timeout" in lowered:
        return EndReason.NO_ANSWER
    match = _SIP_STATUS.match(lowered)
    if match is None:
        return EndReason.UNKNOWN
    code = int(match.group(1))
    if code in (486, 600):
        return EndReason.BUSY
    if code == 603:
        return EndReason.REJECTED
    if code == 487:
        return EndReason.CANCELED
    if code in (408, 480):
        return EndReason.NO_ANSWER
    if 300 <= code < 400:
        return EndReason.FORWARDED
    return EndReason.HUNG_UP if code < 300 else EndReason.FAILED


def sip_user(uri: str) -> str:
    """``sip:+4930123456@127.0.0.1:5070;user=phone`` → ``+4930123456``."""
    body = re.sub(r"^\s*<?(?:sips?|tel):", "", uri, flags=re.IGNORECASE)
    return body.split("@", 1)[0].split(";", 1)[0].strip()


def map_event(message: Mapping[str, Any], at: datetime, region: str) -> CallEvent | None:
    """A baresip event as a lifecycle event; ``None`` for what is not an incoming call's
    ringing/answer/end (SDP events, registrations, outgoing calls)."""
    kind = _EVENT_KINDS.get(str(message.get("type", "")))
    if kind is None or message.get("class") != "call":
        return None
    if message.get("direction") != "incoming":
        return None
    call_id = str(message.get("id") or "") or None
    if call_id is not None and len(call_id) > MAX_ID_LENGTH:
        call_id = "sha256:" + hashlib.sha256(call_id.encode()).hexdigest()
    reason = closed_reason(str(message.get("param", ""))) if kind is EventKind.ENDED else None
    return make_event(
        kind,
        CallSource.BARESIP,
        source_call_id=call_id,
        raw_from=sip_user(str(message.get("peeruri", ""))),
        raw_to=sip_user(str(message.get("accountaor", ""))),
        at=at,
        reason=reason,
        region=region,
        lenient_numbers=True,  # a SIP user such as "alice" calling is a real call
    )
