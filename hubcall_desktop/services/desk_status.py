"""The connection state (token, HubSpot reachable, outbox, sources), kept from what happens.

Nothing here asks HubSpot anything: the state follows the answers real requests got, so
the status bar never costs a request of its own.
"""

from __future__ import annotations

import dataclasses
import logging

from hubcall_desktop.core.desk_types import DeskStatus, StatusListener, TokenState
from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.listeners import Listeners
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotError,
    HubSpotScopeError,
    HubSpotUnreachable,
)
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded

logger = logging.getLogger(__name__)


class StatusKeeper:
    """Holds the current :class:`DeskStatus` and tells listeners when it changes."""

    def __init__(self) -> None:
        self.current = DeskStatus()
        self._listeners: Listeners[DeskStatus] = Listeners("status")
        self._journal_problem: str | None = None

    def add_listener(self, listener: StatusListener) -> None:
        self._listeners.add(listener)

    def _set(self, **changes: object) -> None:
        new = dataclasses.replace(self.current, **changes)  # type: ignore[arg-type]
        if new == self.current:
            return
        self.current = new
        self._listeners.notify(new)

    def after_success(self) -> None:
        """HubSpot answered 2xx: the token works and HubSpot is reachable."""
        self._set(token=TokenState.OK, reachable=True, message="")

    def after_error(self, error: UserError) -> None:
        """Learn what a failed request says about the connection."""
        if isinstance(error, ReconnectNeeded):  # before ConfigurationError, its base
            self._set(token=TokenState.RECONNECT, message=error.user_message)
        elif isinstance(error, HubSpotAuthError | HubSpotScopeError):
            self._set(token=TokenState.REFUSED, reachable=True, message=error.user_message)
        elif isinstance(error, HubSpotUnreachable):
            self._set(reachable=False, message=error.user_message)
        elif isinstance(error, HubSpotError):
            # HubSpot answered (4xx/5xx/429): it is reachable, the token was not the problem.
            self._set(reachable=True, message=error.user_message)
        elif isinstance(error, ConfigurationError):
            self._set(token=TokenState.MISSING, message=error.user_message)
        else:
            self._set(message=error.user_message)

    def journal_failed(self, error: UserError) -> None:
        """The journal refused an event (locked, full, replaced): say so until it works."""
        self._journal_problem = error.user_message
        self._set(message=error.user_message)

    def journal_ok(self) -> None:
        """A journal write worked: the journal's last problem, if still shown, is over."""
        problem, self._journal_problem = self._journal_problem, None
        if problem is not None and self.current.message == problem:
            self._set(message="")

    def set_token(self, state: TokenState, message: str = "") -> None:
        """What the connection manager says about the token (no keyring, reconnect, ...)."""
        self._set(token=state, message=message)

    def token_saved(self) -> None:
        """A new token: unknown until HubSpot has seen it."""
        self._set(token=TokenState.UNKNOWN, message="")

    def set_pending(self, count: int) -> None:
        self._set(pending=count)

    def set_sources(self, sources: tuple[str, ...]) -> None:
        self._set(sources=sources)
