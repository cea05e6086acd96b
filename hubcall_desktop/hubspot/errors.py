"""HubSpot's answers that are not a success, as typed errors with a sentence to show.

Every error keeps HubSpot's ``message``, ``category`` and ``correlationId`` (the agent
quotes it to HubSpot support) and says what to do. None ever holds the token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hubcall_desktop.core.api_versions import PRIVATE_APP_VERSIONS, VERSIONS
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.messages import Message, Template
from hubcall_desktop.core.oauth import INBOUND_CALL_SCOPES

# fmt: off
# HubSpot's own message and correlation id after our sentence (%1).
SAID_WITH_ID = Template("hubspot.said_with_id", "%1 (HubSpot said: %2; correlation id %3)")
SAID = Template("hubspot.said", "%1 (HubSpot said: %2)")
WITH_ID = Template("hubspot.with_id", "%1 (correlation id %2)")
TOKEN_EXPIRED = Template("hubspot.token_expired", "The HubSpot access token expired; the app fetches a new one for the next request. Reconnect to HubSpot in Settings if this message stays.")
TOKEN_REFUSED = Template("hubspot.token_refused", "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings.")
TOKEN_REFUSED_VERSIONS = Template("hubspot.token_refused_versions", "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings; a private-app token works only with API versions %1.")
SCOPE_MISSING = Template("hubspot.scope_missing", "The HubSpot app lacks a permission: add the scope %1 and reconnect.")
SCOPE_ANY = Template("hubspot.scope_any", "The HubSpot app lacks a permission: add one of the scopes %1 and reconnect.")
OAUTH_ONLY = Template("hubspot.oauth_only", "HubSpot refused access: API version %1 accepts OAuth connections only. Connect with OAuth in Settings, or choose API version %2 to use a private-app token.")
SCOPES_NEEDED = Template("hubspot.scopes_needed", "HubSpot refused access. The app needs one of these scopes: %1.")
DAILY_LIMIT = Template("hubspot.daily_limit", "HubSpot's daily API limit is used up; calls stay queued until it resets.")
RATE_LIMITED = Template("hubspot.rate_limited", "HubSpot is rate limiting requests; the app will send again shortly.")
SERVER_ERROR = Template("hubspot.server_error", "HubSpot had a server error (%1); the app will try again.")
REJECTED_CALL = Template("hubspot.rejected_call", "HubSpot rejected the call: check %1.")
REJECTED_REQUEST = Template("hubspot.rejected_request", "HubSpot rejected the request (%1).")
SLOW = Template("hubspot.slow", "HubSpot is slow: no answer within %1 seconds.")
SLOW_QUEUED = Template("hubspot.slow_queued", "HubSpot is slow: no answer within %1 seconds. The call stays queued and is sent later.")
# hubspot/service.py, matches_json.py, contacts.py
TIMED_OUT = Template("hubspot.timed_out", "HubSpot did not answer in time (%1).")
UNREACHABLE = Template("hubspot.unreachable", "Could not reach HubSpot (%1).")
NO_ACCOUNT_DETAILS = Template("hubspot.no_account_details", "HubSpot's account details lacked the portal id or domain.")
NOT_JSON = Template("hubspot.not_json", "HubSpot answered with something that is not JSON.")
NO_MATCHES = Template("hubspot.no_matches", "HubSpot's answer did not list caller matches.")
UNREADABLE = Template("hubspot.unreadable", "HubSpot's answer could not be read (%1).")
# fmt: on


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """The parts of HubSpot's error body the app uses."""

    status_code: int | None = None
    message: str = ""
    category: str = ""
    correlation_id: str = ""
    sub_category: str = ""
    policy_name: str = ""
    fields: tuple[str, ...] = ()
    missing_scopes: tuple[str, ...] = ()
    # HubSpot said any one of ``missing_scopes`` will do ("One or more of the following
    # scopes are required."), rather than that every one is missing.
    any_scope_will_do: bool = False
    field_messages: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """What the journal keeps of a failure, for the agent and support to read later."""
        return {
            "status": self.status_code,
            "message": self.message,
            "category": self.category,
            "subCategory": self.sub_category,
            "correlationId": self.correlation_id,
            "fields": list(self.fields),
            "errorMessages": list(self.field_messages),
            "missingScopes": list(self.missing_scopes),
        }


