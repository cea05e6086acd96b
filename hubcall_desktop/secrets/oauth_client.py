"""HubSpot's OAuth token endpoints: exchange, refresh, introspect, revoke. Every error
becomes a typed error whose text holds no secret.

The requests go through the app's own ``httpx.AsyncClient``: form posts (RFC 6749
section 4.1.3 and 6, RFC 7662, RFC 7009) with the client credentials in the body, as
HubSpot takes them. authlib's httpx integration is not used: since authlib 1.8 it drives
``httpx2`` whenever that is importable, and httpx objects handed to it break.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

import httpx

from hubcall_desktop.core.messages import Message, Template
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.oauth_config import OAuthEndpoints
from hubcall_desktop.secrets.oauth_errors import InvalidGrant, OAuthError, OAuthUnreachable

logger = logging.getLogger(__name__)

TIMEOUT: Final = httpx.Timeout(connect=5.0, read=20.0, write=10.0, pool=5.0)
_MESSAGE_LIMIT: Final = 200
# HubSpot's and RFC 6749's words for "this grant is dead: reconnect".
_DEAD_GRANT: Final = frozenset({"BAD_REFRESH_TOKEN", "BAD_AUTH_CODE", "invalid_grant"})
# fmt: off
_NO_ACCESS_TOKEN = Template("oauth.no_access_token", "HubSpot's token answer had no access token.")
_NOT_AN_OBJECT = Template("oauth.details_not_object", "HubSpot's token details were not a JSON object.")
# %1 is HubSpot's own words (or its error code), with its correlation id if it gave one
REFUSED = Template("oauth.refused", "HubSpot refused: %1")
# fmt: on
_TOKEN_IN_PATH = re.compile(r"(/oauth/v1/(?:access|refresh)-tokens/)[^\s\"'?#]+")


class _Refused(Exception):
    """An error answer; turned into a typed error by the caller."""

    def __init__(self, status_code: int, body: Any, correlation_id: str = "") -> None:
        super().__init__(status_code)
        self.status_code = status_code
        self.body = body
        self.correlation_id = correlation_id  # the answer's X-HubSpot-Correlation-Id


def _check_response(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = None
        raise _Refused(response.status_code, body, _correlation_header(response))
    return response


def _correlation_header(response: httpx.Response) -> str:
    value: str = response.headers.get("X-HubSpot-Correlation-Id", "")
    return value.strip()[:100]


class _RedactTokenPaths(logging.Filter):
    """httpx logs each request URL at INFO; the legacy revoke URL carries a refresh token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(
                _TOKEN_IN_PATH.sub(r"\1***", str(a)) if isinstance(a, str | httpx.URL) else a
                for a in (record.args if isinstance(record.args, tuple) else (record.args,))
            )
        record.msg = _TOKEN_IN_PATH.sub(r"\1***", str(record.msg))
        return True


_REDACTOR = _RedactTokenPaths()


def install_log_redaction() -> None:
    """Idempotent: add the URL redaction to httpx's logger."""
    httpx_logger = logging.getLogger("httpx")
    if _REDACTOR not in httpx_logger.filters:
        httpx_logger.addFilter(_REDACTOR)


@dataclass(frozen=True, slots=True)
class TokenSet:
    """A token answer. The dataclass repr shows ``Secret('***')`` for both tokens."""

    access_token: Secret
    refresh_token: Secret | None
    expires_in: int
    hub_id: int | None = None
    user_id: int | None = None
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Introspection:
    active: bool
    hub_id: int | None = None
    user_id: int | None = None
    user: str = ""
    hub_domain: str = ""
    scopes: tuple[str, ...] = field(default_factory=tuple)
    expires_in: int | None = None


