"""Helpers for the Qt tests (a module, not the conftest, so test files can import them)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths

T = TypeVar("T")
# How long a wait may take before it counts as a failure. Generous: a passing wait ends as
# soon as its condition holds, and on a loaded two-core machine a settings write or a keyring
# round trip has taken over 5 s.
WAIT_MS = 15000


def run(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    coro: Coroutine[Any, Any, T],
    timeout: int = WAIT_MS,
) -> T:
    """Run ``coro`` on the qasync loop while Qt processes events; return its result."""
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def make_controller(
    tmp_path: Path, settings: Settings | None = None, **options: Any
) -> AppController:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    values: dict[str, Any] = {"demo": True, "start_sources": False, "system_notifications": False}
    values.update(options)
    return AppController(
        AppOptions(**values), folder_paths(folder), settings or demo_settings("DE"), []
    )


def tooltip_text(widget: QWidget) -> str:
    """What a tooltip shows, as text (outside text goes in converted from plain text)."""
    return QTextDocumentFragment.fromHtml(widget.toolTip()).toPlainText()
