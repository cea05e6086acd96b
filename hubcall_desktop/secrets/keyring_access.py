"""How the secret store reaches the OS keyring, and the keyring's errors on a pipe.

Two ways implement :class:`KeyringAccess`: ``keyring_local.LocalKeyring`` calls the
keyring library in this process; ``keyring_process.KeyringProcess`` asks a short-lived
helper process that does the same (so the window's process never loads the Secret
Service's crypto stack). Both raise the same typed errors; the helper sends them as
JSON, made and read here. Nothing here imports the keyring library.
"""

from __future__ import annotations

from typing import Any, Protocol

from hubcall_desktop.core.messages import Message, Template
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringLocked, NoKeyringBackend


class KeyringAccess(Protocol):
    """The keyring's three operations for one service's entries, raising UserErrors."""

    def label(self) -> str:
        """The backend's display name (resolving and checking it on first use)."""
        ...

    def resolved_label(self) -> str | None:
        """The display name once resolved, else None (never waits: used in reprs)."""
        ...

    def get(self, service: str, name: str) -> str | None: ...

    def set(self, service: str, name: str, value: str) -> None: ...

    def delete(self, service: str, name: str) -> bool:
        """Delete the entry; False when the backend refused (it may just be missing)."""
        ...


Text = str | Message
HELPER_UNREADABLE = Template(
    "keyring.helper_unreadable", "the keyring helper's answer cannot be read"
)


def text_to_wire(text: Text) -> Any:
    """A sentence for JSON: a Message keeps its template and parameters."""
    if isinstance(text, Message):
        return {
            "id": text.template.id,
            "english": text.template.english,
            "args": [text_to_wire(a) if isinstance(a, Message) else a for a in text.args],
        }
    return str(text)


def text_from_wire(value: Any) -> Text:
    if isinstance(value, dict):
        template = Template(str(value["id"]), str(value["english"]))
        args = [text_from_wire(a) if isinstance(a, dict) else a for a in value["args"]]
        return template(*args)
    return str(value)


def error_to_wire(error: NoKeyringBackend | KeyringLocked | KeyringFailed) -> dict[str, Any]:
    if isinstance(error, NoKeyringBackend):
        return {"type": "no-backend", "reason": text_to_wire(error.reason)}
    if isinstance(error, KeyringLocked):
        return {"type": "locked", "detail": error.detail}
    return {"type": "failed", "action": error.action, "detail": text_to_wire(error.detail)}


def error_from_wire(wire: Any, action: str) -> NoKeyringBackend | KeyringLocked | KeyringFailed:
    """The typed error the helper reported; anything unreadable is a failure of ``action``."""
    try:
        kind = wire["type"]
        if kind == "no-backend":
            return NoKeyringBackend(text_from_wire(wire["reason"]))
        if kind == "locked":
            return KeyringLocked(str(wire["detail"]))
        if kind == "failed":
            return KeyringFailed(str(wire["action"]), text_from_wire(wire["detail"]))
    except (KeyError, TypeError, ValueError):
        pass
    return KeyringFailed(action, HELPER_UNREADABLE())
