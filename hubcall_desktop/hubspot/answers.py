"""Reading HubSpot's answers with a size cap, so no answer can blow up memory.

The body is read raw and inflated here, chunk by chunk, with zlib's ``max_length``: a
gzip bomb (a small body that inflates to gigabytes) stops at the cap like a plain huge
body. httpx's own decoders inflate each network chunk whole, without a bound, which is
why this is not left to them. Only the encodings we ask for are read (gzip, deflate).
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass

import httpx

logger = logging.getLogger(__name__)

# Inbound-call answers list a handful of caller matches (a few KiB); account details are
# smaller still. Anything past this is not an answer we can use.
MAX_ANSWER_BYTES = 1024 * 1024
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True, slots=True)
class Answer:
    """A status, its headers, and the body when it was whole, readable and within the cap
    (``None`` otherwise, with ``problem`` saying why)."""

    status: int
    headers: httpx.Headers
    body: bytes | None
    problem: str = ""


class _TooLarge(Exception):
    pass


async def read_answer(response: httpx.Response, limit: int = MAX_ANSWER_BYTES) -> Answer:
    """Read ``response`` (opened with ``client.stream``) up to ``limit`` decoded bytes."""
    if response.is_stream_consumed:
        # A transport that hands over a complete answer (httpx.MockTransport) leaves it
        # read and decoded already: nothing to stream or inflate, only the cap to check.
        data = response.content
        if len(data) > limit:
            return Answer(response.status_code, response.headers, None, _too_large(limit))
        return Answer(response.status_code, response.headers, data)
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and encoding == "identity" and int(length) > limit:
        return Answer(response.status_code, response.headers, None, _too_large(limit))
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    elif encoding == "identity":
        inflater = None
    else:
        return Answer(response.status_code, response.headers, None, f"encoded as {encoding}")
    body = bytearray()
    try:
        async for raw in response.aiter_raw():
            if inflater is None:
                _append(body, raw, limit)
            else:
                _inflate(inflater, body, raw, limit)
        if inflater is not None:
            _append(body, inflater.flush(), limit)
    except _TooLarge:
        return Answer(response.status_code, response.headers, None, _too_large(limit))
    except zlib.error:
        return Answer(response.status_code, response.headers, None, "badly compressed")
    return Answer(response.status_code, response.headers, bytes(body))


def _inflate(inflater: zlib._Decompress, body: bytearray, raw: bytes, limit: int) -> None:
    data = raw
    while data:
        # Never more than one byte past the cap per step, however much ``data`` inflates to.
        _append(body, inflater.decompress(data, limit + 1 - len(body)), limit)
        data = inflater.unconsumed_tail


def _append(body: bytearray, data: bytes, limit: int) -> None:
    if len(body) + len(data) > limit:
        raise _TooLarge
    body.extend(data)


def _too_large(limit: int) -> str:
    return f"larger than {limit // 1024} KiB"
