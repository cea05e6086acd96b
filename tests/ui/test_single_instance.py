"""One app per data folder: the claim before Qt loads, the claimed socket served from the
asyncio loop (QLocalServer only for Windows' pipes), and a second launch that wakes the first
without loading Qt."""

from __future__ import annotations

import asyncio
import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hubcall_desktop.ui.startup import instance_claim, single_instance
from hubcall_desktop.ui.startup.instance_claim import (
    LOG_CALL_MESSAGE,
    SHOW_MESSAGE,
    Claim,
    claim_instance,
    server_name,
)
from hubcall_desktop.ui.startup.single_instance import SingleInstance

from .ui_helpers import WAIT_MS


@pytest.fixture(autouse=True)
def _runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Socket files in a folder of the test's own (short: a socket path has ~100 bytes),
    private like a real runtime dir."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"hc-{os.getpid()}-{tmp_path.name[-12:]}"
    folder.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    # The fallbacks, should a test need them, stay inside that folder too.
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(instance_claim, "USER_RUNTIME_DIR", str(folder / "no-run-user-{uid}"))
    return folder


@pytest.fixture
def claims() -> Iterator[list[Claim]]:
    made: list[Claim] = []
    yield made
    for claim in made:
        claim.release()


@pytest.fixture
def listening(
    tmp_path: Path, claims: list[Claim], qloop: asyncio.AbstractEventLoop
) -> Iterator[SingleInstance]:
    """The running app's side on ``tmp_path``: claimed, and served from the loop."""
    claim = claim_instance(tmp_path)
    claims.append(claim)
    instance = SingleInstance(claim)
    assert instance.listen()
    yield instance
    instance.close()


def read_show(listener: socket.socket) -> bytes:
    listener.settimeout(2)
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(2)
        return conn.recv(64)


def test_the_first_launch_claims_and_a_second_one_wakes_it(
    tmp_path: Path, claims: list[Claim]
) -> None:
    first = claim_instance(tmp_path / "a")
    claims.append(first)
    assert first.listener is not None and not first.other_running
    assert stat.S_IMODE(os.stat(first.name).st_mode) == 0o600  # only this user can connect
    second = claim_instance(tmp_path / "a")
    assert second.other_running and second.listener is None
    assert read_show(first.listener) == SHOW_MESSAGE
    other_folder = claim_instance(tmp_path / "b")  # another agent profile runs side by side
    claims.append(other_folder)
    assert other_folder.listener is not None and not other_folder.other_running
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_the_loop_takes_the_socket_over_and_hears_later_launches(
    qtbot: QtBot, tmp_path: Path, claims: list[Claim], qloop: asyncio.AbstractEventLoop
) -> None:
    claim = claim_instance(tmp_path)
    claims.append(claim)
    early = claim_instance(tmp_path)  # knocks before the loop serves: queued, not lost
    assert early.other_running
    instance = SingleInstance(claim)
    assert not instance.notify_running()  # the claim already asked
    with qtbot.waitSignal(instance.activated, timeout=WAIT_MS):
        assert instance.listen()
    assert claim.listener is None  # the loop's server owns it now
    with qtbot.waitSignal(instance.activated, timeout=WAIT_MS):
        assert claim_instance(tmp_path).other_running
    instance.close()
    assert not Path(claim.name).exists()  # removed on close
    claim.release()  # the app's end: the folder's lock goes too
    again = claim_instance(tmp_path)
    claims.append(again)
    assert again.listener is not None


def test_a_crashed_instances_socket_file_is_taken_over(tmp_path: Path, claims: list[Claim]) -> None:
    name = server_name(tmp_path)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(name)
    crashed.close()  # the file stays, nobody listens: what a crash leaves behind
    assert Path(name).exists()
    claim = claim_instance(tmp_path)
    claims.append(claim)
    assert claim.listener is not None and not claim.other_running


def test_a_runtime_dir_that_does_not_exist_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing" / ("x" * 120)))
    claim = claim_instance(tmp_path)
    claims.append(claim)
    assert claim.listener is not None and not claim.other_running
    assert "missing" not in claim.name and len(claim.name.encode()) <= 107


def test_release_gives_the_name_back_when_qt_never_took_it(tmp_path: Path) -> None:
    claim = claim_instance(tmp_path)
    assert Path(claim.name).exists()
    claim.release()
    assert not Path(claim.name).exists()
    claim.release()  # twice is harmless


def test_windows_asks_through_qt_pipes(qtbot: QtBot, tmp_path: Path) -> None:
    """Where no socket can be claimed without Qt (Windows' pipes), QLocalSocket asks."""
    claim = claim_instance(tmp_path, platform="win32")
    assert not claim.asked and claim.listener is None
    first = SingleInstance(claim)
    assert not first.notify_running()
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS):
            assert SingleInstance(claim_instance(tmp_path, platform="win32")).notify_running()
    finally:
        first.close()


