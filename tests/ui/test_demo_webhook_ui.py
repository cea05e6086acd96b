"""The demo's window says where its webhook listens: the status bar's source label, and,
when the usual port was taken, a message naming the port and the URL used instead. The
commands find the demo through its own runtime file, never the data folder's."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.sources.runtime import demo_runtime_file, read_runtime

from .ui_helpers import WAIT_MS, make_controller, run


@pytest.fixture(autouse=True)
def private_runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "xdg-runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))


def test_a_taken_port_is_named_with_the_url_used_instead(
    tmp_path: Path, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        settings = dataclasses.replace(demo_settings("DE"), webhook_port=port)
        app = make_controller(tmp_path, settings, start_sources=True)
        app.tray = None
        with qtbot.waitSignal(app.ready, timeout=WAIT_MS):
            app.start()
        try:
            webhook = app.boot.sources.webhook if app.boot.sources else None
            assert webhook is not None and webhook.port != port
            message = app.window.statusBar().currentMessage()
            assert message == (
                f"Port {port} is taken, so the demo's webhook listens on {webhook.url} instead."
            )
            qtbot.waitUntil(
                lambda: f"127.0.0.1:{webhook.port}" in app.window.sources_label.text(),
                timeout=WAIT_MS,
            )
            info = read_runtime(demo_runtime_file())
            assert info is not None and info.demo and info.pid == os.getpid()
            assert not (tmp_path / "data" / "running.json").exists()
        finally:
            run(qtbot, qloop, app.close_down(), timeout=10_000)
            app.window.deleteLater()
    assert not demo_runtime_file().exists()
