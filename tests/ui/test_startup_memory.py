"""What the started app keeps in memory: only what start-up needs.

The app is started for real (offscreen, its own data folder, an in-memory keyring, HubSpot
unreachable) by tests/ui/startup_modules_probe.py, which reports the modules loaded and
the source files cached once boot has finished. Features load their libraries when first
used: the OAuth sign-in (authlib), the demo's HubSpot sandbox, httpx's command-line
client, and aiohttp, which the webhook loads for its first caller (it holds its port from
the start; tests/sources/test_webhook_first_caller.py checks that caller is answered).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("startup_modules_probe.py")
PROBE_GUARD_S = 90  # a hang guard on a loaded machine; nothing is timed
# Loaded only when their feature is used (a prefix covers the package's modules).
DEFERRED = (
    "authlib",  # OAuth sign-in
    "hubcall_desktop.sandbox",  # the demo's HubSpot
    "httpx._main",  # httpx's command-line client ...
    "rich",  # ... and what it brings where installed
    "click",
    "pygments",
    "aiohttp",  # the webhook's HTTP server, loaded by its first caller
    "hubcall_desktop.sources.webhook_app",
)


# Not loaded before the window is shown: the first paint waits for nothing it does not
# draw (asyncio and the log file's locking come right after it, the rest later).
AFTER_PAINT = (
    "asyncio",
    "concurrent_log_handler",
    "portalocker",
    "keyring",
    "httpx",
    "aiohttp",
    "sqlite3",
    "phonenumbers",
    "hubcall_desktop.services.call_desk",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data = tmp_path_factory.mktemp("startup-memory") / "data"
    data.mkdir()
    settings = {
        "webhook_port": _free_port(),
        "region": "DE",
        "api_base": f"http://127.0.0.1:{_free_port()}",  # nobody listens: HubSpot is away
        "language": "en",
    }
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("HUBCALL_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.services.memory_keyring.MemoryKeyring",
        PYTHONPATH=str(REPO),
    )
    done = subprocess.run(
        [sys.executable, str(PROBE), str(data)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=PROBE_GUARD_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, f"exit {done.returncode}\n{done.stderr[-3000:]}"
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def test_the_probe_saw_a_started_app(started: dict[str, Any]) -> None:
    """The report comes from an app whose desk and webhook run (so the checks below
    look at a real start-up, not at one that stopped early)."""
    modules = set(started["modules"])
    assert {"hubcall_desktop.services.call_desk", "hubcall_desktop.sources.webhook"} <= modules
    assert started["webhook_listening"], "the webhook holds its port from the start"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' pipes need QtNetwork")
def test_later_launches_are_answered_without_qtnetwork(started: dict[str, Any]) -> None:
    """The socket claimed before Qt loaded is served by asyncio: QtNetwork (about 2 MiB)
    stays out, and a launch is answered all the same."""
    assert started["launch_answered"]
    assert [name for name in started["modules"] if "QtNetwork" in name] == []


def test_features_load_their_libraries_when_first_used(started: dict[str, Any]) -> None:
    loaded = [
        name
        for name in started["modules"]
        if any(name == d or name.startswith(d + ".") for d in DEFERRED)
    ]
    assert loaded == []


def test_the_source_of_imported_modules_is_not_kept(started: dict[str, Any]) -> None:
    """PySide6 reads the source of each module imported after Qt; none of it stays in
    linecache (it did: about 17 MiB for the app's modules)."""
    cached = started["source_cached"]
    app_sources = [path for path in cached if "hubcall_desktop" in path]
    assert app_sources == []
    assert len(cached) < 50, cached  # was over 700 files: a few from tracebacks may stay


def test_the_window_is_shown_before_the_rest_loads(started: dict[str, Any]) -> None:
    before = started["before_paint"]
    assert "PySide6.QtWidgets" in before, "the report comes from the first paint"
    loaded = [n for n in before if any(n == d or n.startswith(d + ".") for d in AFTER_PAINT)]
    assert loaded == []
