"""The HubSpot service as HubSpot sees it and as its callers see it: the request on the
wire (path, headers, UTF-8 JSON), the account details, each unreadable 2xx answer,
every form of a server-given wait, a refused token renewed once, what the pacer learns,
and how an unreachable HubSpot is worded. Against the real sandbox server."""

from __future__ import annotations

import email.utils
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.connection_types import AccountDetails
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot import service as service_module
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotError,
    HubSpotProtocolError,
    HubSpotRateLimited,
    HubSpotUnreachable,
)
from hubcall_desktop.hubspot.pacing import MAX_SERVER_WAIT_S, RequestPacer
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import (
    DEFAULT_TIMEOUT,
    HubSpotService,
    StaticToken,
    build_client,
)
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer

from .test_service_sandbox import ringing_call


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer(expired_tokens=("expired-token",))
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    made = build_client()
    yield made
    await made.aclose()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def _service(
    sandbox: SandboxServer, client: httpx.AsyncClient, token: Any = None, **kw: Any
) -> HubSpotService:
    kw.setdefault("retry_policy", NO_RETRY)
    tokens = token or StaticToken(Secret(DEMO_TOKEN))
    return HubSpotService(client, tokens, base_url=sandbox.base_url + "/", **kw)


def _inbound(sandbox: SandboxServer) -> list[Any]:
    return [r for r in sandbox.requests if r.is_inbound_call]


# -- set-up -----------------------------------------------------------------------------


def test_the_documented_deadlines_and_timeouts() -> None:
    assert service_module.LOOKUP_DEADLINE_S == 15.0
    assert service_module.LOG_DEADLINE_S == 60.0
    assert service_module.ACCOUNT_DEADLINE_S == 30.0
    assert httpx.Timeout(connect=5.0, read=20.0, write=10.0, pool=5.0) == DEFAULT_TIMEOUT
    assert service_module.DEFAULT_BASE_URL == "https://api.hubapi.com"


async def test_the_client_follows_no_redirect_and_names_itself() -> None:
    async with build_client() as client:
        assert client.follow_redirects is False
        assert client.headers["User-Agent"] == "hubcall-desktop"
        assert client.timeout == DEFAULT_TIMEOUT


async def test_an_unknown_api_version_is_refused(client: httpx.AsyncClient) -> None:
    with pytest.raises(
        ValueError, match=r"^api_version must be one of v3, 2025-09, 2026-03, 2026-09$"
    ):
        HubSpotService(client, StaticToken(Secret("t")), api_version="v4")


async def test_each_api_version_has_its_path_and_the_service_its_defaults(
    client: httpx.AsyncClient,
) -> None:
    tokens = StaticToken(Secret("t"))
    plain = HubSpotService(client, tokens)
    assert plain.inbound_call_url == (
        "https://api.hubapi.com/crm/v3/extensions/calling/inbound-call"
    )
    assert repr(plain) == "HubSpotService(base_url='https://api.hubapi.com', api_version='v3')"
    assert plain.tokens is tokens
    assert (plain.lookup_deadline_s, plain.log_deadline_s) == (15.0, 60.0)
    assert plain.pacer.budget == 100
    dated = HubSpotService(client, tokens, base_url="http://h.invalid/", api_version="2026-03")
    assert dated.inbound_call_url == (
        "http://h.invalid/crm/extensions/calling/2026-03/inbound-call"
    )


# -- the request on the wire ------------------------------------------------------------


