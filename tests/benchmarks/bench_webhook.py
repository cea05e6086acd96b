"""How fast the loopback webhook accepts and journals events: prints numbers, asserts nothing.

    python tests/benchmarks/bench_webhook.py [--requests 2000] [--seconds 5] [--journal real]

1. Latency: one request after the other, each journaled before its 202 (ringing, answered,
   ended for a new call each time); p50/p90/p99/max as the client sees them.
2. Flood: a separate process (as a runaway script would be) sends as fast as it can over
   many connections for a few seconds, once with the default rate limit (mostly 429s)
   and once with it lifted (every request journaled). Meanwhile a ticker task on the
   server's loop measures how late it wakes up: the loop lag the UI would feel.

The journal is the project's SQLite journal (``--journal real``, the default when it can
be imported), a plain SQLite table written in a worker thread (``sqlite``), or memory.
Targets from the issue: p99 <= 5 ms; >= 500 requests/s with the loop lag <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

import aiohttp

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.events import CallEvent
from hubcall_desktop.core.lifecycle import CallLifecycle
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.connect import new_webhook_secret
from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

Sink = Callable[[CallEvent], Awaitable[str]]
NO_LIMIT = WebhookLimits(rate_per_second=1e9, burst=10**9)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):.2f}  p90 {percentile(values, 0.9):.2f}  "
        f"p99 {percentile(values, 0.99):.2f}  max {max(values):.2f} ms"
    )


# -- journals -------------------------------------------------------------------------------


class SqliteJournal:
    """The lifecycle, then one row per call written and committed in a worker thread."""

    def __init__(self, folder: Path) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1)
        self._db = sqlite3.connect(folder / "bench.sqlite3", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE calls (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
        self.lifecycle = CallLifecycle()
        self.name = "plain SQLite table (WAL) in a worker thread"

    def _save(self, call: Call) -> None:
        row = json.dumps(asdict(call), default=str)
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO calls VALUES (?, ?)", (call.external_call_id, row)
            )

    async def __call__(self, event: CallEvent) -> str:
        transition = self.lifecycle.apply(event)
        if transition.changed:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self._executor, self._save, transition.call)
        return transition.call.external_call_id

    async def close(self) -> None:
        self._executor.shutdown()
        self._db.close()


class RealJournal:
    """The project's journal (storage.async_journal), as the call desk uses it."""

    def __init__(self, journal: Any) -> None:
        self._journal = journal
        self.lifecycle = CallLifecycle()
        self.name = "the project's AsyncJournal (SQLite)"

    @classmethod
    async def open(cls, folder: Path) -> RealJournal:
        from hubcall_desktop.storage.async_journal import AsyncJournal

        return cls(await AsyncJournal.open(folder / "journal.sqlite3"))

    async def __call__(self, event: CallEvent) -> str:
        transition = self.lifecycle.apply(event)
        if transition.changed:
            await self._journal.save_call(transition.call)
        return transition.call.external_call_id

    async def close(self) -> None:
        await self._journal.close()


class MemoryJournal:
    def __init__(self) -> None:
        self.lifecycle = CallLifecycle()
        self.name = "memory (no disk)"

    async def __call__(self, event: CallEvent) -> str:
        return self.lifecycle.apply(event).call.external_call_id

    async def close(self) -> None:
        return None


async def open_journal(kind: str, folder: Path) -> Any:
    if kind == "real":
        try:
            return await RealJournal.open(folder)
        except ImportError as exc:
            print(f"(the project's journal cannot be imported: {exc}; using plain SQLite)")
            kind = "sqlite"
    if kind == "sqlite":
        return SqliteJournal(folder)
    return MemoryJournal()


# -- the measurements -----------------------------------------------------------------------