def test_a_second_launch_exits_without_loading_qt(tmp_path: Path, claims: list[Claim]) -> None:
    """`hubcall-desktop` started again: the running app is asked to show itself, and the new
    process leaves before importing PySide6."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    env.pop("HUBCALL_DATA_DIR", None)
    probe = (
        "import sys\n"
        "from hubcall_desktop.storage.paths import resolve_paths\n"
        "print(resolve_paths().data_dir)\n"
    )
    data_dir = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    running = claim_instance(Path(data_dir))
    claims.append(running)
    assert running.listener is not None
    launch = (
        "import sys\n"
        "from hubcall_desktop.cli.main import main\n"
        "code = main([])\n"
        "print(code, 'PySide6' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", launch], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.stdout.split() == ["0", "False"], done.stderr
    assert "already running" in done.stderr
    assert read_show(running.listener) == SHOW_MESSAGE


def test_a_launch_can_ask_for_the_log_form(
    qtbot: QtBot, tmp_path: Path, listening: SingleInstance
) -> None:
    """`hubcall-desktop --log-call` while the app runs: the window and the form come up."""
    with (
        qtbot.waitSignal(listening.activated, timeout=WAIT_MS),
        qtbot.waitSignal(listening.log_call_requested, timeout=WAIT_MS),
    ):
        assert claim_instance(tmp_path, message=LOG_CALL_MESSAGE).other_running
    with (
        qtbot.waitSignal(listening.activated, timeout=WAIT_MS),
        qtbot.assertNotEmitted(listening.log_call_requested, wait=100),
    ):
        assert claim_instance(tmp_path).other_running


def stranger(name: str, data: bytes, *, hold: bool = False) -> threading.Thread:
    """A caller on the socket that is not a launch: sends ``data`` from a thread of its own
    (the app's loop runs on this one), then waits until the app closes on it if ``hold``.
    The app may close before all is sent (a reset here): that is its answer."""

    def call() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(WAIT_MS / 1000)
            client.connect(name)
            try:
                client.sendall(data)
                if hold:
                    while client.recv(4096):
                        pass
            except (BrokenPipeError, ConnectionResetError):
                pass

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    return thread


OVER_LIMIT = "ignored a request over"  # read no further than the limit


@pytest.mark.parametrize(
    ("garbage", "noted"),
    [
        (b"", "ignored 0 unexpected bytes"),
        (b"\x00" * 64, "ignored 64 unexpected bytes"),  # within the limit, then the end
        (b"log-call", "ignored 8 unexpected bytes"),  # no newline: not a whole request
        (b"show me\n", "ignored 8 unexpected bytes"),
        (b"y" * 1000 + b"\n", OVER_LIMIT),  # a whole line, but no request is that long
        (b"x" * 70000, OVER_LIMIT),
        (b"x" * 1_000_000, OVER_LIMIT),
    ],
    ids=["nothing", "nuls", "no-newline", "unknown", "long-line", "70-kB", "1-MB"],
)
def test_anything_else_on_the_socket_is_ignored(
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    listening: SingleInstance,
    tmp_path: Path,
    garbage: bytes,
    noted: str,
) -> None:
    with (
        qtbot.assertNotEmitted(listening.activated, wait=0),
        qtbot.assertNotEmitted(listening.log_call_requested, wait=0),
    ):
        caller = stranger(listening.name, garbage)
        qtbot.waitUntil(lambda: noted in caplog.text, timeout=WAIT_MS)  # read and dismissed
        qtbot.waitUntil(lambda: not caller.is_alive(), timeout=WAIT_MS)
    with qtbot.waitSignal(listening.activated, timeout=WAIT_MS):  # still listening
        assert claim_instance(tmp_path).other_running


def test_a_caller_that_sends_nothing_holds_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, listening: SingleInstance, tmp_path: Path
) -> None:
    """Launches are answered while it waits, and the app hangs up on it after a while."""
    monkeypatch.setattr(single_instance, "READ_TIMEOUT_S", 0.2)
    silent = stranger(listening.name, b"", hold=True)
    with qtbot.waitSignal(listening.log_call_requested, timeout=WAIT_MS):
        assert claim_instance(tmp_path, message=LOG_CALL_MESSAGE).other_running
    qtbot.waitUntil(lambda: not silent.is_alive(), timeout=WAIT_MS)  # hung up on
    with qtbot.waitSignal(listening.activated, timeout=WAIT_MS):
        assert claim_instance(tmp_path).other_running
