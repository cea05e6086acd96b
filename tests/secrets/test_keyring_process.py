"""The keyring through its helper process, on the session's real Secret Service.

The app reads its secrets through ``keyring_process.KeyringProcess`` so that its own
process never loads SecretStorage's crypto stack; what the store does must not change.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets import keyring_process
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringLocked, NoKeyringBackend
from hubcall_desktop.secrets.keyring_process import HELPER_MODULE, KeyringProcess, wanted
from hubcall_desktop.secrets.store import SecretStore

TOKEN = "pat-na1-77777777-2222-3333-4444-555555555555"
GUARD_S = 20.0  # hang guard only


def helper(*, env: dict[str, str] | None = None) -> list[str]:
    prefix = ["env", *(f"{k}={v}" for k, v in env.items())] if env else []
    return [*prefix, sys.executable, "-P", "-m", HELPER_MODULE]


def stand_in(script: str) -> list[str]:
    """A helper that misbehaves as ``script`` says (it reads one request first)."""
    return [sys.executable, "-c", f"import sys\nsys.stdin.readline()\n{script}"]


@pytest.fixture
def access() -> Any:
    process = KeyringProcess()
    yield process
    process.close()


@pytest.fixture
def store(real_session: object, unique_service: str, access: KeyringProcess) -> SecretStore:
    return SecretStore(unique_service, access=access, environ={})


def lookup(secret_tool: Any, service: str, name: str) -> str | None:
    done = secret_tool("lookup", "service", service, "username", name)
    return done.stdout if done.returncode == 0 else None


def test_a_store_through_the_helper_reads_writes_and_deletes_the_real_keyring(
    store: SecretStore, unique_service: str, secret_tool: Any, access: KeyringProcess
) -> None:
    assert "not resolved" in repr(store)
    assert store.backend_name() == "SecretService Keyring"
    store.set_access_token(TOKEN, portal="42")
    assert lookup(secret_tool, unique_service, "access-token:42") == TOKEN
    assert store.access_token("42") == Secret(TOKEN)
    store.delete_access_token("42")
    assert lookup(secret_tool, unique_service, "access-token:42") is None
    store.delete_access_token("42")  # already gone: fine, as in the process itself
    assert store.get("access-token:42") is None
    assert access.started == 1, "one helper serves requests that come together"
    assert "SecretService Keyring" in repr(store)
    assert TOKEN not in repr(store) + repr(access)


def test_items_another_client_wrote_are_read_through_the_helper(
    store: SecretStore, unique_service: str, secret_tool: Any
) -> None:
    secret_tool(
        "store", "--label", "x", "service", unique_service, "username", "webhook-secret",
        stdin="hook ✓ secret",
    )  # fmt: skip
    assert store.get("webhook-secret") == Secret("hook ✓ secret")


def test_the_helper_ends_when_idle_and_another_starts_for_the_next_request(
    real_session: object, unique_service: str
) -> None:
    access = KeyringProcess(idle_s=0.2)
    store = SecretStore(unique_service, access=access, environ={})
    try:
        store.set("webhook-secret", "one")
        deadline = time.monotonic() + GUARD_S
        while access.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not access.running(), "the helper ends once idle"
        assert store.get("webhook-secret") == Secret("one")
        assert access.started == 2
    finally:
        access.close()
    assert not access.running()


def test_a_helper_that_was_killed_is_replaced(store: SecretStore, access: KeyringProcess) -> None:
    store.set("webhook-secret", "two")
    process = access._process
    assert process is not None
    process.kill()
    process.wait(GUARD_S)
    assert store.get("webhook-secret") == Secret("two")
    assert access.started == 2


def test_a_locked_keyring_is_reported_locked_through_the_helper(
    store: SecretStore, keyring_control: Any
) -> None:
    store.set_access_token(TOKEN)
    keyring_control.lock()
    try:
        with pytest.raises(KeyringLocked, match="Unlock it") as caught:
            store.set_access_token("pat-na1-other")
        assert TOKEN not in str(caught.value)
    finally:
        keyring_control.unlock()
    assert store.access_token() == Secret(TOKEN)  # nothing was overwritten


def test_no_keyring_where_the_helper_finds_none(unique_service: str, tmp_path: Path) -> None:
    nobody = f"unix:path={tmp_path / 'no-bus'}"
    access = KeyringProcess(helper(env={"DBUS_SESSION_BUS_ADDRESS": nobody}))
    try:
        with pytest.raises(NoKeyringBackend, match="No secure keyring") as caught:
            SecretStore(unique_service, access=access, environ={}).get("x")
        assert caught.value.reason.id.startswith("keyring.")  # type: ignore[union-attr]
    finally:
        access.close()


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("sys.exit(3)", "ended (exit code 3)"),
        ("print('not json', flush=True)", "cannot be read"),
        ("print('[1, 2]', flush=True)", "cannot be read"),
        ("print('{\"error\": 7}', flush=True)", "cannot be read"),
        ("sys.stdout.write('x' * 70000); sys.stdout.flush()", "ended"),
    ],
)
def test_a_helper_that_misbehaves_is_a_keyring_failure(
    script: str, expected: str, caplog: pytest.LogCaptureFixture
) -> None:
    access = KeyringProcess(stand_in(script))
    store = SecretStore("hubcall-test", access=access, environ={})
    with caplog.at_level(logging.DEBUG), pytest.raises(KeyringFailed, match=re.escape(expected)):
        store.set("webhook-secret", "never-logged-value")
    access.close()
    assert not access.running()
    assert "never-logged-value" not in caplog.text


def test_a_helper_that_cannot_start_is_a_keyring_failure(tmp_path: Path) -> None:
    access = KeyringProcess([str(tmp_path / "no-such-python")])
    with pytest.raises(KeyringFailed, match="could not start: FileNotFoundError"):
        SecretStore("hubcall-test", access=access, environ={}).get("x")


def test_secrets_never_travel_on_the_command_line(
    real_session: object, unique_service: str, access: KeyringProcess
) -> None:
    SecretStore(unique_service, access=access, environ={}).set("webhook-secret", TOKEN)
    process = access._process
    assert process is not None
    command = Path(f"/proc/{process.pid}/cmdline").read_bytes()
    environment = Path(f"/proc/{process.pid}/environ").read_bytes()
    assert TOKEN.encode() not in command + environment


async def test_the_async_store_goes_through_the_helper(store: SecretStore) -> None:
    async_store = AsyncSecretStore(store, timeout=GUARD_S)
    assert await async_store.backend_name() == "SecretService Keyring"
    await async_store.set("webhook-secret", "hook")
    assert await async_store.get("webhook-secret") == Secret("hook")
    await async_store.delete("webhook-secret")
    assert await async_store.get("webhook-secret") is None


PROBE = """
import json, sys
from hubcall_desktop.secrets.keyring_process import keyring_access
from hubcall_desktop.secrets.store import SecretStore
access = keyring_access()
store = SecretStore(sys.argv[1], access=access, environ={})
store.set("webhook-secret", "probe")
read = store.get("webhook-secret").reveal()
print(json.dumps({
    "helper": type(access).__name__, "read": read,
    "loaded": sorted(m for m in ("keyring", "secretstorage", "jeepney", "cryptography")
                     if m in sys.modules),
}))
"""


def test_the_apps_process_loads_no_keyring_library(
    real_session: object, unique_service: str
) -> None:
    """What the app does at start-up (ui.startup.boot), in a process of its own: the
    keyring's libraries (about 10 MiB resident) stay in the helper."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, unique_service],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report == {"helper": "KeyringProcess", "read": "probe", "loaded": []}


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
        ({"PYTHON_KEYRING_BACKEND": "tests.services.memory_keyring.MemoryKeyring"}, "linux", False),
    ],
)
def test_where_the_app_takes_the_helper(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert wanted(environ, platform) is expected


def test_a_frozen_bundle_reads_the_keyring_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert wanted({}, "linux") is False
    assert keyring_process.keyring_access() is None