async def test_a_lookup_is_utf8_json_with_the_bearer_token(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    call = ringing_call()
    call.title = "Rückruf"  # not sent at ring time; the id and numbers are
    await _service(sandbox, client).lookup(call)
    [request] = _inbound(sandbox)
    assert request.method == "POST"
    assert request.path == "/crm/v3/extensions/calling/inbound-call"
    # The sandbox masks the token it records; it accepted it, so it was the demo token.
    assert request.headers["authorization"] == "Bearer ***" and request.accepted
    assert request.headers["accept-encoding"] == "gzip, deflate"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "hubcall-desktop"
    assert request.body["finalCallStatus"] == "RINGING"
    assert request.body["createEngagement"] is False


async def test_a_log_keeps_non_ascii_text_as_utf8(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    call = ringing_call(final_status=CallStatus.COMPLETED, notes="Grüße, Øre")
    await _service(sandbox, client).log(call)
    [request] = _inbound(sandbox)
    assert request.body["engagementProperties"]["hs_call_body"] == "Grüße, Øre"
    assert int(request.headers["content-length"]) == len(
        json.dumps(request.body, ensure_ascii=False).encode()
    )


async def test_a_log_can_ask_for_no_engagement(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    call = ringing_call(final_status=CallStatus.NO_ANSWER)
    await _service(sandbox, client).log(call, create_engagement=False)
    [request] = _inbound(sandbox)
    assert request.body["createEngagement"] is False
    assert request.body["finalCallStatus"] == "NO_ANSWER"


async def test_the_account_details(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    details = await _service(sandbox, client).account_details()
    assert isinstance(details, AccountDetails)
    [request] = sandbox.requests
    assert (request.method, request.path) == ("GET", "/account-info/v3/details")
    assert "content-type" not in request.headers
    assert details.portal_id > 0 and details.ui_domain


@pytest.mark.parametrize(
    "body",
    [
        b'{"portalId": true, "uiDomain": "app.hubspot.com"}',
        b'{"portalId": "123", "uiDomain": "app.hubspot.com"}',
        b'{"portalId": 123}',
        b'{"uiDomain": "app.hubspot.com"}',
        b"[123]",
    ],
)
async def test_account_details_without_an_id_or_domain_are_refused(
    sandbox: SandboxServer, client: httpx.AsyncClient, body: bytes
) -> None:
    sandbox.faults.add(Fault.odd_answer(body=body))
    with pytest.raises(HubSpotProtocolError, match="lacked the portal id or domain"):
        await _service(sandbox, client).account_details()


async def test_account_details_keep_the_optional_fields_when_they_are_text(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    answer = {
        "portalId": 42,
        "uiDomain": "app-eu1.hubspot.com",
        "timeZone": "Europe/Berlin",
        "dataHostingLocation": "eu1",
        "accountType": 7,
    }
    sandbox.faults.add(Fault.odd_answer(body=json.dumps(answer).encode()))
    details = await _service(sandbox, client).account_details()
    assert details == AccountDetails(
        portal_id=42,
        ui_domain="app-eu1.hubspot.com",
        time_zone="Europe/Berlin",
        data_hosting_location="eu1",
        account_type="",
    )


# -- 2xx answers that cannot be used ----------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "sentence"),
    [
        (Fault.odd_answer(body=b"<html>"), "HubSpot answered with something that is not JSON."),
        (Fault.odd_answer(body=b"\xff\xfe"), "HubSpot answered with something that is not JSON."),
        (Fault.odd_answer(answer_status=204), "HubSpot's answer did not list caller matches."),
        (
            Fault.odd_answer(body=b" ", size=2 * 1024 * 1024),
            "HubSpot's answer could not be read (larger than 1024 KiB).",
        ),
    ],
    ids=["html", "not-utf8", "empty", "huge"],
)
async def test_a_lookup_answer_that_cannot_be_used_says_why(
    sandbox: SandboxServer, client: httpx.AsyncClient, fault: Fault, sentence: str
) -> None:
    sandbox.faults.add(fault)
    with pytest.raises(HubSpotProtocolError) as caught:
        await _service(sandbox, client).lookup(ringing_call())
    assert caught.value.user_message == sentence


async def test_an_error_body_that_is_not_json_still_gives_the_status(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.status(502).with_headers({"Content-Type": "text/html"}))
    with pytest.raises(HubSpotError) as caught:
        await _service(sandbox, client).lookup(ringing_call())
    assert caught.value.details.status_code == 502


# -- server-given waits -----------------------------------------------------------------


async def _retry_after(
    sandbox: SandboxServer, client: httpx.AsyncClient, headers: dict[str, str], status: int = 429
) -> float | None:
    sandbox.faults.add(Fault.status(status).with_headers(headers))
    with pytest.raises(HubSpotError) as caught:
        await _service(sandbox, client).lookup(ringing_call())
    error = caught.value
    return error.retry_after if isinstance(error, HubSpotRateLimited) else None


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": " 7 "}, 7.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": "-3"}, 0.0),
        ({"Retry-After": "86400"}, MAX_SERVER_WAIT_S),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "", "X-HubSpot-RateLimit-Interval-Milliseconds": "2500"}, 2.5),
        ({"Retry-After": "soon", "X-HubSpot-RateLimit-Interval-Milliseconds": "2500"}, 2.5),
        ({"Retry-After": "soon", "X-HubSpot-RateLimit-Interval-Milliseconds": "x"}, None),
        ({"Retry-After": "", "X-HubSpot-RateLimit-Interval-Milliseconds": ""}, None),
        ({"Retry-After": "", "X-HubSpot-RateLimit-Interval-Milliseconds": "9999999"}, 60.0),
        ({"Retry-After": "Tue, 01 Jan 2000 00:00:00 GMT"}, 0.0),
        ({"Retry-After": "Fri, 01 Jan 2100 00:00:00 -0000"}, MAX_SERVER_WAIT_S),
        ({"Retry-After": "Fri, 99 Foo 2100 99:00:00 GMT"}, None),
    ],
)
async def test_every_form_of_retry_after(
    sandbox: SandboxServer,
    client: httpx.AsyncClient,
    headers: dict[str, str],
    expected: float | None,
) -> None:
    headers.setdefault("X-HubSpot-RateLimit-Interval-Milliseconds", "")
    assert await _retry_after(sandbox, client, headers) == expected


async def test_an_http_date_retry_after_counts_from_now(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=40), usegmt=True)
    headers = {"Retry-After": when, "X-HubSpot-RateLimit-Interval-Milliseconds": ""}
    waited = await _retry_after(sandbox, client, headers)
    assert waited is not None and 30.0 <= waited <= 40.0


