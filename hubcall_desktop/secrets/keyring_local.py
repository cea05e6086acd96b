"""The keyring library in this process: its backend resolved and checked on first use."""

from __future__ import annotations

import logging
import threading

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from hubcall_desktop.secrets.backends import (
    backend_label,
    check_backend,
    default_backend,
    keyring_errors,
)

logger = logging.getLogger(__name__)


class LocalKeyring:
    """:class:`~hubcall_desktop.secrets.keyring_access.KeyringAccess` through the keyring
    library here. Building one never waits on D-Bus: the backend is found on first use."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend
        self._backend: KeyringBackend | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LocalKeyring({self.resolved_label() or 'not resolved'})"

    def backend(self) -> KeyringBackend:
        """The checked backend; raises :class:`NoKeyringBackend` when there is no secure one."""
        with self._lock:
            if self._backend is None:
                candidate = self._given or default_backend()
                check_backend(candidate)
                self._backend = candidate
                logger.info("secrets are kept in %s", backend_label(candidate))
            return self._backend

    def label(self) -> str:
        return backend_label(self.backend())

    def resolved_label(self) -> str | None:
        return backend_label(self._backend) if self._backend is not None else None

    def get(self, service: str, name: str) -> str | None:
        backend = self.backend()
        with keyring_errors("read a secret"):
            return backend.get_password(service, name) or None

    def set(self, service: str, name: str, value: str) -> None:
        backend = self.backend()
        with keyring_errors("save a secret", secret=value):
            backend.set_password(service, name, value)

    def delete(self, service: str, name: str) -> bool:
        backend = self.backend()
        with keyring_errors("delete a secret"):
            try:
                backend.delete_password(service, name)
            except PasswordDeleteError:
                return False
        return True
