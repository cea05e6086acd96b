"""Crash details in ``crash.log`` beside the log file, and nowhere else.

Two kinds of crash end up there: what kills the interpreter itself (a segfault in Qt, an
abort) through :mod:`faulthandler`, which can only write to an open file; and Python
exceptions nobody caught, in the main thread (``sys.excepthook``, which PySide6 also calls
for an exception in a slot), in other threads (``threading.excepthook``) and in the event
loop (:func:`watch_loop`).

What a report holds: the time, the app, Python and OS versions, the exception's type, its
message and the traceback (files, lines, functions). No local variables, no call data
beyond what an exception's message quotes, and that is masked as the log is
(:func:`hubcall_desktop.services.log_files.redact`: secrets, tokens, callers' numbers).
Nothing is sent anywhere: the agent decides whether to attach the file to a bug report.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from hubcall_desktop import __version__
from hubcall_desktop.services.log_files import redact

if TYPE_CHECKING:  # installed before the first paint, asyncio only after it
    import asyncio

logger = logging.getLogger(__name__)

CRASH_FILE_NAME = "crash.log"
MAX_CRASH_BYTES = 1024 * 1024  # at start, a bigger file becomes crash.log.1 (one kept)


class _Reporter:
    def __init__(self, path: Path, stream: TextIO) -> None:
        self.path, self.stream = path, stream
        self.lock = threading.Lock()  # crashes may come from two threads at once

    def write(self, where: str, error: BaseException) -> None:
        lines = traceback.format_exception(type(error), error, error.__traceback__)
        header = (
            f"=== {datetime.now().astimezone().isoformat(timespec='seconds')} "
            f"hubcall-desktop {__version__}, Python {platform.python_version()}, "
            f"{platform.platform()}: {where}\n"
        )
        with self.lock:
            try:
                self.stream.write(header + redact("".join(lines)) + "\n")
                self.stream.flush()
            except (OSError, ValueError):  # a full disk or a closed file: stderr still has it
                return
        logger.critical("%s: %s; the details are in %s", where, type(error).__name__, self.path)

    def tell_user(self, error: BaseException) -> None:
        print(
            f"hubcall-desktop: unexpected error ({type(error).__name__}); "
            f"the details are in {self.path}",
            file=sys.stderr,
        )


_reporter: _Reporter | None = None


def crash_file() -> Path | None:
    """Where this process writes crash details, once :func:`install_crash_handlers` ran."""
    return _reporter.path if _reporter is not None else None


def install_crash_handlers(folder: Path) -> Path | None:
    """faulthandler and the three hooks, writing to ``folder/crash.log``. Idempotent.

    Returns None when the file cannot be opened: Python's own reporting stays then.
    """
    global _reporter
    if _reporter is not None:
        return _reporter.path
    path = folder / CRASH_FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.exists() and path.stat().st_size > MAX_CRASH_BYTES:
            path.replace(path.with_name(CRASH_FILE_NAME + ".1"))
        # Kept open for the life of the process: faulthandler writes to its descriptor
        # from a signal handler, where nothing can be opened any more.
        stream = path.open("a", encoding="utf-8")
        path.chmod(0o600)
    except OSError as error:
        logger.warning("cannot write crash details to %s: %s", path, error)
        return None
    _reporter = _Reporter(path, stream)
    faulthandler.enable(file=stream, all_threads=True)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return path


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if _reporter is None or issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    _reporter.write("uncaught exception", error)
    _reporter.tell_user(error)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if _reporter is None or args.exc_value is None or args.exc_type is SystemExit:
        threading.__excepthook__(args)
        return
    name = args.thread.name if args.thread is not None else "?"
    _reporter.write(f"uncaught exception in thread {name}", args.exc_value)
    _reporter.tell_user(args.exc_value)


def watch_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Errors the event loop could give to no one (a task's exception never retrieved, a
    failing callback) go to the crash file; its other complaints to the log as before."""
    loop.set_exception_handler(_loop_exception)


def _loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    error = context.get("exception")
    if _reporter is None or not isinstance(error, BaseException):
        loop.default_exception_handler(context)
        return
    _reporter.write(f"event loop: {context.get('message', 'unhandled error')}", error)
