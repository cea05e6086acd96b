"""``hubcall-desktop notify``: hand one call event to the running app through its webhook.

The running app's address comes from its runtime file (same data dir), the secret from
the keyring through an injected getter. Nothing is journaled here: the app does that,
and answers 202 only once it has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.runtime import RuntimeInfo, running_app
from hubcall_desktop.sources.webhook import EVENTS_PATH

logger = logging.getLogger(__name__)

SecretGetter = Callable[[], Secret | None]
DEFAULT_TIMEOUT = 10.0


class AppNotRunning(UserError):
    """No running HubCall Desktop for this data dir."""


class EventRefused(UserError):
    """The running app refused the event; ``status`` is its HTTP answer."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.field = field


@dataclass(frozen=True, slots=True)
class Handoff:
    call_id: str  # the app's id for the call
    url: str


def find_app(runtime_file: Path) -> RuntimeInfo:
    info = running_app(runtime_file)
    if info is None:
        raise AppNotRunning(
            "HubCall Desktop is not running for this data dir; start it first "
            "(the event was not recorded)."
        )
    return info


def require_secret(get_secret: SecretGetter) -> Secret:
    secret = get_secret()
    if not secret:
        raise ConfigurationError(
            "No webhook secret in the keyring; HubCall Desktop creates it on its first start."
        )
    return secret


async def notify(
    fields: dict[str, str],
    runtime_file: Path,
    get_secret: SecretGetter,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    request_timeout: float = DEFAULT_TIMEOUT,
) -> Handoff:
    """POST the event (``event``, ``from``, ``to``, optional ``call_id``, ``reason``) as
    the CLI source. Raises AppNotRunning, ConfigurationError or EventRefused."""
    info = find_app(runtime_file)
    secret = require_secret(get_secret)
    body = {**fields, "source": "cli"}
    headers = {"Authorization": f"Bearer {secret.reveal()}"}
    try:
        async with httpx.AsyncClient(
            transport=transport, timeout=request_timeout, trust_env=False
        ) as client:
            response = await client.post(info.url + EVENTS_PATH, json=body, headers=headers)
    except httpx.ConnectError:
        raise AppNotRunning(
            f"HubCall Desktop does not answer at {info.url}; is it still running?"
        ) from None
    except httpx.HTTPError as exc:
        raise UserError(
            f"Could not reach HubCall Desktop at {info.url}: {type(exc).__name__}."
        ) from None
    return _read_answer(response, info.url)


def _read_answer(response: httpx.Response, url: str) -> Handoff:
    try:
        data = response.json()
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if response.status_code == 202 and isinstance(data.get("call_id"), str):
        return Handoff(call_id=data["call_id"], url=url)
    message = str(data.get("error") or f"HTTP {response.status_code}")
    field = data.get("field") if isinstance(data.get("field"), str) else None
    if response.status_code == 401:
        raise ConfigurationError(
            "The running app refused the webhook secret from the keyring; "
            "restart HubCall Desktop or check Settings → Connect your softphone."
        )
    raise EventRefused(response.status_code, f"The app refused the event: {message}", field)
