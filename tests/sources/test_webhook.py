"""The webhook over real loopback HTTP: accepted events, the sink contract, listening."""

from __future__ import annotations

import asyncio
import logging
import socket

import httpx
import pytest

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import ConfigurationError, InputError, StorageError
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer

from .helpers import SECRET, T0, MemoryJournal, RecordingSink

RINGING = {"event": "ringing", "call_id": "pbx-1", "from": "+49 30 123456", "to": "+4930901820"}


async def test_post_ringing_is_accepted_after_the_sink_returned(
    client: httpx.AsyncClient, sink: RecordingSink, auth: dict[str, str]
) -> None:
    response = await client.post("/v1/events", json=RINGING, headers=auth)
    assert response.status_code == 202
    assert response.json() == {"accepted": True, "call_id": "call-1", "event": "ringing"}
    [event] = sink.events
    assert event.kind is EventKind.RINGING and event.source is CallSource.WEBHOOK
    assert event.source_call_id == "pbx-1"
    assert event.from_number is not None and event.from_number.e164 == "+4930123456"


async def test_get_with_a_token_keeps_the_plus_of_unencoded_numbers(
    client: httpx.AsyncClient, sink: RecordingSink
) -> None:
    # Softphones substitute numbers into the URL as they are: the + is not encoded.
    url = f"/v1/events/ended?token={SECRET.reveal()}&from=+4930123456&reason=busy&call_id=x"
    response = await client.get(httpx.URL(url))
    assert response.status_code == 202, response.text
    [event] = sink.events
    assert event.raw_from == "+4930123456"
    assert event.kind is EventKind.ENDED and event.reason is EndReason.BUSY


async def test_withheld_callers_are_accepted(
    client: httpx.AsyncClient, sink: RecordingSink
) -> None:
    for spelled in ("", "anonymous", "Restricted", "unknown"):
        response = await client.get(
            "/v1/events/ringing", params={"token": SECRET.reveal(), "from": spelled}
        )
        assert response.status_code == 202, (spelled, response.text)
    assert all(e.from_withheld and e.from_number is None for e in sink.events)
    assert len(sink.events) == 4


async def test_the_cli_may_say_it_is_the_cli_but_nobody_may_say_baresip(
    client: httpx.AsyncClient, sink: RecordingSink, auth: dict[str, str]
) -> None:
    ok = await client.post("/v1/events", json={**RINGING, "source": "cli"}, headers=auth)
    assert ok.status_code == 202
    assert sink.events[0].source is CallSource.CLI
    refused = await client.post("/v1/events", json={**RINGING, "source": "baresip"}, headers=auth)
    assert refused.status_code == 400 and refused.json()["field"] == "source"
    assert len(sink.events) == 1


async def test_the_answer_waits_for_the_journal(
    client: httpx.AsyncClient, sink: RecordingSink, auth: dict[str, str]
) -> None:
    sink.gate = asyncio.Event()
    request = asyncio.create_task(client.post("/v1/events", json=RINGING, headers=auth))
    await sink.entered.wait()
    assert not request.done()  # no 202 while the sink is still journaling
    sink.gate.set()
    assert (await request).status_code == 202


async def test_a_refusal_from_the_sink_is_a_400_and_a_journal_failure_a_503(
    client: httpx.AsyncClient, sink: RecordingSink, auth: dict[str, str]
) -> None:
    sink.fail = InputError("from", "x", "not allowed here")
    refused = await client.post("/v1/events", json=RINGING, headers=auth)
    assert refused.status_code == 400 and refused.json()["field"] == "from"
    sink.fail = StorageError("The journal is full.")
    failed = await client.post("/v1/events", json=RINGING, headers=auth)
    assert failed.status_code == 503
    sink.fail = RuntimeError("a bug")
    broken = await client.post("/v1/events", json=RINGING, headers=auth)
    assert broken.status_code == 500
    assert sink.events == []


