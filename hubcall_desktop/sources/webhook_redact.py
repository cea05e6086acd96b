"""Keep the webhook secret out of every log line and every refusal.

Callers put the secret in URLs (``?token=``), in headers, and sometimes by mistake in
places the webhook repeats (a field name, a malformed request line that aiohttp quotes in
its traceback). :class:`SecretRedactor` masks it wherever it shows up: the whole secret,
any run of at least :data:`WINDOW` of its characters (a quoted line may cut it short),
its percent-encoded form, and the value of any ``token=`` or ``Bearer``. It is a logging
filter on aiohttp's loggers and ours, and the function refusals go through.

The same filter turns aiohttp's traceback for a request it could not even parse (a
9 KB request line, bytes that are not HTTP) into one warning line, at most one per
:data:`MALFORMED_LOG_INTERVAL_S` with a count: any local process can send those, and
they are neither a crash of ours nor worth a screenful each.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
import traceback
from typing import TypeGuard
from urllib.parse import unquote

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook_guard import FloodLog

logger = logging.getLogger(__name__)

MASK = "***"
MALFORMED_LOG_INTERVAL_S = 10.0
WINDOW = 8  # a shorter piece of a 43-character random secret tells an attacker next to nothing
# Where a request's text reaches the log: aiohttp's server (tracebacks quoting the request
# line), its access and web loggers, asyncio (unretrieved task errors), and our webhook.
FILTERED_LOGGERS = (
    "aiohttp.server",
    "aiohttp.access",
    "aiohttp.web",
    "aiohttp.internal",
    "asyncio",
    "hubcall_desktop.sources.webhook",
    "hubcall_desktop.sources.webhook_admission",
)
_RUN = re.compile(rf"[A-Za-z0-9_\-]{{{WINDOW},}}")
_VALUE = r"[A-Za-z0-9._~%+/=\-]"  # what a token in a URL or a header is made of
_TOKEN_VALUE = re.compile(rf"(?i)(token=){_VALUE}+")
_BEARER_VALUE = re.compile(rf"(?i)(bearer[ \t]+){_VALUE}{{6,}}")


class SecretRedactor(logging.Filter):
    """Masks every secret it was given (old ones too: a replaced secret stays private)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()  # log records arrive from any thread
        self._secrets: tuple[str, ...] = ()
        self._windows: frozenset[str] = frozenset()
        self._installed = False
        self._malformed = FloodLog(MALFORMED_LOG_INTERVAL_S)

    def add(self, secret: Secret) -> None:
        value = secret.reveal()
        if not value:
            return
        with self._lock:
            if value not in self._secrets:
                self._secrets = (*self._secrets, value)
                self._windows = self._windows | {
                    value[i : i + WINDOW] for i in range(max(1, len(value) - WINDOW + 1))
                }
            if not self._installed:
                for name in FILTERED_LOGGERS:
                    logging.getLogger(name).addFilter(self)
                self._installed = True

    def mask(self, text: str) -> str:
        """``text`` with every trace of a known secret replaced by ``***``."""
        masked = self._mask_plain(text)
        if "%" in masked:
            decoded = unquote(masked)
            if self._mask_plain(decoded) != decoded:  # the secret, percent-encoded
                return self._mask_plain(decoded)
        return masked

    def _mask_plain(self, text: str) -> str:
        secrets, windows = self._secrets, self._windows
        for value in secrets:
            text = text.replace(value, MASK)
        text = _TOKEN_VALUE.sub(r"\1" + MASK, text)
        text = _BEARER_VALUE.sub(r"\1" + MASK, text)
        if windows:
            text = _RUN.sub(
                lambda run: MASK if _overlaps(run.group(), windows) else run.group(), text
            )
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place, then let it through."""
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record
            message = str(record.msg)
        masked = self.mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        error = record.exc_info[1] if record.exc_info else None
        if record.name.startswith("aiohttp.") and _unparsable_request(error):
            return self._one_line(record, masked, error)
        if record.exc_info and record.exc_info[0] is not None:
            # Formatted now and masked; exc_info dropped so no handler formats it again.
            text = record.exc_text or "".join(traceback.format_exception(record.exc_info[1]))
            record.exc_text = self.mask(text.rstrip("\n"))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self.mask(record.stack_info)
        return True

    def _one_line(self, record: logging.LogRecord, message: str, error: Exception) -> bool:
        """A request aiohttp could not parse: one masked line, or nothing while a flood of
        them is counted."""
        with self._lock:
            count = self._malformed.refused("malformed", time.monotonic())
        if count is None:
            return False
        reason = self.mask(" ".join(str(error).split()))[:200]
        since = f" ({count} such requests since the last line)" if count > 1 else ""
        record.msg, record.args = f"webhook: {message}: {reason}{since}", None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text = None, None
        return True


def _unparsable_request(error: BaseException | None) -> TypeGuard[Exception]:
    """aiohttp's error for a request it could not parse. Only asked about aiohttp's own
    records, so aiohttp is loaded by then (the webhook loads it on its first connection)."""
    exceptions = sys.modules.get("aiohttp.http_exceptions")
    return exceptions is not None and isinstance(error, exceptions.HttpProcessingError)


def _overlaps(run: str, windows: frozenset[str]) -> bool:
    return any(run[i : i + WINDOW] in windows for i in range(len(run) - WINDOW + 1))


REDACTOR = SecretRedactor()
"""The one redactor of this process: every webhook adds its secret here."""
