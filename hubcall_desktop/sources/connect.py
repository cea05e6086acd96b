"""What the agent needs to connect a softphone: the webhook secret and ready-made templates.

The secret is generated on first start and kept in the keyring (through the callables the
app injects; no plaintext copy anywhere). The templates are what Settings shows with a
copy button: URLs for softphones that open a URL on call events, commands for softphones
and PBXs that run one.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook import EVENTS_PATH

logger = logging.getLogger(__name__)

WEBHOOK_SECRET_ENTRY = "webhook-secret"  # noqa: S105 - the keyring entry's name, not a value
NUMBER = "{number}"  # stand-in for the softphone's own caller-number placeholder
CALL_ID = "{call_id}"


def new_webhook_secret() -> Secret:
    return Secret(secrets.token_urlsafe(32))


def ensure_webhook_secret(
    load: Callable[[], Secret | None], save: Callable[[Secret], None]
) -> Secret:
    """The installation's secret, created and saved on first start."""
    secret = load()
    if secret:
        return secret
    secret = new_webhook_secret()
    save(secret)
    logger.info("created the webhook secret")
    return secret


@dataclass(frozen=True, slots=True)
class Template:
    title: str  # what it is for, e.g. "Ringing (URL)"
    text: str  # what the agent copies


def event_url(base_url: str, secret: Secret, event: str, *, with_call_id: bool = False) -> str:
    """``http://127.0.0.1:47831/v1/events/ringing?token=…&from={number}``."""
    # token_urlsafe's alphabet needs no percent-encoding in a query.
    url = f"{base_url}{EVENTS_PATH}/{event}?token={secret.reveal()}&from={NUMBER}"
    return url + (f"&call_id={CALL_ID}" if with_call_id else "")


def templates(base_url: str, secret: Secret, *, demo: bool = False) -> list[Template]:
    """Everything the "Connect your softphone" page offers to copy (in demo mode, commands
    that reach the demo even while the real app runs)."""
    found = [
        Template(f"{event.title()} (URL)", event_url(base_url, secret, event))
        for event in ("ringing", "answered", "ended")
    ]
    command = "hubcall-desktop --demo notify" if demo else "hubcall-desktop notify"
    found += [
        Template(f"{event.title()} (command)", f'{command} {event} --from "{NUMBER}"')
        for event in ("ringing", "answered", "ended")
    ]
    body = '{"event": "ringing", "from": "+4930123456", "call_id": "demo-1"}'
    found.append(
        Template(
            "curl",
            f'curl -sS -H "Authorization: Bearer {secret.reveal()}" '
            f"-H \"Content-Type: application/json\" -d '{body}' {base_url}{EVENTS_PATH}",
        )
    )
    return found
