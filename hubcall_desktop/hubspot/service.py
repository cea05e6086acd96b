"""The HubSpot service: inbound-call lookups and logs, account details, over one httpx client."""

from __future__ import annotations

import asyncio
import email.utils
import hmac
import json
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx

from hubcall_desktop.core.api_versions import (
    API_VERSIONS,
    DEFAULT_API_BASE,
    LEGACY_API_VERSION,
    VERSIONS,
)
from hubcall_desktop.core.call import Call
from hubcall_desktop.core.connection_types import AccountDetails
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.outcomes import OutcomeList, outcomes_from_property
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.answers import ACCEPT_ENCODING, Answer, read_answer
from hubcall_desktop.hubspot.bodies import build_log_body, build_lookup_body
from hubcall_desktop.hubspot.contacts import (
    CONTACT_DEADLINE_S,
    CONTACTS_PATH,
    ContactCreation,
    created_id,
    duplicate_of,
)
from hubcall_desktop.hubspot.errors import (
    NO_ACCOUNT_DETAILS,
    NOT_JSON,
    TIMED_OUT,
    UNREACHABLE,
    UNREADABLE,
    HubSpotAuthError,
    HubSpotError,
    HubSpotProtocolError,
    HubSpotRateLimited,
    HubSpotSlow,
    HubSpotUnreachable,
    error_from_response,
)
from hubcall_desktop.hubspot.matches_json import parse_matches
from hubcall_desktop.hubspot.pacing import MAX_SERVER_WAIT_S, RequestPacer
from hubcall_desktop.hubspot.retrying import RetryPolicy, retrying

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = DEFAULT_API_BASE
API_PATHS = {name: version.path for name, version in VERSIONS.items()}
ACCOUNT_DETAILS_PATH = "/account-info/v3/details"
CALL_OUTCOMES_PATH = "/crm/v3/properties/calls/hs_call_disposition"
CORRELATION_HEADER = "X-HubSpot-Correlation-Id"
# Explicit: httpx's default 5 s everywhere is too short to read a slow HubSpot answer and
# too long to notice a dead network while connecting.
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=10.0, pool=5.0)
# Overall deadlines, retries, pacing and a body that drips included: past them the
# request ends with HubSpotSlow ("HubSpot is slow") instead of holding the caller. A
# lookup feeds the pop-up, so it gives up soon; a log only delays the outbox, which keeps
# the call queued and tries again later.
LOOKUP_DEADLINE_S = 15.0
LOG_DEADLINE_S = 60.0
ACCOUNT_DEADLINE_S = 30.0


class TokenProvider(Protocol):
    """One portal's access token, and the one to hear that HubSpot refused it (a 401).

    The provider decides what a 401 means: an OAuth provider drops its token and
    refreshes it on the next request; a fixed token is marked refused.
    """

    async def access_token(self) -> Secret: ...

    async def on_auth_error(self, error: object) -> None: ...


@dataclass(slots=True)
class StaticToken:
    """A token given once: a private-app token being checked, or the demo's."""

    token: Secret
    refused: bool = False  # HubSpot answered 401 to it

    async def access_token(self) -> Secret:
        return self.token

    async def on_auth_error(self, error: object) -> None:
        self.refused = True


