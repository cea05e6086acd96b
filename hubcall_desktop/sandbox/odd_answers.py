"""The answers of ``odd_answer`` faults: what a broken proxy or a bad day at HubSpot sends.

A body that is not JSON, a huge one streamed without holding it in memory, a gzip bomb
(a small compressed body that inflates to ``size`` bytes), one that drips a byte at a
time, or a 3xx. Big bodies are generated chunk by chunk, so the sandbox stays small.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Iterator, Mapping

from aiohttp import web

from hubcall_desktop.sandbox.faults import Fault

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024


def apply_headers(answer: web.StreamResponse, fault: Fault | None) -> None:
    """Set the fault's extra headers on an answer not yet sent."""
    if fault is not None:
        for name, value in fault.headers:
            answer.headers[name] = value


async def odd_answer(
    request: web.Request, fault: Fault, base_headers: Mapping[str, str]
) -> web.StreamResponse:
    """Write the fault's odd answer (the caller has handled the request, or not for a 3xx)."""
    answer = web.StreamResponse(status=fault.answer_status)
    for name, value in base_headers.items():
        answer.headers[name] = value
    answer.headers["Content-Type"] = "application/json;charset=utf-8"
    if 300 <= fault.answer_status < 400:
        answer.headers["Location"] = "https://example.invalid/elsewhere"
    if fault.gzip:
        answer.headers["Content-Encoding"] = "gzip"
    apply_headers(answer, fault)
    await answer.prepare(request)
    chunks = _gzip(_plain(fault)) if fault.gzip else _plain(fault)
    for chunk in chunks:
        if fault.drip_seconds:
            for index in range(len(chunk)):
                await answer.write(chunk[index : index + 1])
                await asyncio.sleep(fault.drip_seconds)
        else:
            await answer.write(chunk)
            await asyncio.sleep(0)  # a bomb compresses to little: let the client read
    await answer.write_eof()
    return answer


def _plain(fault: Fault) -> Iterator[bytes]:
    """``body`` repeated up to ``size`` bytes (just ``body`` when ``size`` is 0)."""
    body = fault.body or b"x"
    total = fault.size or len(fault.body)
    if total == 0:
        return
    block = (body * (CHUNK // len(body) + 1))[:CHUNK]
    sent = 0
    while sent < total:
        piece = block[: min(CHUNK, total - sent)]
        sent += len(piece)
        yield piece


def _gzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Flushed per chunk, so the client gets bytes as they are made (a bomb arrives as a
    stream, the way a real one would), at a ratio of several hundred to one."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for chunk in chunks:
        yield packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    yield packer.flush()