class HubSpotError(UserError):
    """HubSpot (or the way to it) did not give a usable answer."""

    #: worth trying again later: the request was refused for now, not for good
    transient: bool = False

    def __init__(self, sentence: str | Message, details: ErrorDetails | None = None) -> None:
        self.details = details or ErrorDetails()
        said = self.details.message if self.details.message not in sentence else ""
        said_id = self.details.correlation_id
        if said and said_id:
            sentence = SAID_WITH_ID(sentence, said, said_id)
        elif said:
            sentence = SAID(sentence, said)
        elif said_id:
            sentence = WITH_ID(sentence, said_id)
        super().__init__(sentence)

    def to_json(self) -> dict[str, Any]:
        return {
            "error": type(self).__name__,
            "sentence": self.user_message,
            **self.details.to_json(),
        }


class HubSpotAuthError(HubSpotError):
    """401: the token expired, was revoked or is wrong."""

    @property
    def expired(self) -> bool:
        return self.details.category == "EXPIRED_AUTHENTICATION"


class HubSpotScopeError(HubSpotError):
    """403: the token lacks a scope the endpoint needs."""


class HubSpotValidationError(HubSpotError):
    """400 (and other 4xx): HubSpot refused what we sent; resending as-is will not help."""


class HubSpotRateLimited(HubSpotError):
    """429. The ten-secondly limit clears within seconds; the daily one only after hours."""

    transient = True

    def __init__(
        self,
        sentence: str | Message,
        details: ErrorDetails | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(sentence, details)
        self.retry_after = retry_after

    @property
    def daily(self) -> bool:
        return self.details.policy_name == "DAILY"


class HubSpotServerError(HubSpotError):
    """5xx: HubSpot's side failed; try again later."""

    transient = True


class HubSpotUnreachable(HubSpotError):
    """No answer at all: offline, DNS, refused connection, timeout."""

    transient = True


class HubSpotSlow(HubSpotUnreachable):
    """No whole answer within the request's overall deadline (a stalled or dripping
    answer, long server-given waits): the pop-up says "HubSpot is slow"."""

    def __init__(self, deadline_s: float, *, queued: bool = False) -> None:
        super().__init__((SLOW_QUEUED if queued else SLOW)(f"{deadline_s:g}"))
        self.deadline_s = deadline_s


class HubSpotProtocolError(HubSpotError):
    """A 2xx answer whose body is not what the contract promises."""


def error_from_response(
    status: int,
    body: Any,
    retry_after: float | None,
    *,
    correlation_header: str = "",
    api_version: str = "",
) -> HubSpotError:
    """Map an HTTP status and HubSpot's error body to the right typed error.

    ``correlation_header`` is the answer's ``X-HubSpot-Correlation-Id``: the id support
    asks for even when the body (a proxy's page, an empty 502) does not carry it.
    ``api_version`` is the inbound-call version asked, for refusals that depend on it.
    """
    details = parse_error_body(status, body, correlation_header)
    oauth_only = api_version in VERSIONS and not VERSIONS[api_version].private_apps
    if status == 401:
        if details.category == "EXPIRED_AUTHENTICATION":
            # Routine for OAuth (30-minute tokens): the provider refreshes on the next try,
            # so reconnecting is only the advice for when that does not help.
            sentence = TOKEN_EXPIRED()
        elif oauth_only:
            sentence = TOKEN_REFUSED_VERSIONS(", ".join(PRIVATE_APP_VERSIONS))
        else:
            sentence = TOKEN_REFUSED()
        return HubSpotAuthError(sentence, details)
    if status == 403:
        need = ", ".join(details.missing_scopes)
        if details.missing_scopes and details.any_scope_will_do:
            sentence = SCOPE_ANY(need)
        elif details.missing_scopes:
            sentence = SCOPE_MISSING(need)
        elif oauth_only:
            # v3 and 2026-03 list OAuth as their only scheme: a private-app token is refused
            # there whatever its scopes, and the fix is a setting, not a scope.
            sentence = OAUTH_ONLY(api_version, PRIVATE_APP_VERSIONS[-1])
        else:
            sentence = SCOPES_NEEDED(", ".join(INBOUND_CALL_SCOPES))
        return HubSpotScopeError(sentence, details)
    if status == 429:
        sentence = DAILY_LIMIT() if details.policy_name == "DAILY" else RATE_LIMITED()
        return HubSpotRateLimited(sentence, details, retry_after)
    if status >= 500:
        return HubSpotServerError(SERVER_ERROR(status), details)
    if details.fields:
        sentence = REJECTED_CALL(", ".join(details.fields))
    else:
        sentence = REJECTED_REQUEST(status)
    return HubSpotValidationError(sentence, details)


def parse_error_body(status: int, body: Any, correlation_header: str = "") -> ErrorDetails:
    """Read HubSpot's error shape defensively: any field may be missing or of a wrong type.
    The body's ``correlationId`` wins; the header's is kept when the body has none."""
    header_id = _text(correlation_header.strip(), 100)
    if not isinstance(body, dict):
        return ErrorDetails(status_code=status, correlation_id=header_id)
    errors = body.get("errors")
    errors = errors if isinstance(errors, list) else []
    fields = tuple(
        str(e["in"]) for e in errors if isinstance(e, dict) and isinstance(e.get("in"), str)
    )
    field_messages = tuple(
        _text(e["message"])
        for e in errors[:MAX_KEPT_ERRORS]
        if isinstance(e, dict) and isinstance(e.get("message"), str)
    )
    scopes, any_will_do = _missing_scopes(body, errors)
    return ErrorDetails(
        status_code=status,
        message=_text(body.get("message")),
        category=_text(body.get("category")),
        correlation_id=_text(body.get("correlationId")) or header_id,
        sub_category=_text(body.get("subCategory")),
        policy_name=_text(body.get("policyName")),
        fields=tuple(dict.fromkeys(fields)),
        missing_scopes=scopes,
        any_scope_will_do=any_will_do,
        field_messages=field_messages,
        raw=body,
    )


# Where HubSpot names scopes in an error's ``context``: ``missingScopes`` lists what the
# token lacks; ``requiredScopes`` and ``requiredGranularScopes`` what the call needs, all of
# them or any one, as the message beside them says ("All of ..." / "One or more of ...").
# Any other ``missing…Scopes`` or ``required…Scopes`` key is read the same way (``Any`` or
# ``All`` in its name says which). Older APIs name them in the message only: "This
# oauth-token ... does not have proper permissions! (requires any of [contacts])".
_SCOPE_KEY = re.compile(r"(missing|required)([A-Za-z]*)Scopes?")
_SCOPES_IN_MESSAGE = re.compile(r"requires (any|all|one or more) of \[([^\]]*)\]", re.IGNORECASE)
MAX_KEPT_ERRORS = 20  # errors[] entries kept for the journal; a longer list is cut
MAX_KEPT_SCOPES = 50  # scope names read from one place; HubSpot's lists are short


def _missing_scopes(body: dict[str, Any], errors: list[Any]) -> tuple[tuple[str, ...], bool]:
    """The scopes named anywhere (top-level ``context`` or any ``errors[].context``, else
    the messages), once each in order, and whether every place that named them said any
    one will do."""
    found: list[str] = []
    any_flags: list[bool] = []
    places = [body, *(e for e in errors if isinstance(e, dict))]
    for place in places:
        context = place.get("context")
        if not isinstance(context, dict):
            continue
        message = place.get("message") or body.get("message")
        for key, value in context.items():
            kind = _SCOPE_KEY.fullmatch(key) if isinstance(key, str) else None
            named = _scope_names(value) if kind else []
            if kind and named:
                found.extend(named)
                any_flags.append(_any_will_do(kind, message))
    if not found:  # no context named them: the messages may
        for place in places:
            said = place.get("message")
            for how, names in _SCOPES_IN_MESSAGE.findall(said if isinstance(said, str) else ""):
                named = _scope_names(names.replace(",", " ").split())
                found.extend(named)
                any_flags.extend([how.lower() != "all"] if named else [])
    return tuple(dict.fromkeys(found)), bool(any_flags) and all(any_flags)


def _any_will_do(kind: re.Match[str], message: object) -> bool:
    """Whether a context key's scopes are alternatives: its name says so (``requiredAny…``,
    ``requiredAll…``), else the message beside it does; what is missing is all needed."""
    if kind.group(1) == "missing":
        return False
    qualifier = kind.group(2).lower()
    if qualifier.startswith(("any", "oneof")):
        return True
    if qualifier.startswith("all"):
        return False
    return isinstance(message, str) and message.lower().startswith("one or more")


def _scope_names(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [s.strip() for s in value if isinstance(s, str) and s.strip()][:MAX_KEPT_SCOPES]


def _text(value: Any, limit: int = 1000) -> str:
    return value[:limit] if isinstance(value, str) else ""
