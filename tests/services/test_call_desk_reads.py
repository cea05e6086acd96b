"""What the windows read through the desk and what they tell it about the connection: a
call with the sentence of its last refusal, the recent calls, the token's state, and the
contact creator the desk builds for them. Over a real journal file and the real sandbox;
the desk is not started, so nothing is sent unless a test sends it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState, utc_now
from hubcall_desktop.core.contacts import ContactDraft, Result
from hubcall_desktop.core.desk_types import DeskStatus, TokenState, UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime
from hubcall_desktop.storage.contact_writes import ContactWrites

from .desk_journal import ANNA, OTTO, event, open_desk
from .desk_parts import desk_over, settings_with
from .test_call_desk import Recorder

OWN_PORTAL_ID = 4242  # not the sandbox's: the link must come from the settings


@pytest.fixture
async def runtime(tmp_path: Path, sandbox: SandboxServer) -> AsyncIterator[DeskRuntime]:
    opened = await open_desk(tmp_path / "journal.sqlite3", sandbox)
    yield opened
    await opened.close()


async def _ended_call(runtime: DeskRuntime, source_id: str = "sip-1", number: str = ANNA) -> str:
    desk = runtime.desk
    call_id = await desk.handle_event(event(EventKind.RINGING, source_id, number))
    await desk.handle_event(event(EventKind.ENDED, source_id, number, reason=EndReason.HUNG_UP))
    return call_id


def _keep_as_last_error(path: Path, call_id: str, error: dict[str, str]) -> None:
    """The call's log request failed with ``error``, as the journal keeps it (JSON)."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE outbox SET last_error = ? WHERE external_call_id = ?",
            (json.dumps(error), call_id),
        )


async def test_a_call_never_logged_comes_with_no_refusal(runtime: DeskRuntime) -> None:
    call_id = await _ended_call(runtime)
    other_id = await _ended_call(runtime, "sip-2", OTTO)
    call, sentence = await runtime.desk.call_details(call_id)
    assert call is not None and call.external_call_id == call_id  # that call, not another
    assert call.raw_from == ANNA and other_id != call_id
    assert sentence == ""


async def test_a_call_waiting_in_the_outbox_has_no_refusal_yet(runtime: DeskRuntime) -> None:
    call_id = await _ended_call(runtime)
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "talked")
    call, sentence = await runtime.desk.call_details(call_id)
    assert call is not None and call.sync_state is SyncState.PENDING
    assert sentence == ""


async def test_the_last_refusal_is_told_in_its_sentence(
    runtime: DeskRuntime, tmp_path: Path
) -> None:
    call_id = await _ended_call(runtime)
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "")
    error = {"error": "HubSpotServerError", "sentence": "HubSpot is not answering", "message": "x"}
    _keep_as_last_error(tmp_path / "journal.sqlite3", call_id, error)
    _, sentence = await runtime.desk.call_details(call_id)
    assert sentence == "HubSpot is not answering"


async def test_a_refusal_kept_without_a_sentence_is_told_by_hubspots_message(
    runtime: DeskRuntime, tmp_path: Path
) -> None:
    # A refusal with no sentence of ours (an entry an earlier version kept) still says
    # what HubSpot said; one with neither says nothing rather than something made up.
    path = tmp_path / "journal.sqlite3"
    call_id = await _ended_call(runtime)
    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, "")
    _keep_as_last_error(path, call_id, {"error": "HubSpotServerError", "message": "Bad gateway"})
    assert (await runtime.desk.call_details(call_id))[1] == "Bad gateway"
    _keep_as_last_error(path, call_id, {"error": "HubSpotServerError"})
    assert (await runtime.desk.call_details(call_id))[1] == ""


async def test_recent_calls_are_the_newest_first(runtime: DeskRuntime) -> None:
    ids = [await _ended_call(runtime, f"sip-{n}", ANNA) for n in range(3)]
    recent = await runtime.desk.recent_calls(2)
    assert [c.external_call_id for c in recent] == [ids[2], ids[1]]


async def test_what_the_connection_says_of_the_token_reaches_the_status(
    runtime: DeskRuntime,
) -> None:
    heard: list[DeskStatus] = []
    runtime.desk.add_status_listener(heard.append)
    runtime.desk.token_state(TokenState.RECONNECT, "connect HubSpot again")
    assert runtime.desk.current_status().token is TokenState.RECONNECT
    assert runtime.desk.current_status().message == "connect HubSpot again"
    assert heard[-1] == runtime.desk.current_status()
    runtime.desk.token_state(TokenState.OK)
    assert (heard[-1].token, heard[-1].message) == (TokenState.OK, "")


async def test_the_contact_creator_sends_to_the_desks_hubspot_and_links_the_settings_portal(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    settings = settings_with(portal_id=OWN_PORTAL_ID)
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox, settings)
    try:
        call_id = await _ended_call(runtime)
        creator = runtime.desk.contact_creator()
        draft = ContactDraft("Anna", "Ahrens", "anna@example.org", phone=ANNA)
        outcome = await creator.create(draft, "DE", external_call_id=call_id)
        call = await runtime.desk.get_call(call_id)
        pending = runtime.desk.current_status().pending
    finally:
        await runtime.close()
    assert outcome.result is Result.CREATED and outcome.match is not None
    assert outcome.match.coordinates.portal_id == OWN_PORTAL_ID
    assert any(r.path.endswith("/objects/contacts") and r.accepted for r in sandbox.requests)
    assert call is not None and call.matches[0] == outcome.match  # in the desk's journal
    assert pending == 0  # settling a contact wakes the outbox; it queues no call


async def test_a_call_held_for_its_new_contact_is_sent_as_soon_as_the_contact_is_settled(
    runtime: DeskRuntime,
) -> None:
    # The outbox's own next look is half a minute away: only the creator's word that the
    # contact is settled lets the call go within the recorder's few seconds.
    desk = runtime.desk
    rec = Recorder()
    desk.add_listener(rec)
    await desk.start()
    call_id = await _ended_call(runtime)
    draft = ContactDraft("Anna", "Ahrens", "anna@example.org", phone=ANNA)
    write = await ContactWrites(runtime.journal).add(  # journaled, not sent yet
        draft.properties("DE"), utc_now(), external_call_id=call_id
    )
    await desk.log_call(call_id, CallStatus.COMPLETED, "")
    held = await rec.wait(
        lambda u: u.kind is UpdateKind.SYNC and u.call.external_call_id == call_id
    )
    assert held.call.sync_state is SyncState.PENDING
    await desk.outbox.one_pass()  # a pass (besides the loop's) leaves it waiting
    still = await desk.get_call(call_id)
    assert still is not None and still.sync_state is SyncState.PENDING
    outcome = await desk.contact_creator().send(write)
    assert outcome.result is Result.CREATED
    await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
