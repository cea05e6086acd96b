"""Keyring test doubles and helpers for the real Secret Service of the test session."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient
from hubcall_desktop.secrets.oauth_config import OAuthEndpoints
from hubcall_desktop.secrets.store import SecretStore
from tests.oauth_redirect import register_port

SECRETS_BUS = "org.freedesktop.secrets"
SECRETS_PATH = "/org/freedesktop/secrets"


class ScriptedKeyring(KeyringBackend):
    """An in-memory backend that can fail or block on demand.

    ``viable = False`` keeps keyring's own backend discovery (which registers every
    subclass) from ever choosing it for code that asks keyring for its default.
    """

    priority = 5
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []
        self.error: Exception | None = None
        self.delete_error: Exception | None = None
        self.gate: threading.Event | None = None  # calls wait on it when set
        self.entered = threading.Event()  # a call has reached the backend
        self.finished = threading.Event()  # a get has returned or raised

    def _act(self, what: str) -> None:
        self.calls.append(what)
        self.entered.set()
        if self.gate is not None:
            self.gate.wait()
        if self.error is not None:
            raise self.error

    def get_password(self, service: str, username: str) -> str | None:
        try:
            self._act("get")
            return self.items.get((service, username))
        finally:
            self.finished.set()

    def set_password(self, service: str, username: str, password: str) -> None:
        self._act("set")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._act("delete")
        if self.delete_error is not None:
            raise self.delete_error
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")  # as the real backends say it


@pytest.fixture
def memory_keyring() -> ScriptedKeyring:
    return ScriptedKeyring()


@pytest.fixture
def memory_store(memory_keyring: ScriptedKeyring) -> SecretStore:
    return SecretStore(backend=memory_keyring, environ={})


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    """The HubSpot sandbox on loopback (a module may override it, e.g. with a clock)."""
    async with SandboxServer() as server:
        yield server


@pytest.fixture
async def oauth_port(sandbox: SandboxServer) -> int:
    """A free sign-in port whose redirect URL the sandbox app has registered."""
    return await register_port(sandbox.base_url)


@pytest.fixture
async def client(sandbox: SandboxServer) -> AsyncIterator[HubSpotOAuthClient]:
    """The app's OAuth client against ``sandbox``, with the sandbox app's credentials."""
    endpoints = OAuthEndpoints.for_api_base(sandbox.base_url)
    async with HubSpotOAuthClient(
        endpoints, SANDBOX_CLIENT_ID, Secret(SANDBOX_CLIENT_SECRET)
    ) as oauth:
        yield oauth


@pytest.fixture(scope="session")
def keyring_double() -> type[ScriptedKeyring]:
    """The class, for tests that derive backends with other names, modules or priorities.
    (Fixtures rather than ``from conftest import``: pytest can load several conftests.)"""
    return ScriptedKeyring


# -- the real Secret Service --------------------------------------------------------------


SecretTool = Callable[..., subprocess.CompletedProcess[str]]


def run_secret_tool(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """libsecret's own client: what it sees is what the Secret Service holds."""
    return subprocess.run(
        ["secret-tool", *args], input=stdin, capture_output=True, text=True, timeout=20
    )


@pytest.fixture
def secret_tool(real_session: object) -> SecretTool:
    return run_secret_tool


def gdbus_call(path: str, method: str, *args: str) -> str:
    command = ["gdbus", "call", "--session", "--dest", SECRETS_BUS, "--object-path", path]
    done = subprocess.run(
        [*command, "--method", method, *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    return done.stdout


@dataclass
class KeyringControl:
    """Locks and unlocks the session's default collection from outside the app."""

    collection: str

    def is_locked(self) -> bool:
        out = gdbus_call(
            self.collection,
            "org.freedesktop.DBus.Properties.Get",
            "org.freedesktop.Secret.Collection",
            "Locked",
        )
        return "true" in out

    def lock(self) -> None:
        gdbus_call(SECRETS_PATH, "org.freedesktop.Secret.Service.Lock", f"['{self.collection}']")

    def unlock(self) -> None:
        """Unlock without a prompt, with the password tests/session.sh created the keyring
        with. gnome-keyring's own interface for this takes the password inside a Secret
        Service session, which lives on one connection: hence jeepney, not gdbus."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        password = os.environ["HUBCALL_TEST_KEYRING_PASSWORD"].encode()
        service = DBusAddress(SECRETS_PATH, SECRETS_BUS, "org.freedesktop.Secret.Service")
        internal = DBusAddress(
            SECRETS_PATH, SECRETS_BUS, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"
        )
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(
                new_method_call(service, "OpenSession", "sv", ("plain", ("s", ""))), timeout=20
            )
            _, session = unwrap_msg(reply)
            reply = connection.send_and_get_reply(
                new_method_call(
                    internal,
                    "UnlockWithMasterPassword",
                    "o(oayays)",
                    (self.collection, (session, b"", password, "text/plain")),
                ),
                timeout=20,
            )
            unwrap_msg(reply)


@pytest.fixture
def keyring_control(real_session: object) -> Iterator[KeyringControl]:
    out = gdbus_call(SECRETS_PATH, "org.freedesktop.Secret.Service.ReadAlias", "default")
    found = re.search(r"'(/org/freedesktop/secrets/collection/[^']+)'", out)
    assert found, f"no default collection: {out}"
    control = KeyringControl(found.group(1))
    yield control
    if control.is_locked():
        control.unlock()
    assert not control.is_locked(), "the test keyring stayed locked"


@pytest.fixture
def unique_service(real_session: object) -> Iterator[str]:
    """A service name of its own per test; its items are removed afterwards."""
    service = f"hubcall-desktop-test-{uuid.uuid4().hex[:12]}"
    yield service
    run_secret_tool("clear", "service", service)


@pytest.fixture
def cleanup_service() -> Iterator[Callable[[str], None]]:
    services: list[str] = []
    yield services.append
    for service in services:
        run_secret_tool("clear", "service", service)
