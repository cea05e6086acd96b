"""A compressed answer that first inflates to most of the cap, then turns into a bomb: the
bomb's piece is inflated only as far as the room left under the cap, so memory stays near
the cap whatever came before. The pieces arrive exactly as set here, through httpx's own
streaming response (a network would cut them wherever it liked)."""

from __future__ import annotations

import tracemalloc
import zlib
from collections.abc import AsyncIterator

import httpx

from hubcall_desktop.hubspot.answers import read_answer

MIB = 1024 * 1024
LIMIT = 4 * MIB


class _Pieces(httpx.AsyncByteStream):
    def __init__(self, *pieces: bytes) -> None:
        self._pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece


def _gzip_pieces() -> tuple[bytes, bytes]:
    """2 MiB of answer in the first piece; 64 MiB more squeezed into the second."""
    packer = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    first = packer.compress(bytes(2 * MIB)) + packer.flush(zlib.Z_SYNC_FLUSH)
    second = b"".join(packer.compress(bytes(MIB)) for _ in range(64)) + packer.flush()
    return first, second


async def test_a_bomb_after_most_of_the_cap_inflates_only_into_the_room_left() -> None:
    first, second = _gzip_pieces()
    response = httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, stream=_Pieces(first, second)
    )
    tracemalloc.start()
    try:
        answer = await read_answer(response, limit=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (answer.body, answer.problem) == (None, "larger than 4096 KiB")
    # The 2 MiB read so far plus at most the 2 MiB left, and zlib's working buffers (about
    # 6 MiB in all): not the bomb's next 4 MiB on top (about 14 MiB).
    assert peak < 2 * LIMIT, f"peak {peak / MIB:.1f} MiB"


async def test_an_answer_just_under_the_cap_in_two_pieces_is_read_whole() -> None:
    packer = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    first = packer.compress(bytes(3 * MIB)) + packer.flush(zlib.Z_SYNC_FLUSH)
    second = packer.compress(b"x" * (LIMIT - 3 * MIB)) + packer.flush()
    response = httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, stream=_Pieces(first, second)
    )
    answer = await read_answer(response, limit=LIMIT)
    assert answer.body is not None and len(answer.body) == LIMIT
    assert answer.body.endswith(b"x" * 10)
