"""The log file: where it lives, what is masked before a line reaches it, its size cap.

One file, ``hubcall-desktop.log``, in the platform's log folder (platformdirs'
``user_log_dir``; ``DIR/logs`` when ``--data-dir``/``HUBCALL_DATA_DIR`` names one folder for
everything). The app and every command write to it; commands started by softphone hooks run
while the app does, so rotation is done by ``concurrent-log-handler``, which locks the file
across processes (the standard RotatingFileHandler would rename it under another writer).

What reaches the file is masked first (:func:`redact`): the webhook secret wherever it shows
up (the webhook's own redactor, once a webhook exists in this process), ``token=`` and
``Bearer`` values, HubSpot private-app tokens and other long opaque strings (OAuth tokens),
and callers' phone numbers written as ``+`` numbers or ``tel:``/``sip:`` addresses, down to
their last two digits (enough to tell two calls apart in a bug report). The file never
leaves the machine; the journal beside it is where calls are kept.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import Protocol

from hubcall_desktop import APP_NAME
from hubcall_desktop.storage.paths import DATA_DIR_ENV, resolve_paths

logger = logging.getLogger(__name__)

LOG_FILE_NAME = f"{APP_NAME}.log"
MAX_BYTES = 2 * 1024 * 1024  # a few days of INFO lines of a busy agent
BACKUP_COUNT = 3  # hubcall-desktop.log.1 .. .3: at most 8 MiB in all
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
MASK = "***"
# The webhook's redactor knows the webhook secret; it is looked up, not imported: a
# process that has not imported it (a command, the app before its sources start) has no
# webhook secret to mask, and the log set-up stays free of the webhook's modules.
_WEBHOOK_REDACT = "hubcall_desktop.sources.webhook_redact"

_TOKEN_VALUE = re.compile(r"(?i)((?:access_|refresh_)?token[\"']?\s*[=:]\s*[\"']?)[^\s&\"',;]+")
_BEARER_VALUE = re.compile(r"(?i)(bearer[ \t]+)[A-Za-z0-9._~%+/=\-]{6,}")
_PRIVATE_APP_TOKEN = re.compile(r"\bpat-[A-Za-z0-9]+-[0-9A-Fa-f-]{20,}")
# HubSpot's OAuth tokens: 100+ base64url characters. No slash: paths are not masked.
_OPAQUE = re.compile(r"[A-Za-z0-9_\-]{64,}={0,2}")
_PHONE = re.compile(
    r"(?:(?:tel|sips?):)?\+\d(?:[\d \-().]{4,22})\d"  # +49 30 1234567, tel:+1-202-555-0143
    r"|(?i:\b(?:tel|sips?):)[\d \-().]{5,22}\d"  # sip:030123456@pbx
)


class _Masker(Protocol):
    def mask(self, text: str) -> str: ...


def _phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return f"+…{digits[-2:]}"


def redact(text: str) -> str:
    """``text`` as it may be written to the log or the crash file."""
    module = sys.modules.get(_WEBHOOK_REDACT)
    webhook: _Masker | None = getattr(module, "REDACTOR", None)
    if webhook is not None:
        text = webhook.mask(text)
    text = _TOKEN_VALUE.sub(r"\1" + MASK, text)
    text = _BEARER_VALUE.sub(r"\1" + MASK, text)
    text = _PRIVATE_APP_TOKEN.sub(MASK, text)
    text = _OPAQUE.sub(MASK, text)
    return _PHONE.sub(_phone, text)


class RedactingFormatter(logging.Formatter):
    """Masks the whole formatted record, its traceback and stack included: a secret can
    hide in an exception's message as well as in the log call's arguments."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_folder(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``DIR/logs`` for a named data folder (it holds everything), else the platform's log
    folder (Linux: ``~/.local/state/hubcall-desktop/log``)."""
    if data_dir or os.environ.get(DATA_DIR_ENV):
        return resolve_paths(data_dir).log_dir
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


_active_folder: Path | None = None


def active_log_folder() -> Path:
    """The folder this process logs to (the default one before :func:`install_log_file`)."""
    return _active_folder if _active_folder is not None else log_folder()


class EarlyRecords(logging.Handler):
    """Holds what is logged before the log file opens: the app opens it after its first
    paint (concurrent-log-handler and portalocker take some 20 ms to import), and the
    file then writes these first, as they were logged."""

    LIMIT = 1000  # start-up logs a handful; a flood is not held without bound

    def __init__(self, folder: Path, level: int) -> None:
        super().__init__(level)
        self.folder = folder
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)


def defer_log_file(folder: Path, level: int = logging.INFO) -> None:
    """As :func:`install_log_file`, but the file opens at :func:`open_deferred_log_file`;
    what is logged until then is held in memory."""
    global _active_folder
    root = logging.getLogger()
    if any(isinstance(h, EarlyRecords) for h in root.handlers):
        return
    root.addHandler(EarlyRecords(folder, level))
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _active_folder = folder


def open_deferred_log_file() -> Path | None:
    """Open the log file :func:`defer_log_file` put off and write what was held.
    Idempotent; None when nothing was deferred or the file cannot be written."""
    root = logging.getLogger()
    early = next((h for h in root.handlers if isinstance(h, EarlyRecords)), None)
    if early is None:
        return None
    root.removeHandler(early)
    path = install_log_file(early.folder, early.level)
    from concurrent_log_handler import ConcurrentRotatingFileHandler

    for handler in root.handlers:
        if isinstance(handler, ConcurrentRotatingFileHandler):
            for record in early.records:
                handler.handle(record)
    early.records.clear()
    return path


def install_log_file(folder: Path, level: int = logging.INFO) -> Path | None:
    """Add the rotating, masked log file to the root logger. Idempotent per process.

    Returns the file, or None when the folder cannot be written (a read-only home): the
    app and the commands still run, with their messages on standard error only.
    """
    global _active_folder
    from concurrent_log_handler import ConcurrentRotatingFileHandler

    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, ConcurrentRotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = ConcurrentRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", chmod=0o600
        )
    except OSError as error:
        logger.warning("cannot write the log file %s: %s", path, error)
        return None
    handler.setLevel(level)
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _active_folder = folder
    return path
