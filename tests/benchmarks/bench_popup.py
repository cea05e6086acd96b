"""How fast a call pops up and how many calls at once are accepted, measured from outside
the real app: prints each figure beside its target, asserts nothing timed.

    HUBCALL_TEST_PYTHON=.venv/bin/python bash tests/session.sh \\
        tests/benchmarks/bench_popup.py -m benchmark -s
    HUBCALL_TEST_POPUP_ARGS="--rounds 5 --popups 80" ...         # other options
    ... or, in a session shell: python tests/benchmarks/bench_popup.py [options]

The installed ``hubcall-desktop`` on its own data folder (not the demo; ``--source DIR``
runs ``python -m hubcall_desktop`` from another source tree instead, e.g. an older commit
checked out with ``git worktree``, to compare before and after on the same machine),
HubSpot unreachable (its address is a loopback port nothing listens on, so nothing waits
for it), the webhook secret in the session's keyring, the X server watched by a client of
its own (tests/e2e/xmaps.py). Each round starts a fresh app and measures:

- pop-up: a webhook POST (ringing) -> the pop-up's X window mapped (MapNotify), one call
  after the other on an idle app, p50/p95 (target p50 <= 20 ms, p95 <= 35 ms). Each call
  ends right after its pop-up shows; auto-log (1 s) then queues it and the pop-up closes.
- burst: ``--burst`` ringing events spread evenly over one second, each its own call,
  from ten loopback addresses (the webhook lets one client send 40 at once, 20 a second:
  a single address could not send 200 in a second at all), each 202 awaited; the time
  from the first POST to the last 202 (target: all 202 within 1.5 s).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parents[1] / "e2e"
sys.path.insert(0, str(E2E))

import httpx  # noqa: E402
from soak_driver import App, Sandbox, _end, app_env, free_port  # noqa: E402
from xmaps import MapWatcher, shown  # noqa: E402

POPUP_TITLE = "Incoming call"
MAX_POPUPS_SHOWN = 3  # the app shows at most three; more calls wait for room
P50_TARGET_MS, P95_TARGET_MS = 20.0, 35.0
BURST_TARGET_S = 1.5
ADDRESSES = [f"127.0.0.{n}" for n in range(11, 21)]


@dataclass
class Round:
    popups_ms: list[float] = field(default_factory=list)
    burst_s: float = 0.0
    burst_statuses: Counter[int] = field(default_factory=Counter)
    burst_202_ms: list[float] = field(default_factory=list)  # each POST -> its 202


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def popup_latencies(url: str, secret: str, watcher: MapWatcher, count: int) -> list[float]:
    """Ring ``count`` calls one by one; the time from each POST to its pop-up's MapNotify."""
    latencies: list[float] = []
    headers = {"Authorization": f"Bearer {secret}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as web:
        for _ in range(count):
            room = await asyncio.to_thread(
                watcher.wait_until,
                lambda events: len(shown(events, POPUP_TITLE)) < MAX_POPUPS_SHOWN,
            )
            if not room:
                raise RuntimeError("the pop-ups never closed")
            await asyncio.sleep(0.2)  # an idle app: the last call's work is done
            body = {"call_id": f"popup-{uuid.uuid4()}", "from": "+493055501234"}
            sent = time.monotonic()
            answer = await web.post("/v1/events", json={"event": "ringing", **body})
            answer.raise_for_status()
            popup = await asyncio.to_thread(watcher.wait_for, POPUP_TITLE, after=sent)
            if popup is None:
                raise RuntimeError("a pop-up never appeared")
            latencies.append((popup.at - sent) * 1000)
            ended = {"event": "ended", "reason": "canceled", **body}
            (await web.post("/v1/events", json=ended)).raise_for_status()
    return latencies


async def burst(url: str, secret: str, count: int, result: Round) -> None:
    """``count`` ringing events over one second from ten addresses; every answer awaited."""
    headers = {"Authorization": f"Bearer {secret}"}
    clients = [
        httpx.AsyncClient(
            base_url=url,
            headers=headers,
            timeout=60,
            transport=httpx.AsyncHTTPTransport(local_address=address),
            limits=httpx.Limits(max_connections=count),
        )
        for address in ADDRESSES
    ]
    began = time.monotonic()
    answered: list[float] = []

    async def one(n: int) -> None:
        await asyncio.sleep(max(0.0, began + n / count - time.monotonic()))
        body = {"event": "ringing", "call_id": f"burst-{uuid.uuid4()}", "from": "+4930555012"}
        sent = time.monotonic()
        answer = await clients[n % len(clients)].post("/v1/events", json=body)
        done = time.monotonic()
        result.burst_statuses[answer.status_code] += 1
        result.burst_202_ms.append((done - sent) * 1000)
        answered.append(done)

    try:
        await asyncio.gather(*(one(n) for n in range(count)))
    finally:
        for client in clients:
            await client.aclose()
    result.burst_s = max(answered) - began


def one_round(folder: Path, args: argparse.Namespace) -> Round:
    env = app_env(folder)
    app = App(folder, env)
    if args.source is not None:
        app.env = {**env, "PYTHONPATH": str(args.source)}
        app.command = [sys.executable, "-m", "hubcall_desktop"]
    # The token is checked with HubSpot when saved: the sandbox plays it for that, then
    # stops, so its address is a loopback port nothing listens on any more.
    sandbox = Sandbox.start(env)
    try:
        app.configure(sandbox.base_url, free_port(), [])
    finally:
        sandbox.stop()
        if sandbox.process.stdout is not None:
            sandbox.process.stdout.close()
    watcher = MapWatcher(os.environ.get("DISPLAY", ""))
    result = Round()
    try:
        app.start()
        url, secret = app.webhook()
        asyncio.run(popup_latencies(url, secret, watcher, args.warm_up))
        result.popups_ms = asyncio.run(popup_latencies(url, secret, watcher, args.popups))
        asyncio.run(burst(url, secret, args.burst, result))
        if not app.alive():
            raise RuntimeError(f"the app died:\n{app.stderr()}")
    finally:
        watcher.close()
        if app.process is not None:
            _end(app.process)
    return result


def report(rounds: list[Round], burst: int) -> bool:
    """Prints each round and the figures beside their targets; False if a burst event was
    not accepted (a failure, not a missed speed target)."""
    print(f"\n{'round':>5}  {'pop-up p50':>10} {'p95':>7} {'max':>7}   burst: all answered  202s")
    for n, r in enumerate(rounds, 1):
        print(
            f"{n:>5}  {statistics.median(r.popups_ms):>8.1f}ms {percentile(r.popups_ms, 0.95):>5.1f}ms"
            f" {max(r.popups_ms):>5.1f}ms   {r.burst_s:>12.2f} s  "
            f"{r.burst_statuses[202]}/{burst} (POST->202 p50 "
            f"{statistics.median(r.burst_202_ms):.0f} ms, max {max(r.burst_202_ms):.0f} ms)"
        )
    every = [ms for r in rounds for ms in r.popups_ms]
    p50, p95 = statistics.median(every), percentile(every, 0.95)
    slowest = max(r.burst_s for r in rounds)
    accepted = all(r.burst_statuses[202] == burst for r in rounds)
    targets = [
        (f"pop-up mapped p50 {p50:.1f} ms (target <= {P50_TARGET_MS:g})", p50 <= P50_TARGET_MS),
        (f"pop-up mapped p95 {p95:.1f} ms (target <= {P95_TARGET_MS:g})", p95 <= P95_TARGET_MS),
        (
            f"{burst} ringing in 1 s: all 202 after {slowest:.2f} s at worst "
            f"(target <= {BURST_TARGET_S:g})",
            accepted and slowest <= BURST_TARGET_S,
        ),
    ]
    for name, ok in targets:
        print(f"{'OK    ' if ok else 'MISSED'}  {name}")
    if not accepted:
        print("burst answers:", [dict(r.burst_statuses) for r in rounds])
    return accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh app each round")
    parser.add_argument("--popups", type=int, default=40, help="measured pop-ups per round")
    parser.add_argument("--warm-up", type=int, default=5, help="pop-ups before measuring")
    parser.add_argument("--burst", type=int, default=200, help="ringing events in one second")
    parser.add_argument("--source", type=Path, help="run the app from this source tree")
    args = parser.parse_args(argv)
    if os.environ.get("HUBCALL_TEST_SESSION") != "1":
        raise SystemExit("run it inside the private desktop session: bash tests/session.sh ...")
    print(f"app: {args.source or 'the installed hubcall-desktop'}; {args.rounds} rounds")
    rounds = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="hubcall-popup-") as folder:
            rounds.append(one_round(Path(folder), args))
    return 0 if report(rounds, args.burst) else 1


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_popup_benchmark() -> None:
    """Runs in its own process (``HUBCALL_TEST_POPUP_ARGS`` adds options); it prints the
    figures beside their targets. Fails only if the benchmark could not run or a burst
    event was refused; speed targets are printed, never asserted."""
    extra = shlex.split(os.environ.get("HUBCALL_TEST_POPUP_ARGS", ""))
    done = subprocess.run([sys.executable, __file__, *extra], check=False, timeout=3600)
    assert done.returncode == 0


if __name__ == "__main__":
    sys.exit(main())