@pytest.mark.parametrize("limits", [WebhookLimits(sink_timeout=0.05)])
async def test_a_slow_journal_gets_a_503_but_still_finishes(
    client: httpx.AsyncClient, sink: RecordingSink, auth: dict[str, str], server: WebhookServer
) -> None:
    sink.gate = asyncio.Event()
    response = await client.post("/v1/events", json=RINGING, headers=auth)
    assert response.status_code == 503  # never a 4xx: the event may yet be journaled
    sink.gate.set()
    await server.stop()  # waits for the journal write that outlived its request
    assert len(sink.events) == 1


async def test_a_whole_call_through_the_lifecycle() -> None:
    journal = MemoryJournal()
    server = WebhookServer(journal, SECRET, port=0, region="DE", clock=lambda: T0)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, trust_env=False) as http:
            headers = {"Authorization": f"Bearer {SECRET.reveal()}"}
            ids = set()
            for body in (
                {
                    "event": "ringing",
                    "call_id": "z1",
                    "from": "+4930123456",
                    "at": "2026-11-24T09:30:00Z",
                },
                {"event": "answered", "call_id": "z1", "at": "2026-11-24T09:30:05Z"},
                {
                    "event": "ended",
                    "call_id": "z1",
                    "reason": "hung-up",
                    "at": "2026-11-24T09:31:05Z",
                },
            ):
                response = await http.post("/v1/events", json=body, headers=headers)
                assert response.status_code == 202
                ids.add(response.json()["call_id"])
    finally:
        await server.stop()
    [call_id] = ids
    call = journal.calls[call_id]
    assert call.final_status is CallStatus.COMPLETED and call.duration == 60


async def test_it_listens_on_ipv4_and_ipv6_loopback_only(
    server: WebhookServer, sink: RecordingSink
) -> None:
    assert set(server.bound_hosts) == {"127.0.0.1", "::1"}
    assert server.url == f"http://127.0.0.1:{server.port}"
    async with httpx.AsyncClient(trust_env=False) as http:
        response = await http.post(
            f"http://[::1]:{server.port}/v1/events",
            json=RINGING,
            headers={"Authorization": f"Bearer {SECRET.reveal()}"},
        )
    assert response.status_code == 202
    with socket.socket() as probe:  # nothing on the machine's other addresses
        probe.settimeout(1)
        outside = socket.gethostbyname(socket.gethostname())
        if not outside.startswith("127."):
            assert probe.connect_ex((outside, server.port)) != 0


async def test_a_taken_port_is_a_configuration_error(server: WebhookServer) -> None:
    second = WebhookServer(
        RecordingSink(), SECRET, port=server.port, limits=WebhookLimits(bind_retry_s=0.2)
    )
    with pytest.raises(
        ConfigurationError, match=f"Another program is listening on port {server.port}"
    ):
        await second.start()
    await second.stop()


async def test_the_secret_can_be_replaced_while_running(
    client: httpx.AsyncClient, server: WebhookServer
) -> None:
    new = Secret("a-brand-new-secret-0123456789abcdefghijklmnop")
    server.set_secret(new)
    old = await client.post(
        "/v1/events", json=RINGING, headers={"Authorization": f"Bearer {SECRET.reveal()}"}
    )
    assert old.status_code == 401
    fresh = await client.post(
        "/v1/events", json=RINGING, headers={"Authorization": f"Bearer {new.reveal()}"}
    )
    assert fresh.status_code == 202
    with pytest.raises(ConfigurationError):
        server.set_secret(Secret(""))


async def test_an_empty_secret_is_refused_at_construction() -> None:
    with pytest.raises(ConfigurationError):
        WebhookServer(RecordingSink(), Secret(""), port=0)


async def test_the_secret_never_reaches_the_log(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, auth: dict[str, str]
) -> None:
    caplog.set_level(logging.DEBUG)
    right = SECRET.reveal()
    await client.get(f"/v1/events/ringing?token={right}x&from=1")
    await client.get(f"/v1/events/nonsense?token={right}&from=1")
    await client.post("/v1/events", json={"event": "ringing", "from": right}, headers=auth)
    await client.get(f"/v1/{right}/events")
    ours = [r for r in caplog.records if r.name.startswith("hubcall_desktop")]
    assert len(ours) == 4, "each refusal is logged"
    assert all(right not in r.getMessage() for r in ours)
