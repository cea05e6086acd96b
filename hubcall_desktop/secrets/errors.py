"""What can go wrong with the keyring, each error with the sentence the user sees.

No message here ever contains a secret: the values are never passed in, and details
taken from a backend's own exception are scrubbed first (see ``backends.describe``).
"""

from __future__ import annotations

from hubcall_desktop.core.errors import INPUT_PROBLEM, ConfigurationError, InputError, UserError
from hubcall_desktop.core.messages import Message, Template

ACCESS_TOKEN_ENV = "HUBCALL_ACCESS_TOKEN"  # noqa: S105 - the variable's name, not a token

# fmt: off
NO_KEYRING = Template("keyring.none", "No secure keyring is available to keep the HubSpot token (%1). Install and start a keyring service (GNOME Keyring, KWallet or KeePassXC with its Secret Service enabled on Linux; the system keychain on macOS and Windows) and try again, or set HUBCALL_ACCESS_TOKEN for this session.")
LOCKED = Template("keyring.locked", "The system keyring is locked or could not be opened (%1). Unlock it (log in to your desktop session, or open your password manager and unlock the login keyring), then try again.")
FAILED = Template("keyring.failed", "The system keyring could not %1 (%2). Check that your keyring service is running and unlocked, then try again.")
TIMED_OUT = Template("keyring.timed_out", "The system keyring did not %1 within %2 seconds. It may be waiting for you to unlock it: look for an unlock window, then try again.")
NO_TOKEN = Template("keyring.no_token", "No HubSpot access token is saved for portal %1. Save your private app's access token in the settings (or with the command line), or set HUBCALL_ACCESS_TOKEN.")
# fmt: on


class NoKeyringBackend(ConfigurationError):
    """No secure keyring is available, or the only one found keeps secrets in plain files."""

    def __init__(self, reason: str | Message) -> None:
        super().__init__(NO_KEYRING(reason))
        self.reason = reason


class KeyringLocked(ConfigurationError):
    """The keyring is locked and was not unlocked (the prompt was dismissed or impossible),
    or it could not be opened at all."""

    def __init__(self, detail: str) -> None:
        super().__init__(LOCKED(detail))
        self.detail = detail


class KeyringFailed(ConfigurationError):
    """The keyring answered with an error we have no better name for."""

    def __init__(self, action: str, detail: str | Message) -> None:
        super().__init__(FAILED(action, detail))
        self.action = action
        self.detail = detail


class KeyringTimeout(KeyringFailed):
    """A keyring call did not return in time; it may be waiting for an unlock dialog."""

    def __init__(self, action: str, seconds: float) -> None:
        UserError.__init__(self, TIMED_OUT(action, f"{seconds:g}"))
        self.action = action
        self.detail = f"no answer within {seconds:g} s"
        self.seconds = seconds


class NoTokenError(ConfigurationError):
    """No access token is saved for the portal and none is given in the environment."""

    def __init__(self, portal: str) -> None:
        super().__init__(NO_TOKEN(repr(portal)))
        self.portal = portal


class InvalidSecretValue(InputError):
    """A token or secret that cannot be right; the message names the problem, never the value."""

    def __init__(self, field: str, problem: str | Message) -> None:
        # Skip InputError's "(got <value>)": the value is the secret.
        UserError.__init__(self, INPUT_PROBLEM(field, problem))
        self.field = field
        self.value = "***"
        self.problem = problem
