"""How fast the desktop app reacts: prints timings, asserts nothing.

    python tests/benchmarks/bench_ui.py [--rings 200] [--history 100000]
    pytest tests/benchmarks/bench_ui.py -m benchmark -s

Measured, each against its target:
- a ringing call accepted -> its pop-up painted, with the journal's last match (p50 <= 20 ms,
  p99 <= 50 ms), and -> HubSpot's fresh matches painted, against the loopback sandbox
  (p95 <= 100 ms), 90 calls one after the other (under the 100-per-10-s rate limit);
- cold start to the main window shown, against a bare PySide6 window (<= 1.5x);
- the history over 100,000 journaled calls: first page shown (<= 200 ms), then scrolled to
  the end a screen at a time (the slowest frame says whether it stutters);
- the UI thread's event-loop lag while 200 calls ring within one second (<= 50 ms).

Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.events import EventKind, make_event
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox.seed import CONTACTS, DEMO_AGENT_NUMBER, SANDBOX_PORTAL_ID
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.ui.models.history_model import HistoryModel
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths
from hubcall_desktop.ui.windows.main_window import MainWindow
from hubcall_desktop.ui.windows.popup import CallPopup

ANNA = "+493055501234"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


class PaintWatch(QObject):
    """Records when a pop-up is first painted, and when it is painted after a mark."""

    def __init__(self) -> None:
        super().__init__()
        self.first_paint: dict[str, float] = {}
        self.after_mark: dict[str, float] = {}
        self.marks: dict[str, float] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, CallPopup):
                key = window.call_id
                now = time.perf_counter()
                self.first_paint.setdefault(key, now)
                if key in self.marks and key not in self.after_mark:
                    self.after_mark[key] = now
        return False


async def until(check: Callable[[], bool], seconds: float = 10.0) -> None:
    async with asyncio.timeout(seconds):
        while not check():  # noqa: ASYNC110 (polls a Qt widget property; no event to wait on)
            await asyncio.sleep(0.001)


def ring_event(number: str, call_id: str) -> object:
    return make_event(
        EventKind.RINGING,
        CallSource.DEMO,
        source_call_id=call_id,
        raw_from=number,
        raw_to=DEMO_AGENT_NUMBER,
        at=utc_now(),
        region="DE",
    )


async def bench_ring_to_popup(app: AppController, rings: int) -> None:
    qt = QApplication.instance()
    assert qt is not None and app.desk is not None
    watch = PaintWatch()
    qt.installEventFilter(watch)

    def mark(update: DeskUpdate) -> None:
        if update.kind is UpdateKind.MATCHES:
            watch.marks.setdefault(update.call.external_call_id, time.perf_counter())

    app.signals.updated.connect(mark)
    shown: list[float] = []
    fresh: list[float] = []
    for i in range(rings):
        started = time.perf_counter()
        call_id = await app.desk.handle_event(ring_event(ANNA, f"bench-{i}"))  # type: ignore[arg-type]
        key = call_id
        await until(lambda k=key: k in watch.first_paint and k in watch.after_mark)
        shown.append(watch.first_paint[key] - started)
        fresh.append(watch.after_mark[key] - started)
        app.popups.close(call_id)
    qt.removeEventFilter(watch)
    print(f"ring accepted -> pop-up painted (journal's last match), {rings} calls:")
    print(
        f"   p50 {ms(statistics.median(shown))}   p99 {ms(percentile(shown, 99))}   (targets 20 / 50 ms)"
    )
    print("ring accepted -> fresh matches painted (loopback sandbox):")
    print(
        f"   p50 {ms(statistics.median(fresh))}   p95 {ms(percentile(fresh, 95))}   (target p95 100 ms)"
    )


async def bench_burst_lag(app: AppController, calls: int = 200, spread_s: float = 1.0) -> None:
    assert app.desk is not None
    desk = app.desk
    lags: list[float] = []
    tick_ms = 10
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, now - last[0] - tick_ms / 1000))
        last[0] = now

    timer = QTimer()
    timer.setInterval(tick_ms)
    timer.timeout.connect(tick)
    timer.start()
    numbers = [f"+4930555{i:05d}" for i in range(calls)]
    started = time.perf_counter()

    async def one(i: int) -> None:
        await asyncio.sleep(i * spread_s / calls)
        await desk.handle_event(ring_event(numbers[i], f"burst-{i}"))  # type: ignore[arg-type]

    await asyncio.gather(*(one(i) for i in range(calls)))
    accepted = time.perf_counter() - started
    await asyncio.sleep(0.5)  # let lookups and pop-up updates settle while the timer runs
    timer.stop()
    print(f"{calls} calls ringing within {spread_s:g} s (all accepted in {accepted:.2f} s):")
    print(
        f"   event-loop lag p50 {ms(statistics.median(lags))}   p99 {ms(percentile(lags, 99))}   max {ms(max(lags))}   (target 50 ms)"
    )
    app.popups.close_all()


def history_calls(count: int, first: int = 0) -> list[Call]:
    agent = parse_phone(DEMO_AGENT_NUMBER)
    people = [c.to_match(SANDBOX_PORTAL_ID) for c in CONTACTS]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    calls = []
    for i in range(first, first + count):
        number = parse_phone(f"+4930{1000000 + i % 900000}", "DE")
        rang = start + timedelta(minutes=5 * i)
        calls.append(
            Call(
                external_call_id=f"hist-{i:07d}",
                raw_from=number.e164,
                raw_to=agent.e164,
                from_number=number,
                to_number=agent,
                source=CallSource.WEBHOOK,
                ringing_at=rang,
                answered_at=rang + timedelta(seconds=5),
                ended_at=rang + timedelta(seconds=5 + i % 900),
                final_status=CallStatus.COMPLETED,
                matches=[people[i % len(people)]] if i % 3 else [],
                sync_state=SyncState.LOGGED,
            )
        )
    return calls


async def bench_history(folder: Path, count: int) -> None:
    qt = QApplication.instance()
    assert qt is not None
    journal = await AsyncJournal.open(folder / "history.sqlite3", check_integrity=False)
    for first in range(0, count, 10_000):  # in chunks: the app never holds 100,000 calls
        await journal.save_calls(history_calls(min(10_000, count - first), first))
    model = HistoryModel("DE")
    window = MainWindow(model)
    window.resize(1100, 700)
    window.show()
    await asyncio.sleep(0.05)
    viewport = window.table.viewport()
    painted = PaintTimes()
    viewport.installEventFilter(painted)
    loaded_at: list[float] = []
    model.loaded.connect(lambda: loaded_at.append(time.perf_counter()))
    started = time.perf_counter()
    model.set_journal(journal)
    await until(lambda: bool(loaded_at) and painted.last > loaded_at[0])  # the rows painted
    opened = painted.last - started
    print(f"history over {count:,} calls: first page shown in {ms(opened)} (target 200 ms)")
    bar = window.table.verticalScrollBar()
    frames: list[float] = []
    scrolled = time.perf_counter()
    while model.rowCount() < count or bar.value() < bar.maximum():
        before = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        await until(lambda b=before: painted.last > b or model.canFetchMore())
        frames.append(time.perf_counter() - before)
        if bar.value() >= bar.maximum() and model.rowCount() < count:
            # At the bottom: the view asks for the next page, unless one was on its way when
            # it looked (then a further scroll would ask; do what that scroll would do).
            if model.canFetchMore():
                model.fetchMore()
            rows = model.rowCount()
            # More rows, or the view's layout caught up with rows that came already.
            await until(lambda r=rows: model.rowCount() > r or bar.value() < bar.maximum())
    print(
        f"   scrolled {len(frames):,} screens to row {model.rowCount():,} in {time.perf_counter() - scrolled:.1f} s:"
        f" frame p50 {ms(statistics.median(frames))}  p99 {ms(percentile(frames, 99))}  max {ms(max(frames))}"
    )
    viewport.removeEventFilter(painted)
    window.close()
    window.deleteLater()
    await journal.close()


class PaintTimes(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


# Both scripts print SHOWN once their window has been painted, as seen by an event filter
# on that window alone (a filter on the whole application would run for every event, and
# our window has many more objects than the bare one, so it would tax us unfairly).
BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QEvent, QObject
class W(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("SHOWN", flush=True); import os; os._exit(0)
        return False
app = QApplication(sys.argv[:1]); w = W()
win = QMainWindow(); win.resize(900, 600); win.installEventFilter(w); win.show(); app.exec()
"""

