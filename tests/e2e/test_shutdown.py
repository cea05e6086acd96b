"""The real app stops cleanly however it is stopped, after serving webhook requests.

Each test starts the installed ``hubcall-desktop`` (not ``--demo``) on its own data
folder, with HubSpot played by the sandbox and the webhook secret in the session's real
keyring, reports calls through the loopback webhook, stops the app one way, and checks:
a sane exit status, nothing on stderr that looks like a crash, the journal closed (its
write-ahead log folded back: a killed process leaves it behind) and every call the
webhook accepted (202) in ``hubcall-desktop history --json``.

The ways: SIGTERM, SIGINT, SIGHUP, Qt asked to quit (what the session manager's "die"
becomes), and the display going away (the test's own Xvfb killed under the app).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from real_app import StartApp, sandbox, start_app

__all__ = ["sandbox", "start_app"]  # fixtures the tests below use

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

CRASH_SIGNS = (
    "Traceback",
    "RuntimeError",
    "Error:",
    "no running event loop",
    "Task was destroyed",
    "Fatal",
    "X11 connection broke",  # Qt's own warning, said again on each pass: ours replaces it
)

# The real entry point, plus one thing a test cannot do from outside: on SIGUSR1, Qt is
# asked to quit (QCoreApplication.quit sends the Quit event the session manager's "die"
# sends). Python runs the handler on the main thread, between two steps of the loop.
ASKED_TO_QUIT = r"""
import signal, sys
from PySide6.QtCore import QCoreApplication
signal.signal(signal.SIGUSR1, lambda *_: QCoreApplication.quit())
from hubcall_desktop.cli.main import main
sys.exit(main([]))
"""


@pytest.fixture
def own_display(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """An X server of the test's own, which the test may kill: (DISPLAY, process)."""
    ready = tmp_path / "displayfd"
    os.mkfifo(ready)
    # -displayfd picks a free display and writes its number once it accepts clients.
    xvfb = subprocess.Popen(
        ["sh", "-c", f'exec Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"{ready}"'],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with ready.open(encoding="ascii") as numbers:
            number = numbers.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        yield f":{number}", xvfb
    finally:
        if xvfb.poll() is None:
            xvfb.kill()
        xvfb.wait(timeout=10)


def _assert_no_crash(errors: str) -> None:
    for sign in CRASH_SIGNS:
        assert sign not in errors, errors


@pytest.mark.parametrize(
    "number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda number: number.name
)
def test_a_stop_signal_closes_the_journal_with_every_accepted_call(
    start_app: StartApp, number: signal.Signals
) -> None:
    app = start_app()
    served = app.serve_calls()
    app.process.send_signal(number)
    code, errors = app.stopped()
    assert code == 0, errors
    _assert_no_crash(errors)
    app.check_journal(served)


def test_qt_asked_to_quit_closes_down_instead_of_refusing(start_app: StartApp) -> None:
    """The session manager's "die" (a Quit event) while the main window would only hide."""
    app = start_app(command=[sys.executable, "-c", ASKED_TO_QUIT])
    served = app.serve_calls()
    app.process.send_signal(signal.SIGUSR1)
    code, errors = app.stopped()
    assert code == 0, errors
    _assert_no_crash(errors)
    app.check_journal(served)


def test_a_lost_display_closes_the_journal_and_says_so_once(
    start_app: StartApp, own_display: tuple[str, subprocess.Popen[bytes]]
) -> None:
    display, xvfb = own_display
    app = start_app(display)
    served = app.serve_calls()
    xvfb.kill()
    code, errors = app.stopped()
    assert code == 1, errors  # not a requested stop: a supervisor may tell the difference
    _assert_no_crash(errors)
    assert errors.count("the display went away") == 1, errors
    app.check_journal(served)