async def test_an_http_date_in_another_zone_counts_its_offset(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    berlin = timezone(timedelta(hours=1))
    when = email.utils.format_datetime(datetime.now(berlin) + timedelta(seconds=40))
    headers = {"Retry-After": when, "X-HubSpot-RateLimit-Interval-Milliseconds": ""}
    waited = await _retry_after(sandbox, client, headers)
    assert waited is not None and 30.0 <= waited <= 40.0


async def test_an_error_answer_that_cannot_be_read_still_gives_the_status(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.status(503).with_headers({"Content-Encoding": "br"}))
    with pytest.raises(HubSpotError) as caught:
        await _service(sandbox, client).lookup(ringing_call())
    assert caught.value.details.status_code == 503 and caught.value.transient


async def test_only_a_429_has_a_wait(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    assert await _retry_after(sandbox, client, {"Retry-After": "5"}, status=503) is None


async def test_a_429_pauses_the_pacer_by_its_own_wait_not_the_window(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    clock = Clock()
    pacer = RequestPacer(clock=clock, sleep=clock.sleep)
    headers = {"Retry-After": "3", "X-HubSpot-RateLimit-Remaining": "0"}
    sandbox.faults.add(Fault.status(429).with_headers(headers))
    with pytest.raises(HubSpotRateLimited):
        await _service(sandbox, client, pacer=pacer).lookup(ringing_call())
    assert pacer.delay_needed() == 3.0


async def test_a_2xx_with_the_count_used_up_pauses_one_window(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    clock = Clock()
    pacer = RequestPacer(clock=clock, sleep=clock.sleep)
    headers = {
        "X-HubSpot-RateLimit-Remaining": "1",
        "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
    }
    sandbox.faults.add(Fault.extra_headers(headers))
    await _service(sandbox, client, pacer=pacer).lookup(ringing_call())
    assert pacer.delay_needed() == 10.0


# -- a refused token --------------------------------------------------------------------


class Renewing:
    """Hands out an expired token until told HubSpot refused it, then a fresh one."""

    def __init__(self, renews: bool) -> None:
        self.token = "expired-token"
        self.renews = renews
        self.told: list[object] = []

    async def access_token(self) -> Secret:
        return Secret(self.token)

    async def on_auth_error(self, error: object) -> None:
        self.told.append(error)
        if self.renews:
            self.token = DEMO_TOKEN


class RenewingEveryTime(Renewing):
    """Hands out another token after every 401 (HubSpot refuses each)."""

    async def on_auth_error(self, error: object) -> None:
        self.told.append(error)
        self.token = f"renewed-{len(self.told)}"


async def test_a_refused_token_that_was_renewed_is_tried_once_more(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    tokens = Renewing(renews=True)
    service = _service(sandbox, client, tokens)
    assert await service.lookup(ringing_call()) != []
    assert [r.status for r in _inbound(sandbox)] == [401, 200]
    [told] = tokens.told
    assert isinstance(told, HubSpotAuthError) and told.expired


async def test_a_refused_token_that_was_not_renewed_is_not_tried_again(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    tokens = Renewing(renews=False)
    service = _service(sandbox, client, tokens)
    with pytest.raises(HubSpotAuthError):
        await service.lookup(ringing_call())
    assert [r.status for r in _inbound(sandbox)] == [401]
    assert len(tokens.told) == 1


async def test_a_refused_token_is_tried_once_more_at_most(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.faults.add(Fault.status(401, times=5))
    tokens = RenewingEveryTime(renews=True)
    tokens.token = "first"
    service = _service(sandbox, client, tokens)
    with pytest.raises(HubSpotAuthError):
        await service.lookup(ringing_call())
    assert len(_inbound(sandbox)) == 2
    assert len(tokens.told) == 2


# -- no answer --------------------------------------------------------------------------


async def test_a_timeout_and_a_refused_connection_are_worded_apart(
    sandbox: SandboxServer,
) -> None:
    sandbox.faults.add(Fault.latency_before(2.0))
    async with build_client(timeout=httpx.Timeout(0.3)) as slow:
        with pytest.raises(HubSpotUnreachable) as late:
            await _service(sandbox, slow).lookup(ringing_call())
    assert late.value.user_message == "HubSpot did not answer in time (ReadTimeout)."
    async with build_client() as plain:
        service = HubSpotService(
            plain, StaticToken(Secret("t")), base_url="http://127.0.0.1:9", retry_policy=NO_RETRY
        )
        with pytest.raises(HubSpotUnreachable) as gone:
            await service.lookup(ringing_call())
    assert gone.value.user_message == "Could not reach HubSpot (ConnectError)."


async def test_a_429_without_any_wait_header_has_no_wait() -> None:
    # The sandbox always sends its rate-limit headers; an in-memory answer has none.
    bare = httpx.MockTransport(lambda request: httpx.Response(429, content=b"{}"))
    async with build_client(transport=bare) as plain:
        service = HubSpotService(
            plain, StaticToken(Secret("t")), base_url="http://h.invalid", retry_policy=NO_RETRY
        )
        with pytest.raises(HubSpotRateLimited) as caught:
            await service.lookup(ringing_call())
    assert caught.value.retry_after is None
    assert service.pacer.delay_needed() == 0
