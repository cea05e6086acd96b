"""What the app holds once it has started: run as the ``hubcall-desktop`` command runs.

    python tests/ui/startup_modules_probe.py DATA_DIR

The app starts exactly as from the desktop's menu (``cli.main.main``), on DATA_DIR; the
only additions are wrappers around ``Boot.run`` and ``show_and_paint``, installed when
their modules are first imported (so the import order stays the app's own). A second
after boot finished (the background tasks it starts have run their first steps), it asks
the app to show itself as a later launch would, then prints one JSON line and leaves:
every module loaded (not the names whose import is barred), those loaded when the window
was shown, the Python source files whose lines ``linecache`` keeps, whether the webhook's
port is held (tried with a bind, not a connection, which would wake the webhook), and
whether the app answered that launch (read its line and hung up).
"""

from __future__ import annotations

import errno
import importlib.abc
import importlib.machinery
import json
import linecache
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

SETTLE_S = 1.0  # lets the tasks boot started take their first steps; nothing is timed
ANSWER_GUARD_S = 20.0  # a hang guard; nothing is timed
BOOT_MODULE = "hubcall_desktop.ui.startup.boot"
FIRST_PAINT_MODULE = "hubcall_desktop.ui.startup.first_paint"
before_paint: list[str] = []  # the modules loaded when the window is shown


def report(answered: bool) -> None:
    cached = sorted(name for name, entry in linecache.cache.items() if len(entry) > 1)
    loaded = sorted(name for name, module in sys.modules.items() if module is not None)
    found = {
        "modules": loaded,
        "before_paint": before_paint,
        "source_cached": cached,
        "webhook_listening": port_held(),
        "launch_answered": answered,
    }
    print(json.dumps(found), flush=True)


def port_held() -> bool:
    settings = json.loads((Path(sys.argv[1]) / "settings.json").read_text(encoding="utf-8"))
    with socket.socket() as other:
        try:
            other.bind(("127.0.0.1", int(settings["webhook_port"])))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


async def ask_to_show() -> bool:
    """What ``hubcall-desktop`` run again on the folder sends: the socket's path is in the
    folder's lock file (``<pid>\\n<path>\\n``). True once the app has read it and hung up."""
    import asyncio

    from hubcall_desktop.ui.startup.instance_claim import LOCK_NAME, SHOW_MESSAGE

    record = (Path(sys.argv[1]) / LOCK_NAME).read_text(encoding="utf-8").split("\n")
    try:
        async with asyncio.timeout(ANSWER_GUARD_S):
            reader, writer = await asyncio.open_unix_connection(record[1])
            writer.write(SHOW_MESSAGE)
            await writer.drain()
            hung_up = await reader.read() == b""
            writer.close()
            return hung_up
    except (OSError, TimeoutError):
        return False


def wrap_first_paint(module: ModuleType) -> None:
    show = module.show_and_paint

    def note_then_show(window: Any) -> None:
        global before_paint
        before_paint = sorted(name for name, mod in sys.modules.items() if mod is not None)
        show(window)

    module.show_and_paint = note_then_show


def wrap_boot(module: ModuleType) -> None:
    run = module.Boot.run

    async def run_then_report(self: Any) -> None:
        import asyncio  # not at the top: the app imports it after its first paint

        await run(self)
        await asyncio.sleep(SETTLE_S)
        report(await ask_to_show())
        os._exit(0)  # the report is all this run is for; the data folder is a throwaway

    module.Boot.run = run_then_report


WRAPPERS = {BOOT_MODULE: wrap_boot, FIRST_PAINT_MODULE: wrap_first_paint}


class BootHook(importlib.abc.MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        wrap = WRAPPERS.pop(name, None)
        if wrap is None:
            return None
        if not WRAPPERS:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            wrap(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if __name__ == "__main__":
    sys.meta_path.insert(0, BootHook())
    from hubcall_desktop.cli.main import main

    sys.exit(main(["--data-dir", sys.argv[1]]))
