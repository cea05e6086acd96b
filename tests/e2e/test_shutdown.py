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

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer, SandboxThread

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

HUBCALL = str(Path(sys.executable).with_name("hubcall-desktop"))
START_TIMEOUT_S = 60  # a loaded CI machine: the app, its keyring read, the webhook
STOP_TIMEOUT_S = 45
CALLS = 12
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(SandboxServer()) as thread:
        yield thread


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


@dataclass
class Served:
    """What the webhook accepted: the last event of each call, by the app's call id."""

    last_event: dict[str, str] = field(default_factory=dict)


class RunningApp:
    def __init__(self, command: list[str], env: dict[str, str], data: Path) -> None:
        self.env, self.data = env, data
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [HUBCALL, *args], env=self.env, capture_output=True, text=True, timeout=60, check=False
        )

    def webhook(self) -> tuple[str, str]:
        """(URL, secret) once the app listens, as `hubcall-desktop webhook info` tells."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.communicate()[1]
            info = self.cli("webhook", "info", "--json")
            if info.returncode == 0:
                doc = json.loads(info.stdout)
                return str(doc["url"]), str(doc["secret"])
            time.sleep(0.2)
        raise AssertionError("the app's webhook did not come up")

    def serve_calls(self, count: int = CALLS) -> Served:
        """Ring ``count`` calls; answer every other one; end all but the last two (left
        ringing or talking when the app stops)."""
        url, secret = self.webhook()
        served = Served()
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {secret}"}) as http:
            for n in range(count):
                events = ["ringing"] + (["answered"] if n % 2 else [])
                events += ["ended"] if n < count - 2 else []
                for kind in events:
                    body = {"event": kind, "call_id": f"shutdown-{n}", "from": f"+4930555{n:04d}"}
                    answer = http.post("/v1/events", json=body)
                    assert answer.status_code == 202, answer.text
                    served.last_event[answer.json()["call_id"]] = kind
        return served

    def stopped(self) -> tuple[int, str]:
        try:
            _, errors = self.process.communicate(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
            pytest.fail(f"the app did not stop within {STOP_TIMEOUT_S} s; stderr: {errors}")
        return self.process.returncode, errors

    def check_journal(self, served: Served) -> None:
        """Closed (no write-ahead log left) and holding every accepted event."""
        journal = self.data / "journal.sqlite3"
        assert journal.exists()
        wal = journal.with_name(journal.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the journal was not closed"
        history = self.cli("history", "--json", "--limit", "1000")
        assert history.returncode == 0, history.stderr
        calls = {c["externalCallId"]: c for c in json.loads(history.stdout)["calls"]}
        assert set(served.last_event) <= set(calls)
        for call_id, kind in served.last_event.items():
            call = calls[call_id]
            if kind == "ended":
                assert call["endedAt"] is not None, call
            if kind == "answered":
                assert call["answeredAt"] is not None, call


StartApp = Callable[..., "RunningApp"]


@pytest.fixture
def start_app(
    tmp_path: Path, sandbox: SandboxThread, real_display: dict[str, str]
) -> Iterator[StartApp]:
    """Starts the app on a display (the session's by default); kills what is left."""
    started: list[RunningApp] = []

    def start(display: str | None = None, command: list[str] | None = None) -> RunningApp:
        data = tmp_path / "data"
        data.mkdir()
        (data / "settings.json").write_text(
            json.dumps({"webhook_port": _free_port(), "region": "DE"}), encoding="utf-8"
        )
        env = {k: v for k, v in real_display.items() if not k.startswith("HUBCALL_")}
        env.update(
            HUBCALL_DATA_DIR=str(data),
            HUBCALL_API_BASE=sandbox.base_url,
            HUBCALL_ACCESS_TOKEN=DEMO_TOKEN,
        )
        if display is not None:
            env["DISPLAY"] = display
        app = RunningApp(command or [HUBCALL], env, data)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
            app.process.communicate()


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
