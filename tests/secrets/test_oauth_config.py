"""Endpoints, client id resolution, the scope warning, and the metadata file's tolerance."""

from __future__ import annotations

import json
import traceback
from pathlib import Path

import pytest

from hubcall_desktop.core.oauth import INBOUND_CALL_SCOPES, OAuthMetadata, scope_warning
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets.oauth_client import TokenSet, _Refused, _typed
from hubcall_desktop.secrets.oauth_config import (
    DEFAULT_AUTHORIZE_URL,
    MetadataFile,
    OAuthEndpoints,
    resolve_client_id,
)
from hubcall_desktop.secrets.oauth_errors import InvalidGrant, OAuthError, ReconnectNeeded


def test_endpoints_current_and_legacy() -> None:
    current = OAuthEndpoints.for_api_base("https://api.hubapi.com/")
    assert current.authorize_url == DEFAULT_AUTHORIZE_URL
    assert current.token_url == "https://api.hubapi.com/oauth/2026-03/token"
    assert current.revoke_url.endswith("/oauth/2026-03/token/revoke")
    legacy = OAuthEndpoints.for_api_base("https://api.hubapi.com", legacy=True)
    assert legacy.token_url.endswith("/oauth/v1/token")
    assert legacy.revoke_url.endswith("/oauth/v1/refresh-tokens/")
    assert legacy.introspect_url == current.introspect_url  # never the token-in-URL look-up


def test_loopback_api_base_serves_its_own_authorize_page() -> None:
    sandbox = OAuthEndpoints.for_api_base("http://127.0.0.1:5000")
    assert sandbox.authorize_url == "http://127.0.0.1:5000/oauth/authorize"
    chosen = OAuthEndpoints.for_api_base("https://api.hubapi.com", authorize_url="https://x/a")
    assert chosen.authorize_url == "https://x/a"


def test_client_id_resolution() -> None:
    assert resolve_client_id(None, " from-settings ") == "from-settings"
    assert resolve_client_id("cli", "settings") == "cli"
    assert resolve_client_id("", None) == ""


@pytest.mark.parametrize("scope", INBOUND_CALL_SCOPES)
def test_any_inbound_scope_is_enough(scope: str) -> None:
    assert scope_warning(["oauth", scope]) is None


def test_missing_scope_names_the_one_to_add() -> None:
    warning = scope_warning(["oauth", "crm.objects.contacts.read"])
    assert warning is not None and "crm.objects.contacts.write" in warning


def test_metadata_round_trip_and_removal(tmp_path: Path) -> None:
    store = MetadataFile(tmp_path / "oauth.json")
    assert store.load_all() == {}
    store.put(OAuthMetadata("a", client_id="c", hub_id=1, scopes=["oauth"], expires_at=5.0))
    store.put(OAuthMetadata("b"))
    assert store.get("a") == OAuthMetadata(
        "a", client_id="c", hub_id=1, scopes=["oauth"], expires_at=5.0
    )
    store.remove("a")
    store.remove("missing")
    assert set(store.load_all()) == {"b"}


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"portals": []}',
        '{"portals": {"a": {"portal": "a", "hub_id": "12"}}}',
        '{"portals": {"a": {"portal": "a", "scopes": [1]}}}',
        '{"portals": {"a": {"portal": "a", "hub_id": true}}}',
        '{"portals": {"a": {"portal": 5}}}',
        '{"portals": {"a": {"portal": "a", "unknown": 1, "expires_at": "soon"}}}',
    ],
)
def test_broken_metadata_reads_as_absent(tmp_path: Path, content: str) -> None:
    path = tmp_path / "oauth.json"
    path.write_text(content)
    assert MetadataFile(path).load_all() == {}


def test_unknown_metadata_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "oauth.json"
    path.write_text(json.dumps({"portals": {"a": {"portal": "a", "later": 1, "user_id": 7}}}))
    assert MetadataFile(path).get("a") == OAuthMetadata("a", user_id=7)


def test_errors_never_quote_secrets_even_when_hubspot_echoes_them() -> None:
    secret = "sbx-rt-very-secret-value"
    error = _typed(
        _Refused(400, {"status": "BAD_REFRESH_TOKEN", "message": f"token {secret} is bad"}),
        [secret],
    )
    assert isinstance(error, InvalidGrant)
    assert secret not in str(error) and secret not in repr(error)
    other = _typed(_Refused(500, None), [secret])
    assert type(other) is OAuthError and "HTTP 500" in str(other)


def test_crash_output_and_reprs_hold_no_token() -> None:
    tokens = TokenSet(Secret("access-value-1"), Secret("refresh-value-2"), 1800)
    try:
        try:
            raise InvalidGrant("HubSpot refused", status="BAD_REFRESH_TOKEN")
        except InvalidGrant:
            raise ReconnectNeeded("default") from None
    except ReconnectNeeded as exc:
        crash = "".join(traceback.format_exception(exc))
    for text in (crash, repr(tokens), str(tokens)):
        assert "access-value-1" not in text and "refresh-value-2" not in text