# Exactly what the `hubcall-desktop` command runs when started from the desktop's menu (no
# arguments; the platform's user folders, here pointed at a fresh one); the harness learns of the painted
# window by wrapping ui.first_paint.show_and_paint when that module is loaded.
APP = r"""
import importlib.abc, importlib.machinery, sys
class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "hubcall_desktop.ui.startup.first_paint":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            show = module.show_and_paint
            def shown(window):
                show(window)
                print("SHOWN", flush=True); import os; os._exit(0)
            module.show_and_paint = shown
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Hook())
import os
os.environ["XDG_DATA_HOME"] = os.environ["XDG_CONFIG_HOME"] = sys.argv[1]  # a fresh user
from hubcall_desktop.cli.main import main
main([])
"""


# As installed, Python keeps compiled bytecode: so do the measured runs (a warm-up run
# writes it), even where PYTHONDONTWRITEBYTECODE is set for the tests.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_to_shown(script: str, *args: str) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, env=CHILD_ENV
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - started
            child.wait(timeout=30)
            return elapsed
    child.wait(timeout=30)
    raise RuntimeError("the window was never shown")


def bench_cold_start(folder: Path, runs: int = 11) -> None:
    """Alternate the runs so a busy machine slows all alike; compare medians."""
    bare: list[float] = []
    ours: list[float] = []
    time_to_shown(BARE)  # warm-up: bytecode written, files in the page cache, for both
    time_to_shown(APP, str(folder / "cold-warm-up"))
    for i in range(runs):
        bare.append(time_to_shown(BARE))
        ours.append(time_to_shown(APP, str(folder / f"cold-{i}")))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"cold start to the window painted (median of {runs}, process start included):")
    print(
        f"   bare PySide6 window {ms(b)}   hubcall-desktop {ms(o)}   ratio {o / b:.2f}x (target 1.5x)"
    )
    print(
        f"   fastest: bare {ms(min(bare))}   hubcall-desktop {ms(min(ours))}   ratio {min(ours) / min(bare):.2f}x"
    )


