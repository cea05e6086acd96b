"""How soon a real call reaches the lifecycle: prints numbers, asserts nothing.

    python tests/benchmarks/bench_baresip.py [--calls 30]

A real baresip (ctrl_tcp) and a real caller (sipp) on loopback, as in the end-to-end
tests. For each call sipp rings and gives up shortly after; the baresip client turns
baresip's CALL_INCOMING into a *ringing* event and the lifecycle makes it a new call.

Printed, per call and as p50/p99/max:
- INVITE → ringing: from sipp's INVITE (the time its message trace gives it) to the moment
  the lifecycle produced the new ringing call (both wall clock, microseconds). sipp
  stamps a message just after sending it, so this reads a little low, by the time sipp
  takes to log (a few tens of microseconds; a call can even show a tiny negative figure);
- CALL_INCOMING → ringing: from the moment the client read baresip's CALL_INCOMING frame to
  the same moment (parsing, mapping and the lifecycle).
Needs the ``baresip`` and ``sipp`` binaries.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from datetime import datetime
from pathlib import Path

SIP_DIR = Path(__file__).resolve().parents[1] / "e2e" / "sip"
sys.path.insert(0, str(SIP_DIR))

from sipharness import Baresip, run_sipp, tools_missing  # noqa: E402

from hubcall_desktop.core.call import utc_now  # noqa: E402
from hubcall_desktop.core.events import CallEvent  # noqa: E402
from hubcall_desktop.core.lifecycle import CallLifecycle, Outcome  # noqa: E402
from hubcall_desktop.sources.baresip import Backoff, BaresipClient  # noqa: E402
from hubcall_desktop.sources.baresip_wire import BaresipEndpoint  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):.3f}  p99 {percentile(values, 0.99):.3f}  "
        f"min {min(values):.3f}  max {max(values):.3f} ms  ({len(values)} calls)"
    )


async def main(calls: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-baresip-") as tmp:
        folder = Path(tmp)
        softphone = Baresip(folder / "baresip")
        softphone.start()
        lifecycle = CallLifecycle()
        rang: dict[str, tuple[datetime, datetime]] = {}  # call id -> (frame read, ringing)
        ended: asyncio.Queue[str] = asyncio.Queue()

        async def on_event(event: CallEvent) -> None:
            transition = lifecycle.apply(event)
            if transition.outcome is Outcome.NEW_RINGING and event.source_call_id:
                rang[event.source_call_id] = (event.at, utc_now())
            if transition.closed and event.source_call_id:
                await ended.put(event.source_call_id)

        client = BaresipClient(
            BaresipEndpoint("127.0.0.1", softphone.ctrl_port),
            on_event,
            region="DE",
            backoff=Backoff(initial=0.02, maximum=0.2),
        )
        client.start()
        try:
            await asyncio.wait_for(client.wait_connected(), 30)
            invite_to_ringing: list[float] = []
            frame_to_ringing: list[float] = []
            for n in range(calls):
                call_id = f"bench-{n}@sipp.test"
                result = await run_sipp(
                    "cancel.xml", softphone, folder, pause_ms=50, call_id=call_id
                )
                await asyncio.wait_for(ended.get(), 30)
                if result.returncode != 0 or result.invite_sent_at is None:
                    print(f"call {n}: sipp failed ({result.returncode})\n{result.output}")
                    continue
                read_at, ringing_at = rang[call_id]
                invite_to_ringing.append(
                    (ringing_at - result.invite_sent_at).total_seconds() * 1000
                )
                frame_to_ringing.append((ringing_at - read_at).total_seconds() * 1000)
        finally:
            await client.stop()
            softphone.stop()
    print(f"INVITE on the wire -> ringing call:         {summary(invite_to_ringing)}")
    print(f"CALL_INCOMING frame read -> ringing call:  {summary(frame_to_ringing)}")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    missing = tools_missing()
    if missing:
        raise SystemExit(f"needs {' and '.join(missing)} (apt-get install baresip-core sip-tester)")
    asyncio.run(main(args.calls))


if __name__ == "__main__":
    cli()
