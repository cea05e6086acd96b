"""What translating the Qt-free code's sentences costs: prints timings, asserts nothing.

    python tests/benchmarks/bench_messages.py
    pytest tests/benchmarks/bench_messages.py -m benchmark -s

Measured: importing ``ui.messages`` (it is on the way to the first paint), building its
tables on first use, one ``message_text`` for a Message with no parameter, a nested one
(HubSpot's refusal with its message and correlation id), an input problem, and plain
text, which is shown as written and never taken apart (one of our sentences that lost
its id, text nobody wrote down, hostile text of 5000 characters). The history's tooltip
and every pop-up line go through it, so a call should cost microseconds, not
milliseconds.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication

from hubcall_desktop.core.errors import LONGER_THAN, InputError
from hubcall_desktop.hubspot.errors import error_from_response
from hubcall_desktop.storage.errors import ALREADY_QUEUED
from hubcall_desktop.ui.text import messages
from hubcall_desktop.ui.text.i18n import install_translations


def _cases() -> dict[str, str]:
    """Messages made from templates (translated from their id) and plain text."""
    refusal = error_from_response(
        400,
        {
            "message": "Property values were not valid",
            "correlationId": "5b1c3f0e-8a4d-4c1f-9c55-0d6f1e2a7b90",
            "errors": [{"in": "fromNumber"}],
        },
        None,
    )
    return {
        "fixed sentence": ALREADY_QUEUED(),
        "HubSpot refusal": refusal.user_message,
        "input problem": InputError("notes", "n" * 70_000, LONGER_THAN(65536)).user_message,
        "plain text, ours once": "Not connected to HubSpot.",
        "unknown text": "Something the catalogue has never heard of, a sentence of some length.",
        "hostile, 5000 chars": "(HubSpot said: " * 333,
    }


def _median_us(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def run(rounds: int = 200) -> None:
    probe = "import time; t = time.perf_counter(); import hubcall_desktop.ui.text.messages; "
    probe += "print((time.perf_counter() - t) * 1000)"
    base = "import time; t = time.perf_counter(); import hubcall_desktop.ui.text.i18n; "
    base += "print((time.perf_counter() - t) * 1000)"
    both = [
        float(
            subprocess.run(
                [sys.executable, "-c", c], capture_output=True, text=True, check=True
            ).stdout
        )
        for c in (base, probe)
    ]
    print(f"import ui.i18n: {both[0]:.1f} ms; ui.messages (with i18n): {both[1]:.1f} ms")
    messages._ids.cache_clear()
    start = time.perf_counter()
    messages._ids()
    print(f"tables built on first use: {(time.perf_counter() - start) * 1000:.2f} ms")
    app = QCoreApplication.instance() or QCoreApplication([])
    for language in ("en", "de"):
        install_translations(app, language)
        for label, text in _cases().items():
            each = _median_us(lambda text=text: messages.message_text(text), rounds)  # type: ignore[misc]
            print(f"{language} {label:24} {len(text):6} chars: {each:9.1f} µs")
    install_translations(app, "en")


@pytest.mark.benchmark
def test_bench_messages() -> None:
    run()


if __name__ == "__main__":
    run()
