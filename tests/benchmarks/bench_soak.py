"""The long soak: thousands of calls through the real app, with its memory, latency and
journal over time. Inside the private desktop session (it needs the X server and keyring):

    HUBCALL_TEST_PYTHON=.venv/bin/python bash tests/session.sh \\
        tests/benchmarks/bench_soak.py -m benchmark -s            # 10,000 calls
    HUBCALL_TEST_SOAK_ARGS="--calls 3000" HUBCALL_TEST_PYTHON=... # fewer, or other options
    ... or, in a session shell: python tests/benchmarks/bench_soak.py --calls 10000

The same rig as tests/e2e/test_soak.py: the installed ``hubcall-desktop`` on its own data
folder (not the demo), ``hubcall-desktop sandbox`` as HubSpot (100 requests per 10 s, as a
private app gets; each call costs two: the lookup and the log), the token in the keyring,
calls through the webhook and, for a share of them, sipp through two baresips; auto-log
after a second logs every call. Calls are fed at a pace HubSpot's limit can follow
(``--events-per-s``), so the outbox does not pile up and memory shows what calls leave
behind, not a growing queue.

Printed:
- start-up: process start → main window mapped on the X server, and → webhook answering;
- pop-ups (``--popups`` calls before the soak, on an idle app): webhook POST (ringing) →
  the pop-up window mapped, p50/p95;
- every ``--sample-every`` calls: the app's VmRSS (/proc), journal and -wal sizes, and the
  webhook's POST → 202 latency in that stretch (the app has no loop-lag probe, so its
  event loop's lag shows here: a 202 is sent from the loop, after the journal write);
- the targets, each OK or MISSED: alive at the end, every 202-accepted event in
  ``history --json``, each logged call received by HubSpot exactly once, RSS growth after
  warm-up (the first ``--warm-up`` calls) at most 10 MiB per 1,000 calls (least-squares
  slope over the samples). The exit status is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

E2E = Path(__file__).resolve().parents[1] / "e2e"
sys.path.insert(0, str(E2E))

import httpx  # noqa: E402
from soak_calls import Feed, feed_baresip, feed_webhook, percentiles  # noqa: E402
from soak_checks import expected_calls, problems  # noqa: E402
from soak_driver import Rig, missing_tools, running_rig, settle  # noqa: E402
from xmaps import MapWatcher, shown  # noqa: E402

PROBE = Path(__file__).resolve().with_name("soak_probe.py")
RSS_TARGET_MIB_PER_1000 = 10.0
POPUP_TITLE = "Incoming call"
MAIN_TITLE = "HubCall Desktop"
MAX_POPUPS_SHOWN = 3  # the app shows at most three; more calls wait for room


@dataclass
class Sample:
    calls: int
    elapsed_s: float
    rss_kib: int
    journal: int
    wal: int
    latency: str


@dataclass
class Samples:
    rig: Rig
    every: int
    began: float = field(default_factory=time.monotonic)
    rows: list[Sample] = field(default_factory=list)
    seen_latencies: int = 0
    probe: Path | None = None  # the debug wrapper's output, with --probe

    def take(self, calls: int, feed: Feed) -> None:
        if self.probe is not None:  # the debug wrapper counts what is alive
            assert self.rig.app.process is not None
            os.kill(self.rig.app.process.pid, signal.SIGUSR1)
        journal, wal = self.rig.app.journal_bytes()
        window = feed.latencies_ms[self.seen_latencies :]
        self.seen_latencies = len(feed.latencies_ms)
        row = Sample(
            calls,
            time.monotonic() - self.began,
            self.rig.app.rss_kib(),
            journal,
            wal,
            percentiles(window),
        )
        self.rows.append(row)
        print(
            f"{row.calls:>7} {row.elapsed_s:>8.0f} {row.rss_kib / 1024:>8.1f} "
            f"{row.journal / 1024:>9.0f} {row.wal / 1024:>8.0f}   {row.latency}",
            flush=True,
        )


def slope_mib_per_1000(rows: list[Sample], warm_up: int) -> float | None:
    """Least-squares RSS slope over the samples after warm-up, in MiB per 1,000 calls."""
    points = [(r.calls, r.rss_kib / 1024) for r in rows if r.calls >= warm_up]
    if len(points) < 2:
        return None
    xs, ys = zip(*points, strict=True)
    return statistics.linear_regression(xs, ys).slope * 1000


async def popup_latencies(rig: Rig, watcher: MapWatcher, count: int) -> list[float]:
    """Ring ``count`` calls one by one; the time from each POST to its pop-up's MapNotify.
    A call ends right after its pop-up shows; auto-log then closes it."""
    latencies: list[float] = []
    headers = {"Authorization": f"Bearer {rig.secret}"}
    async with httpx.AsyncClient(base_url=rig.webhook_url, headers=headers, timeout=30) as web:
        for _ in range(count):
            # At most three pop-ups show; a fourth call's would wait for room.
            room = await asyncio.to_thread(
                watcher.wait_until,
                lambda events: len(shown(events, POPUP_TITLE)) < MAX_POPUPS_SHOWN,
            )
            if not room:
                raise RuntimeError("the pop-ups never closed")
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


def _spread(args: argparse.Namespace, baresip_calls: int) -> float:
    """Seconds between SIP calls so they last as long as the webhook calls (about 2.6
    events a call, at the paced rate), minus the half second a SIP call takes."""
    if not baresip_calls:
        return 0.0
    webhook_s = (args.calls - baresip_calls) * 2.6 / float(args.events_per_s)
    return max(0.0, float(webhook_s / baresip_calls) - 0.5)


async def soak(
    rig: Rig, args: argparse.Namespace, folder: Path
) -> tuple[Feed, list[dict[str, Any]], list[str]]:
    feed = Feed()
    samples = Samples(rig, args.sample_every, probe=rig.extra.get("probe"))
    baresip_calls = round(args.calls * args.baresip_share)
    print("\n  calls  elapsed   RSS MiB  journal KiB  wal KiB   webhook POST -> 202 in the stretch")
    samples.take(0, feed)
    feed.on_done = lambda n: samples.take(n, feed) if n % args.sample_every == 0 else None
    await asyncio.gather(
        feed_webhook(
            rig.webhook_url,
            rig.secret,
            feed,
            calls=args.calls - baresip_calls,
            lines=args.lines,
            events_per_s=args.events_per_s,
        ),
        feed_baresip(
            rig.manual,
            rig.auto,
            folder / "sipp",
            feed,
            calls=baresip_calls,
            tag="b",
            gap_s=_spread(args, baresip_calls),
        ),
    )
    fed = time.monotonic()
    history, logged = await settle(
        rig, expected_calls(feed) + args.popups, guard_s=120 + expected_calls(feed) / 4
    )
    print(f"fed in {fed - samples.began:.0f} s; all logged {time.monotonic() - fed:.0f} s later")
    samples.take(feed.done, feed)
    rig.extra["samples"] = samples
    return feed, history, logged


def run(args: argparse.Namespace, folder: Path) -> int:
    display = os.environ.get("DISPLAY", "")
    watcher_box: list[MapWatcher] = []
    probe = folder / "probe.jsonl"
    with running_rig(
        folder,
        before_start=lambda: watcher_box.append(MapWatcher(display)),
        app_command=[sys.executable, str(PROBE)] if args.probe else None,
        app_env_extra={"HUBCALL_TEST_SOAK_PROBE_OUT": str(probe)},
    ) as rig:
        if args.probe:
            rig.extra["probe"] = probe
        watcher = watcher_box[0]
        webhook_ready = rig.app.listening_at - rig.app.started_at
        window = watcher.wait_for(MAIN_TITLE, after=rig.app.started_at)
        mapped = f"{(window.at - rig.app.started_at) * 1000:.0f} ms" if window else "never"
        print(
            f"start-up: main window mapped after {mapped}; "
            f"webhook port open after {webhook_ready * 1000:.0f} ms"
        )
        popups = asyncio.run(popup_latencies(rig, watcher, args.popups))
        print(f"webhook POST (ringing) -> pop-up mapped: {percentiles(popups)}")
        watcher.close()
        feed, history, logged = asyncio.run(soak(rig, args, folder))
        alive = rig.app.alive()
        status = rig.app.stop() if alive else None
        found = problems(feed, history, logged, rig.app.stderr())
    samples: Samples = rig.extra["samples"]
    slope = slope_mib_per_1000(samples.rows, args.warm_up)
    first, last = samples.rows[0], samples.rows[-1]
    print(
        f"RSS {first.rss_kib / 1024:.1f} -> {last.rss_kib / 1024:.1f} MiB over {last.calls} calls; "
        f"journal {last.journal / 1024:.0f} KiB + wal {last.wal / 1024:.0f} KiB; "
        f"webhook POST -> 202 over the run: {percentiles(feed.latencies_ms)}; retried {feed.retried}"
    )
    lost = [p for p in found if "missing from history" in p or "not in history" in p]
    twice = [p for p in found if "more than once" in p or "never received" in p]
    targets = {
        "alive at the end": alive and status == 0,
        f"every 202-accepted event in history ({len(feed.accepted)} events)": not lost,
        f"each logged call received exactly once ({len(set(logged))} calls)": not twice,
        f"RSS growth after {args.warm_up} calls: "
        + (f"{slope:.2f} MiB per 1,000 calls" if slope is not None else "too few samples")
        + f" (target <= {RSS_TARGET_MIB_PER_1000:g})": slope is not None
        and slope <= RSS_TARGET_MIB_PER_1000,
        "nothing else wrong": not found,
    }
    if args.probe:
        print_growth(probe, samples.rows, args.warm_up)
    for problem in found:
        print(f"  problem: {problem[:2000]}")
    for name, ok in targets.items():
        print(f"{'OK    ' if ok else 'MISSED'}  {name}")
    return 0 if all(targets.values()) else 1


def print_growth(probe: Path, rows: list[Sample], warm_up: int) -> None:
    """What grew between the first sample after warm-up and the last (the probe writes one
    line per sample, in order)."""
    lines = [json.loads(t) for t in probe.read_text().splitlines()] if probe.exists() else []
    if len(lines) != len(rows):
        print(f"probe: {len(lines)} lines for {len(rows)} samples; no comparison")
        return
    start = next((i for i, r in enumerate(rows) if r.calls >= warm_up), 0)
    before, after = lines[start], lines[-1]
    calls = rows[-1].calls - rows[start].calls
    print(
        f"live objects after {rows[start].calls} calls: {before['objects']}, "
        f"after {rows[-1].calls}: {after['objects']}; Qt then {before['qt']}, now {after['qt']}"
    )
    grown = Counter(after["types"])
    grown.subtract(before["types"])
    print("types that grew most (count, per 1,000 calls):")
    for name, delta in grown.most_common(15):
        if delta > 0:
            print(f"  {name:<60} +{delta:<8} {delta * 1000 / max(calls, 1):.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--baresip-share", type=float, default=0.05)
    parser.add_argument("--sample-every", type=int, default=250)
    parser.add_argument("--warm-up", type=int, default=1000)
    parser.add_argument("--popups", type=int, default=50)
    parser.add_argument("--lines", type=int, default=4, help="webhook calls at once")
    parser.add_argument(
        "--events-per-s", type=float, default=11.0, help="webhook events a second, in total"
    )
    parser.add_argument(
        "--probe",
        action="store_true",
        help="start the app through soak_probe.py and "
        "print which kinds of objects grew (costs a pause at each sample)",
    )
    parser.add_argument("--dir", type=Path, help="keep the run's files here (default: temp)")
    args = parser.parse_args(argv)
    if os.environ.get("HUBCALL_TEST_SESSION") != "1":
        raise SystemExit("run it inside the private desktop session: bash tests/session.sh ...")
    missing = missing_tools()
    if missing:
        raise SystemExit(f"needs {' and '.join(missing)} (apt-get install baresip-core sip-tester)")
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        return run(args, args.dir)
    with tempfile.TemporaryDirectory(prefix="hubcall-soak-") as folder:
        return run(args, Path(folder))


@pytest.mark.benchmark
@pytest.mark.timeout(6 * 3600)
def test_soak_benchmark() -> None:
    """10,000 calls (or what ``HUBCALL_TEST_SOAK_ARGS`` says, e.g. ``--calls 3000``), in
    its own process; it prints as it goes."""
    extra = shlex.split(os.environ.get("HUBCALL_TEST_SOAK_ARGS", ""))
    done = subprocess.run([sys.executable, __file__, *extra], check=False, timeout=6 * 3600)
    assert done.returncode == 0


if __name__ == "__main__":
    sys.exit(main())
