"""What the desk's listeners hear, and which call an event continues: an answer for a call
never heard ringing, an end, the agent's notes kept across events, calls another run of
the desk left open in the journal, a softphone's id reused after a restart, and the
defaults a new call takes from the settings. Real journal file, real sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import EventKind
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime

from .desk_journal import ANNA, OTTO, rows
from .desk_parts import desk_over, settings_with, webhook_event
from .test_call_desk import Recorder

OTHER_LINE = "+493055509999"  # a number of the agent's company that is not their own line


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
async def started(
    journal_path: Path, sandbox: SandboxServer
) -> AsyncIterator[tuple[DeskRuntime, Recorder]]:
    runtime = await desk_over(journal_path, sandbox)
    recorder = Recorder()
    runtime.desk.add_listener(recorder)
    await runtime.desk.start()
    yield runtime, recorder
    await runtime.close()


def _after_recorded(recorder: Recorder, call_id: str) -> list[UpdateKind]:
    """The kinds the call's listeners heard once its ringing was recorded."""
    kinds = recorder.kinds(call_id)
    return kinds[kinds.index(UpdateKind.MATCHES) + 1 :]


# -- what listeners hear -----------------------------------------------------------------


async def test_an_answer_for_a_call_never_heard_ringing_pops_up_then_says_answered(
    started: tuple[DeskRuntime, Recorder],
) -> None:
    runtime, recorder = started
    call_id = await runtime.desk.handle_event(webhook_event(EventKind.ANSWERED, "sip-9", ANNA))
    answered = await recorder.wait_for(call_id, UpdateKind.ANSWERED)
    assert answered.call.external_call_id == call_id
    assert answered.call.answered_at is not None
    kinds = recorder.kinds(call_id)
    assert kinds[0] is UpdateKind.RINGING  # the pop-up, at once
    assert kinds.index(UpdateKind.ANSWERED) > 0
    assert [c for c in await runtime.journal.list_calls() if c.answered_at] == [answered.call]


async def test_an_end_is_heard_as_a_change_of_the_call_then_as_its_end(
    started: tuple[DeskRuntime, Recorder],
) -> None:
    runtime, recorder = started
    call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    await runtime.desk.handle_event(webhook_event(EventKind.ENDED, "sip-1", ANNA))
    ended = await recorder.wait_for(call_id, UpdateKind.ENDED)
    assert _after_recorded(recorder, call_id) == [UpdateKind.CHANGED, UpdateKind.ENDED]
    changed = [u for u in recorder.updates if u.kind is UpdateKind.CHANGED][-1]
    assert changed.call.external_call_id == call_id
    assert changed.call.final_status is CallStatus.MISSED
    assert ended.call.final_status is CallStatus.MISSED


async def test_logging_a_call_tells_listeners_it_is_on_its_way(
    started: tuple[DeskRuntime, Recorder],
) -> None:
    runtime, recorder = started
    call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
    await runtime.desk.handle_event(webhook_event(EventKind.ENDED, "sip-1", ANNA))
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    await runtime.desk.log_call(call_id, CallStatus.MISSED, "Call back")
    sync = await recorder.wait_for(call_id, UpdateKind.SYNC)
    assert sync.call.external_call_id == call_id
    assert sync.call.sync_state is SyncState.PENDING  # the first word: queued
    assert sync.call.notes == "Call back"


async def test_asking_for_a_call_the_journal_does_not_have_names_the_call(
    started: tuple[DeskRuntime, Recorder],
) -> None:
    runtime, _ = started
    with pytest.raises(InputError) as caught:
        await runtime.desk.log_call("no-such-call", CallStatus.MISSED, "")
    assert caught.value.field == "call"
    assert caught.value.value == "no-such-call"
    assert caught.value.problem == "no such call in the journal"


# -- which call an event continues -------------------------------------------------------


