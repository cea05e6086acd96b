"""Creating a contact for an unknown caller, end to end below the UI: the real sandbox on
loopback, a real journal file. Journaled before it is sent, sent once (also across a
restart), a transient failure kept and sent later, a refusal final, a duplicate e-mail
read as the existing contact, and the call (and so the next call from the number and the
call logged afterwards) matched to the new contact."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call, CallSource, Direction
from hubcall_desktop.core.contacts import ContactDraft, Problem, Result, WriteState
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import (
    DEMO_AGENT_NUMBER,
    DEMO_TOKEN,
    SANDBOX_PORTAL_ID,
    Fault,
    SandboxServer,
)
from hubcall_desktop.secrets.errors import NoTokenError
from hubcall_desktop.services.contact_create import ContactCreator
from hubcall_desktop.services.outbox_sender import (
    FIRST_RETRY_S,
    RECONNECT_RETRY_S,
    OutboxSender,
)
from hubcall_desktop.storage.async_journal import AsyncJournal
from hubcall_desktop.storage.contact_writes import ContactWrites
from hubcall_desktop.storage.sender_lock import SenderLock

NOW = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
UNKNOWN = "+16175550100"
ADA = ContactDraft("Ada", "Byron", "ada@example.org", "Analytical Engines", "+1 617-555-0100")


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer() as server:
        yield server


@pytest.fixture
async def journal(tmp_path: Path) -> AsyncIterator[AsyncJournal]:
    opened = await AsyncJournal.open(tmp_path / "journal.sqlite3")
    yield opened
    await opened.close()


@pytest.fixture
async def service(sandbox: SandboxServer) -> AsyncIterator[HubSpotService]:
    async with build_client() as client:
        token = StaticToken(Secret(DEMO_TOKEN))
        yield HubSpotService(client, token, base_url=sandbox.base_url, retry_policy=NO_RETRY)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def creator(journal: AsyncJournal, service: HubSpotService, clock: Clock) -> ContactCreator:
    return ContactCreator(
        ContactWrites(journal),
        journal,
        service,
        portal_id=lambda: SANDBOX_PORTAL_ID,
        clock=clock,
    )


def unknown_call() -> Call:
    call = Call(
        raw_from=UNKNOWN,
        raw_to=DEMO_AGENT_NUMBER,
        from_number=parse_phone(UNKNOWN),
        to_number=parse_phone(DEMO_AGENT_NUMBER),
        direction=Direction.INBOUND,
        source=CallSource.WEBHOOK,
        ringing_at=NOW - timedelta(minutes=2),
        ended_at=NOW - timedelta(minutes=1),
        final_status=CallStatus.COMPLETED,
    )
    call.external_call_id = "unknown-1"
    return call


def created_contacts(sandbox: SandboxServer) -> list[object]:
    return [r.body for r in sandbox.requests if r.path.endswith("/objects/contacts") and r.accepted]


# -- the draft ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "problems"),
    [
        (ADA, {}),
        (ContactDraft(email="ada@example.org"), {}),
        (ContactDraft(last_name="Byron", phone=""), {}),
        (
            ContactDraft(company="Only a company", phone=UNKNOWN),
            {"first_name": Problem.NAME_OR_EMAIL},
        ),
        (ContactDraft("Ada", email="ada@example"), {"email": Problem.EMAIL}),
        (ContactDraft("Ada", email="ada @example.org"), {"email": Problem.EMAIL}),
        (ContactDraft("Ada", phone="12"), {"phone": Problem.PHONE}),
        (ContactDraft("A" * 257), {"first_name": Problem.TOO_LONG}),
    ],
)
def test_a_draft_needs_a_name_or_email_and_valid_details(
    draft: ContactDraft, problems: dict[str, Problem]
) -> None:
    assert draft.problems("US") == problems


def test_the_properties_are_trimmed_and_the_phone_is_e164() -> None:
    draft = ContactDraft(" Ada ", "", "ada@example.org ", "", "(617) 555-0100")
    assert draft.properties("US") == {
        "firstname": "Ada",
        "email": "ada@example.org",
        "phone": UNKNOWN,
    }


# -- creating ----------------------------------------------------------------------------


async def test_the_new_contact_becomes_the_calls_match_and_hubspots(
    journal: AsyncJournal, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    call = unknown_call()
    await journal.save_call(call)
    assert await service.lookup(call) == []

    outcome = await creator(journal, service, clock).create(
        ADA, "US", external_call_id=call.external_call_id
    )

    assert outcome.result is Result.CREATED
    assert outcome.write.state is WriteState.CREATED
    assert outcome.match is not None
    assert outcome.match.display_name == "Ada Byron"
    assert outcome.match.coordinates.portal_id == SANDBOX_PORTAL_ID
    assert created_contacts(sandbox) == [
        {
            "properties": {
                "firstname": "Ada",
                "lastname": "Byron",
                "email": "ada@example.org",
                "phone": UNKNOWN,
                "company": "Analytical Engines",
            }
        }
    ]
    stored = await journal.get_call(call.external_call_id)
    assert stored is not None and stored.matches == [outcome.match]
    assert await journal.last_matches_for(UNKNOWN) == [outcome.match]
    # HubSpot matches it from now on: the lookup, and the call logged afterwards.
    assert await service.lookup(call) == [outcome.match]
    assert await service.log(call) == [outcome.match]


async def test_a_taken_email_links_to_the_existing_contact(
    journal: AsyncJournal, service: HubSpotService, clock: Clock
) -> None:
    draft = ContactDraft("Anna", "Again", "anna.schmidt@example.com", phone=UNKNOWN)
    outcome = await creator(journal, service, clock).create(draft, "US")

    assert outcome.result is Result.DUPLICATE
    assert outcome.write.state is WriteState.DUPLICATE
    assert outcome.write.contact_id == 51_200_000_101
    assert outcome.match is not None
    assert outcome.match.coordinates.object_id == 51_200_000_101


async def test_journaled_before_it_is_sent_and_kept_through_a_failure(
    journal: AsyncJournal, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    sandbox.faults.add(Fault.status(503))
    making = creator(journal, service, clock)

    outcome = await making.create(ADA, "US")

    assert outcome.result is Result.QUEUED
    assert outcome.write.state is WriteState.PENDING
    assert outcome.write.attempts == 1
    assert outcome.write.last_error is not None and outcome.write.last_error["status"] == 503
    wait = (outcome.write.next_attempt_at - NOW).total_seconds()
    assert 0.8 * FIRST_RETRY_S <= wait <= 1.2 * FIRST_RETRY_S
    assert await making.send_due() == []  # not due yet
    clock.now += timedelta(seconds=FIRST_RETRY_S * 1.2)
    [later] = await making.send_due()
    assert later.result is Result.CREATED
    assert len(created_contacts(sandbox)) == 1
    assert await making.send_due() == []  # sent once


async def test_a_refusal_is_final(
    journal: AsyncJournal, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    writes = ContactWrites(journal)
    write = await writes.add({"email": "ada@localhost"}, NOW)  # the sandbox refuses it
    making = creator(journal, service, clock)

    outcome = await making.send(write)

    assert outcome.result is Result.FAILED
    assert outcome.error is not None
    assert outcome.write.state is WriteState.FAILED
    clock.now += timedelta(days=1)
    assert await making.send_due() == []
    assert len(sandbox.requests) == 1


async def test_a_write_a_crash_left_sending_is_sent_once_after_the_restart(
    tmp_path: Path, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    path = tmp_path / "journal.sqlite3"
    first = await AsyncJournal.open(path)
    write = await ContactWrites(first).add(ADA.properties("US"), NOW)
    await ContactWrites(first).move(write.id, WriteState.SENDING, NOW)  # then the crash
    await first.close()

    again = await AsyncJournal.open(path)
    try:
        making = creator(again, service, clock)
        assert [w.id for w in await making.recover_interrupted()] == [write.id]
        [outcome] = await making.send_due()
        assert outcome.result is Result.CREATED
        assert outcome.write.attempts == 1  # the interrupted attempt is not counted
        assert await making.send_due() == []
        assert await making.recover_interrupted() == []
    finally:
        await again.close()
    assert len(created_contacts(sandbox)) == 1


async def test_no_token_waits_for_a_reconnect(
    journal: AsyncJournal, sandbox: SandboxServer, clock: Clock
) -> None:
    class NoToken:
        async def access_token(self) -> Secret:
            raise NoTokenError("default")

    async with build_client() as client:
        service = HubSpotService(client, NoToken(), base_url=sandbox.base_url)
        outcome = await creator(journal, service, clock).create(ADA, "US")

    assert outcome.result is Result.QUEUED
    assert outcome.write.next_attempt_at == NOW + timedelta(seconds=RECONNECT_RETRY_S)
    assert sandbox.requests == ()


async def test_another_sender_holding_the_lock_leaves_it_queued(
    journal: AsyncJournal, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    making = creator(journal, service, clock)
    making.lock_wait_s = 0.05
    async with SenderLock.beside(journal.path).held(1.0):
        outcome = await making.create(ADA, "US")
    assert outcome.result is Result.QUEUED
    assert outcome.write.state is WriteState.PENDING
    assert sandbox.requests == ()
    [sent] = await making.send_due()
    assert sent.result is Result.CREATED


async def test_the_calls_log_waits_for_its_contact_and_then_matches_it(
    journal: AsyncJournal, service: HubSpotService, sandbox: SandboxServer, clock: Clock
) -> None:
    call = unknown_call()
    sandbox.faults.add(Fault.status(503))  # HubSpot is away when the contact is created
    making = creator(journal, service, clock)
    woken: list[bool] = []

    async def wake() -> None:
        woken.append(True)

    making.after_settled = wake
    queued = await making.create(ADA, "US", external_call_id=call.external_call_id)
    assert queued.result is Result.QUEUED
    entry = await journal.enqueue_log(call, build_log_body(call))
    sender = OutboxSender(journal, service, clock=clock)

    waiting = await sender.send_entry(entry)  # what `log` would hear: not sent, not delivered
    assert waiting.skipped and waiting.delivered is False and waiting.error is None
    assert (waiting.entry_id, waiting.external_call_id) == (entry.id, call.external_call_id)
    held = await sender.send_due()
    assert held.outcomes == []  # a call waiting for its contact is no outcome yet
    assert held.delivered == 0 and held.still_pending == 1
    assert sandbox.logged_calls() == []  # not before its contact

    clock.now += timedelta(seconds=FIRST_RETRY_S * 1.2)
    [created] = await making.send_due()
    assert created.result is Result.CREATED and woken == [True]
    sent = await sender.send_due()
    assert sent.delivered == 1
    assert len(sandbox.logged_calls()) == 1
    logged = await journal.get_call(call.external_call_id)
    assert logged is not None and logged.matches == [created.match]
    # The contact reached HubSpot before the call's log did, so HubSpot matched it.
    accepted = [r for r in sandbox.requests if r.accepted]
    assert [r.is_inbound_call for r in accepted] == [False, True]
