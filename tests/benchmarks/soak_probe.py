"""Started instead of ``hubcall-desktop`` by ``bench_soak.py --probe``: the same app (the
entry point's own ``main``), plus a SIGUSR1 handler that appends what is alive to a file
as one JSON line: Python objects by type (after a full collection) and Qt's widgets.

Comparing two lines tells what a long run keeps: pop-ups never deleted, finished calls
kept in a list, objects parented and never deleteLater'd. It changes nothing else; it
costs a pause of the app's loop while it counts, so the latency of that stretch reads high.

    HUBCALL_TEST_SOAK_PROBE_OUT=FILE python soak_probe.py [hubcall-desktop arguments]
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
import time
from collections import Counter
from types import FrameType

OUT = os.environ["HUBCALL_TEST_SOAK_PROBE_OUT"]
TOP = 300  # types per line: enough to see what grows, small enough to read


def _qt_counts() -> dict[str, int]:
    qt_widgets = sys.modules.get("PySide6.QtWidgets")
    app = qt_widgets.QApplication.instance() if qt_widgets else None
    if app is None:
        return {}
    widgets = app.allWidgets()
    return {
        "qt.widgets": len(widgets),
        "qt.top_level": len(app.topLevelWidgets()),
        **Counter(f"qt.{type(w).__name__}" for w in widgets if w.isWindow()),
    }


def dump(_signum: int, _frame: FrameType | None) -> None:
    gc.collect()
    types = Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.get_objects())
    line = {
        "at": time.time(),
        "objects": sum(types.values()),
        "qt": _qt_counts(),
        "types": dict(types.most_common(TOP)),
    }
    with open(OUT, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, dump)
    from hubcall_desktop.cli.main import main

    sys.exit(main())