@pytest.mark.parametrize("source_id", ["sip-1", None], ids=["keyed", "by-number"])
async def test_notes_saved_during_a_call_survive_its_answer_and_its_end(
    started: tuple[DeskRuntime, Recorder], source_id: str | None
) -> None:
    runtime, recorder = started
    call_id = await runtime.desk.handle_event(webhook_event(EventKind.RINGING, source_id, ANNA))
    await recorder.wait_for(call_id, UpdateKind.MATCHES)
    await runtime.desk.update_call(call_id, status=None, notes="Wants a quote", title="Quote")
    await runtime.desk.handle_event(webhook_event(EventKind.ANSWERED, source_id, ANNA))
    await runtime.desk.handle_event(webhook_event(EventKind.ENDED, source_id, ANNA))
    await recorder.wait_for(call_id, UpdateKind.ENDED)
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None
    assert (stored.notes, stored.title) == ("Wants a quote", "Quote")
    assert stored.final_status is CallStatus.COMPLETED


async def test_a_desk_continues_the_calls_another_run_left_open_by_their_source_id(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    first = await desk_over(journal_path, sandbox)
    try:
        call_id = await first.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        await first.desk.update_call(call_id, status=None, notes="Asked for Otto", title="")
    finally:
        await first.close()
    # A desk that has not taken the journal's open calls into memory (not started).
    second = await desk_over(journal_path, sandbox)
    try:
        answered = webhook_event(EventKind.ANSWERED, "sip-1", ANNA)
        assert await second.desk.handle_event(answered) == call_id
        ended = webhook_event(EventKind.ENDED, "sip-1", ANNA)
        assert await second.desk.handle_event(ended) == call_id
        stored = await second.journal.get_call(call_id)
        assert stored is not None and stored.answered_at is not None
        assert stored.final_status is CallStatus.COMPLETED
        assert stored.notes == "Asked for Otto"
    finally:
        await second.close()
    assert rows(journal_path) == [(ANNA, "COMPLETED", "sip-1")]


async def test_a_ringing_with_the_id_of_a_call_left_open_is_a_call_of_its_own(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    first = await desk_over(journal_path, sandbox)
    try:
        old = await first.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
    finally:
        await first.close()
    second = await desk_over(journal_path, sandbox)
    try:
        new = await second.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
    finally:
        await second.close()
    assert new != old
    assert [r[2] for r in rows(journal_path)] == ["sip-1", "sip-1"]


async def test_an_id_reused_after_a_restart_is_a_new_call_not_the_old_ended_one(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    first = await desk_over(journal_path, sandbox)
    try:
        await first.desk.start()
        old = await first.desk.handle_event(webhook_event(EventKind.RINGING, "sip-1", ANNA))
        await first.desk.handle_event(webhook_event(EventKind.ENDED, "sip-1", ANNA))
    finally:
        await first.close()
    second = await desk_over(journal_path, sandbox)
    recorder = Recorder()
    second.desk.add_listener(recorder)
    try:
        await second.desk.start()
        # The softphone counts from 1 again; this call's ringing was not heard.
        new = await second.desk.handle_event(webhook_event(EventKind.ANSWERED, "sip-1", OTTO))
        assert new != old
        await recorder.wait_for(new, UpdateKind.ANSWERED)
        await second.desk.handle_event(webhook_event(EventKind.ENDED, "sip-1", OTTO))
        await recorder.wait_for(new, UpdateKind.ENDED)
    finally:
        await second.close()
    assert rows(journal_path) == [(ANNA, "MISSED", "sip-1"), (OTTO, "COMPLETED", "sip-1")]


# -- what a new call takes from the settings ---------------------------------------------


async def test_a_new_call_takes_the_portal_and_recipients_but_keeps_the_line_that_rang(
    journal_path: Path, sandbox: SandboxServer
) -> None:
    settings = settings_with(portal_id=4242, recipient_user_ids=[7, 8])
    runtime = await desk_over(journal_path, sandbox, settings)
    try:
        call_id = await runtime.desk.handle_event(
            webhook_event(EventKind.RINGING, "sip-1", ANNA, to=OTHER_LINE)
        )
        stored = await runtime.journal.get_call(call_id)
    finally:
        await runtime.close()
    assert stored is not None
    assert stored.portal_id == 4242
    assert stored.recipient_user_ids == [7, 8]
    assert stored.to_number is not None and stored.to_number.e164 == OTHER_LINE
