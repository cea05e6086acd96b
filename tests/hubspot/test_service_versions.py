"""The service on every API version against the real sandbox: what it sends is accepted by
each version's rules, a refusal says what to do (the version, the scopes), and the
correlation id support asks for is kept even when only the header carries it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from hubcall_desktop.core.api_versions import API_VERSIONS, VERSIONS
from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.outcomes import NO_ANSWER
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import MAX_NOTES_CHARS, build_log_body
from hubcall_desktop.hubspot.errors import (
    HubSpotAuthError,
    HubSpotScopeError,
    HubSpotServerError,
)
from hubcall_desktop.hubspot.retrying import RetryPolicy
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, DEMO_TOKEN, SandboxServer

ONCE = RetryPolicy(attempts=1, max_total_seconds=5.0, initial_wait=0.01, max_wait=0.01)
PRIVATE_APP = "pat-eu1-a-private-app"
NO_WRITE_SCOPE = "oauth-read-only"
ANNA = "+493055501234"


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer(
        tokens=(DEMO_TOKEN, NO_WRITE_SCOPE),
        private_app_tokens=(PRIVATE_APP,),
        token_scopes={NO_WRITE_SCOPE: ("crm.objects.contacts.read",)},
    )
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with build_client() as http:
        yield http


def _service(
    client: httpx.AsyncClient, base_url: str, version: str, token: str = DEMO_TOKEN
) -> HubSpotService:
    return HubSpotService(
        client,
        StaticToken(Secret(token)),
        base_url=base_url,
        api_version=version,
        retry_policy=ONCE,
    )


def _finished(status: CallStatus = CallStatus.COMPLETED, notes: str = "") -> Call:
    start = datetime.now(UTC) - timedelta(minutes=5)
    return Call(
        raw_from=ANNA,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone("+44 20 7946 0958 ext. 12"),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        ringing_at=start,
        answered_at=start + timedelta(seconds=3),
        ended_at=start + timedelta(seconds=93),
        final_status=status,
        notes=notes,
        title="Order 7",
        user_id=2**31 - 1,
        recipient_user_ids=[1, 2**31 - 1],
    )


@pytest.mark.parametrize("version", API_VERSIONS)
@pytest.mark.parametrize("status", list(CallStatus))
async def test_every_body_the_app_builds_is_accepted_on_every_version(
    sandbox: SandboxServer, client: httpx.AsyncClient, version: str, status: CallStatus
) -> None:
    """Each final status the app knows, with notes, title, outcome, an extension and the
    int32 edges, on each version's path: the sandbox checks them as the contract does."""
    service = _service(client, sandbox.base_url, version)
    ringing = _finished(status, notes="Wants a callback <tomorrow>\n& about order 7")
    ringing.outcome = NO_ANSWER
    assert await service.lookup(ringing) == []  # the +44 number is nobody in the seed
    await service.log(ringing)
    assert [r.path for r in sandbox.requests] == [VERSIONS[version].path] * 2
    assert all(r.accepted for r in sandbox.requests)
    (logged,) = sandbox.logged_calls()
    assert logged["finalCallStatus"] == status.value
    assert logged["engagementProperties"]["hs_call_disposition"] == NO_ANSWER.guid


@pytest.mark.parametrize("version", ["2025-09", "2026-09"])
async def test_a_private_app_token_logs_on_the_versions_that_list_private_apps(
    sandbox: SandboxServer, client: httpx.AsyncClient, version: str
) -> None:
    await _service(client, sandbox.base_url, version, PRIVATE_APP).log(_finished())
    assert len(sandbox.logged_calls()) == 1


@pytest.mark.parametrize(("version", "shown"), [("v3", "v3"), ("2026-03", "2026-03")])
async def test_a_private_app_token_on_an_oauth_only_version_is_told_to_switch(
    sandbox: SandboxServer, client: httpx.AsyncClient, version: str, shown: str
) -> None:
    service = _service(client, sandbox.base_url, version, PRIVATE_APP)
    with pytest.raises(HubSpotScopeError) as refused:
        await service.log(_finished())
    error = refused.value
    assert error.user_message.startswith(
        f"HubSpot refused access: API version {shown} accepts OAuth connections only. "
        "Connect with OAuth in Settings, or choose API version 2026-09 to use a "
        "private-app token. (HubSpot said: "
    )
    assert error.details.correlation_id in error.user_message
    assert sandbox.logged_calls() == []


