"""The runtime file: written atomically for this user only, never trusted blindly."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hubcall_desktop.sources.runtime import (
    RuntimeInfo,
    demo_runtime_file,
    pid_alive,
    port_answers,
    read_runtime,
    remove_runtime,
    running_app,
    runtime_info,
    write_runtime,
)

from .helpers import SECRET, T0


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "running.json"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


def test_written_for_this_user_only_and_read_back(path: Path) -> None:
    info = runtime_info("http://127.0.0.1:47831", 47831, now=T0)
    write_runtime(path, info)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_runtime(path) == info
    assert info.pid == os.getpid() and info.started_at == "2026-11-24T09:30:00+00:00"
    assert SECRET.reveal() not in path.read_text()
    assert set(json.loads(path.read_text())) == {"url", "port", "pid", "started_at", "demo"}
    assert [p.name for p in path.parent.iterdir()] == ["running.json"]  # no temp file left


def test_ipv6_and_demo(path: Path) -> None:
    write_runtime(path, runtime_info("http://[::1]:5000", 5000, demo=True, secret=SECRET))
    info = read_runtime(path)
    assert info is not None and info.demo and info.host == "::1"
    assert info.secret == SECRET  # the demo's own secret travels in its file


def test_the_keyring_secret_never_goes_into_a_real_apps_file(path: Path) -> None:
    write_runtime(path, runtime_info("http://127.0.0.1:5000", 5000, secret=SECRET))
    assert SECRET.reveal() not in path.read_text()
    path.write_text(path.read_text().replace('"demo": false', f'"secret": "{SECRET.reveal()}"'))
    info = read_runtime(path)
    assert info is not None and info.secret is None  # only a demo's file may name one


def test_an_app_with_its_webhook_off_says_why(path: Path) -> None:
    write_runtime(path, runtime_info("", 0, webhook_problem="Port 1 is taken."))
    info = read_runtime(path)
    assert info is not None and not info.listening
    assert info.webhook_problem == "Port 1 is taken." and info.pid == os.getpid()
    assert running_app(path) == info  # alive: nothing to probe but its pid


def test_another_users_file_is_not_trusted(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_runtime(path, runtime_info("http://127.0.0.1:5000", 5000))
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)
    assert read_runtime(path) is None


def test_the_demo_file_is_in_the_private_runtime_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = tmp_path / "mine"
    private.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private))
    assert demo_runtime_file() == private / "hubcall-desktop-demo.json"
    private.chmod(0o755)  # others may enter: not there (then /run/user or the cache)
    assert demo_runtime_file().parent != private
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing"))
    assert demo_runtime_file().parent != tmp_path / "missing"


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        "[]",
        '{"url": "http://127.0.0.1:1", "port": 1}',
        '{"url": "http://evil.example:1", "port": 1, "pid": 5}',
        '{"url": "http://127.0.0.1:2", "port": 1, "pid": 5}',
        '{"url": "http://127.0.0.1:1", "port": true, "pid": 5}',
        '{"url": "http://127.0.0.1:70000", "port": 70000, "pid": 5}',
        '{"url": "http://127.0.0.1:1", "port": 1, "pid": -5}',
        '{"url": "", "port": 5, "pid": 5}',
        '{"url": "http://127.0.0.1:0", "port": 0, "pid": 5}',
        '{"url": "https://127.0.0.1:1", "port": 1, "pid": 5}',
        " " * 5000,
    ],
)
def test_untrustworthy_files_are_ignored(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(content)
    assert read_runtime(path) is None


def test_missing_file(path: Path) -> None:
    assert read_runtime(path) is None
    assert running_app(path) is None


def test_only_our_own_file_is_removed(path: Path) -> None:
    write_runtime(path, RuntimeInfo("http://127.0.0.1:1", 1, os.getpid() + 1, ""))
    remove_runtime(path)
    assert path.exists()  # another instance's
    remove_runtime(path, pid=os.getpid() + 1)
    assert not path.exists()
    remove_runtime(path)  # missing is fine


def test_processes_and_ports() -> None:
    assert pid_alive(os.getpid())
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert not pid_alive(int(done.stdout))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        assert not port_answers("127.0.0.1", port)  # bound, not listening
        sock.listen()
        assert port_answers("127.0.0.1", port)


def test_a_running_app_is_found_and_a_stale_file_is_not(
    path: Path, listener: socket.socket
) -> None:
    port = listener.getsockname()[1]
    write_runtime(path, runtime_info(f"http://127.0.0.1:{port}", port))
    assert running_app(path) == read_runtime(path)
    listener.close()
    assert running_app(path) is None  # nothing answers any more
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    write_runtime(path, RuntimeInfo(f"http://127.0.0.1:{port}", port, int(dead.stdout), ""))
    assert running_app(path) is None  # the process is gone
