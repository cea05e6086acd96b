"""How the call journal holds up with 100,000 calls: prints timings, asserts nothing.

Not collected by the default test run (the file name does not start with ``test_``).
Run it either way:

    python tests/benchmarks/bench_journal.py [--calls 100000] [--dir FOLDER]
    pytest tests/benchmarks/bench_journal.py -m benchmark -s

Each query is run several times and the median is printed, with SQLite's query plan, so
a missing index shows up as ``SCAN calls`` where a ``SEARCH`` or index scan is expected.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction, SyncState
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.phone import PhoneNumber, PhoneNumberType
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.storage.journal import CallJournal

AGENT_LINE = PhoneNumber("+12025550143", PhoneNumberType.FIXED_LINE_OR_MOBILE, None, "US")
FIRST_NAMES = ["Anna", "Björn", "Chloé", "Dmitri", "Emeka", "Fatima", "Grace", "Hiro"]
LAST_NAMES = ["Müller", "Smith", "Okafor", "Tanaka", "García", "Novák", "Kowalski"]
STATES = [SyncState.LOGGED] * 90 + [SyncState.LOCAL] * 6 + [SyncState.DISCARDED] * 3
STATES += [SyncState.FAILED]  # about 1 %: the "failed" filter is a rare one


def make_calls(count: int, seed: int = 7) -> Iterator[Call]:
    rng = random.Random(seed)
    numbers = [
        PhoneNumber(f"+4930{rng.randrange(10**6, 10**7)}", PhoneNumberType.FIXED_LINE, None, "DE")
        for _ in range(5000)
    ]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(count):
        caller = rng.choice(numbers)
        rang = start + timedelta(seconds=i * 600 + rng.randrange(600))
        matches = []
        if rng.random() < 0.4:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            matches.append(
                CallerMatch(
                    "CONTACT",
                    ObjectCoordinates(rng.randrange(10**9), "0-1", 4242),
                    first_name=first,
                    last_name=last,
                    email=f"{first}.{last}{i}@example.com".lower(),
                )
            )
        yield Call(
            external_call_id=f"bench-{i:07d}",
            raw_from=caller.e164,
            raw_to=AGENT_LINE.e164,
            from_number=caller,
            to_number=AGENT_LINE,
            direction=Direction.INBOUND,
            source=CallSource.WEBHOOK,
            source_call_id=f"pbx-{i}",
            ringing_at=rang,
            answered_at=rang + timedelta(seconds=8),
            ended_at=rang + timedelta(seconds=8 + rng.randrange(900)),
            final_status=CallStatus.COMPLETED,
            notes=f"Call {i}: " + " ".join(rng.choices(["order", "invoice", "callback"], k=12)),
            matches=matches,
            sync_state=rng.choice(STATES),
            created_at=rang,
        )


def median_ms(action: Callable[[], Any], repeat: int = 7) -> float:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def plan(journal: CallJournal, query: str, params: tuple[object, ...] = ()) -> str:
    conn = journal._db.connection  # type: ignore[union-attr]  # a benchmark may peek
    rows = conn.execute(f"EXPLAIN QUERY PLAN {query}", params).fetchall()
    return " | ".join(str(row["detail"]) for row in rows)


def run(folder: Path, count: int) -> None:
    path = folder / "bench-journal.sqlite3"
    calls = list(make_calls(count))
    single, bulk = calls[:1000], calls[1000:]
    print(f"journal: {path}  ({count:,} calls)")

    with CallJournal(path) as journal:
        began = time.perf_counter()
        for call in single:
            journal.save_call(call)
        per_save = (time.perf_counter() - began) * 1000 / len(single)
        print(f"save_call, one commit (fsync) each : {per_save:8.3f} ms per call")
        began = time.perf_counter()
        for i in range(0, len(bulk), 1000):
            journal.save_calls(bulk[i : i + 1000])
        elapsed = time.perf_counter() - began
        print(f"save_calls, 1000 per transaction   : {len(bulk) / elapsed:8.0f} calls/s")

    began = time.perf_counter()
    journal = CallJournal(path)
    print(f"open (quick_check included)         : {(time.perf_counter() - began) * 1000:8.1f} ms")
    print(f"file size                           : {path.stat().st_size / 1e6:8.1f} MB")
    sample = calls[count // 2]
    checks: list[tuple[str, Callable[[], Any]]] = [
        ("list_calls, first page of 50", lambda: journal.list_calls(limit=50)),
        ("list_calls, page at offset 50,000", lambda: journal.list_calls(50, 50_000)),
        ("list_calls, last page", lambda: journal.list_calls(50, count - 50)),
        ("count_calls", lambda: journal.count_calls()),
        ("count_calls, state failed", lambda: journal.count_calls(sync_states={SyncState.FAILED})),
        ("list_calls, state failed", lambda: journal.list_calls(sync_states={SyncState.FAILED})),
        ("list_calls, state logged", lambda: journal.list_calls(sync_states={SyncState.LOGGED})),
        ("list_calls, search name", lambda: journal.list_calls(search="müller")),
        ("list_calls, search number", lambda: journal.list_calls(search="030 555")),
        ("list_calls, search without hit", lambda: journal.list_calls(search="zzzz")),
        ("count_calls, search name", lambda: journal.count_calls(search="müller")),
        ("get_call", lambda: journal.get_call(sample.external_call_id)),
        ("find_by_source", lambda: journal.find_by_source(CallSource.WEBHOOK, "pbx-77")),
        ("last_matches_for", lambda: journal.last_matches_for(sample.raw_from)),
    ]
    for label, action in checks:
        print(f"{label:<36}: {median_ms(action):8.2f} ms")
    order = "ORDER BY sort_at DESC, rowid DESC LIMIT 50"
    print("query plans:")
    print("  list    :", plan(journal, f"SELECT * FROM calls {order}"))
    print("  count   :", plan(journal, "SELECT count(*) FROM calls"))
    print(
        "  by state:",
        plan(journal, f"SELECT * FROM calls WHERE sync_state IN (?) {order}", ("failed",)),
    )
    print(
        "  number  :", plan(journal, f"SELECT * FROM calls WHERE remote_e164 = ? {order}", ("+1",))
    )
    print(
        "  source  :",
        plan(journal, "SELECT * FROM calls WHERE source = ? AND source_call_id = ?", ("a", "b")),
    )
    journal.close()


@pytest.mark.benchmark
def test_bench_journal(tmp_path: Path) -> None:
    run(tmp_path, 100_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="folder for the database (default: a temp one)")
    args = parser.parse_args()
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        run(args.dir, args.calls)
        return
    with tempfile.TemporaryDirectory(prefix="hubcall-bench-") as folder:
        run(Path(folder), args.calls)


if __name__ == "__main__":
    main()
