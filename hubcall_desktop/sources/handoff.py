"""``hubcall-desktop notify``: hand one call event to the running app through its webhook.

The running app's address comes from its runtime file (same data dir), else from a
running demo's; the secret from the keyring through an injected getter (a demo's from its
own runtime file). Nothing is journaled here: the app does that, and answers 202 only
once it has.
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
    """No running HubCall Desktop for this data dir (nor a demo, where one may answer)."""


class WebhookOff(ConfigurationError):
    """The app runs, but its webhook is off (in its settings, or it could not start)."""


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
    demo: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """The app a command talks to; ``demo_beside``: a demo that runs too, left alone
    because the real app wins (``--demo`` reaches it)."""

    app: RuntimeInfo
    demo_beside: RuntimeInfo | None = None


def locate_app(
    runtime_file: Path,
    demo_file: Path | None = None,
    *,
    demo_only: bool = False,
    command: str = "notify",
    unrecorded: bool = False,
) -> Found:
    """The app of this data dir if one runs (with its webhook on), else a running demo.

    ``demo_only`` (``--demo``) looks at the demo alone. A real app whose webhook is off is
    not passed over for the demo: a softphone's real calls must not land in a throwaway
    journal unnoticed. ``command`` names the command for the ``--demo`` hint;
    ``unrecorded`` adds that the event was not recorded. Raises AppNotRunning or
    WebhookOff with a sentence that names the actual problem."""
    after = " The event was not recorded." if unrecorded else ""
    demo = running_app(demo_file) if demo_file is not None else None
    if demo_only:
        if demo is None:
            raise AppNotRunning(
                "No HubCall Desktop demo is running; start one with hubcall-desktop --demo." + after
            )
        _require_webhook(demo, after)
        return Found(demo)
    app = running_app(runtime_file)
    if app is None and demo is not None:
        _require_webhook(demo, after)
        return Found(demo)
    if app is None:
        raise AppNotRunning(
            f"No HubCall Desktop is running for the data folder {runtime_file.parent}; "
            "start it first (or try the demo: hubcall-desktop --demo)." + after
        )
    beside = demo if demo is not None and demo.listening else None
    if not app.listening and beside is not None:
        after += f" A demo is running at {beside.url}: hubcall-desktop --demo {command} reaches it."
    _require_webhook(app, after)
    return Found(app, beside)


def _require_webhook(info: RuntimeInfo, after: str) -> None:
    if info.listening:
        return
    who = "The HubCall Desktop demo" if info.demo else "HubCall Desktop"
    if info.webhook_problem:
        raise WebhookOff(
            f"{who} is running, but its webhook could not start: {info.webhook_problem}" + after
        )
    raise WebhookOff(
        f"{who} is running, but its webhook is off; turn it on in Settings → Softphone "
        "(it takes effect after a restart)." + after
    )


def require_secret(get_secret: SecretGetter, info: RuntimeInfo) -> Secret:
    """The demo's own secret from its runtime file, else the keyring's."""
    if info.demo:
        if not info.secret:
            raise ConfigurationError(
                f"The demo at {info.url} did not say its webhook secret; restart the demo."
            )
        return info.secret
    secret = get_secret()
    if not secret:
        # The app runs with its webhook on, so it has a secret: this keyring is not its.
        raise ConfigurationError(
            f"HubCall Desktop is running at {info.url}, but this keyring holds no webhook "
            "secret: this command sees another keyring than the app (another session or "
            "user?). Settings → Softphone shows the secret to use."
        )
    return secret


async def notify(
    fields: dict[str, str],
    runtime_file: Path,
    get_secret: SecretGetter,
    *,
    demo_file: Path | None = None,
    demo_only: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    request_timeout: float = DEFAULT_TIMEOUT,
) -> Handoff:
    """POST the event (``event``, ``from``, ``to``, optional ``call_id``, ``reason``) as
    the CLI source, to the data dir's app or else a running demo (``demo_file``; with
    ``demo_only``, the demo alone). Raises AppNotRunning, ConfigurationError (WebhookOff
    among them) or EventRefused."""
    info = locate_app(runtime_file, demo_file, demo_only=demo_only, unrecorded=True).app
    secret = require_secret(get_secret, info)
    body = {**fields, "source": "cli"}
    headers = {"Authorization": f"Bearer {secret.reveal()}"}
    try:
        async with httpx.AsyncClient(
            transport=transport, timeout=request_timeout, trust_env=False
        ) as client:
            response = await client.post(info.url + EVENTS_PATH, json=body, headers=headers)
    except httpx.ConnectError:
        raise AppNotRunning(
            f"HubCall Desktop does not answer at {info.url}; it has just stopped, it seems. "
            "The event was not recorded."
        ) from None
    except httpx.TimeoutException as exc:
        # Sent, maybe taken: the app answers only once the journal has the event.
        raise UserError(
            f"HubCall Desktop at {info.url} did not answer in time ({type(exc).__name__}); "
            "the event may or may not have been recorded."
        ) from None
    except httpx.HTTPError as exc:
        raise UserError(
            f"Could not reach HubCall Desktop at {info.url}: {type(exc).__name__}. "
            "The event was not recorded."
        ) from None
    return _read_answer(response, info)


def _read_answer(response: httpx.Response, info: RuntimeInfo) -> Handoff:
    try:
        data = response.json()
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if response.status_code == 202 and isinstance(data.get("call_id"), str):
        return Handoff(call_id=data["call_id"], url=info.url, demo=info.demo)
    message = str(data.get("error") or f"HTTP {response.status_code}")
    field = data.get("field") if isinstance(data.get("field"), str) else None
    if response.status_code == 401:
        if info.demo:
            raise ConfigurationError(
                f"The demo at {info.url} refused the secret its runtime file gives; "
                "restart the demo. The event was not recorded."
            )
        raise ConfigurationError(
            f"HubCall Desktop at {info.url} refused the webhook secret in the keyring (it "
            "uses another one); restart HubCall Desktop, or compare with Settings → "
            "Softphone. The event was not recorded."
        )
    raise EventRefused(
        response.status_code,
        f"HubCall Desktop refused the event (not recorded): {message}",
        field,
    )