async def latency(url: str, secret: Secret, requests: int) -> list[float]:
    headers = {"Authorization": f"Bearer {secret.reveal()}"}
    times: list[float] = []
    async with aiohttp.ClientSession(url) as http:
        for i in range(requests):
            call, step = divmod(i, 3)
            body: dict[str, str] = {
                "event": ("ringing", "answered", "ended")[step],
                "call_id": f"lat-{call}",
                "from": "+4930123456",
            }
            if step == 2:
                body["reason"] = "hung-up"
            started = time.perf_counter()
            async with http.post("/v1/events", json=body, headers=headers) as answer:
                await answer.read()
                if answer.status != 202:
                    raise SystemExit(f"unexpected answer {answer.status}")
            times.append((time.perf_counter() - started) * 1000)
    return times


async def ticker(lags: list[float], stop: asyncio.Event, period: float = 0.005) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        expected = loop.time() + period
        await asyncio.sleep(period)
        lags.append(max(0.0, loop.time() - expected) * 1000)


async def flood(
    url: str, secret: Secret, seconds: float, connections: int
) -> tuple[dict[str, Any], list[float]]:
    """Run the flooding client in another process; tick on this loop meanwhile."""
    lags: list[float] = []
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(lags, stop))
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--flood-client",
        url,
        str(seconds),
        str(connections),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await child.communicate(secret.reveal().encode())  # the secret by pipe, not argv
    stop.set()
    await tick
    return json.loads(out), lags


async def flood_client(url: str, seconds: float, connections: int) -> None:
    secret = sys.stdin.read().strip()
    headers = {"Authorization": f"Bearer {secret}"}
    statuses: Counter[int] = Counter()
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=connections)

    async def worker(n: int) -> None:
        i = 0
        while time.perf_counter() < deadline:
            body = {"event": "ringing", "call_id": f"flood-{n}-{i}", "from": "+4930123456"}
            async with http.post("/v1/events", json=body, headers=headers) as answer:
                await answer.read()
                statuses[answer.status] += 1
            i += 1

    started = time.perf_counter()
    async with aiohttp.ClientSession(url, connector=connector) as http:
        await asyncio.gather(*(worker(n) for n in range(connections)))
    elapsed = time.perf_counter() - started
    print(json.dumps({"elapsed": elapsed, "statuses": dict(statuses)}))


async def main(args: argparse.Namespace) -> None:
    secret = new_webhook_secret()
    with tempfile.TemporaryDirectory(prefix="bench-webhook-") as tmp:
        journal = await open_journal(args.journal, Path(tmp))
        print(f"journal: {journal.name}")
        server = WebhookServer(journal, secret, port=0, limits=NO_LIMIT)
        await server.start()
        try:
            await latency(server.url, secret, 60)  # warm-up
            times = await latency(server.url, secret, args.requests)
            print(f"\nlatency, {len(times)} requests one after the other, each journaled:")
            print(f"  {summary(times)}   (target p99 <= 5 ms)")
            result, lags = await flood(server.url, secret, args.seconds, args.connections)
            report("flood with the rate limit lifted (every request journaled)", result, lags)
        finally:
            await server.stop()
        limited = WebhookServer(journal, secret, port=0)  # the default limits
        await limited.start()
        try:
            result, lags = await flood(limited.url, secret, args.seconds, args.connections)
            report("flood with the default rate limit (answered 429 past the burst)", result, lags)
        finally:
            await limited.stop()
        await journal.close()


def report(title: str, result: dict[str, Any], lags: list[float]) -> None:
    total = sum(result["statuses"].values())
    rate = total / result["elapsed"]
    print(f"\n{title}:")
    print(
        f"  {total} requests in {result['elapsed']:.1f} s = {rate:.0f} requests/s "
        f"(target >= 500); answers {result['statuses']}"
    )
    print(f"  loop lag ({len(lags)} ticks): {summary(lags)}   (target <= 50 ms)")


def cli() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--flood-client":
        url, seconds, connections = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
        asyncio.run(flood_client(url, seconds, connections))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--journal", choices=("real", "sqlite", "memory"), default="real")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main(parser.parse_args()))


if __name__ == "__main__":
    cli()