def build_client(
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
) -> httpx.AsyncClient:
    """The one long-lived client a service uses. No redirects: a redirect from the API is a
    misconfiguration, and following it would send the bearer token somewhere else."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": "hubcall-desktop"},
    )


class HubSpotService:
    """Speaks the inbound-call contract. Injected: the client, the token provider, the pacer.

    ``tokens`` is the default provider (the active portal). A log body may be sent with
    another portal's provider (``send_log_body(..., tokens=...)``): same client, pacer and
    retries. A 401 is told to the provider whose token was refused, and only to it, so a
    refused token of portal B never makes portal A drop its token.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        tokens: TokenProvider,
        *,
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = LEGACY_API_VERSION,
        pacer: RequestPacer | None = None,
        retry_policy: RetryPolicy | None = None,
        lookup_deadline_s: float = LOOKUP_DEADLINE_S,
        log_deadline_s: float = LOG_DEADLINE_S,
        retry_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if api_version not in API_PATHS:
            raise ValueError(f"api_version must be one of {', '.join(API_VERSIONS)}")
        self._client = client
        self._tokens = tokens
        self._base_url = base_url.rstrip("/")
        self._api_version = api_version
        self.pacer = pacer or RequestPacer()
        self._policy = retry_policy or RetryPolicy()
        self.lookup_deadline_s = lookup_deadline_s
        self.log_deadline_s = log_deadline_s
        self._retry_sleep = retry_sleep

    def __repr__(self) -> str:
        return f"HubSpotService(base_url={self._base_url!r}, api_version={self._api_version!r})"

    @property
    def tokens(self) -> TokenProvider:
        """The default token provider (the active portal's)."""
        return self._tokens

    @property
    def inbound_call_url(self) -> str:
        return self._base_url + API_PATHS[self._api_version]

    async def lookup(self, call: Call) -> list[CallerMatch]:
        """Announce a ringing call; returns who HubSpot thinks is calling."""
        answer = await self._send_json(
            "POST", self.inbound_call_url, build_lookup_body(call), self.lookup_deadline_s
        )
        return parse_matches(_json_or_error(answer))

    async def log(self, call: Call, *, create_engagement: bool = True) -> list[CallerMatch]:
        """Log a finished call (build the body, send it)."""
        return await self.send_log_body(build_log_body(call, create_engagement=create_engagement))

    async def send_log_body(
        self, body: dict[str, Any], *, tokens: TokenProvider | None = None
    ) -> list[CallerMatch]:
        """Send a log body exactly as the outbox stored it, with ``tokens`` (the portal
        the call belongs to) or, when ``None``, the default provider."""
        answer = await self._send_json(
            "POST", self.inbound_call_url, body, self.log_deadline_s, tokens, queued=True
        )
        try:
            return parse_matches(_json_or_error(answer))
        except HubSpotProtocolError:
            # HubSpot answered 2xx: the call is logged whatever the body says (not JSON,
            # too large, cut short). Calling it failed would invite a duplicate resend.
            logger.warning(  # pragma: no mutate
                "logged, but the answer did not list caller matches"  # pragma: no mutate
            )
            return []

    async def create_contact(
        self, properties: dict[str, str], *, tokens: TokenProvider | None = None
    ) -> ContactCreation:
        """Create a contact; a 409 (the e-mail exists) comes back as ``existing``."""
        url = self._base_url + CONTACTS_PATH
        body = {"properties": properties}
        try:
            answer = await self._send_json("POST", url, body, CONTACT_DEADLINE_S, tokens)
        except HubSpotError as error:
            duplicate = duplicate_of(error)
            if duplicate is None:
                raise
            return duplicate
        try:
            return ContactCreation(created_id(_json_or_error(answer)))
        except HubSpotProtocolError:
            # 2xx: the contact exists, but without its id it cannot be shown or linked.
            logger.warning(  # pragma: no mutate
                "contact created, but the answer did not give its id"  # pragma: no mutate
            )
            raise

    async def call_outcomes(self) -> OutcomeList:
        """The portal's call outcomes: the options of the ``hs_call_disposition`` property."""
        answer = _json_or_error(
            await self._send_json(
                "GET", self._base_url + CALL_OUTCOMES_PATH, None, ACCOUNT_DEADLINE_S
            )
        )
        try:
            return outcomes_from_property(answer, datetime.now(UTC))
        except ValueError:
            raise HubSpotProtocolError(UNREADABLE("no call outcomes in it")) from None

    async def account_details(self) -> AccountDetails:
        answer = _json_or_error(
            await self._send_json(
                "GET", self._base_url + ACCOUNT_DETAILS_PATH, None, ACCOUNT_DEADLINE_S
            )
        )
        portal = answer.get("portalId") if isinstance(answer, dict) else None
        domain = answer.get("uiDomain") if isinstance(answer, dict) else None
        if isinstance(portal, bool) or not isinstance(portal, int) or not isinstance(domain, str):
            raise HubSpotProtocolError(NO_ACCOUNT_DETAILS())
        return AccountDetails(
            portal_id=portal,
            ui_domain=domain,
            time_zone=_str(answer.get("timeZone")),
            data_hosting_location=_str(answer.get("dataHostingLocation")),
            account_type=_str(answer.get("accountType")),
        )

    async def _send_json(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None,
        deadline_s: float,
        tokens: TokenProvider | None = None,
        *,
        queued: bool = False,
    ) -> Answer:
        """The 2xx answer; a typed error otherwise, ``HubSpotSlow`` past ``deadline_s``
        (``queued``: the request is a log the outbox keeps, and the sentence says so)."""
        try:
            async with asyncio.timeout(deadline_s):
                return await self._send_json_once_more(method, url, body, tokens)
        except TimeoutError:
            logger.warning(  # pragma: no mutate
                "HubSpot did not finish answering within %g s",  # pragma: no mutate
                deadline_s,  # pragma: no mutate
            )
            raise HubSpotSlow(deadline_s, queued=queued) from None

    async def _send_json_once_more(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None,
        tokens: TokenProvider | None,
    ) -> Answer:
        provider = self._tokens if tokens is None else tokens
        sent: list[Secret] = []  # the token of the last attempt, to compare, never to show
        try:
            return await self._send_with_retries(method, url, body, provider, sent)
        except HubSpotAuthError:
            # HubSpot refused the token (say, its clock found it expired before ours did).
            # The provider was told; if it now hands out another token (OAuth refreshed
            # it), this request goes again once, so the agent never sees the hiccup.
            # A refused refresh raises here, as "reconnect needed", at once.
            fresh = await provider.access_token()
            if not sent or hmac.compare_digest(fresh.reveal(), sent[-1].reveal()):
                raise
            logger.info(  # pragma: no mutate
                "HubSpot refused a token that has since been renewed; trying again"  # pragma: no mutate
            )
        return await self._send_with_retries(method, url, body, provider, sent)

    async def _send_with_retries(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None,
        provider: TokenProvider,
        sent: list[Secret],
    ) -> Answer:
        # tenacity calls it until it succeeds or the policy stops, then reraises the last error.
        attempts = retrying(self._policy, self._retry_sleep)
        return await attempts(self._send_once, method, url, body, provider, sent)

    async def _send_once(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None,
        tokens: TokenProvider,
        sent: list[Secret],
    ) -> Answer:
        await self.pacer.acquire()
        token = await tokens.access_token()
        sent[:] = [token]
        headers = {"Authorization": f"Bearer {token.reveal()}", "Accept-Encoding": ACCEPT_ENCODING}
        content = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            # Streamed, so the body is read with a cap (see ``answers``).
            async with self._client.stream(
                method, url, content=content, headers=headers
            ) as response:
                answer = await read_answer(response)
        except httpx.TimeoutException as exc:
            raise HubSpotUnreachable(TIMED_OUT(type(exc).__name__)) from None
        except httpx.HTTPError as exc:
            raise HubSpotUnreachable(UNREACHABLE(type(exc).__name__)) from None
        self.pacer.observe(answer.headers, rate_limited=answer.status == 429)
        logger.info("%s %s -> %s", method, url, answer.status)  # pragma: no mutate
        if 200 <= answer.status < 300:  # a 3xx is not a success: redirects are not followed
            return answer
        error = error_from_response(
            answer.status,
            _json_or_none(answer),
            _retry_after(answer),
            correlation_header=answer.headers.get(CORRELATION_HEADER, ""),
            api_version=self._api_version if url == self.inbound_call_url else "",
        )
        if isinstance(error, HubSpotRateLimited) and error.retry_after is not None:
            self.pacer.pause(error.retry_after)
        if answer.status == 401:
            await tokens.on_auth_error(error)  # the provider decides: refresh, or refused
        logger.warning("HubSpot error: %s", error.user_message)  # pragma: no mutate
        raise error


