"""The outbox sender's rules, value by value: the backoff schedule, when each kind of
failure is tried again and what the journal keeps of it, what ``sync --json`` reports,
a pass over more entries than one batch, and what a logged call learns from HubSpot's
answer. Real sandbox, real journal files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import ErrorDetails, HubSpotValidationError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, Fault, SandboxServer
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.services.outbox_sender import (
    FIRST_RETRY_S,
    RECONNECT_RETRY_S,
    OutboxSender,
    PortalNotConnected,
    SendOutcome,
    SyncReport,
    next_retry_delay,
)
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.outbox import OutboxState

from .test_outbox_policies import NOW, _queue, finished_call, journal, sandbox

__all__ = ["journal", "sandbox"]  # fixtures shared with test_outbox_policies


@pytest.fixture
async def service(sandbox: SandboxServer) -> AsyncIterator[HubSpotService]:
    async with build_client() as client:
        token = StaticToken(Secret(DEMO_TOKEN))
        yield HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=NO_RETRY)


def _sender(journal: AsyncJournal, service: HubSpotService) -> OutboxSender:
    return OutboxSender(journal, service, clock=lambda: NOW)


# -- the backoff schedule ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempts", "base"),
    [(0, 30.0), (1, 30.0), (2, 60.0), (3, 120.0), (7, 1920.0), (8, 3600.0), (60, 3600.0)],
)
def test_each_retry_waits_twice_the_last_up_to_an_hour(attempts: int, base: float) -> None:
    assert FIRST_RETRY_S == 30.0
    assert next_retry_delay(attempts, rng=lambda: 0.5) == base
    assert next_retry_delay(attempts, rng=lambda: 0.0) == pytest.approx(base * 0.8)
    assert next_retry_delay(attempts, rng=lambda: 1.0) == pytest.approx(base * 1.2)


def test_the_jitter_is_random_by_default() -> None:
    delays = {next_retry_delay(1) for _ in range(50)}
    assert len(delays) > 1
    assert all(24.0 <= d <= 36.0 for d in delays)


async def test_a_transient_failure_waits_by_the_attempts_made(
    sandbox: SandboxServer,
    journal: AsyncJournal,
    service: HubSpotService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "hubcall_desktop.services.outbox_sender")
    entry_id = await _queue(journal)
    sandbox.faults.add(Fault.status(503, times=2))
    for attempt, base in [(1, 30.0), (2, 60.0)]:
        report = await _sender(journal, service).send_due(include_future=True)
        assert (report.delivered, report.failed, report.still_pending) == (0, 0, 1)
        [outcome] = report.outcomes
        assert (outcome.entry_id, outcome.external_call_id) == (entry_id, "policy-1")
        assert outcome.delivered is False and not outcome.permanent and outcome.portal is None
        entry = await journal.get_entry(entry_id)
        assert entry is not None and entry.state is OutboxState.PENDING
        assert entry.attempts == attempt
        waited = (entry.next_attempt_at - NOW).total_seconds()
        assert base * 0.8 - 1 <= waited <= base * 1.2 + 1
        assert entry.last_error is not None and entry.last_error["status"] == 503
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("call policy-1 stays queued: HubSpot had a server error") for m in said)


# -- refusals, missing tokens, bugs -----------------------------------------------------


async def test_a_refusal_fails_the_entry_for_good_with_hubspots_reasons(
    sandbox: SandboxServer,
    journal: AsyncJournal,
    service: HubSpotService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    call = finished_call()
    body = {**build_log_body(call), "durationSeconds": -1}  # HubSpot refuses it: 400
    entry_id = (await journal.enqueue_log(call, body)).id
    report = await _sender(journal, service).send_due()
    assert (report.delivered, report.failed, report.still_pending) == (0, 1, 0)
    [outcome] = report.outcomes
    assert outcome.permanent and outcome.delivered is False and outcome.portal is None
    assert (outcome.entry_id, outcome.external_call_id) == (entry_id, "policy-1")
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("HubSpot refused call policy-1: HubSpot rejected the") for m in said)
    assert isinstance(outcome.error, HubSpotValidationError)
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.FAILED
    assert entry.last_error == outcome.error.to_json()
    # Failed is final: the next pass does not send it again.
    assert (await _sender(journal, service).send_due(include_future=True)).outcomes == []
    assert sandbox.logged_calls() == []


class NoToken:
    async def access_token(self) -> Secret:
        raise NoTokenError("default")


async def test_no_token_keeps_the_call_queued_for_a_reconnect(
    sandbox: SandboxServer, journal: AsyncJournal
) -> None:
    entry_id = await _queue(journal)
    async with build_client() as client:
        service = HubSpotService(client, NoToken(), base_url=sandbox.base_url)
        report = await _sender(journal, service).send_due()
    [outcome] = report.outcomes
    assert isinstance(outcome.error, NoTokenError) and not outcome.permanent
    assert (outcome.entry_id, outcome.delivered) == (entry_id, False)
    assert (report.delivered, report.failed, report.still_pending) == (0, 0, 1)
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.PENDING
    assert entry.next_attempt_at == NOW + timedelta(seconds=RECONNECT_RETRY_S)
    assert entry.last_error == {"error": "NoTokenError", "sentence": outcome.error.user_message}
    assert sandbox.requests == ()


class Broken:
    async def access_token(self) -> Secret:
        raise RuntimeError("a bug in a token provider")


async def test_a_bug_while_sending_leaves_the_entry_pending_not_sending(
    sandbox: SandboxServer, journal: AsyncJournal
) -> None:
    entry_id = await _queue(journal)
    async with build_client() as client:
        service = HubSpotService(client, Broken(), base_url=sandbox.base_url)
        with pytest.raises(RuntimeError, match="a bug"):
            await _sender(journal, service).send_due()
    entry = await journal.get_entry(entry_id)
    assert entry is not None and entry.state is OutboxState.PENDING
    assert entry.last_error == {"error": "RuntimeError"}
    waited = (entry.next_attempt_at - NOW).total_seconds()
    assert 24.0 - 1 <= waited <= 36.0 + 1
    # A bug again: it backs off like any failure, a minute after the second attempt.
    async with build_client() as client:
        service = HubSpotService(client, Broken(), base_url=sandbox.base_url)
        with pytest.raises(RuntimeError, match="a bug"):
            await _sender(journal, service).send_due(include_future=True)
    again = await journal.get_entry(entry_id)
    assert again is not None and again.attempts == 2
    waited = (again.next_attempt_at - NOW).total_seconds()
    assert 48.0 - 1 <= waited <= 72.0 + 1


def test_a_portal_that_is_not_connected_is_named() -> None:
    error = PortalNotConnected("agency-b")
    assert error.portal == "agency-b"
    assert error.user_message == (
        "This call belongs to HubSpot portal 'agency-b', which is not connected now; "
        "connect it again to send the call. It stays queued until then."
    )


# -- what sync reports ------------------------------------------------------------------


def test_the_sync_report_as_json() -> None:
    refused = HubSpotValidationError("Refused.", ErrorDetails(status_code=400, fields=("to",)))
    report = SyncReport(
        delivered=2,
        failed=1,
        still_pending=3,
        outcomes=[
            SendOutcome(1, "ok-call", True),
            SendOutcome(2, "bad-call", False, refused, permanent=True),
            SendOutcome(3, "other-call", False, PortalNotConnected("b"), portal="b"),
            SendOutcome(4, "plain-call", False, UserError("Keyring locked.")),
        ],
    )
    assert report.to_json() == {
        "delivered": 2,
        "failed": 1,
        "pending": 3,
        "errors": [
            {"externalCallId": "bad-call", **refused.to_json()},
            {
                "externalCallId": "other-call",
                "portal": "b",
                "error": "PortalNotConnected",
                "sentence": PortalNotConnected("b").user_message,
            },
            {"externalCallId": "plain-call", "error": "UserError", "sentence": "Keyring locked."},
        ],
    }
    assert SyncReport().to_json() == {"delivered": 0, "failed": 0, "pending": 0, "errors": []}


# -- passes -----------------------------------------------------------------------------


async def test_one_pass_sends_more_entries_than_a_batch(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    for n in range(45):
        await _queue(journal, f"batch-{n}")
    report = await _sender(journal, service).send_due()
    assert (report.delivered, report.still_pending, len(report.outcomes)) == (45, 0, 45)
    assert len(sandbox.logged_calls()) == 45
    assert report.recovered == []


async def test_a_pass_with_entries_that_stay_queued_ends(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    # Every entry fails and is due again at once (include_future): each is tried once.
    for n in range(25):
        await _queue(journal, f"stuck-{n}")
    sandbox.faults.add(Fault.status(503, times=100))
    report = await _sender(journal, service).send_due(include_future=True)
    assert (len(report.outcomes), report.delivered, report.still_pending) == (25, 0, 25)
    assert sum(r.is_inbound_call for r in sandbox.requests) == 25


async def test_a_logged_call_learns_who_called_from_the_answer(
    journal: AsyncJournal, service: HubSpotService
) -> None:
    await _queue(journal, "learns-1")  # from a number the sandbox knows (a contact)
    await _sender(journal, service).send_due()
    stored = await journal.get_call("learns-1")
    assert stored is not None and stored.matches
    assert stored.matches == await service.lookup(finished_call("probe"))


async def test_a_call_that_knows_its_caller_keeps_its_matches(
    journal: AsyncJournal, service: HubSpotService
) -> None:
    call = finished_call("knows-1")
    own = CallerMatch(
        kind="CONTACT",
        coordinates=ObjectCoordinates(object_id=7, object_type_id="0-1", portal_id=1),
        name="Chosen by the agent",
    )
    call.matches = [own]
    await journal.enqueue_log(call, build_log_body(call))
    await _sender(journal, service).send_due()
    stored = await journal.get_call("knows-1")
    assert stored is not None and stored.matches == [own]


# -- whose call it was ------------------------------------------------------------------


async def _queue_for(journal: AsyncJournal, call_id: str, portal: str, *, bad: bool = False) -> int:
    call = finished_call(call_id)
    call.portal = portal
    body = build_log_body(call)
    if bad:
        body["durationSeconds"] = -1  # HubSpot refuses it: 400
    return int((await journal.enqueue_log(call, body)).id)


async def test_each_outcome_names_another_portals_call_and_only_those(
    sandbox: SandboxServer, journal: AsyncJournal, service: HubSpotService
) -> None:
    other = StaticToken(Secret(DEMO_TOKEN))  # the other portal's own provider
    providers = {"beta": other, "acme": service.tokens}
    sender = OutboxSender(journal, service, clock=lambda: NOW, tokens_for=providers.get)
    beta_ok = await _queue_for(journal, "beta-ok", "beta")
    await _queue_for(journal, "beta-bad", "beta", bad=True)
    await _queue_for(journal, "acme-ok", "acme")
    await _queue_for(journal, "acme-bad", "acme", bad=True)
    report = await sender.send_due()
    outcomes = {o.external_call_id: o for o in report.outcomes}
    assert outcomes["beta-ok"].portal == "beta" and outcomes["beta-ok"].delivered is True
    assert outcomes["beta-ok"].entry_id == beta_ok
    assert outcomes["beta-bad"].portal == "beta" and outcomes["beta-bad"].permanent
    assert outcomes["beta-bad"].delivered is False
    assert outcomes["acme-ok"].portal is None  # the active portal's own provider
    assert outcomes["acme-bad"].portal is None and outcomes["acme-bad"].permanent
    sandbox.faults.add(Fault.status(503))
    await _queue_for(journal, "beta-later", "beta")
    [waiting] = (await sender.send_due()).outcomes
    assert (waiting.portal, waiting.delivered, waiting.permanent) == ("beta", False, False)


async def test_no_token_for_the_active_portals_call_is_not_taken_for_another_portal(
    sandbox: SandboxServer, journal: AsyncJournal
) -> None:
    await _queue_for(journal, "acme-1", "acme")
    async with build_client() as client:
        service = HubSpotService(client, NoToken(), base_url=sandbox.base_url)
        providers = {"acme": service.tokens}  # acme is the active portal
        sender = OutboxSender(journal, service, clock=lambda: NOW, tokens_for=providers.get)
        [outcome] = (await sender.send_due()).outcomes
    assert isinstance(outcome.error, NoTokenError) and outcome.portal is None
