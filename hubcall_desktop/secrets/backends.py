"""Which keyring backend we accept, and what its failures mean to the user.

The ``keyring`` library ranks the platform's backends itself; we take its choice and
refuse what is not a secure store: its "fail" backend (nothing found), anything it
marks as not recommended (priority below 1, such as the chainer with nothing to chain
or the null backend) and the keyrings.alt file backends. There is never a silent
plaintext fallback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import InitError, NoKeyringError
from keyring.errors import KeyringLocked as LibKeyringLocked

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.secrets.backend_choice import direct_choice
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringLocked, NoKeyringBackend

logger = logging.getLogger(__name__)

RECOMMENDED_PRIORITY = 1.0  # keyring.core.recommended(): priority >= 1
_DETAIL_LIMIT = 160
# Why no keyring will do: the reason inside keyring.none's sentence.
NO_BACKEND = Template("keyring.no_backend", "the keyring library found no usable backend")
PLAINTEXT = Template("keyring.plaintext", "%1 keeps secrets in a file, which is refused")
NOT_USABLE = Template("keyring.not_usable", "%1 is not usable here: %2")
NOT_RECOMMENDED = Template(
    "keyring.not_recommended", "%1 is not recommended by the keyring library"
)
NOT_LOADED = Template("keyring.not_loaded", "the keyring library could not load it: %1")
_LOCKED_WORDS = re.compile(r"prompt dismissed|\blocked\b", re.IGNORECASE)
_LOCKED_TYPES: tuple[type[BaseException], ...] = (LibKeyringLocked, InitError)
try:  # SecretStorage is installed where the Secret Service exists (Linux) and only there
    from secretstorage.exceptions import LockedException, PromptDismissedException
except ImportError:  # pragma: no cover - macOS, Windows
    pass
else:
    _LOCKED_TYPES += (LockedException, PromptDismissedException)


def default_backend() -> KeyringBackend:
    """The backend the keyring library picks (environment, config file, then ranking)."""
    try:
        return direct_choice() or keyring.get_keyring()  # direct: no ranking where needless
    except Exception as exc:  # keyring imports whatever PYTHON_KEYRING_BACKEND names
        raise NoKeyringBackend(NOT_LOADED(describe(exc))) from exc


def backend_label(backend: KeyringBackend) -> str:
    """keyring's display name, e.g. ``SecretService Keyring``."""
    return str(type(backend).name)


def check_backend(backend: KeyringBackend) -> None:
    """Raise :class:`NoKeyringBackend` unless ``backend`` is a secure, recommended store."""
    label = backend_label(backend)
    if isinstance(backend, fail.Keyring):
        raise NoKeyringBackend(NO_BACKEND())
    if _is_plaintext(backend):
        raise NoKeyringBackend(PLAINTEXT(label))
    try:
        priority = float(backend.priority)
    except Exception as exc:  # a backend announces "not viable here" by raising
        raise NoKeyringBackend(NOT_USABLE(label, describe(exc))) from exc
    if priority < RECOMMENDED_PRIORITY:
        raise NoKeyringBackend(NOT_RECOMMENDED(label))
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer reads from every backend it holds: each one must be acceptable.
        for member in backend.backends:
            check_backend(member)


def _is_plaintext(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower()


def describe(exc: BaseException, secret: str | None = None) -> str:
    """``Type: message``, shortened, with ``secret`` masked should a backend echo it."""
    text = str(exc).strip()
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    if len(text) > _DETAIL_LIMIT:
        text = text[: _DETAIL_LIMIT - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def translate(exc: Exception, action: str, secret: str | None = None) -> UserError:
    """The typed, user-facing error for an exception a backend raised."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, NoKeyringError):
        return NoKeyringBackend(NO_BACKEND())
    if isinstance(exc, _LOCKED_TYPES) or _LOCKED_WORDS.search(str(exc)):
        return KeyringLocked(describe(exc, secret))
    return KeyringFailed(action, describe(exc, secret))


@contextmanager
def keyring_errors(action: str, secret: str | None = None) -> Iterator[None]:
    """Turn whatever a backend raises into a typed error with a sentence.

    Backends are third-party plug-ins (D-Bus, Keychain, Credential Manager) that raise
    their own exception types, hence the broad ``except``; only backend calls belong in
    this block. When a backend echoed the secret in its message, the original exception
    is not chained, so no traceback can print it.
    """
    try:
        yield
    except Exception as exc:
        error = translate(exc, action, secret)
        if error is exc:
            raise
        logger.warning("keyring could not %s: %s", action, describe(exc, secret))
        leaked = bool(secret and secret in f"{exc}{exc.args!r}")
        raise error from (None if leaked else exc)
