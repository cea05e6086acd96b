"""The call's outcome goes out as ``engagementProperties.hs_call_disposition``: its GUID,
never its label, and it wins over a stale value among the call's other properties."""

from __future__ import annotations

from hubcall_desktop.core.outcomes import LEFT_VOICEMAIL
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body, build_lookup_body
from tests.hubspot.test_bodies import make_call


def test_the_outcome_is_sent_as_its_guid() -> None:
    call = make_call(final_status=CallStatus.COMPLETED, outcome=LEFT_VOICEMAIL)
    props = build_log_body(call)["engagementProperties"]
    assert props == {
        "hs_call_direction": "INBOUND",
        "hs_call_disposition": "b2cf5968-551e-4856-9783-52b3da59a7d0",
    }


def test_without_an_outcome_no_disposition_is_sent() -> None:
    call = make_call(final_status=CallStatus.COMPLETED)
    assert "hs_call_disposition" not in build_log_body(call)["engagementProperties"]


def test_the_chosen_outcome_replaces_one_among_the_other_properties() -> None:
    call = make_call(
        final_status=CallStatus.COMPLETED,
        engagement_properties={"hs_call_disposition": "17b47fee-58de-441e-a44c-c6300d46f273"},
        outcome=LEFT_VOICEMAIL,
    )
    props = build_log_body(call)["engagementProperties"]
    assert props["hs_call_disposition"] == LEFT_VOICEMAIL.guid


def test_the_ringing_announcement_carries_no_outcome() -> None:
    call = make_call(outcome=LEFT_VOICEMAIL)
    assert build_lookup_body(call)["engagementProperties"] == {}