async def bench_app(folder: Path, rings: int) -> None:
    app = AppController(
        AppOptions(demo=True, start_sources=False, system_notifications=False),
        folder_paths(folder),
        demo_settings("DE"),
        [],
    )
    ready = asyncio.Event()
    app.ready.connect(ready.set)
    app.start()
    await ready.wait()
    assert app.desk is not None
    # The journal knows Anna from an earlier call: the pop-up shows her at once.
    first = await app.desk.handle_event(ring_event(ANNA, "warm-up"))  # type: ignore[arg-type]
    await until(lambda: bool((p := app.popups.popup(first)) and p.matches.buttons))
    app.popups.close(first)
    await bench_ring_to_popup(app, rings)
    await bench_burst_lag(app)
    await app.close_down()
    app.window.deleteLater()
    app.deleteLater()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    # Fewer than HubSpot's (and the sandbox's) 100 requests per 10 s: beyond that the
    # pacer makes lookups wait, which measures the rate limit, not the app.
    parser.add_argument("--rings", type=int, default=90)
    parser.add_argument("--history", type=int, default=100_000)
    parser.add_argument("--skip-cold-start", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hubcall-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_cold_start:
            bench_cold_start(folder)
        qt = QApplication.instance() or QApplication(sys.argv[:1])
        loop = qasync.QEventLoop(qt)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(bench_app(folder / "app", args.rings))
            loop.run_until_complete(bench_history(folder, args.history))
        qt.shutdown()  # Qt's objects go now, not in random order at interpreter exit


@pytest.mark.benchmark
def test_ui_benchmark() -> None:
    """Runs the benchmark in its own process (it owns a QApplication and an event loop)."""
    done = subprocess.run(
        [sys.executable, __file__], capture_output=True, text=True, timeout=900, check=False
    )
    print(done.stdout)
    assert done.returncode == 0, done.stderr


if __name__ == "__main__":
    main()
