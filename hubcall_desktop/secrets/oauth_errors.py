"""What can go wrong while connecting with OAuth, each error with the sentence the user sees.

No message contains a token, a code or the client secret: HubSpot's own message is
scrubbed of every value we sent before it is quoted.
"""

from __future__ import annotations

from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.messages import Message, Template

# fmt: off
RECONNECT = Template("oauth.reconnect", "HubSpot needs you to connect again for portal %1 (%2). Open the settings and press Connect (or run `hubcall-desktop auth login`); calls are kept in the outbox and sent once you are connected.")
GRANT_GONE = Template("oauth.grant_gone", "HubSpot no longer accepts the connection")
NO_REFRESH_SAVED = Template("oauth.no_refresh_saved", "no refresh token is saved")
NO_REFRESH_SENT = Template("oauth.no_refresh_sent", "HubSpot sent no refresh token")
UNREACHABLE = Template("oauth.unreachable", "Could not reach HubSpot to %1; check the network and try again.")
WRONG_STATE = Template("oauth.wrong_state", "The answer from the browser did not match this sign-in (wrong state), so it was refused. Start the connection again from the app.")
LOGIN_TIMED_OUT = Template("oauth.login_timed_out", "No answer from the browser within %1 seconds. If HubSpot said the redirect URL is not allowed, add %2 to the HubSpot app's redirect URLs exactly as written. Then start the connection again and finish it in the browser window that opens.")
NO_CLIENT_ID = Template("oauth.no_client_id", "No OAuth client id is configured. Enter your HubSpot app's client id in the settings (or pass --client-id), or connect with a private-app token instead.")
PORT_IN_USE = Template("oauth.port_in_use", "Port %1, where the browser returns after signing in to HubSpot, is used by another program. Close that program, or choose another sign-in port in the settings (HubSpot, Advanced) and add its redirect URL to your HubSpot app.")
# fmt: on


class OAuthError(ConfigurationError):
    """HubSpot's OAuth server refused a request."""

    def __init__(self, message: str | Message, *, status: str = "", error: str = "") -> None:
        super().__init__(message)
        self.status = status  # HubSpot's code, e.g. BAD_REFRESH_TOKEN
        self.error = error  # RFC 6749's code, e.g. invalid_grant


class InvalidGrant(OAuthError):
    """The refresh token (or code) is revoked, expired or unknown: only reconnecting helps."""


class ReconnectNeeded(ConfigurationError):
    """The OAuth connection for a portal is gone; calls queue until the user reconnects."""

    def __init__(self, portal: str, reason: str | Message | None = None) -> None:
        reason = GRANT_GONE() if reason is None else reason
        super().__init__(RECONNECT(repr(portal), reason))
        self.portal = portal
        self.reason = reason


class OAuthUnreachable(UserError):
    """The OAuth endpoint did not answer (network, timeout)."""

    def __init__(self, what: str) -> None:
        super().__init__(UNREACHABLE(what))


class AuthorizationFailed(UserError):
    """The browser step did not end with a usable code."""


class StateMismatch(AuthorizationFailed):
    def __init__(self) -> None:
        super().__init__(WRONG_STATE())


class LoginTimedOut(AuthorizationFailed):
    """The browser never came back: the agent gave up, or HubSpot refused a redirect URL
    the app does not list (it says so on its own page and never redirects)."""

    def __init__(self, seconds: float, redirect_uri: str) -> None:
        super().__init__(LOGIN_TIMED_OUT(f"{seconds:g}", redirect_uri))
        self.seconds = seconds


class NoClientId(ConfigurationError):
    def __init__(self) -> None:
        super().__init__(NO_CLIENT_ID())


class RedirectPortInUse(AuthorizationFailed):
    """Another program listens on the sign-in's redirect port: the browser's answer (and
    its code) would reach that program, so the sign-in does not start."""

    def __init__(self, port: int) -> None:
        super().__init__(PORT_IN_USE(port))
        self.port = port
