"""What support asks for survives a refusal: the journal keeps HubSpot's correlation id
(from the X-HubSpot-Correlation-Id header when the body has none), its subCategory and
each errors[].message beside the call, and the call window's sentence names the id."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.desk_types import UpdateKind
from hubcall_desktop.core.events import EndReason, EventKind
from hubcall_desktop.core.statuses import CallStatus

from .desk_parts import open_demo_runtime
from .test_call_desk import Recorder, _event

HEADER_ID = "7c0d7d2e-5b1a-4f7e-9f00-4a1b2c3d4e5f"
SUB_CATEGORY = "CallingInboundCallError.INVALID_TO_NUMBER"
FIELD_MESSAGES = ["toNumber.e164Number: not a number HubSpot can call", "toNumber: unknown line"]


def _refuse_the_log(request: httpx.Request) -> httpx.Response:
    if not json.loads(request.content)["createEngagement"]:
        return httpx.Response(200, json={"callerIdMatches": []})
    return httpx.Response(
        400,
        headers={"X-HubSpot-Correlation-Id": HEADER_ID},
        json={  # HubSpot's shape, without a correlationId in the body this time
            "status": "error",
            "message": "Invalid input",
            "category": "VALIDATION_ERROR",
            "subCategory": SUB_CATEGORY,
            "errors": [
                {"message": FIELD_MESSAGES[0], "in": "toNumber.e164Number"},
                {"message": FIELD_MESSAGES[1], "in": "toNumber", "code": "INVALID"},
            ],
        },
    )


async def test_the_journal_keeps_what_support_asks_for(tmp_path: Path) -> None:
    runtime = await open_demo_runtime(
        tmp_path, "http://127.0.0.1:9", httpx.MockTransport(_refuse_the_log)
    )
    rec = Recorder()
    runtime.desk.add_listener(rec)
    try:
        await runtime.desk.start()
        call_id = await runtime.desk.handle_event(_event(EventKind.RINGING))
        await runtime.desk.handle_event(_event(EventKind.ENDED, reason=EndReason.HUNG_UP))
        await runtime.desk.log_call(call_id, CallStatus.MISSED, "")
        await rec.wait_for(call_id, UpdateKind.SYNC, SyncState.FAILED)
        (entry,) = await runtime.journal.outbox_entries(call_id)
        _, sentence = await runtime.desk.call_details(call_id)
    finally:
        await runtime.close()
    kept = entry.last_error
    assert kept is not None
    assert (kept["status"], kept["category"]) == (400, "VALIDATION_ERROR")
    assert kept["correlationId"] == HEADER_ID
    assert kept["subCategory"] == SUB_CATEGORY
    assert kept["errorMessages"] == FIELD_MESSAGES
    assert kept["fields"] == ["toNumber.e164Number", "toNumber"]
    # The call window shows the refusal with the id support asks for.
    assert sentence == kept["sentence"]
    assert sentence.endswith(f"(HubSpot said: Invalid input; correlation id {HEADER_ID})")
