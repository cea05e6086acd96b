"""Fixtures for the whole suite: a private data dir, the real-desktop-session gate, Qt offscreen.

Folders add their own ``conftest.py``; keep this one small.

Qt reads ``QT_QPA_PLATFORM`` once, when the one QApplication of the test process is
created, so Qt tests run offscreen. A test that needs the real X display (tray host,
window manager-free screenshots) runs its Qt part in a subprocess with the environment
the ``real_display`` fixture returns. ``HUBCALL_TEST_QPA`` picks another platform for a
whole run (e.g. ``xcb`` to watch the tests on your own screen).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hubcall_desktop.storage.paths import DATA_DIR_ENV

os.environ["QT_QPA_PLATFORM"] = os.environ.get("HUBCALL_TEST_QPA") or "offscreen"

SESSION_ENV = "HUBCALL_TEST_SESSION"
SESSION_HINT = (
    "needs the private desktop session (Xvfb, D-Bus, gnome-keyring, dunst, trayer); "
    "run it with `bash tests/run.sh` or `bash tests/session.sh [pytest args]`"
)


@dataclass(frozen=True, slots=True)
class RealSession:
    """The components tests/session.sh started, as the tests find them."""

    display: str
    dbus_address: str


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_real_session() -> RealSession:
    """Skip (fail under CI) unless the private desktop session is up."""
    if os.environ.get(SESSION_ENV) == "1":
        return RealSession(
            display=os.environ["DISPLAY"],
            dbus_address=os.environ["DBUS_SESSION_BUS_ADDRESS"],
        )
    if on_ci():
        pytest.fail(f"{SESSION_HINT}; CI is set, so its absence is a failure", pytrace=False)
    pytest.skip(SESSION_HINT)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "real_session: needs the private desktop session from tests/session.sh"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("real_session") is not None:
        require_real_session()


@pytest.fixture
def real_session() -> RealSession:
    return require_real_session()


@pytest.fixture
def real_display(real_session: RealSession) -> dict[str, str]:
    """The environment for a subprocess that shows Qt windows on the session's X server."""
    return {**os.environ, "DISPLAY": real_session.display, "QT_QPA_PLATFORM": "xcb"}


@pytest.fixture(scope="session")
def _fallback_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fallback-data")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, _fallback_data_dir: Path) -> None:
    """No test sees the developer's settings (their token, API base, ...) or touches their
    real journal by accident. The test session's own HUBCALL_TEST_* variables stay."""
    for name in list(os.environ):
        if name.startswith("HUBCALL_") and not name.startswith("HUBCALL_TEST_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv(DATA_DIR_ENV, str(_fallback_data_dir))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data dir for this test, also set as ``HUBCALL_DATA_DIR``."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


# PySide6 can abort at interpreter shutdown ("shared QObject was deleted directly",
# then a malloc check) when Python's garbage collector and Qt destroy leftover wrapper
# objects in the wrong order, after every test has already passed. Once pytest has
# reported, leave without that teardown; the exit status is pytest's own. Not under
# mutmut, which runs pytest inside its own process and needs control back.
_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if _exit_status and "PySide6.QtCore" in sys.modules and "mutmut" not in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
