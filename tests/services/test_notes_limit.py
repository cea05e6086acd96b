"""The notes limit on the desk, counted on what is sent: 65,535 typed characters that
become 218,450 once escaped are refused before anything is queued, with how much to cut;
the journal keeps them whole, and the shortened notes are logged and accepted."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import MAX_NOTES_CHARS
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.services.runtime import DeskRuntime

from .test_call_desk import Recorder, recorder
from .test_call_desk_edits import _ended_call

__all__ = ["recorder"]  # shared with test_call_desk (runtime and sandbox: conftest)

TYPED = ("&<a" * 21_845)[:65_535]  # each "&" becomes "&amp;", each "<" "&lt;"


async def test_notes_too_long_once_escaped_are_refused_kept_and_can_be_shortened(
    runtime: DeskRuntime, recorder: Recorder, sandbox: SandboxServer
) -> None:
    call_id = await _ended_call(runtime, recorder)
    with pytest.raises(InputError) as refused:
        await runtime.desk.log_call(call_id, CallStatus.COMPLETED, TYPED)
    assert refused.value.field == "notes"
    assert refused.value.problem == (
        "too long for HubSpot once formatted (218450 of at most 65536 characters): "
        "shorten them to 19660 characters or fewer (45875 fewer than now)"
    )
    stored = await runtime.journal.get_call(call_id)
    assert stored is not None and stored.notes == TYPED  # the agent's words, whole
    assert await runtime.journal.outbox_entries(call_id) == []
    assert sandbox.logged_calls() == []

    await runtime.desk.log_call(call_id, CallStatus.COMPLETED, TYPED[:19_660])
    await recorder.wait_for(call_id, UpdateKind.SYNC, SyncState.LOGGED)
    (logged,) = sandbox.logged_calls()
    sent = logged["engagementProperties"]["hs_call_body"]
    assert MAX_NOTES_CHARS - 5 < len(sent) <= MAX_NOTES_CHARS
