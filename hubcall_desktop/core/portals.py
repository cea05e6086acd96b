"""Portal keys: the names that tell the agent's HubSpot connections apart.

One rule for the keyring's entry names (secrets.store), the settings file
(core.settings) and every call's ``portal``: 1-64 visible characters, no spaces.
"""

from __future__ import annotations

from typing import Final

from hubcall_desktop.core.errors import LONGER_THAN, NOT_EMPTY, InputError
from hubcall_desktop.core.messages import Template

DEFAULT_PORTAL: Final = "default"
MAX_PORTAL_LENGTH: Final = 64


# fmt: off
NO_SPACES = Template("problem.no_spaces", "must not contain spaces or control characters")
# fmt: on


def is_portal_key(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_PORTAL_LENGTH
        and all(ch.isprintable() and not ch.isspace() for ch in value)
    )


def validate_portal(portal: str) -> str:
    """``portal`` if it is a portal key (``default``, ``12345678``), else InputError."""
    if not isinstance(portal, str) or not portal:
        raise InputError("portal", portal, NOT_EMPTY())
    if len(portal) > MAX_PORTAL_LENGTH:
        raise InputError("portal", portal, LONGER_THAN(MAX_PORTAL_LENGTH))
    if not is_portal_key(portal):
        raise InputError("portal", portal, NO_SPACES())
    return portal
