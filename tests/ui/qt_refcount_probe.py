"""Does this PySide6 build keep its references across Qt<->Python calls?

    python tests/ui/qt_refcount_probe.py [ROUNDS]

Standalone on purpose: it needs only PySide6 (no app code, no pytest), so it runs in a
bare virtualenv of any Python. It makes ROUNDS calls of each kind the app relies on
(through qasync and its own signals), in both directions:

- ``QCoreApplication.postEvent`` to an ``event()`` override, then ``processEvents``
  (qasync's wake-ups);
- ``Signal(object)`` emitted to Python slots, directly and through a queued connection;
- ``QTimer.singleShot`` with a Python callable (qasync's timers).

It counts the references of ``None``, ``True``, ``False`` and of a sentinel object the
callbacks return. PySide6/shiboken6 6.12.0 loses one reference to ``None`` per call of a
Qt method that returns nothing (``postEvent``, ``processEvents``, ``singleShot``) and one
to ``True`` per ``Signal.emit``: on Python 3.11 they reach zero and the process aborts
("none_dealloc", "bool_dealloc"). From 3.12 on None and the bools are immortal (PEP 683)
and their counts prove nothing; the sentinel is an ordinary object on every Python, so a
build that drops what callbacks return shows it everywhere.

Prints one JSON line: the versions, the calls made of each kind and, per kind and object,
the references lost (before minus after; 0 on a sound build).
"""

from __future__ import annotations

import gc
import json
import sys
from importlib import metadata
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

SENTINEL = object()  # returned by callbacks; an ordinary (mortal) object on every Python


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


class Receiver(QObject):
    """Python callbacks as Qt calls them: an ``event()`` override and slots."""

    fire = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.calls += 1
            return self.calls % 2 == 0  # True and False in turn
        return super().event(event)

    def returns_none(self, value: object) -> None:
        self.calls += 1

    def returns_sentinel(self, value: object) -> object:
        self.calls += 1
        return SENTINEL


def _counts() -> dict[str, int]:
    gc.collect()
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
        "sentinel": sys.getrefcount(SENTINEL),
    }


class Callbacks:
    """One way each for Qt to call Python; ``run(kind, n)`` returns once all n were made."""

    KINDS = ("posted_event", "signal", "queued_signal", "timer")

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.direct = Receiver()
        self.direct.fire.connect(self.direct.returns_none)
        self.direct.fire.connect(self.direct.returns_sentinel)
        # Queued: the path of signals delivered through the event queue, as qasync's are.
        self.queued = Receiver()
        self.queued.fire.connect(self.queued.returns_none, Qt.ConnectionType.QueuedConnection)
        self.queued.fire.connect(self.queued.returns_sentinel, Qt.ConnectionType.QueuedConnection)
        self.timer_hits = 0

    def on_timer(self) -> object:
        self.timer_hits += 1
        return SENTINEL

    def run(self, kind: str, count: int) -> None:
        receiver = self.queued if kind == "queued_signal" else self.direct
        receiver.calls = self.timer_hits = 0
        for _ in range(count):
            if kind == "posted_event":
                QCoreApplication.postEvent(receiver, QEvent(QEvent.Type.User))
            elif kind == "timer":
                QTimer.singleShot(0, self.on_timer)
            else:
                receiver.fire.emit(None)
        wanted = count * (2 if kind.endswith("signal") else 1)
        while max(receiver.calls, self.timer_hits) < wanted:
            self.app.processEvents()


CHUNK = 100  # callbacks between two counts
GIVE_UP = 50  # references lost in one kind: broken; stop before anything reaches zero


def main(rounds: int) -> dict[str, Any]:
    """``rounds`` callbacks of each kind, counted every CHUNK; a kind that loses more than
    GIVE_UP references stops early (a broken build would otherwise abort the process
    before it can report: True's count is only a few thousand on Python 3.11)."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    callbacks = Callbacks(app)
    for kind in Callbacks.KINDS:  # warm up: caches, interned names, first-call paths
        callbacks.run(kind, 10)
    lost: dict[str, dict[str, int]] = {}
    made: dict[str, int] = {}
    for kind in Callbacks.KINDS:
        before = _counts()
        done = 0
        while done < rounds:
            callbacks.run(kind, min(CHUNK, rounds - done))
            done += min(CHUNK, rounds - done)
            after = _counts()
            lost[kind] = {name: before[name] - after[name] for name in before}
            if max(lost[kind].values()) > GIVE_UP:
                break
        made[kind] = done
    total = {name: sum(per_kind[name] for per_kind in lost.values()) for name in _counts()}
    return {
        "python": ".".join(map(str, sys.version_info[:3])),
        "pyside6": _version("PySide6-Essentials"),
        "shiboken6": _version("shiboken6"),
        "callbacks": made,
        "lost_by_kind": lost,
        "lost": total,
    }


if __name__ == "__main__":
    result = main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
    print(json.dumps(result), flush=True)
    # Skip Qt's and the interpreter's teardown: a broken build can abort there
    # ("bool_dealloc"), and the numbers are already out.
    import os

    os._exit(0)
