"""The async wrapper: keyring calls off the event loop, bounded by a timeout."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from keyring.backends import fail

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.async_store import AsyncSecretStore, run_blocking
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringTimeout, NoKeyringBackend
from hubcall_desktop.secrets.store import SecretStore

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"


@pytest.fixture
def blocked(memory_keyring: Any) -> Any:
    """A keyring whose calls wait (like an unlock dialog) until the test opens the gate."""
    memory_keyring.gate = threading.Event()
    yield memory_keyring
    memory_keyring.gate.set()
    assert memory_keyring.finished.wait(10), "the blocked keyring call never ended"


async def test_a_blocking_keyring_times_out_with_a_sentence(
    blocked: Any, memory_store: SecretStore
) -> None:
    async_store = AsyncSecretStore(memory_store, timeout=0.05)
    with pytest.raises(KeyringTimeout) as info:
        await async_store.get("webhook-secret")
    assert isinstance(info.value, KeyringFailed)
    assert "did not read a secret within 0.05 seconds" in str(info.value)
    assert "unlock" in str(info.value)
    assert blocked.calls == ["get"]  # it really reached the keyring, on another thread


async def test_calls_wait_for_a_blocked_one_then_go_through(
    blocked: Any, memory_store: SecretStore
) -> None:
    async_store = AsyncSecretStore(memory_store, timeout=0.05)
    with pytest.raises(KeyringTimeout):
        await async_store.get("webhook-secret")
    # One call at a time, even through another wrapper: the second never reaches the
    # keyring, so a locked keyring would not show a second unlock dialog.
    with pytest.raises(KeyringTimeout):
        await AsyncSecretStore(memory_store, timeout=0.05).get("other")
    assert blocked.calls == ["get"]

    blocked.gate.set()
    patient = AsyncSecretStore(memory_store, timeout=10)
    await patient.set_access_token(TOKEN)
    assert await patient.access_token() == Secret(TOKEN)


async def test_the_event_loop_keeps_running_while_the_keyring_blocks(
    blocked: Any, memory_store: SecretStore
) -> None:
    call = asyncio.ensure_future(AsyncSecretStore(memory_store, timeout=10).get("x"))
    # Awaiting another thread's event needs a running loop: it returns only because the
    # blocked keyring call is not on the loop's thread.
    assert await asyncio.to_thread(blocked.entered.wait, 10)
    assert not call.done()
    blocked.gate.set()
    assert await call is None


async def test_errors_cross_the_thread_unchanged() -> None:
    async_store = AsyncSecretStore(SecretStore(backend=fail.Keyring(), environ={}), timeout=10)
    with pytest.raises(NoKeyringBackend):
        await async_store.set_access_token(TOKEN)
    with pytest.raises(NoKeyringBackend):
        await async_store.backend_name()


async def test_run_blocking_returns_the_result_from_another_thread() -> None:
    here = threading.get_ident()
    assert await run_blocking(lambda: threading.get_ident(), timeout=10) != here
    assert await run_blocking(divmod, 7, 2, timeout=10) == (3, 1)


@pytest.mark.parametrize("seconds", [0, -1.0])
async def test_a_timeout_must_be_positive(seconds: float, memory_store: SecretStore) -> None:
    with pytest.raises(ValueError, match="positive"):
        await run_blocking(print, timeout=seconds)
    with pytest.raises(ValueError, match="positive"):
        AsyncSecretStore(memory_store, timeout=seconds)


async def test_a_late_result_after_a_timeout_is_dropped_quietly(
    blocked: Any, memory_store: SecretStore, caplog: pytest.LogCaptureFixture
) -> None:
    blocked.error = RuntimeError("late failure nobody waits for")
    with pytest.raises(KeyringTimeout):
        await AsyncSecretStore(memory_store, timeout=0.05).get("x")
    blocked.gate.set()
    assert await asyncio.to_thread(blocked.finished.wait, 10)
    await asyncio.sleep(0)  # the late callback runs now: it must find nobody waiting
    await asyncio.sleep(0)
    assert [r for r in caplog.records if r.name == "asyncio"] == []
