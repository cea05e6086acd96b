"""``history`` and ``sync`` name the calls that wait for the number that was called, and
say how to send them; a withheld caller is not among them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hubcall_desktop.core.call import Call, CallSource, SyncState, utc_now
from hubcall_desktop.core.phone import parse_phone
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.storage.journal import CallJournal


def _journal_with_waiting_calls(data_dir: Path) -> str:
    """What the app journals after `notify ringing --from "+49 30 55501234"`, `notify
    ended`, and Log with no own number set; plus a withheld caller, logged too."""
    data_dir.mkdir(parents=True, exist_ok=True)
    waiting = Call(
        raw_from="+49 30 55501234",
        from_number=parse_phone("+493055501234"),
        source=CallSource.CLI,
        ringing_at=utc_now(),
        ended_at=utc_now(),
        final_status=CallStatus.MISSED,
        sync_state=SyncState.NEEDS_NUMBER,
    )
    withheld = Call(
        raw_from="anonymous",
        number_withheld=True,
        source=CallSource.CLI,
        ringing_at=utc_now(),
        final_status=CallStatus.MISSED,
        sync_state=SyncState.WITHHELD,
    )
    with CallJournal(data_dir / "journal.sqlite3") as journal:
        journal.save_call(waiting)
        journal.save_call(withheld)
    return waiting.external_call_id


def test_history_shows_the_state_and_what_is_missing(run: Any, cli_env: dict[str, str]) -> None:
    call_id = _journal_with_waiting_calls(Path(cli_env["HUBCALL_DATA_DIR"]))
    calls = {c["externalCallId"]: c for c in run("history", "--json").json()["calls"]}
    assert calls[call_id]["syncState"] == "needs_number"
    assert calls[call_id]["numberWithheld"] is False and calls[call_id]["to"] is None
    assert {c["syncState"] for c in calls.values()} == {"needs_number", "withheld"}
    text = run("history")
    assert text.code == 0, text.err
    assert "needs_number" in text.out and "withheld" in text.out
    assert "One call waiting for the number that was called" in text.out
    assert "set your own number in its Settings" in text.out


def test_sync_says_which_calls_wait_for_a_number_and_why(run: Any, cli_env: dict[str, str]) -> None:
    _journal_with_waiting_calls(Path(cli_env["HUBCALL_DATA_DIR"]))
    report = run("sync", "--json")
    assert report.code == 0, report.err  # nothing in the outbox failed or waits there
    assert report.json()["waitingForNumber"] == 1
    text = run("sync")
    assert "Delivered 0, refused 0, still queued 0." in text.out
    assert "One call waiting for the number that was called (needs_number)" in text.err
    assert "HubSpot logs a call only with both numbers" in text.err


def test_sync_says_nothing_of_numbers_when_none_is_missing(run: Any) -> None:
    report = run("sync", "--json")
    assert report.code == 0, report.err
    assert report.json()["waitingForNumber"] == 0
    assert "waiting for the number" not in run("sync").err
