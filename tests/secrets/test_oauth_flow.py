"""The browser step against the real sandbox: PKCE, state, the one-shot loopback listener
on the fixed, registered redirect ``http://localhost:PORT/oauth-callback``."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from hubcall_desktop.core.oauth import DEFAULT_REDIRECT_PORT, redirect_uri
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.sandbox import SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.sandbox.oauth import (
    DEFAULT_REDIRECT_URIS,
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_USER_ID,
    consent_without_browser,
)
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient
from hubcall_desktop.secrets.oauth_config import DEFAULT_SCOPES, OAuthEndpoints
from hubcall_desktop.secrets.oauth_errors import (
    AuthorizationFailed,
    InvalidGrant,
    LoginTimedOut,
    RedirectPortInUse,
    StateMismatch,
)
from hubcall_desktop.secrets.oauth_flow import LoopbackListener, authorize, build_authorization
from tests.oauth_redirect import free_port, held_port


@pytest.fixture(params=[False, True], ids=["2026-03", "legacy-v1"])
async def oauth_client(
    sandbox: SandboxServer, request: pytest.FixtureRequest
) -> AsyncIterator[HubSpotOAuthClient]:
    endpoints = OAuthEndpoints.for_api_base(sandbox.base_url, legacy=request.param)
    async with HubSpotOAuthClient(
        endpoints, SANDBOX_CLIENT_ID, Secret(SANDBOX_CLIENT_SECRET)
    ) as client:
        yield client


async def test_full_login_gives_tokens_the_sandbox_accepts(
    sandbox: SandboxServer, oauth_client: HubSpotOAuthClient, oauth_port: int
) -> None:
    seen: list[str] = []

    async def browser(url: str) -> None:
        seen.append(url)
        await consent_without_browser(url)

    tokens = await authorize(
        oauth_client, DEFAULT_SCOPES, port=oauth_port, open_browser=browser, timeout=10
    )
    query = parse_qs(urlsplit(seen[0]).query)
    assert query["redirect_uri"] == [f"http://localhost:{oauth_port}/oauth-callback"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["client_id"] == [SANDBOX_CLIENT_ID]
    assert "code_verifier" not in query and SANDBOX_CLIENT_SECRET not in seen[0]
    assert tokens.hub_id == SANDBOX_PORTAL_ID and tokens.user_id == SANDBOX_USER_ID
    assert tokens.refresh_token is not None
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.get(
            "/account-info/v3/details",
            headers={"Authorization": f"Bearer {tokens.access_token.reveal()}"},
        )
    assert answer.status_code == 200
    token_calls = [r for r in sandbox.requests if r.path.endswith("/token")]
    assert token_calls[0].path.endswith(
        "/v1/token" if oauth_client.endpoints.legacy else "2026-03/token"
    )


async def test_public_client_without_secret_connects(
    sandbox: SandboxServer, oauth_port: int
) -> None:
    endpoints = OAuthEndpoints.for_api_base(sandbox.base_url)
    async with HubSpotOAuthClient(endpoints, SANDBOX_CLIENT_ID) as client:
        tokens = await authorize(
            client,
            DEFAULT_SCOPES,
            port=oauth_port,
            open_browser=consent_without_browser,
            timeout=10,
        )
    assert tokens.access_token


async def test_wrong_verifier_is_refused_by_the_sandbox(
    oauth_client: HubSpotOAuthClient, oauth_port: int
) -> None:
    listener = LoopbackListener(oauth_port)
    redirect_uri = await listener.start()
    request = build_authorization(oauth_client, redirect_uri, DEFAULT_SCOPES)
    listener.expect(request.state)
    await consent_without_browser(request.url)
    code = await listener.wait(5)
    with pytest.raises(InvalidGrant) as caught:
        await oauth_client.exchange_code(code, redirect_uri, Secret("x" * 64))
    assert caught.value.status == "BAD_CODE_VERIFIER"
    # The code is single use: even the right verifier cannot use it now.
    with pytest.raises(InvalidGrant):
        await oauth_client.exchange_code(code, redirect_uri, request.verifier)
    assert code.reveal() not in str(caught.value) + repr(caught.value)


async def test_wrong_redirect_uri_is_refused(
    oauth_client: HubSpotOAuthClient, oauth_port: int
) -> None:
    listener = LoopbackListener(oauth_port)
    redirect_uri = await listener.start()
    request = build_authorization(oauth_client, redirect_uri, DEFAULT_SCOPES)
    listener.expect(request.state)
    await consent_without_browser(request.url)
    code = await listener.wait(5)
    with pytest.raises(InvalidGrant):
        await oauth_client.exchange_code(code, redirect_uri + "x", request.verifier)


async def test_wrong_state_is_refused_and_closes_the_listener() -> None:
    listener = LoopbackListener(free_port())
    redirect_uri = await listener.start()
    listener.expect(Secret("the-right-state"))
    async with httpx.AsyncClient() as http:
        answer = await http.get(redirect_uri, params={"code": "c", "state": "forged"})
    assert answer.status_code == 400
    with pytest.raises(StateMismatch):
        await listener.wait(5)
    assert not listener.is_open
    async with httpx.AsyncClient() as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(redirect_uri, params={"code": "c", "state": "the-right-state"})


async def test_listener_answers_once_then_closes() -> None:
    listener = LoopbackListener(free_port())
    redirect_uri = await listener.start()
    listener.expect(Secret("s"))
    async with httpx.AsyncClient() as http:
        first = await http.get(redirect_uri, params={"code": "abc", "state": "s"})
        again = await http.get(redirect_uri, params={"code": "other", "state": "s"})
    assert first.status_code == 200 and "Connected" in first.text
    assert again.status_code == 410
    assert (await listener.wait(5)).reveal() == "abc"
    assert not listener.is_open


async def test_listener_ignores_other_paths_and_binds_loopback_only() -> None:
    port = free_port()
    listener = LoopbackListener(port)
    assert await listener.start() == f"http://localhost:{port}/oauth-callback"
    listener.expect(Secret("s"))
    # Both addresses localhost may name (this machine has IPv6), and nothing else.
    assert set(listener.hosts) == {"127.0.0.1", "::1"}
    async with httpx.AsyncClient() as http:
        for other in ("/callback", "/oauth-callback/x", "/"):
            probe = await http.get(f"http://127.0.0.1:{port}{other}", params={"state": "s"})
            assert probe.status_code == 404, other
        good = await http.get(
            f"http://[::1]:{port}/oauth-callback", params={"code": "a", "state": "s"}
        )
    assert good.status_code == 200
    assert (await listener.wait(5)).reveal() == "a"


async def test_a_port_another_program_holds_is_refused_before_the_browser_opens(
    oauth_client: HubSpotOAuthClient,
) -> None:
    opened: list[str] = []

    async def browser(url: str) -> None:
        opened.append(url)

    for host in ("127.0.0.1", "::1"):  # the browser may take localhost to either
        with held_port(host) as other:
            port = other.getsockname()[1]
            with pytest.raises(RedirectPortInUse) as caught:
                await authorize(
                    oauth_client, DEFAULT_SCOPES, port=port, open_browser=browser, timeout=5
                )
        assert caught.value.port == port and f"Port {port}," in caught.value.user_message
        assert "settings" in caught.value.user_message
    assert opened == []


async def test_a_refused_port_leaves_nothing_listening() -> None:
    with held_port("::1") as other:
        port = other.getsockname()[1]
        with pytest.raises(RedirectPortInUse):
            await LoopbackListener(port).start()
    with socket.socket() as probe:  # 127.0.0.1 was bound first, and let go again
        probe.bind(("127.0.0.1", port))


@pytest.mark.parametrize("port", [0, 80, 1023, 65536, True])
def test_unusable_ports_are_refused(port: int) -> None:
    with pytest.raises(ValueError, match="port"):
        LoopbackListener(port)


def test_the_default_redirect_is_registered_by_the_sandbox_app() -> None:
    assert redirect_uri() == "http://localhost:47832/oauth-callback"
    assert Settings().oauth_redirect_port == DEFAULT_REDIRECT_PORT
    assert (redirect_uri(DEFAULT_REDIRECT_PORT),) == DEFAULT_REDIRECT_URIS


async def test_listener_times_out_and_closes() -> None:
    """No answer may mean HubSpot refused an unregistered redirect on its own page: the
    sentence names the exact URL to register."""
    port = free_port()
    listener = LoopbackListener(port)
    await listener.start()
    listener.expect(Secret("s"))
    with pytest.raises(LoginTimedOut) as timed_out:
        await listener.wait(0.05)
    assert not listener.is_open
    assert timed_out.value.user_message == (
        "No answer from the browser within 0.05 seconds. If HubSpot said the redirect URL is "
        f"not allowed, add http://localhost:{port}/oauth-callback to the HubSpot app's "
        "redirect URLs exactly as written. Then start the connection again and finish it in "
        "the browser window that opens."
    )


@pytest.mark.parametrize("query", [{"state": "s"}, {"state": "s", "error": "access_denied"}])
async def test_denied_or_codeless_answer_fails(query: dict[str, str]) -> None:
    listener = LoopbackListener(free_port())
    redirect_uri = await listener.start()
    listener.expect(Secret("s"))
    async with httpx.AsyncClient() as http:
        await http.get(redirect_uri, params=query)
    with pytest.raises(AuthorizationFailed):
        await listener.wait(5)


async def test_sandbox_authorize_refuses_bad_requests(
    sandbox: SandboxServer, oauth_port: int
) -> None:
    registered = f"http://localhost:{oauth_port}/oauth-callback"
    good = {
        "client_id": SANDBOX_CLIENT_ID,
        "redirect_uri": registered,
        "scope": "oauth crm.objects.contacts.write",
        "state": "s",
        "code_challenge": "c" * 43,
        "code_challenge_method": "S256",
        "response_type": "code",
    }
    bad = [
        {"client_id": "someone-else"},
        {"redirect_uri": "https://evil.example/cb"},
        {"redirect_uri": "http://127.0.0.1/cb"},
        # HubSpot matches the registered URL exactly: any other port, host, path or query.
        {"redirect_uri": redirect_uri(DEFAULT_REDIRECT_PORT)},  # not registered here
        {"redirect_uri": f"http://127.0.0.1:{oauth_port}/oauth-callback"},
        {"redirect_uri": f"http://localhost:{oauth_port}/oauth-callback/"},
        {"redirect_uri": f"http://localhost:{oauth_port}/callback"},
        {"redirect_uri": f"http://localhost:{oauth_port}/oauth-callback?x=1"},
        {"redirect_uri": f"HTTP://LOCALHOST:{oauth_port}/oauth-callback"},
        {"redirect_uri": ""},
        {"scope": "oauth everything"},
        {"code_challenge_method": "plain"},
        {"state": ""},
    ]
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        assert (await http.get("/oauth/authorize", params=good)).status_code == 302
        for change in bad:
            answer = await http.get("/oauth/authorize", params={**good, **change})
            assert answer.status_code == 400, change
            assert "Location" not in answer.headers
            if "redirect_uri" in change:
                assert answer.json()["status"] == "BAD_REDIRECT_URI"


async def test_consent_helper_refuses_non_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        await consent_without_browser("https://app.hubspot.com/oauth/authorize?x=1")


async def test_browser_failure_closes_the_listener(oauth_client: HubSpotOAuthClient) -> None:
    async def broken(url: str) -> None:
        raise AuthorizationFailed("no browser")

    port = free_port()
    with pytest.raises(AuthorizationFailed):
        await authorize(oauth_client, DEFAULT_SCOPES, port=port, open_browser=broken, timeout=5)
    await asyncio.sleep(0)
    with socket.socket() as probe:  # the port is free again
        probe.bind(("127.0.0.1", port))