def _json_or_error(answer: Answer) -> Any:
    if answer.body is None:
        raise HubSpotProtocolError(UNREADABLE(answer.problem))
    if not answer.body:
        return {}
    try:
        return json.loads(answer.body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise HubSpotProtocolError(NOT_JSON()) from None


def _json_or_none(answer: Answer) -> Any:
    try:
        return None if answer.body is None else json.loads(answer.body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _retry_after(answer: Answer) -> float | None:
    """``Retry-After`` (seconds or an HTTP date) when present, else HubSpot's window;
    never more than ``MAX_SERVER_WAIT_S`` (a huge, infinite or far-future value is the
    server's mistake, and must not stall every later request until a restart)."""
    if answer.status != 429:
        return None
    value = (answer.headers.get("Retry-After") or "").strip()
    seconds: float | None = None
    if value:
        try:
            seconds = float(value)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError, OverflowError):
                when = None
            if when is not None:
                when = when if when.tzinfo else when.replace(tzinfo=UTC)
                seconds = (when - datetime.now(UTC)).total_seconds()
    if seconds is None:
        interval = answer.headers.get("X-HubSpot-RateLimit-Interval-Milliseconds")
        try:
            seconds = int(interval) / 1000 if interval else None
        except ValueError:
            seconds = None
    if seconds is None or math.isnan(seconds):
        return None
    return min(max(0.0, seconds), MAX_SERVER_WAIT_S)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""