async def test_a_token_without_a_write_scope_is_told_it_needs_any_one_of_them(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    service = _service(client, sandbox.base_url, "2026-09", NO_WRITE_SCOPE)
    with pytest.raises(HubSpotScopeError) as refused:
        await service.lookup(_finished())
    assert refused.value.user_message.startswith(
        "The HubSpot app lacks a permission: add one of the scopes crm.objects.contacts.write, "
        "crm.objects.contacts.sensitive.write.v2, crm.objects.contacts.highly_sensitive.write.v2, "
        "crm.schemas.contacts.write and reconnect."
    )
    kept = refused.value.to_json()
    assert (kept["status"], kept["category"]) == (403, "MISSING_SCOPES")
    assert len(kept["correlationId"]) == 36  # the sandbox's uuid, as HubSpot's


async def test_an_unknown_token_on_an_oauth_only_version_names_the_versions_for_private_apps(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(HubSpotAuthError) as refused:
        await _service(client, sandbox.base_url, "v3", "nobody").lookup(_finished())
    assert refused.value.user_message.startswith(
        "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings; "
        "a private-app token works only with API versions 2025-09, 2026-09."
    )
    with pytest.raises(HubSpotAuthError) as dated:
        await _service(client, sandbox.base_url, "2026-09", "nobody").lookup(_finished())
    assert "private-app" not in dated.value.user_message


async def test_the_correlation_header_is_kept_when_the_body_has_none() -> None:
    """A gateway's 502 page is not HubSpot's JSON, but its header still names the request."""

    def gateway(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            502,
            headers={"X-HubSpot-Correlation-Id": "0b7e-gateway-id", "Content-Type": "text/html"},
            content=b"<html>Bad gateway</html>",
        )

    async with build_client(httpx.MockTransport(gateway)) as http:
        service = _service(http, "https://api.hubapi.com", "2026-09")
        with pytest.raises(HubSpotServerError) as failed:
            await service.log(_finished())
    assert failed.value.details.correlation_id == "0b7e-gateway-id"
    assert failed.value.to_json()["correlationId"] == "0b7e-gateway-id"
    assert failed.value.user_message.endswith("(correlation id 0b7e-gateway-id)")


# -- the notes limit, counted on what is sent -------------------------------------------


def test_notes_that_grow_past_the_limit_when_escaped_are_refused_with_how_much_to_cut() -> None:
    """65,535 typed characters of "&<a" become 218,450 once escaped: far past the limit."""
    notes = ("&<a" * 21_845)[:65_535]
    with pytest.raises(InputError) as refused:
        build_log_body(_finished(notes=notes))
    # 6,553 whole groups (19,659 characters) make 65,530; one more "&" makes 65,535.
    assert refused.value.problem == (
        "too long for HubSpot once formatted (218450 of at most 65536 characters): "
        "shorten them to 19660 characters or fewer (45875 fewer than now)"
    )
    kept = notes[:19_660]
    assert len(build_log_body(_finished(notes=kept))["engagementProperties"]["hs_call_body"]) <= (
        MAX_NOTES_CHARS
    )
    with pytest.raises(InputError):
        build_log_body(_finished(notes=notes[:19_661]))


def test_line_breaks_count_as_what_they_become() -> None:
    fits = "\r\n" * (MAX_NOTES_CHARS // 4)  # each becomes "<br>": exactly the limit
    body = build_log_body(_finished(notes=fits))
    assert len(body["engagementProperties"]["hs_call_body"]) == MAX_NOTES_CHARS
    with pytest.raises(InputError) as refused:
        build_log_body(_finished(notes=fits + "x"))
    assert refused.value.problem.endswith(
        f"shorten them to {len(fits)} characters or fewer (1 fewer than now)"
    )


async def test_the_sandbox_refuses_a_property_longer_than_hubspot_takes(
    sandbox: SandboxServer,
) -> None:
    body = build_log_body(_finished(notes="fits"))
    body["engagementProperties"]["hs_call_body"] = "&amp;" * 43_690  # 218,450 characters
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as http:
        answer = await http.post(
            VERSIONS["2026-09"].path, json=body, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}
        )
    assert answer.status_code == 400
    [error] = answer.json()["errors"]
    assert (error["in"], error["code"]) == ("engagementProperties.hs_call_body", "OUT_OF_RANGE")
    assert error["message"] == (
        "engagementProperties.hs_call_body: 218450 characters, more than the 65536 allowed"
    )
