"""The secret store for the event loop: keyring calls on a worker thread, with a timeout.

A keyring call can block for as long as an unlock dialog waits for a person, so the UI
never calls keyring on its own thread and never waits without a limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Final, TypeVar, TypeVarTuple

from hubcall_desktop.core.portals import DEFAULT_PORTAL
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.errors import KeyringTimeout
from hubcall_desktop.secrets.store import SecretStore

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT: Final = 30.0
# One keyring call at a time in the whole process: the OS keyring is one per session,
# and a locked one should show one unlock dialog, not one per caller.
_ONE_AT_A_TIME = threading.Lock()
T = TypeVar("T")
Ts = TypeVarTuple("Ts")


# The timeout is a parameter (not the caller's asyncio.timeout) so that running out of
# time raises KeyringTimeout with its sentence rather than a bare TimeoutError.
async def run_blocking(
    fn: Callable[[*Ts], T],
    *args: *Ts,
    timeout: float,  # noqa: ASYNC109
    action: str = "answer",
) -> T:
    """Run ``fn(*args)`` on a worker thread; raise :class:`KeyringTimeout` after ``timeout`` s.

    A thread cannot be stopped: after a timeout the call goes on and its result is
    dropped. Each call gets its own daemon thread rather than a ThreadPoolExecutor
    worker because executor workers are joined at interpreter exit, so a call stuck on
    an unlock dialog would keep the app from quitting.
    """
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: Exception | None) -> None:
        if future.done():  # timed out or cancelled: nobody waits for this any more
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]  # None only with an error

    def work() -> None:
        result: T | None = None
        error: Exception | None = None
        try:
            result = fn(*args)
        except Exception as exc:  # handed to the awaiting task, which re-raises it
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: the app is quitting
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="hubcall-keyring", daemon=True).start()
    try:
        async with asyncio.timeout(timeout):
            return await future
    except TimeoutError:
        logger.warning("keyring did not %s within %g s", action, timeout)
        raise KeyringTimeout(action, timeout) from None


class AsyncSecretStore:
    """:class:`SecretStore` for coroutines. Keyring calls run one at a time (process-wide),
    so a locked keyring shows one unlock dialog rather than one per caller."""

    def __init__(self, store: SecretStore, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self._store = store
        self._timeout = timeout

    def __repr__(self) -> str:
        return f"AsyncSecretStore({self._store!r}, timeout={self._timeout:g})"

    @property
    def store(self) -> SecretStore:
        return self._store

    async def _run(self, action: str, fn: Callable[[*Ts], T], *args: *Ts) -> T:
        def serialised() -> T:
            with _ONE_AT_A_TIME:
                return fn(*args)

        return await run_blocking(serialised, timeout=self._timeout, action=action)

    async def backend_name(self) -> str:
        return await self._run("open", self._store.backend_name)

    async def get(self, name: str) -> Secret | None:
        return await self._run("read a secret", self._store.get, name)

    async def set(self, name: str, value: Secret | str) -> None:
        await self._run("save a secret", self._store.set, name, value)

    async def delete(self, name: str) -> None:
        await self._run("delete a secret", self._store.delete, name)

    async def access_token(self, portal: str = DEFAULT_PORTAL) -> Secret:
        return await self._run("read the access token", self._store.access_token, portal)

    async def set_access_token(self, token: Secret | str, portal: str = DEFAULT_PORTAL) -> None:
        await self._run("save the access token", self._store.set_access_token, token, portal)

    async def delete_access_token(self, portal: str = DEFAULT_PORTAL) -> None:
        await self._run("delete the access token", self._store.delete_access_token, portal)
