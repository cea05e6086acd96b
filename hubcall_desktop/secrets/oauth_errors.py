"""What can go wrong while connecting with OAuth, each error with the sentence the user sees.

No message contains a token, a code or the client secret: HubSpot's own message is
scrubbed of every value we sent before it is quoted.
"""

from __future__ import annotations

from hubcall_desktop.core.errors import ConfigurationError, UserError


class OAuthError(ConfigurationError):
    """HubSpot's OAuth server refused a request."""

    def __init__(self, message: str, *, status: str = "", error: str = "") -> None:
        super().__init__(message)
        self.status = status  # HubSpot's code, e.g. BAD_REFRESH_TOKEN
        self.error = error  # RFC 6749's code, e.g. invalid_grant


class InvalidGrant(OAuthError):
    """The refresh token (or code) is revoked, expired or unknown: only reconnecting helps."""


class ReconnectNeeded(ConfigurationError):
    """The OAuth connection for a portal is gone; calls queue until the user reconnects."""

    def __init__(
        self, portal: str, reason: str = "HubSpot no longer accepts the connection"
    ) -> None:
        super().__init__(
            f"HubSpot needs you to connect again for portal {portal!r} ({reason}). Open the "
            "settings and press Connect (or run `hubcall-desktop auth login`); calls are "
            "kept in the outbox and sent once you are connected."
        )
        self.portal = portal
        self.reason = reason


class OAuthUnreachable(UserError):
    """The OAuth endpoint did not answer (network, timeout)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"Could not reach HubSpot to {what}; check the network and try again.")


class AuthorizationFailed(UserError):
    """The browser step did not end with a usable code."""


class StateMismatch(AuthorizationFailed):
    def __init__(self) -> None:
        super().__init__(
            "The answer from the browser did not match this sign-in (wrong state), so it "
            "was refused. Start the connection again from the app."
        )


class LoginTimedOut(AuthorizationFailed):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"No answer from the browser within {seconds:g} seconds. Start the connection "
            "again and finish it in the browser window that opens."
        )
        self.seconds = seconds


class NoClientId(ConfigurationError):
    def __init__(self) -> None:
        super().__init__(
            "No OAuth client id is configured. Enter your HubSpot app's client id in the "
            "settings (or pass --client-id), or connect with a private-app token instead."
        )


class RedirectPortInUse(AuthorizationFailed):
    """Another program listens on the sign-in's redirect port: the browser's answer (and
    its code) would reach that program, so the sign-in does not start."""

    def __init__(self, port: int) -> None:
        super().__init__(
            f"Port {port}, where the browser returns after signing in to HubSpot, is used by "
            "another program. Close that program, or choose another sign-in port in the "
            "settings (HubSpot, Advanced) and add its redirect URL to your HubSpot app."
        )
        self.port = port
