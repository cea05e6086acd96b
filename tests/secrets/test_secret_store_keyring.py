"""SecretStore against the real Secret Service: gnome-keyring in the test session's D-Bus.

``secret-tool`` (libsecret, a different client) reads and writes the same items, which
proves the values really are in the Secret Service and not in some process-local stand-in.
"""

from __future__ import annotations

import asyncio
import gc
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from keyring.backends import SecretService

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import KeyringLocked, NoTokenError
from hubcall_desktop.secrets.store import SERVICE, SecretStore

pytestmark = pytest.mark.real_session

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
OTHER_TOKEN = "pat-eu1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


@pytest.fixture
def store(unique_service: str) -> SecretStore:
    return SecretStore(unique_service, backend=SecretService.Keyring(), environ={})


def lookup(secret_tool: Any, service: str, name: str) -> str | None:
    done = secret_tool("lookup", "service", service, "username", name)
    return done.stdout if done.returncode == 0 else None


def count_items(secret_tool: Any, service: str, name: str) -> int:
    done = secret_tool("search", "--all", "service", service, "username", name)
    return len(re.findall(r"^\[/", done.stdout, re.M))  # one "[/N]" line per item


def test_the_default_store_uses_the_secret_service_under_its_service_name(
    cleanup_service: Callable[[str], None], secret_tool: Any
) -> None:
    cleanup_service(SERVICE)
    store = SecretStore(environ={})
    assert store.backend_name() == "SecretService Keyring"
    store.set_access_token(TOKEN)
    assert lookup(secret_tool, "hubcall-desktop", "access-token:default") == TOKEN
    assert store.access_token() == Secret(TOKEN)


def test_store_read_back_overwrite_and_delete(
    store: SecretStore, unique_service: str, secret_tool: Any
) -> None:
    with pytest.raises(NoTokenError):
        store.access_token()
    store.set_access_token(TOKEN)
    assert store.access_token() == Secret(TOKEN)
    assert lookup(secret_tool, unique_service, "access-token:default") == TOKEN

    store.set_access_token(Secret(OTHER_TOKEN))
    assert store.access_token() == Secret(OTHER_TOKEN)
    assert count_items(secret_tool, unique_service, "access-token:default") == 1

    store.delete_access_token()
    with pytest.raises(NoTokenError):
        store.access_token()
    assert lookup(secret_tool, unique_service, "access-token:default") is None
    store.delete_access_token()  # already gone: fine


def test_tokens_are_kept_apart_per_portal(
    store: SecretStore, unique_service: str, secret_tool: Any
) -> None:
    store.set_access_token(TOKEN)
    store.set_access_token(OTHER_TOKEN, portal="12345678")
    assert store.access_token() == Secret(TOKEN)
    assert store.access_token("12345678") == Secret(OTHER_TOKEN)
    store.delete_access_token("12345678")
    assert store.access_token() == Secret(TOKEN)
    assert lookup(secret_tool, unique_service, "access-token:12345678") is None


def test_items_written_by_another_secret_service_client_are_read(
    store: SecretStore, unique_service: str, secret_tool: Any
) -> None:
    done = secret_tool(
        "store",
        "--label=written by secret-tool",
        "service",
        unique_service,
        "username",
        "webhook-secret",
        stdin="from-libsecret",
    )
    assert done.returncode == 0, done.stderr
    assert store.get("webhook-secret") == Secret("from-libsecret")
    store.delete("webhook-secret")
    assert lookup(secret_tool, unique_service, "webhook-secret") is None


def test_the_environment_token_is_never_stored(unique_service: str, secret_tool: Any) -> None:
    from_env = SecretStore(
        unique_service,
        backend=SecretService.Keyring(),
        environ={"HUBCALL_ACCESS_TOKEN": TOKEN},
    )
    assert from_env.access_token() == Secret(TOKEN)
    assert lookup(secret_tool, unique_service, "access-token:default") is None
    assert count_items(secret_tool, unique_service, "access-token:default") == 0

    saved = SecretStore(unique_service, backend=SecretService.Keyring(), environ={})
    saved.set_access_token(OTHER_TOKEN)
    assert from_env.access_token() == Secret(TOKEN)  # the environment still wins
    assert lookup(secret_tool, unique_service, "access-token:default") == OTHER_TOKEN


# keyring's SecretService backend does not close its D-Bus connection when it raises
# KeyringLocked (keyring 25.7, get_preferred_collection): the socket is closed by the
# garbage collector, which Python reports as a ResourceWarning. Collected here, in this
# test, so the warning is not pinned on whichever test happens to run the collector.
@pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning")
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"
)
async def test_a_locked_collection_is_reported_as_locked(
    store: SecretStore, keyring_control: Any
) -> None:
    store.set_access_token(TOKEN)
    keyring_control.lock()
    assert keyring_control.is_locked()
    # The unlock prompt cannot open (its D-Bus-activated prompter has no display), so
    # gnome-keyring reports it dismissed. Through the async store: if a prompt ever did
    # open, the test ends with a timeout instead of waiting for a person.
    async_store = AsyncSecretStore(store, timeout=20)
    messages = []
    for attempt in (async_store.access_token(), async_store.set_access_token(OTHER_TOKEN)):
        try:
            await attempt
        except KeyringLocked as exc:
            messages.append(str(exc))
    # Every reference to the exceptions must be gone before collecting: the worker
    # threads' frames, and the task's, which lets go of the last exception on its next step.
    for worker in threading.enumerate():
        if worker.name == "hubcall-keyring":
            await asyncio.to_thread(worker.join, 10)
    await asyncio.sleep(0)
    gc.collect()
    assert len(messages) == 2
    assert all("Unlock it" in m and TOKEN not in m and OTHER_TOKEN not in m for m in messages)

    keyring_control.unlock()
    assert await async_store.access_token() == Secret(TOKEN)  # nothing was overwritten


async def test_the_async_store_round_trips_on_the_real_keyring(store: SecretStore) -> None:
    async_store = AsyncSecretStore(store, timeout=20)
    assert await async_store.backend_name() == "SecretService Keyring"
    await async_store.set_access_token(TOKEN, portal="42")
    assert await async_store.access_token("42") == Secret(TOKEN)
    await async_store.set("webhook-secret", "hook")
    assert await async_store.get("webhook-secret") == Secret("hook")
    await async_store.delete("webhook-secret")
    await async_store.delete_access_token("42")
    assert await async_store.get("webhook-secret") is None
    with pytest.raises(NoTokenError):
        await async_store.access_token("42")
