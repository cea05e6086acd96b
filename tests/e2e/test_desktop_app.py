"""``hubcall-desktop`` as a process: the demo end to end, one instance per data folder, a
clean quit on SIGTERM, and the terminal demo where there is no display. Offscreen, each
app in its own process (the app owns its QApplication and quits it)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TIMEOUT_S = 60

# Drives the real entry point: after boot, ring a demo caller, answer, hang up, log, quit.
DEMO_DRIVER = r"""
import argparse, asyncio, sys
from hubcall_desktop.ui.presenters import controller as c
from hubcall_desktop.ui.models.history_columns import Column

original_attach = c.AppController.attach

def attach(self, runtime):
    original_attach(self, runtime)
    self.ready.connect(lambda: asyncio.get_event_loop().create_task(drive(self)))

async def until(check):
    async with asyncio.timeout(20):
        while not check():
            await asyncio.sleep(0.02)

async def drive(app):
    app.simulate(0)
    await until(lambda: app.popups.visible())
    popup = app.popups.visible()[0]
    await until(lambda: len(popup.matches.buttons) == 1)
    popup.answer_button.click()
    await until(lambda: popup.hangup_button.isVisible() and popup.stage.value == "talking")
    popup.hangup_button.click()
    await until(lambda: popup.stage.value == "ended")
    popup.notes.setPlainText("End-to-end demo call")
    call_id = popup.call_id
    popup.log_button.click()
    await until(lambda: (row := app.model.row_of(call_id)) is not None and app.model.index(row, Column.SYNC).data() == "Logged")
    print("LOGGED", app.boot.sandbox.logged_calls()[0]["engagementProperties"]["hs_call_body"], flush=True)
    print("DATA", app.paths.data_dir, flush=True)
    app.quit_now()

c.AppController.attach = attach
from hubcall_desktop.ui.startup.app import run
sys.exit(run(argparse.Namespace(demo=True, data_dir=None, region=None, api_base=None, api_version=None)))
"""

# A plain app on a data folder that says when it listens, and when it is asked to show.
WAITER = r"""
import argparse, sys
from hubcall_desktop.ui.presenters import controller as c

original_start = c.AppController.start

def start(self):
    original_start(self)
    print("STARTED", flush=True)

def show_window(self):
    print("ACTIVATED", flush=True)

def open_log_form(self):
    print("LOG-FORM", flush=True)

c.AppController.start = start
c.AppController.show_window = show_window
c.AppController.open_log_form = open_log_form
from hubcall_desktop.ui.startup.app import run
sys.exit(run(argparse.Namespace(demo=False, data_dir=sys.argv[1], region=None, api_base="http://127.0.0.1:9", api_version=None)))
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "HUBCALL_DATA_DIR")}
    env.update(
        {"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path), "TMPDIR": str(tmp_path)}
    )
    env.update(extra)
    return env


def test_demo_mode_end_to_end(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", DEMO_DRIVER],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "LOGGED End-to-end demo call" in done.stdout
    data = next(line for line in done.stdout.splitlines() if line.startswith("DATA "))
    assert not Path(data.removeprefix("DATA ")).exists()  # the throwaway folder is gone
    assert "Fatal" not in done.stderr and "Traceback" not in done.stderr


@contextlib.contextmanager
def _running_app(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """The WAITER app on ``tmp_path / "data"``, started and listening; killed if a test
    leaves it running."""
    first = subprocess.Popen(
        [sys.executable, "-c", WAITER, str(tmp_path / "data")],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "STARTED"
        yield first
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()


def _launch_again(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`hubcall-desktop --data-dir DATA ARGS` (the real entry point) as a second launch."""
    return subprocess.run(
        [sys.executable, "-m", "hubcall_desktop", "--data-dir", str(tmp_path / "data"), *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_second_launch_brings_the_first_forward_and_sigterm_quits_cleanly(tmp_path: Path) -> None:
    with _running_app(tmp_path) as first:
        assert first.stdout is not None
        second = _launch_again(tmp_path)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert first.stdout.readline().strip() == "ACTIVATED"
        first.send_signal(signal.SIGTERM)
        _, errors = first.communicate(timeout=TIMEOUT_S)
        assert first.returncode == 0, errors
        assert "Traceback" not in errors


def test_log_call_opens_the_form_in_the_running_app(tmp_path: Path) -> None:
    """The launcher's "Log a call" (`hubcall-desktop --log-call`) while the app runs."""
    with _running_app(tmp_path) as first:
        assert first.stdout is not None
        second = _launch_again(tmp_path, "--log-call")
        assert second.returncode == 0, second.stderr
        assert "opened the form to log a call" in second.stderr
        assert first.stdout.readline().strip() == "ACTIVATED"
        assert first.stdout.readline().strip() == "LOG-FORM"
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=TIMEOUT_S)


def test_log_call_on_a_first_launch_opens_the_form_once_booted(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from hubcall_desktop.ui.presenters import controller as c\n"
        "def open_log_form(self):\n"
        "    form = self.dialogs.open_log_form()\n"
        "    print('FORM', form.isVisible(), self.desk is not None, flush=True)\n"
        "    self.quit_now()\n"
        "c.AppController.open_log_form = open_log_form\n"
        "from hubcall_desktop.cli.main import main\n"
        "sys.exit(main(['--data-dir', sys.argv[1], '--api-base', 'http://127.0.0.1:9', '--log-call']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "FORM True True" in done.stdout
    assert "Traceback" not in done.stderr


def test_without_a_display_the_demo_runs_in_the_terminal(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in _env(tmp_path).items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    script = "import argparse, sys\nfrom hubcall_desktop.ui.startup.app import run\n" + (
        "sys.exit(run(argparse.Namespace(demo=True, data_dir=sys.argv[1], region=None, api_base=None, api_version=None)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "demo")],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No display found: running the terminal demo instead." in done.stderr
    assert "Logged in the sandbox" in done.stdout
    assert "PySide6" not in done.stderr
