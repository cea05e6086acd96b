"""The secret store: named secrets in the OS keyring, under one service name.

Entries: ``access-token:<portal>`` (a HubSpot private app token per portal),
``webhook-secret``, ``oauth-refresh-token:<portal>`` and ``oauth-client-secret``.
Every value handed out is a :class:`Secret`. Calls block (an unlock dialog waits for a
person): the UI goes through :mod:`hubcall_desktop.secrets.async_store`, the command
line calls this directly. The keyring is reached through a
:class:`~hubcall_desktop.secrets.keyring_access.KeyringAccess`: in this process by
default, through a helper process where the app asks for one (``keyring_process``).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from hubcall_desktop import APP_NAME
from hubcall_desktop.core.errors import (
    CONTROL_CHARACTERS,
    IS_LONGER_THAN,
    LONGER_THAN,
    NOT_EMPTY,
    InputError,
)
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.portals import DEFAULT_PORTAL, validate_portal
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.errors import (
    ACCESS_TOKEN_ENV,
    InvalidSecretValue,
    KeyringFailed,
    NoTokenError,
)

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from hubcall_desktop.secrets.keyring_access import KeyringAccess

logger = logging.getLogger(__name__)

SERVICE: Final = APP_NAME  # "hubcall-desktop"
# Entry names, not values (ruff's S105 only sees the word "secret").
WEBHOOK_SECRET: Final = "webhook-secret"  # noqa: S105
OAUTH_CLIENT_SECRET: Final = "oauth-client-secret"  # noqa: S105
MAX_TOKEN_LENGTH: Final = 512
MAX_SECRET_LENGTH: Final = 8192
MAX_NAME_LENGTH: Final = 200

# What is wrong with a token or secret typed in (the value itself is never named).
# fmt: off
TOKEN_EMPTY = Template("token.empty", "is empty; paste the whole token")
TOKEN_TOO_LONG = Template("token.too_long", "is longer than %1 characters, so it is not a token")
TOKEN_SPACES = Template("token.spaces", "contains spaces or line breaks; copy the token again without them")
TOKEN_CHARACTERS = Template("token.characters", "contains control characters or characters a token cannot have")
SECRET_EMPTY = Template("secret.empty", "is empty; delete the entry instead of saving nothing")
DELETE_REFUSED = Template("keyring.delete_refused", "the keyring refused to delete it")
# fmt: on


def access_token_entry(portal: str = DEFAULT_PORTAL) -> str:
    return f"access-token:{validate_portal(portal)}"


def refresh_token_entry(portal: str = DEFAULT_PORTAL) -> str:
    return f"oauth-refresh-token:{validate_portal(portal)}"


def validate_name(name: str) -> str:
    """An entry name: 1-200 printable characters."""
    if not isinstance(name, str) or not name:
        raise InputError("secret name", name, NOT_EMPTY())
    if len(name) > MAX_NAME_LENGTH:
        raise InputError("secret name", name, LONGER_THAN(MAX_NAME_LENGTH))
    if not name.isprintable():
        raise InputError("secret name", name, "must not contain control characters")
    return name


def validate_token(token: Secret | str, field: str = "access token") -> Secret:
    """A bearer token: 1-512 visible ASCII characters (it travels in an HTTP header)."""
    value = _reveal(token)
    if not value:
        raise InvalidSecretValue(field, TOKEN_EMPTY())
    if len(value) > MAX_TOKEN_LENGTH:
        raise InvalidSecretValue(field, TOKEN_TOO_LONG(MAX_TOKEN_LENGTH))
    if any(ch.isspace() for ch in value):
        raise InvalidSecretValue(field, TOKEN_SPACES())
    if not all("!" <= ch <= "~" for ch in value):
        raise InvalidSecretValue(field, TOKEN_CHARACTERS())
    return Secret(value)


def validate_secret(value: Secret | str, field: str = "secret") -> Secret:
    """Any other secret: not empty, no control characters, at most 8192 characters."""
    text = _reveal(value)
    if not text:
        raise InvalidSecretValue(field, SECRET_EMPTY())
    if len(text) > MAX_SECRET_LENGTH:
        raise InvalidSecretValue(field, IS_LONGER_THAN(MAX_SECRET_LENGTH))
    if not text.isprintable():
        raise InvalidSecretValue(field, CONTROL_CHARACTERS())
    return Secret(text)


def _reveal(value: Secret | str) -> str:
    if isinstance(value, Secret):
        return value.reveal()
    if isinstance(value, str):
        return value
    raise TypeError("a secret is a Secret or a str")


class SecretStore:
    """Named secrets in the OS keyring. The backend is resolved and checked on first use,
    so building a store never waits on D-Bus.

    ``backend`` is a keyring backend to use in this process; ``access`` another way to the
    keyring (a :class:`~hubcall_desktop.secrets.keyring_process.KeyringProcess`). With
    neither, the keyring library's own choice is used in this process.
    """

    def __init__(
        self,
        service: str = SERVICE,
        *,
        backend: KeyringBackend | None = None,
        access: KeyringAccess | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        if backend is not None and access is not None:
            raise ValueError("give a backend or an access, not both")
        self._service = validate_name(service)
        self._given_backend = backend
        self._access = access
        self._environ = environ
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        shown = (self._access.resolved_label() if self._access else None) or "not resolved"
        return f"SecretStore(service={self._service!r}, backend={shown!r})"

    @property
    def service(self) -> str:
        return self._service

    def keyring(self) -> KeyringAccess:
        """The way to the keyring (the keyring library is imported on first use)."""
        with self._lock:
            if self._access is None:
                from hubcall_desktop.secrets.keyring_local import LocalKeyring

                self._access = LocalKeyring(self._given_backend)
            return self._access

    def backend_name(self) -> str:
        """A display name such as ``SecretService Keyring``; raises
        :class:`NoKeyringBackend` when there is no secure keyring."""
        return self.keyring().label()

    # -- generic entries -------------------------------------------------------------

    def get(self, name: str) -> Secret | None:
        validate_name(name)
        value = self.keyring().get(self._service, name)
        return Secret(value) if value else None

    def set(self, name: str, value: Secret | str) -> None:
        validate_name(name)
        self._write(name, validate_secret(value))

    def delete(self, name: str) -> None:
        """Remove the entry; a missing entry is fine."""
        validate_name(name)
        refused = not self.keyring().delete(self._service, name)
        # Backends say "no such entry" with PasswordDeleteError, but some real failures
        # raise it too: it only counts as "already gone" if the entry really is gone.
        if refused and self.get(name) is not None:
            raise KeyringFailed("delete a secret", DELETE_REFUSED())
        if not refused:
            logger.info("deleted secret %s", name)

    def _write(self, name: str, value: Secret) -> None:
        self.keyring().set(self._service, name, value.reveal())
        logger.info("saved secret %s", name)

    # -- access tokens ---------------------------------------------------------------

    def access_token(self, portal: str = DEFAULT_PORTAL) -> Secret:
        """``HUBCALL_ACCESS_TOKEN`` when set (never stored), else the saved token.

        Raises :class:`NoTokenError` when there is neither.
        """
        entry = access_token_entry(portal)
        from_env = self._environ.get(ACCESS_TOKEN_ENV, "").strip()
        if from_env:
            return validate_token(from_env, field=ACCESS_TOKEN_ENV)
        token = self.get(entry)
        if token is None:
            raise NoTokenError(portal)
        return token

    def set_access_token(self, token: Secret | str, portal: str = DEFAULT_PORTAL) -> None:
        self._write(access_token_entry(portal), validate_token(token))

    def delete_access_token(self, portal: str = DEFAULT_PORTAL) -> None:
        self.delete(access_token_entry(portal))
