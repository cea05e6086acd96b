"""Run a Python program while a thread writes the reference counts of None, True and False.

    python tests/e2e/refcount_sampler.py OUT SCRIPT [ARGS...]

SCRIPT runs as ``__main__`` with ``sys.argv = [SCRIPT, *ARGS]``, as its shebang would run it
(tests pass the ``hubcall-desktop`` console script of a virtualenv: the installed entry
point, unchanged). Every INTERVAL_S a daemon thread appends one line to OUT:
``<monotonic seconds> <refs of None> <refs of True> <refs of False>``. A PySide6 build that
drops references makes these numbers fall as the program works; on Python 3.11 they reach
zero and the interpreter aborts, which is why the samples go to a file, line by line, and
not to a summary at exit. SIGUSR1 prints the stack of every thread on stderr.
"""

from __future__ import annotations

import faulthandler
import runpy
import signal
import sys
import threading
import time
from pathlib import Path

INTERVAL_S = 0.01


def _sample(out: Path) -> None:
    with out.open("a", encoding="utf-8", buffering=1) as stream:
        while True:
            counts = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
            stream.write(f"{time.monotonic():.3f} {counts[0]} {counts[1]} {counts[2]}\n")
            time.sleep(INTERVAL_S)


def main() -> None:
    out, script, *args = sys.argv[1:]
    # SIGUSR1 prints every thread's stack on stderr: what a test shows when the app hangs.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    threading.Thread(
        target=_sample, args=(Path(out),), name="refcount-sampler", daemon=True
    ).start()
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
