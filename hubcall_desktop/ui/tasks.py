"""Background work started from the UI: one owner of tasks for all windows.

Slots cannot await; they hand coroutines to :func:`start`, which keeps a reference and
logs failures (see :mod:`hubcall_desktop.services.tasks`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from hubcall_desktop.services.tasks import BackgroundTasks

T = TypeVar("T")

UI_TASKS = BackgroundTasks("ui")


def start(coro: Coroutine[Any, Any, T], name: str) -> asyncio.Task[T]:
    return UI_TASKS.start(coro, name)