class HubSpotOAuthClient:
    """One client id (and optional secret) against one set of endpoints."""

    def __init__(
        self,
        endpoints: OAuthEndpoints,
        client_id: str,
        client_secret: Secret | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.endpoints = endpoints
        self.client_id = client_id
        self._secret = client_secret
        install_log_redaction()
        # No redirects: a redirect from a token endpoint would carry the form elsewhere.
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=TIMEOUT,
            follow_redirects=False,
            headers={"User-Agent": "hubcall-desktop", "Accept": "application/json"},
        )

    def __repr__(self) -> str:
        return f"HubSpotOAuthClient(client_id={self.client_id!r}, legacy={self.endpoints.legacy})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> HubSpotOAuthClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _credentials(self) -> dict[str, str]:
        """``client_secret_post``; a PKCE public client sends its id alone."""
        data = {"client_id": self.client_id}
        if self._secret is not None:
            data["client_secret"] = self._secret.reveal()
        return data

    async def _post_form(self, url: str, data: Mapping[str, str]) -> httpx.Response:
        return _check_response(await self._http.post(url, data={**data, **self._credentials()}))

    async def _token(self, data: Mapping[str, str]) -> TokenSet:
        response = await self._post_form(self.endpoints.token_url, data)
        return _token_set(_json_object(response, _NO_ACCESS_TOKEN()))

    async def exchange_code(self, code: Secret, redirect_uri: str, verifier: Secret) -> TokenSet:
        with self._errors("finish connecting", code, verifier):
            return await self._token(
                {
                    "grant_type": "authorization_code",
                    "code": code.reveal(),
                    "redirect_uri": redirect_uri,
                    "code_verifier": verifier.reveal(),
                }
            )

    async def refresh(self, refresh_token: Secret) -> TokenSet:
        with self._errors("refresh the access token", refresh_token):
            tokens = await self._token(
                {"grant_type": "refresh_token", "refresh_token": refresh_token.reveal()}
            )
        if tokens.refresh_token is None:  # HubSpot may keep the same refresh token
            return TokenSet(
                tokens.access_token,
                refresh_token,
                tokens.expires_in,
                tokens.hub_id,
                tokens.user_id,
                tokens.scopes,
            )
        return tokens

    async def introspect(self, access_token: Secret) -> Introspection:
        with self._errors("read the connection's details", access_token):
            response = await self._post_form(
                self.endpoints.introspect_url, {"token": access_token.reveal()}
            )
            body = _json_object(response, _NOT_AN_OBJECT()) if response.content else {}
        return Introspection(
            active=body.get("active") is True,
            hub_id=_int(body.get("hub_id")),
            user_id=_int(body.get("user_id")),
            user=_str(body.get("user")),
            hub_domain=_str(body.get("hub_domain")),
            scopes=tuple(s for s in body.get("scopes") or () if isinstance(s, str)),
            expires_in=_int(body.get("expires_in")),
        )

    async def revoke(self, refresh_token: Secret) -> None:
        """Revoke the refresh token at HubSpot. An unknown token is already revoked."""
        with self._errors("revoke the connection", refresh_token):
            if self.endpoints.legacy:
                response = await self._http.delete(
                    self.endpoints.revoke_url + refresh_token.reveal()
                )
                if response.status_code == 404:
                    return
                _check_response(response)
            else:
                await self._post_form(
                    self.endpoints.revoke_url,
                    {"token": refresh_token.reveal(), "token_type_hint": "refresh_token"},
                )

    @contextmanager
    def _errors(self, what: str, *sent: Secret) -> Iterator[None]:
        hidden = [s.reveal() for s in (*sent, self._secret) if s is not None and s.reveal()]
        try:
            yield
        except _Refused as exc:
            raise _typed(exc, hidden) from None
        except httpx.HTTPError as exc:
            # httpx's text names the URL, which can carry a token (legacy revoke).
            logger.warning("OAuth request failed: %s", type(exc).__name__)
            raise OAuthUnreachable(what) from None


def _typed(refused: _Refused, hidden: list[str]) -> OAuthError:
    body = refused.body if isinstance(refused.body, dict) else {}
    status = _str(body.get("status"))
    error = _str(body.get("error"))
    message = _scrub(_str(body.get("message")) or _str(body.get("error_description")), hidden)
    shown = message or _scrub(error or status, hidden) or f"HTTP {refused.status_code}"
    # The id support asks for: the body's, else the header's (a proxy's page, an RFC 6749
    # answer without HubSpot's fields).
    correlation = _scrub(_str(body.get("correlationId")) or refused.correlation_id, hidden)
    tail = f" (correlation id {correlation})" if correlation else ""
    text = REFUSED(f"{shown}{tail}")
    kind = InvalidGrant if status in _DEAD_GRANT or error in _DEAD_GRANT else OAuthError
    return kind(text, status=status, error=error)


def _json_object(response: httpx.Response, unusable: Message) -> dict[str, Any]:
    """The answer's JSON object, else OAuthError(``unusable``). A 2xx carrying RFC 6749's
    ``error`` is a refusal too."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise OAuthError(unusable)
    if "error" in body:
        raise _Refused(response.status_code, body, _correlation_header(response))
    return body


def _scrub(text: str, hidden: list[str]) -> str:
    for value in hidden:
        text = text.replace(value, "***")
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _token_set(answer: Any) -> TokenSet:
    access = answer.get("access_token") if isinstance(answer, dict) else None
    if not isinstance(access, str) or not access:
        raise OAuthError(_NO_ACCESS_TOKEN())
    refresh = answer.get("refresh_token")
    scopes = answer.get("scopes") or str(answer.get("scope") or "").split()
    return TokenSet(
        access_token=Secret(access),
        refresh_token=Secret(refresh) if isinstance(refresh, str) and refresh else None,
        expires_in=_int(answer.get("expires_in")) or 0,
        hub_id=_int(answer.get("hub_id")),
        user_id=_int(answer.get("user_id")),
        scopes=tuple(s for s in scopes if isinstance(s, str)),
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""
